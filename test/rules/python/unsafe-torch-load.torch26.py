# fixture-requirements: torch>=2.6.0
# The workspace requires torch>=2.6, where torch.load defaults to weights_only=True.
import torch

# expect: unsafe-torch-load:note
state = torch.load("model.pt", map_location="cpu")
# expect: unsafe-torch-load:error
state = torch.load("model.pt", weights_only=False)
# ok: unsafe-torch-load
state = torch.load("model.pt", weights_only=True)
