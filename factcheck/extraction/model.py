"""The shipped check-worthiness model: TF-IDF over `grams()` and a logistic regression, read
from plain JSON (no pickle) and scored in pure Python. Training lives in `training.py`.

A sentence's raw score is  z = Σ tfidf(f)·coef(f) / ‖tfidf‖ + intercept  over the features f
the model knows (tf = 1 + log count, the TF-IDF vector L2-normalised), then calibrated with
Platt scaling, p = 1 / (1 + exp(-(a·z + b))), fitted on sentences held out of training.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from factcheck.extraction.grams import grams

MODEL_PATH = Path(__file__).resolve().parent / "data" / "checkworthiness_model.json.gz"


@dataclass(frozen=True)
class Model:
    weights: dict[str, tuple[float, float]]  # feature → (idf², idf·coef)
    intercept: float
    platt: tuple[float, float]
    meta: dict

    def logit(self, sentence: str) -> float:
        """The uncalibrated score alone: raw() without recording contributions."""
        weights = self.weights
        norm = total = 0.0
        for feature, count in Counter(grams(sentence)).items():
            known = weights.get(feature)
            if known is not None:
                if count == 1:
                    norm += known[0]
                    total += known[1]
                else:
                    tf = 1.0 + math.log(count)
                    norm += tf * tf * known[0]
                    total += tf * known[1]
        return total / math.sqrt(norm) + self.intercept if norm else self.intercept

    def raw(self, sentence: str) -> tuple[float, dict[str, float]]:
        """The uncalibrated score and each known feature's contribution to it."""
        weights = self.weights
        contributions: dict[str, float] = {}
        norm = 0.0
        for feature, count in Counter(grams(sentence)).items():
            known = weights.get(feature)
            if known is not None:
                tf = 1.0 + math.log(count) if count > 1 else 1.0
                norm += tf * tf * known[0]
                contributions[feature] = tf * known[1]
        if not norm:
            return self.intercept, contributions
        scale = 1.0 / math.sqrt(norm)
        contributions = {feature: value * scale for feature, value in contributions.items()}
        return sum(contributions.values()) + self.intercept, contributions

    def probability(self, raw: float) -> float:
        a, b = self.platt
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, a * raw + b))))


def model_from_document(document: dict) -> Model:
    """A Model from the JSON document `training.train()` writes."""
    weights = {
        feature: (idf * idf, idf * coef)
        for feature, idf, coef in zip(
            document["features"], document["idf"], document["coef"], strict=True
        )
    }
    platt = (float(document["platt"][0]), float(document["platt"][1]))
    return Model(weights, float(document["intercept"]), platt, document.get("meta", {}))


def read_document(path: Path = MODEL_PATH) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@cache
def shipped_model() -> Model:
    """The model in the repository, read once per process."""
    return model_from_document(read_document())


@lru_cache(maxsize=8192)
def model_probability(sentence: str) -> float:
    """The shipped model's calibrated probability that `sentence` is worth checking."""
    model = shipped_model()
    return model.probability(model.logit(sentence))


def model_explanation(sentence: str, top: int = 8) -> list[tuple[str, float]]:
    """The features that moved the model's raw score most, strongest first, with weights."""
    _, contributions = shipped_model().raw(sentence)
    ranked = sorted(contributions.items(), key=lambda item: (-abs(item[1]), item[0]))
    return [(feature, round(weight, 4)) for feature, weight in ranked[:top]]
