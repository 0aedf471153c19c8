# hardcoded-secret fix without `import os`: the fix adds it before the statement.
from huggingface_hub import login

# expect: hardcoded-secret
login(token="hf_znshLM5mFk7aayMBsEGdsTxHu4DUXftWCD")
