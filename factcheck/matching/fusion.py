"""Learned fusion: one logistic regression over the feature rows (features.NAMES). Pure numpy.

The weights in weights.json were fitted on the CLEF-2020 CheckThat! Task 2 *training* tweets only
(`python -m factcheck.matching.train`); the dev split measures them (eval/matching.py).
"""

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from factcheck.matching import features

WEIGHTS = Path(__file__).with_name("weights.json")


@lru_cache(maxsize=1)
def weights() -> np.ndarray:
    """The fitted weights, in features.NAMES order; a file for other features is refused."""
    stored = json.loads(WEIGHTS.read_text())
    if tuple(stored["features"]) != features.NAMES:
        raise ValueError("weights.json was fitted for other features: run factcheck.matching.train")
    return np.asarray(stored["weights"], dtype=np.float64)


def score(rows: np.ndarray) -> np.ndarray:
    """Probability-like scores in [0, 1], one per feature row."""
    return 1.0 / (1.0 + np.exp(-(rows @ weights())))


def fit(rows: np.ndarray, labels: np.ndarray, l2: float = 1e-3, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method with a small L2 penalty (bias included)."""
    w = np.zeros(rows.shape[1])
    penalty = l2 * np.eye(rows.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(rows @ w)))
        gradient = rows.T @ (p - labels) / len(rows) + penalty @ w
        hessian = (rows * (p * (1 - p))[:, None]).T @ rows / len(rows) + penalty
        w -= np.linalg.solve(hessian, gradient)
    return w
