import numpy as np
import numpy

flag = False
# expect: unsafe-numpy-allow-pickle
embeddings = np.load("embeddings.npy", allow_pickle=True)
# expect: unsafe-numpy-allow-pickle
meta = numpy.load(path, None, True)
# expect: unsafe-numpy-allow-pickle
arrays = np.load(f, mmap_mode="r", allow_pickle=True, encoding="latin1")
# ok: unsafe-numpy-allow-pickle
embeddings = np.load("embeddings.npy")
# ok: unsafe-numpy-allow-pickle
embeddings = np.load("embeddings.npy", allow_pickle=False)
# ok: unsafe-numpy-allow-pickle
embeddings = np.load("embeddings.npy", allow_pickle=flag)
# ok: unsafe-numpy-allow-pickle
np.save("embeddings.npy", embeddings, allow_pickle=True)
