from transformers import AutoModel, AutoModelForCausalLM, pipeline
from datasets import load_dataset
import torch

# expect: trust-remote-code-enabled:error, model-revision-not-pinned
model = AutoModel.from_pretrained("org/custom")
# expect: trust-remote-code-enabled:warning
pinned = AutoModelForCausalLM.from_pretrained("org/custom", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
# ok: trust-remote-code-enabled
off = AutoModel.from_pretrained("org/custom", trust_remote_code=False, revision="86b5e0934494bd15c9632b12f734a8a67f723594")
# ok: trust-remote-code-enabled
unknown = AutoModel.from_pretrained("org/custom", trust_remote_code=flag, revision="86b5e0934494bd15c9632b12f734a8a67f723594")
# expect: trust-remote-code-enabled, model-revision-not-pinned
ds = load_dataset("org/dataset")
# expect: trust-remote-code-enabled, model-revision-not-pinned
hub = torch.hub.load("owner/repo", "model")
# expect: trust-remote-code-enabled, model-revision-not-pinned
gen = pipeline("text-generation", model="org/custom", model_kwargs={"device_map": "auto"})
# expect: trust-remote-code-enabled
load_kwargs = {"torch_dtype": "auto"}
# ok: trust-remote-code-enabled, model-revision-not-pinned
spread_model = AutoModel.from_pretrained("org/custom", **load_kwargs)
# expect: trust-remote-code-enabled
inline_spread = AutoModel.from_pretrained("org/custom", revision="86b5e0934494bd15c9632b12f734a8a67f723594", **{})
# ok: trust-remote-code-enabled
safe_kwargs = {"trust_remote_code": False, "note": "trust_remote_code stays off"}
# ok: trust-remote-code-enabled
unknown_kwargs = {"trust_remote_code": allow_remote}
