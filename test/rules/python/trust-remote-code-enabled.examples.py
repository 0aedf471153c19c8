# fixture-path: docs/source/quicktour.py
# Documentation loads named demo models: still runs the repository's code (a warning), but not unattended code (no error).
from transformers import AutoModel

# expect: trust-remote-code-enabled:warning
model = AutoModel.from_pretrained("org/custom", revision="86b5e0934494bd15c9632b12f734a8a67f723594", trust_remote_code=True)
# expect: trust-remote-code-enabled:warning
opts = {"trust_remote_code": True}
# ok: trust-remote-code-enabled
plain = AutoModel.from_pretrained("org/custom", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
