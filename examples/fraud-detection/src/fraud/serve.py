"""FastAPI scoring service used by checkout: POST /score -> fraud probability."""
from __future__ import annotations

import os
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import torch
from fastapi import FastAPI, Header, HTTPException
from pydantic import BaseModel

from fraud.train import FraudMLP
from fraud.utils import load_artifact, load_state_dict

MODEL_DIR = Path(os.environ.get("MODEL_DIR", "models"))
THRESHOLD = float(os.environ.get("FRAUD_THRESHOLD", "0.42"))

app = FastAPI(title="fraud-scoring", version="0.3.1")

pipeline = joblib.load(MODEL_DIR / "pipeline.joblib")
# Object array: row i is (merchant_id, 32-d embedding) from the merchant2vec job.
merchant_embeddings = np.load(MODEL_DIR / "merchant_embeddings.npy", allow_pickle=True)
merchant_lookup = pd.read_pickle(MODEL_DIR / "merchant_lookup.pkl")

try:
    model = FraudMLP(n_features=len(pipeline.get_feature_names_out()))
    model.load_state_dict(load_state_dict(MODEL_DIR / "fraud_model.pt"))
    model.eval()
    legacy = None
except FileNotFoundError:
    # v1 GBM, kept for regions where the MLP is not rolled out yet.
    model, legacy = None, load_artifact(MODEL_DIR / "legacy_model.pkl")


class Transaction(BaseModel):
    transaction_id: str
    customer_id: str
    merchant_id: str
    merchant_category: str
    channel: str
    country: str
    amount: float
    hour: int
    account_age_days: int
    txn_count_24h: int
    amount_zscore_30d: float


class Score(BaseModel):
    transaction_id: str
    probability: float
    block: bool


@app.post("/score", response_model=Score)
def score(txn: Transaction, x_api_key: str = Header(default="")) -> Score:
    if x_api_key != os.environ.get("FRAUD_API_KEY", "dev-key-change-me"):
        raise HTTPException(status_code=401)
    row = pd.DataFrame([txn.model_dump()])
    row["merchant_risk"] = merchant_lookup.get(txn.merchant_id, {}).get("risk", 0.0)
    x = pipeline.transform(row)
    if model is not None:
        with torch.no_grad():
            p = torch.sigmoid(model(torch.from_numpy(x).float())).item()
    else:
        p = float(legacy["model"].predict_proba(x)[0, 1])
    return Score(transaction_id=txn.transaction_id, probability=p, block=p >= THRESHOLD)


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True, "embeddings": len(merchant_embeddings), "mlp": model is not None}
