"""Small I/O helpers shared by training, serving and the notebooks."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pickle as pkl
import torch
import yaml
from joblib import load as jl

# Kept for the feature-store client, which hands us pickled rows as bytes.
loader = pkl.loads


def load_artifact(path: str | Path):
    """Loads a v1 artefact (pickled dict with 'model' and 'threshold')."""
    with open(path, "rb") as f:
        return pkl.load(f)


def load_sklearn(path: str | Path):
    return jl(path)


def decode_feature_row(blob: bytes) -> dict:
    return loader(blob)


# --- the loaders below are the ones new code should use ---

def load_state_dict(path: str | Path) -> dict:
    # Tensors only: refuses checkpoints that smuggle in arbitrary objects.
    return torch.load(path, map_location="cpu", weights_only=True)


def read_yaml(path: str | Path) -> dict:
    with open(path) as f:
        return yaml.safe_load(f)


def load_vectors(path: str | Path) -> np.ndarray:
    return np.load(path)


def read_metrics(path: str | Path) -> dict:
    with open(path) as f:
        return json.load(f)


def write_metrics(path: str | Path, metrics: dict) -> None:
    Path(path).write_text(json.dumps(metrics, indent=2, sort_keys=True))
