# Raw PII-named columns sent to trackers, LLM APIs and external HTTP endpoints.
import mlflow
import requests
import wandb
from openai import OpenAI

client = OpenAI()

# expect: pii-sent-to-third-party
wandb.log({"predictions": wandb.Table(dataframe=df[["email", "score"]])})
# expect: pii-sent-to-third-party
mlflow.log_param("reviewer", user.email)
# expect: pii-sent-to-third-party
client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Summarise the account of {row['ssn']}"}])
# expect: pii-sent-to-third-party
requests.post("https://hooks.example-crm.io/ingest", json={"phone": df["phone_number"].tolist()})

# ok: pii-sent-to-third-party
wandb.log({"accuracy": acc, "rows": len(df["email"])})
# ok: pii-sent-to-third-party
requests.post("http://localhost:8080/ingest", json={"email": user.email})
# ok: pii-sent-to-third-party
requests.post(url, json={"email": user.email})
# ok: pii-sent-to-third-party
client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
