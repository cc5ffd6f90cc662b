"""Leave-one-author-out cross-validation of a learned pairing gate for the number check.

    python eval/numbers_cv.py [--model logistic|boosting] [--penalty N]

Folds: heldout5 … heldout10, each written by a different author; dev and heldout … heldout4 are
always in training. For each fold the gate (``eval/numbers_pairing.py``'s features,
P(same thing | candidate figure pair)) is trained on every other split, its threshold chosen by an
inner leave-one-author-out loop over the training folds alone (never on the fold it is scored
on), and the fold is scored three ways: (a) today's rules, (b) the rules' pairs the gate keeps,
(c) any candidate pair the gate accepts, the rules' verdict being one of its features.
Threshold choice: most comparable pairs decided minus ``--penalty`` × wrong agrees/conflicts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "eval"]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "eval" / "data" / "number_pairs.jsonl"

import numpy as np  # noqa: E402

from eval.numbers_pairing import GROUPS, candidates, features  # noqa: E402
from factcheck.sources.numbers.compare import _distance  # noqa: E402

FOLDS = ("heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10")
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 1.0, 0.05))
_ORDER = {"agrees": 0, "close": 1, "conflicts": 2}
_LABELS = {"rules": "(a) rules", "gate": "(b) rules + gate", "open": "(c) gate alone"}


def prepare(rows: list[dict]) -> list[dict]:
    """Each row with its candidates, their feature vectors and training labels (1 same thing,
    0 different, -1 unused: a positive row's other candidates)."""
    out = []
    for row in rows:
        found = candidates(row["claim"], row["passage"])
        vectors = [features(row["claim"], row["passage"], c) for c in found]
        out.append(
            {**row, "candidates": found, "vectors": vectors, "targets": _targets(row, found)}
        )
    return out


def _targets(row: dict, found: list) -> list[int]:
    if row["label"] == "none":
        return [0] * len(found)
    # The main pair: the one the rules would pick if its grade is the label, else the nearest
    # candidate graded as labelled, preferring the rules' pairs.
    graded = [i for i, c in enumerate(found) if c.grade == row["label"]]
    if not graded:
        return [-1] * len(found)
    best = min(graded, key=lambda i: (not found[i].rules, _distance(*_figs(found[i]))))
    return [1 if i == best else -1 for i in range(len(found))]


def _figs(c) -> tuple:  # noqa: ANN001
    return (c.claimed, c.found)


def feature_names(groups: str) -> list[str]:
    return [n for g in groups.split(",") for n in GROUPS[g]]


def matrix(rows: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for row in rows:
        for vector, target in zip(row["vectors"], row["targets"], strict=True):
            if target >= 0:
                xs.append([vector[n] for n in names])
                ys.append(target)
    return np.array(xs, dtype=float), np.array(ys, dtype=int)


def fit(rows: list[dict], names: list[str], kind: str):  # noqa: ANN201
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    x, y = matrix(rows, names)
    if kind == "boosting":
        model = GradientBoostingClassifier(n_estimators=60, max_depth=2, random_state=0)
    else:
        model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    return model.fit(x, y)


def probabilities(model, rows: list[dict], names: list[str]) -> list[list[float]]:  # noqa: ANN001
    out = []
    for row in rows:
        if not row["vectors"]:
            out.append([])
            continue
        x = np.array([[v[n] for n in names] for v in row["vectors"]], dtype=float)
        out.append(list(model.predict_proba(x)[:, 1]))
    return out


def decide(row: dict, probs: list[float] | None, mode: str, threshold: float) -> str:
    """The row's result: per claim figure the best usable candidate, the worst grade wins."""
    chosen: dict[int, tuple] = {}
    for i, c in enumerate(row["candidates"]):
        p = probs[i] if probs else 1.0
        usable = c.rules if mode == "rules" else (c.rules and p >= threshold)
        if mode == "open":
            usable = p >= threshold
        if not usable:
            continue
        rank = (_ORDER[c.grade], _distance(c.claimed, c.found), c.found.span[0])
        if mode == "open":
            rank = (-p, *rank)
        key = id(c.claimed)
        if key not in chosen or rank < chosen[key][0]:
            chosen[key] = (rank, c.grade)
    grades = {grade for _, grade in chosen.values()}
    return next((r for r in ("conflicts", "close", "agrees") if r in grades), "none")


def measure(rows: list[dict], predicted: list[str]) -> dict:
    pairs = list(zip(rows, predicted, strict=True))
    comparable = [p for r, p in pairs if r["label"] != "none"]
    different = [p for r, p in pairs if r["label"] == "none" and r["kind"] != "no_figure"]

    def precision(result: str) -> tuple[float, int]:
        called = [r for r, p in pairs if p == result]
        right = sum(r["label"] == result for r in called)
        return (right / len(called) if called else 1.0, len(called) - right)

    (agrees, wrong_a), (conflicts, wrong_c) = precision("agrees"), precision("conflicts")
    return {
        "agrees": agrees,
        "conflicts": conflicts,
        "decided": sum(p != "none" for p in comparable),
        "comparable": len(comparable),
        "different_called": sum(p in ("agrees", "conflicts") for p in different),
        "different": len(different),
        "wrong": wrong_a + wrong_c,
    }


def choose_threshold(
    data: dict[str, list[dict]],
    folds: list[str],
    names: list[str],
    kind: str,
    mode: str,
    penalty: float,
) -> float:
    """Inner leave-one-author-out over ``folds`` (the outer fold excluded by the caller)."""
    base = [r for s, rows in data.items() if s not in FOLDS for r in rows]
    scores = dict.fromkeys(THRESHOLDS, 0.0)
    for held in folds:
        train = base + [r for f in folds if f != held for r in data[f]]
        model = fit(train, names, kind)
        probs = probabilities(model, data[held], names)
        for t in THRESHOLDS:
            predicted = [decide(r, p, mode, t) for r, p in zip(data[held], probs, strict=True)]
            m = measure(data[held], predicted)
            scores[t] += m["decided"] - penalty * m["wrong"]
    return max(THRESHOLDS, key=lambda t: (scores[t], t))


def cross_validate(data: dict[str, list[dict]], kind: str, penalty: float, groups: str) -> dict:
    names = feature_names(groups)
    base = [r for s, rows in data.items() if s not in FOLDS for r in rows]
    results: dict[str, dict[str, dict]] = {}
    for held in FOLDS:
        others = [f for f in FOLDS if f != held]
        model = fit(base + [r for f in others for r in data[f]], names, kind)
        probs = probabilities(model, data[held], names)
        rows = data[held]
        results[held] = {"rules": measure(rows, [decide(r, None, "rules", 0) for r in rows])}
        for mode in ("gate", "open"):
            t = choose_threshold(data, others, names, kind, mode, penalty)
            predicted = [decide(r, p, mode, t) for r, p in zip(rows, probs, strict=True)]
            results[held][mode] = {**measure(rows, predicted), "threshold": t}
    return results


def table(results: dict) -> str:
    lines = [
        "| fold (author) | method | threshold | agrees precision | conflicts precision | decided "
        "| different things called |",
        "|---|---|---|---|---|---|---|",
    ]
    for mode in ("rules", "gate", "open"):
        for fold in [*FOLDS, "mean"]:
            m = _mean(results, mode) if fold == "mean" else results[fold][mode]
            lines.append(
                f"| {fold} | {_LABELS[mode]} | {m.get('threshold', '—')} | {m['agrees']:.2f} | "
                f"{m['conflicts']:.2f} | {m['decided'] / m['comparable']:.0%} of "
                f"{m['comparable']} | {m['different_called']} of {m['different']} |"
            )
    return "\n".join(lines)


SETUPS = (
    ("logistic", "reading,alignment"),
    ("boosting", "reading,alignment"),
    ("logistic", "rules,reading,alignment"),
    ("boosting", "rules,reading,alignment"),
    ("boosting", "reading,alignment,figures"),
)


def _summary_header() -> str:
    return (
        "| features (model) | method | heldout10: agrees / conflicts precision, decided, "
        "different called | mean of 6 folds: the same |\n|---|---|---|---|"
    )


def summary(results: dict, kind: str, groups: str, *, rules_too: bool) -> str:
    """One line per method: heldout10 (the only split no rule was tuned on) and the mean."""
    lines = []
    for mode in ("rules", "gate", "open") if rules_too else ("gate", "open"):
        cells = []
        for m in (results["heldout10"][mode], _mean(results, mode)):
            cells.append(
                f"{m['agrees']:.2f} / {m['conflicts']:.2f}, {m['decided'] / m['comparable']:.0%}"
                f", {m['different_called']} of {m['different']}"
            )
        setup = "—" if mode == "rules" else f"{groups} ({kind})"
        lines.append(f"| {setup} | {_LABELS[mode]} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def _mean(results: dict, mode: str) -> dict:
    ms = [results[f][mode] for f in FOLDS]
    n = len(ms)
    return {
        "agrees": sum(m["agrees"] for m in ms) / n,
        "conflicts": sum(m["conflicts"] for m in ms) / n,
        "decided": sum(m["decided"] for m in ms),
        "comparable": sum(m["comparable"] for m in ms),
        "different_called": sum(m["different_called"] for m in ms),
        "different": sum(m["different"] for m in ms),
        "threshold": "—",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("logistic", "boosting"), default="logistic")
    parser.add_argument("--penalty", type=float, default=10.0)
    parser.add_argument("--groups", default="reading,alignment", help="feature groups used")
    parser.add_argument("--summary", action="store_true", help="heldout10 and mean, each setup")
    args = parser.parse_args()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    data: dict[str, list[dict]] = {}
    for row in prepare(rows):
        data.setdefault(row["split"], []).append(row)
    if not args.summary:
        print(table(cross_validate(data, args.model, args.penalty, args.groups)))
        return
    print(_summary_header())
    for n, (kind, groups) in enumerate(SETUPS):
        results = cross_validate(data, kind, args.penalty, groups)
        print(summary(results, kind, groups, rules_too=n == 0))


if __name__ == "__main__":
    main()
