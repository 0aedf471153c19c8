# hardcoded-secret fix without `import os`: the fix adds it before the statement.
from huggingface_hub import login

# expect: hardcoded-secret
import os
login(token=os.environ["HF_TOKEN"])
