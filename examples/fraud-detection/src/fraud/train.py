"""Trains the gradient-boosted baseline and the MLP; writes both to models/."""
from __future__ import annotations

import argparse
import logging
import pickle
from pathlib import Path

import joblib
import numpy as np
import torch
import yaml
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score
from torch import nn

from fraud.data import load_transactions, split
from fraud.features import add_customer_aggregates, build_pipeline

log = logging.getLogger("fraud.train")


def read_config(path: str) -> dict:
    with open(path) as f:
        return yaml.load(f, Loader=yaml.FullLoader)


class FraudMLP(nn.Module):
    def __init__(self, n_features: int, hidden: int = 16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_features, hidden), nn.ReLU(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


def fitted_pipeline(cfg: dict, x_train):
    # Fitting the one-hot encoder over ~30M rows takes minutes; reuse the cached one between runs.
    cache = Path(cfg["data"]["feature_cache"])
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    pipe = build_pipeline(cfg["features"]["numeric"], cfg["features"]["categorical"])
    pipe.fit(x_train)
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump(pipe, f)
    return pipe


def train_mlp(cfg: dict, x: np.ndarray, y: np.ndarray) -> FraudMLP:
    m = cfg["mlp"]
    model = FraudMLP(x.shape[1], m["hidden"])
    resume = Path(m["resume_from"])
    if resume.exists():
        state = torch.load(resume, map_location="cpu")
        model.load_state_dict(state)
        log.info("resumed from %s", resume)
    opt = torch.optim.Adam(model.parameters(), lr=m["lr"])
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(m["pos_weight"]))
    xt, yt = torch.from_numpy(x).float(), torch.from_numpy(y).float()
    for epoch in range(m["epochs"]):
        perm = torch.randperm(len(xt))
        total = 0.0
        for i in range(0, len(xt), m["batch_size"]):
            idx = perm[i : i + m["batch_size"]]
            opt.zero_grad()
            loss = loss_fn(model(xt[idx]), yt[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        log.info("epoch %d loss %.4f", epoch, total / len(xt))
    return model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config/train.yaml")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    cfg = read_config(args.config)
    df = add_customer_aggregates(load_transactions(cfg["data"]["transactions"]))
    x_train, x_test, y_train, y_test = split(df, cfg["data"]["test_size"], cfg["data"]["random_state"])

    pipe = fitted_pipeline(cfg, x_train)
    xtr, xte = pipe.transform(x_train), pipe.transform(x_test)

    baseline = GradientBoostingClassifier(**cfg["baseline"]).fit(xtr, y_train)
    log.info("baseline AP %.4f", average_precision_score(y_test, baseline.predict_proba(xte)[:, 1]))

    model = train_mlp(cfg, xtr.astype(np.float32), y_train.to_numpy())
    with torch.no_grad():
        scores = torch.sigmoid(model(torch.from_numpy(xte).float())).numpy()
    log.info("mlp AP %.4f", average_precision_score(y_test, scores))

    out = Path(cfg["output"]["dir"])
    out.mkdir(exist_ok=True)
    joblib.dump(baseline, out / "baseline.joblib")
    joblib.dump(pipe.named_steps["pre"].named_transformers_["num"], out / "scaler.joblib")
    joblib.dump(pipe, out / "pipeline.joblib")
    torch.save(model.state_dict(), out / "fraud_model.pt")


if __name__ == "__main__":
    main()
