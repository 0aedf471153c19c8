import msgpack
import msgpack_numpy as m

# expect: unsafe-msgpack-numpy
m.patch()
# expect: unsafe-msgpack-numpy
arr = msgpack.unpackb(payload, object_hook=m.decode)
# expect: unsafe-msgpack-numpy
arr = m.unpackb(payload)
# ok: unsafe-msgpack-numpy
payload = msgpack.packb(arr, default=m.encode)
# ok: unsafe-msgpack-numpy
record = msgpack.unpackb(payload, raw=False)
