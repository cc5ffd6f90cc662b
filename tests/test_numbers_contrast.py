"""Minimal pairs: two clauses that say nearly the same thing around their figures but swap one
content word in one slot are about different things; a swapped verb is a paraphrase, and a
swapped actor before a counted thing is who did it. Sentences written for these tests, not
taken from the eval data."""

import pytest

from factcheck.sources.numbers import check_numbers
from factcheck.sources.numbers.contrast import clause_tokens, contrasting


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The theatre sold 5,000 tickets online last month.",
            "The theatre sold 5,000 tickets at the box office last month.",
        ),
        (
            "A cup of coffee at the airport costs £4.20.",
            "A bottle of water at the airport costs £4.20.",
        ),
        (
            "The drug was 80 per cent effective against severe illness in the trial.",
            "The drug was 80 per cent effective against transmission in the trial.",
        ),
        (
            "The ferry company carried 2.1 million passengers in summer.",
            "The ferry company carried 2.1 million passengers in winter.",
        ),
        (
            "The bakery sold 9,000 loaves of rye bread last week.",
            "The bakery sold 9,000 loaves of white bread last week.",
        ),
        ("The club won 8 away matches last season.", "The club won 8 home matches last season."),
    ],
)
def test_one_content_word_swapped_in_one_slot_is_another_thing(claim, passage):
    assert result(claim, passage) == "none"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "The airline carried 4.1 million passengers in May.",
            "The airline flew 4.1 million passengers in May.",
            "agrees",
        ),
        (
            "The hospital's surgeons performed 1,200 knee operations in 2024.",
            "The hospital carried out 1,150 knee operations in 2024.",
            "agrees",
        ),
        (
            "The household's water bill will rise to £520 a year.",
            "The typical home water bill will rise to £520 a year.",
            "agrees",
        ),
    ],
)
def test_a_swapped_verb_actor_or_synonym_still_pairs(claim, passage, expected):
    assert result(claim, passage) == expected


def test_a_word_that_moved_is_no_swap_and_verbs_are_marked():
    moved = clause_tokens(["Norway", "pension"], [])
    other = clause_tokens(["pension"], ["in", "Norway"])

    assert not contrasting(moved, other, headed=False)
    assert clause_tokens(["the", "mill", "ground"], ["of", "flour"])[-3].startswith("~")


def test_an_average_never_pairs_with_a_total_a_thousand_times_larger():
    claim = "Nursing homes in Kent charge residents £1,400 a week on average."
    passage = "Kent County Council spends £1.4m a week on nursing care."

    assert result(claim, passage) == "none"


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Nursing homes in Kent charge residents more than £1,300 a week on average.",
            "Nursing homes in Kent charge an average of £1,420 a week.",
        ),
        (
            "The average household in Devon pays £2,100 a year in council tax.",
            "Households in Devon pay £2,150 a year in council tax.",
        ),
    ],
)
def test_an_average_still_pairs_with_a_figure_of_its_size(claim, passage):
    assert result(claim, passage) == "agrees"
