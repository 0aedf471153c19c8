import pickle
import pickle as pkl
import dill
import cloudpickle
import _pickle
import importlib
from pickle import loads as unpickle
from six.moves import cPickle

try:
    import cPickle as fast_pickle
except ImportError:
    import pickle as fast_pickle

with open("features.pkl", "rb") as f:
    # expect: unsafe-pickle-load
    features = pickle.load(f)
# expect: unsafe-pickle-load
obj = pkl.loads(blob)
# expect: unsafe-pickle-load
obj = unpickle(redis_client.get("cache:features"))
# expect: unsafe-pickle-load
obj = fast_pickle.load(open(path, "rb"))
# expect: unsafe-pickle-load
obj = cPickle.loads(data)
# expect: unsafe-pickle-load
obj = _pickle.loads(data)
# expect: unsafe-pickle-load
session = dill.load(open("session.pkl", "rb"))
# expect: unsafe-pickle-load
dill.load_session("notebook_env.db")
# expect: unsafe-pickle-load
fn = cloudpickle.loads(payload)
# expect: unsafe-pickle-load
unpickler = pickle.Unpickler(f)
decode = pkl.loads
# expect: unsafe-pickle-load
model = decode(base64.b64decode(request.json["model"]))
# expect: unsafe-pickle-load
items = [pickle.loads(row["blob"]) for row in rows]


class RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(name)


# ok: unsafe-pickle-load
safe = RestrictedUnpickler(f).load()
# ok: unsafe-pickle-load
blob = pickle.dumps(model)
# ok: unsafe-pickle-load
pickle.dump(model, open("model.pkl", "wb"))
# ok: unsafe-pickle-load
cfg = json.loads(text)
# ok: unsafe-pickle-load
state = checkpoint.load(path)
# expect: unsafe-pickle-load
obj = __import__("pickle").loads(data)
# expect: unsafe-pickle-load
obj = importlib.import_module("dill").loads(data)
# expect: unsafe-pickle-load
models = list(map(pickle.loads, blobs))
# expect: unsafe-pickle-load
df["model"] = df["blob"].apply(pkl.loads)
# ok: unsafe-pickle-load
obj = __import__("json").loads(data)
# ok: unsafe-pickle-load
mocker.patch("pickle.load", return_value={})
