import torch
import torch as T
from torch import load
from torch.serialization import load as sload

path = "checkpoints/model.pt"
flag = True
# expect: unsafe-torch-load
state = torch.load(path)
# expect: unsafe-torch-load
state = torch.load(path, map_location="cpu")
# expect: unsafe-torch-load
state = T.load(path, weights_only=False)
# expect: unsafe-torch-load
state = load(path)
# expect: unsafe-torch-load
state = sload(path, map_location=torch.device("cpu"))
# expect: unsafe-torch-load
state = torch.serialization.load(path)
# expect: unsafe-torch-load
model.load_state_dict(torch.load(path, map_location="cpu"))
loader = torch.load
# expect: unsafe-torch-load
ckpt = loader(path)
# expect: unsafe-torch-load
ckpt = torch.load(
    path,
    map_location="cpu",
)
# ok: unsafe-torch-load
state = torch.load(path, weights_only=True)
# ok: unsafe-torch-load
state = torch.load(path, map_location="cpu", weights_only=flag)
# ok: unsafe-torch-load
state = torch.load(path, **load_kwargs)
# ok: unsafe-torch-load
scripted = torch.jit.load("model_scripted.pt")
# ok: unsafe-torch-load
ext = torch.utils.cpp_extension.load(name="ops", sources=["ops.cpp"])
# ok: unsafe-torch-load
data = json.load(open("config.json"))


def restore(self, ckpt_path, device):
    # expect: unsafe-torch-load
    checkpoint = torch.load(ckpt_path, map_location=device)
    self.model.load_state_dict(checkpoint["model"])
    return checkpoint["epoch"]
