# Fixture for hardcoded-secret: provider formats, credential-named literals, and look-alikes that are not secrets.
import os
import wandb
from openai import OpenAI

# expect: hardcoded-secret:error
HF_TOKEN = os.environ["HF_TOKEN"]
# expect: hardcoded-secret
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
# expect: hardcoded-secret
legacy = os.environ["OPENAI_API_KEY"]
# expect: hardcoded-secret
config = {"anthropic_api_key": os.environ["ANTHROPIC_API_KEY"]}
# expect: hardcoded-secret:warning
wandb.login(key=os.environ["WANDB_API_KEY"])
# expect: hardcoded-secret
COHERE_API_KEY = os.environ["COHERE_API_KEY"]
# expect: hardcoded-secret
mistral_api_key: str = os.environ["MISTRAL_API_KEY"]
# expect: hardcoded-secret:error
aws_access_key_id = os.environ["AWS_ACCESS_KEY_ID"]
# expect: hardcoded-secret
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
# expect: hardcoded-secret
github = os.environ["GITHUB_TOKEN"]
# expect: hardcoded-secret
stripe_key = os.environ["STRIPE_API_KEY"]
# expect: hardcoded-secret:warning
engine_url = "postgresql://ml:Zo4VkqouKdX5TiGkLL@db.internal:5432/features"
# expect: hardcoded-secret
headers = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6Ik1MIn0.2ubgu4nYe4EbwTK_zRt5oz6ptnv9MjzH4D_JMfsfmXT"}
# expect: hardcoded-secret:warning
dbPassword = os.environ["DB_PASSWORD"]
# expect: hardcoded-secret
greeting = f"token is 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"


def connect():
    # expect: hardcoded-secret
    return OpenAI(api_key=os.environ["OPENAI_API_KEY"])


# ok: hardcoded-secret
api_key = "YOUR_API_KEY"
# ok: hardcoded-secret
token = "<token>"
# ok: hardcoded-secret
password = "changeme"
# ok: hardcoded-secret
openai_key = "sk-..."
# ok: hardcoded-secret
example_id = "AKIAIOSFODNN7EXAMPLE"
# ok: hardcoded-secret
hf = "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: hardcoded-secret
secret_key = os.environ["SECRET_KEY"]
# ok: hardcoded-secret
api_token = os.getenv("API_TOKEN", "")
# ok: hardcoded-secret
model_sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
# ok: hardcoded-secret
request_id = "123e4567-e89b-12d3-a456-426614174000"
# ok: hardcoded-secret
max_tokens = 4096
# ok: hardcoded-secret
pad_token = "[PAD]"
# ok: hardcoded-secret
token_path = "/var/run/secrets/token"
# ok: hardcoded-secret
url = "postgresql://user:password@localhost/db"
# ok: hardcoded-secret
api_key_env = "OPENAI_API_KEY"
# ok: hardcoded-secret
EMRFS_SSE_KEY = "fs.s3.enableServerSideEncryption2"
# ok: hardcoded-secret
s3_key = "exports/2024-06-01/model-v12.tar.gz"
# ok: hardcoded-secret
result_key = "Ipv6CidrBlockAssociationSet2"
# Identifiers, references and expressions are not credentials (class 1 of issue 10).
# ok: hardcoded-secret
token_states = encoder_out[0]
# ok: hardcoded-secret
lora_key = f"{base_key.rsplit('.', 1)[0]}.lora_down"
# ok: hardcoded-secret
CACHE_KEY = "nightly-wheel-index-digest-2025-03-02"
# ok: hardcoded-secret
task.set_output(output_parameter_key="pipelinechannel--train-model-2-metrics")
# ok: hardcoded-secret
mount_secret(env_map={"password": "DB_PASSWORD_ENV2"})
# ok: hardcoded-secret
upstream_key = "feature-store-offline-snapshot"
# ok: hardcoded-secret
fake_env = {"AWS_SECRET_ACCESS_KEY": "INVALID_KEY_FOR_RETRY_TEST_4242"}
# ok: hardcoded-secret
session_token = "http://auth.svc.cluster.local:8080/oauth/token"
# ok: hardcoded-secret
access_token = "*default_access_token_alias"
# Severity follows the evidence (class 2): samples and documented defaults are notes.
# expect: hardcoded-secret:note
admin_password = os.environ["ADMIN_PASSWORD"]
# expect: hardcoded-secret:note
MINIO_ROOT_PASSWORD = os.environ["MINIO_ROOT_PASSWORD"]
# expect: hardcoded-secret:note
registry_password = os.environ["REGISTRY_PASSWORD"]  # replace with your registry password
