"""Loading and splitting the monthly transaction extract."""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

log = logging.getLogger(__name__)

LABEL = "is_fraud"
DTYPES = {
    "transaction_id": "string",
    "customer_id": "string",
    "merchant_category": "category",
    "channel": "category",
    "country": "category",
    "amount": "float64",
}


def load_transactions(path: str | Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=DTYPES, parse_dates=["ts"])
    df["hour"] = df["ts"].dt.hour
    # Chargebacks arrive up to 45 days late; rows younger than that have unreliable labels.
    cutoff = df["ts"].max() - pd.Timedelta(days=45)
    before = len(df)
    df = df[df["ts"] <= cutoff]
    log.info("dropped %d rows newer than %s (label lag)", before - len(df), cutoff.date())
    return df.reset_index(drop=True)


def split(df: pd.DataFrame, test_size: float, random_state: int):
    x = df.drop(columns=[LABEL])
    y = df[LABEL].astype(int)
    return train_test_split(x, y, test_size=test_size, random_state=random_state, stratify=y)
