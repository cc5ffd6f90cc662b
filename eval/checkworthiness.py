"""Check-worthiness on the dev split (never trained or tuned on): mean average precision per
CLEF-2019 transcript, F1 / precision / recall of the check-worthy class at the 0.5 threshold on
the ClaimBuster slice, and scoring speed. `python eval/checkworthiness.py [--readme]`."""

from __future__ import annotations

import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

# Run as a script, eval/ would come first on sys.path, and eval/numbers.py would shadow the
# standard library's ``numbers``: the repository root takes its place.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from eval.readme import main_table  # noqa: E402
from factcheck.extraction import training  # noqa: E402
from factcheck.extraction.model import MODEL_PATH, model_from_document, read_document  # noqa: E402
from factcheck.extraction.scoring import checkworthiness  # noqa: E402

THRESHOLD = 0.5
Scorer = Callable[[str], float]


def average_precision(labels: list[int], scores: list[float]) -> float:
    """AP of the ranking by score (ties kept in transcript order), as CLEF-2019 computes it."""
    order = sorted(range(len(scores)), key=lambda index: (-scores[index], index))
    hits, total = 0, 0.0
    for rank, index in enumerate(order, start=1):
        if labels[index]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def at_threshold(labels: list[int], scores: list[float]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the check-worthy class at THRESHOLD."""
    predicted = [score >= THRESHOLD for score in scores]
    true_positive = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    precision = true_positive / max(1, sum(predicted))
    recall = true_positive / max(1, sum(labels))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def measure(rows: list[training.Row], score: Scorer) -> dict[str, float]:
    """AP per dev transcript and their mean; P/R/F1 on ClaimBuster and on the CLEF sentences."""
    by_transcript: dict[str, list[tuple[int, float]]] = defaultdict(list)
    claimbuster: list[tuple[int, float]] = []
    for row in rows:
        pair = (row.label, score(row.text))
        (by_transcript[row.transcript] if row.transcript else claimbuster).append(pair)
    result = {name: _ap(pairs) for name, pairs in by_transcript.items()}
    result["MAP"] = sum(result.values()) / len(by_transcript)
    labels, scores = [label for label, _ in claimbuster], [score for _, score in claimbuster]
    result["P"], result["R"], result["F1"] = at_threshold(labels, scores)
    return result


def _ap(pairs: list[tuple[int, float]]) -> float:
    return average_precision([label for label, _ in pairs], [score for _, score in pairs])


def sentences_per_second(rows: list[training.Row]) -> float:
    """Uncached model scoring rate in CPU seconds of this process (one core)."""
    model = model_from_document(read_document())
    started = time.process_time()
    for row in rows:
        model.probability(model.raw(row.text)[0])
    return len(rows) / (time.process_time() - started)


def table(dev: list[training.Row]) -> str:
    scorers: dict[str, Scorer] = {
        "workbench (model + news rules)": checkworthiness,
        "model alone": _model_alone(),
        'baseline: "has a digit"': lambda text: float(bool(re.search(r"\d", text))),
    }
    results = {name: measure(dev, scorer) for name, scorer in scorers.items()}
    transcripts = sorted(training.DEV_TRANSCRIPTS)
    header = ["scorer", *transcripts, "MAP (mean)", "ClaimBuster F1", "P@0.5", "R@0.5"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, result in results.items():
        cells = [result[t] for t in transcripts] + [result[k] for k in ("MAP", "F1", "P", "R")]
        lines.append(f"| {name} | " + " | ".join(f"{cell:.3f}" for cell in cells) + " |")
    positives = sum(row.label for row in dev)
    lines.append("")
    lines.append(
        f"Dev split: {len(dev):,} sentences ({positives} check-worthy), never trained or tuned "
        f"on. Scoring speed: {sentences_per_second(dev):,.0f} sentences/s (CPU time, one core); "
        f"model file {MODEL_PATH.stat().st_size / 1e6:.2f} MB."
    )
    return "\n".join(lines)


def _model_alone() -> Scorer:
    model = model_from_document(read_document())
    return lambda text: model.probability(model.raw(text)[0])


if __name__ == "__main__":
    main_table("checkworthiness", table(training.split_rows(training.load_rows()).dev))
