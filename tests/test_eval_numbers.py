"""The number check's evaluation (eval/numbers.py) stays at or above today's numbers."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "eval" / "numbers.py"


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("eval_numbers", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_at_least_80_labelled_pairs_in_two_halves(evaluation):
    rows = evaluation.load("all")

    assert len(rows) >= 80
    assert {r["split"] for r in rows} == set(evaluation.SPLITS)
    assert {r["label"] for r in rows} == {"agrees", "close", "conflicts", "none"}


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_the_number_check_stays_above_its_floors(evaluation, split):
    measured = evaluation.evaluate(evaluation.load(split))

    assert measured["agrees_precision"] >= FLOORS[split]["agrees_precision"]
    assert measured["conflicts_precision"] >= FLOORS[split]["conflicts_precision"]
    assert measured["decided"] >= FLOORS[split]["decided"]
    assert measured["different_called"] <= FLOORS[split]["different_called"]


# Just under the numbers of the first (and only) held-out evaluation, 2026-11-30 07:27 UTC.
FLOORS = {
    "dev": {
        "agrees_precision": 0.95,
        "conflicts_precision": 0.95,
        "decided": 0.95,
        "different_called": 0,
    },
    "heldout": {
        "agrees_precision": 0.9,
        "conflicts_precision": 0.8,
        "decided": 0.66,
        "different_called": 2,
    },
}
