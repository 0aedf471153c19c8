# fixture-path: examples/sft/train.py
# Example scripts download public demo models by name: notes that say why.
from transformers import AutoModelForCausalLM
import torch

# expect: model-revision-not-pinned:note
model = AutoModelForCausalLM.from_pretrained("org/demo-model", revision="MLSEC-PLACEHOLDER-commit-sha")
# expect: model-revision-not-pinned:note
hub = torch.hub.load("pytorch/vision", "resnet18")
# ok: model-revision-not-pinned
pinned = AutoModelForCausalLM.from_pretrained("org/demo-model", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
