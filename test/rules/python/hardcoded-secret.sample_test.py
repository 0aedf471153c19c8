# Fixture for hardcoded-secret in a test module (`*_test.py`): name-based finds are notes, provider formats stay errors.
import os

from registry import Client

# expect: hardcoded-secret:note
client = Client(username="ci-user", password="Wq3rTz8Lp")
# expect: hardcoded-secret:note
FIXTURE_API_KEY = "Jx7Lq2Vm9Rt4Zp8Kw3Nb"
# expect: hardcoded-secret:error
LEAKED = "hf_Vq8pWm3KzT7xLr2NbY6cHd9JfG4sRa5EuQ"
# ok: hardcoded-secret
password = "s3cr3t"
