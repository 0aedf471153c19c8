# Fixture for hardcoded-secret in a test module (`*_test.py`): name-based finds are notes, provider formats stay errors.
import os

from registry import Client

# expect: hardcoded-secret:note
client = Client(username="ci-user", password=os.environ["PASSWORD"])
# expect: hardcoded-secret:note
FIXTURE_API_KEY = os.environ["FIXTURE_API_KEY"]
# expect: hardcoded-secret:error
LEAKED = os.environ["HF_TOKEN"]
# ok: hardcoded-secret
password = "s3cr3t"
