"""The leave-one-author-out evaluation of a learned pairing gate (eval/numbers_cv.py): its
rules' path is the number check itself, and a fold's threshold is chosen without that fold."""

import importlib.util
from pathlib import Path

import pytest

from factcheck.sources.numbers import check_numbers

SCRIPT = Path(__file__).resolve().parent.parent / "eval" / "numbers_cv.py"


@pytest.fixture(scope="module")
def cv():
    spec = importlib.util.spec_from_file_location("eval_numbers_cv", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROWS = [
    {
        "claim": "The ferry carried 4,100 passengers on weekdays, the operator said.",
        "passage": "The ferry carried 4,100 passengers at weekends, the operator said.",
        "label": "none",
        "kind": "different",
    },
    {
        "claim": "Reservoir levels fell to 41 per cent in August.",
        "passage": "In August the reservoirs stood at 48 per cent of capacity.",
        "label": "conflicts",
        "kind": "same",
    },
    {
        "claim": "The bypass cut journeys.",
        "passage": "It saved 14 minutes.",
        "label": "none",
        "kind": "no_figure",
    },
]


def test_the_rules_path_is_the_number_check(cv):
    for row in cv.prepare(ROWS):
        expected = check_numbers(row["claim"], row["passage"]).result
        assert cv.decide(row, None, "rules", 0.0) == expected


def test_a_different_thing_row_trains_negatives_and_a_comparable_row_one_positive(cv):
    different, comparable, empty = cv.prepare(ROWS)
    assert different["targets"]
    assert set(different["targets"]) == {0}
    assert comparable["targets"].count(1) == 1
    assert empty["targets"] == []


def test_a_folds_threshold_is_chosen_on_the_other_folds_only(cv, monkeypatch):
    seen = []
    monkeypatch.setattr(cv, "fit", lambda rows, names, kind: seen.append(rows) or None)
    monkeypatch.setattr(cv, "probabilities", lambda model, rows, names: [[] for _ in rows])
    data = {split: [{**ROWS[0], "split": split}] for split in ("dev", *cv.FOLDS)}
    for rows in data.values():
        rows[0].update(candidates=[], vectors=[], targets=[])
    cv.choose_threshold(data, list(cv.FOLDS[1:]), [], "logistic", "gate", 10.0)
    assert all(r["split"] != cv.FOLDS[0] for rows in seen for r in rows)
