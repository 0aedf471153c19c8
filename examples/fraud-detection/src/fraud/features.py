"""Feature engineering: rolling customer aggregates and the sklearn preprocessing pipeline."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def add_customer_aggregates(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["customer_id", "ts"]).copy()
    by_customer = df.set_index("ts").groupby("customer_id")["amount"]
    df["txn_count_24h"] = by_customer.rolling("24h").count().to_numpy()
    mean_30d = by_customer.rolling("30D").mean().to_numpy()
    std_30d = by_customer.rolling("30D").std().fillna(0).to_numpy()
    df["amount_zscore_30d"] = np.where(std_30d > 0, (df["amount"] - mean_30d) / std_30d, 0.0)
    return df


def build_pipeline(numeric: list[str], categorical: list[str]) -> Pipeline:
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), categorical),
        ],
        sparse_threshold=0.0,
    )
    return Pipeline([("pre", pre)])
