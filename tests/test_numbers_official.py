"""Official-statistics phrasing: figures stated the way releases state them pair with the
plain claims they check, and flows in opposite directions never pair. Sentences written for
these tests, not taken from the eval data."""

import pytest

from factcheck.sources.numbers import check_numbers


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Scotland has 9,000 firefighters, the union said.",
            "There were 8,950 full-time equivalent firefighters in Scotland in March.",
            "agrees",
        ),
        (
            "The navy employs 30,000 sailors, the minister said.",
            "The navy had 24,000 full-time trained sailors in May, official figures show.",
            "conflicts",
        ),
        (
            "Wales has 1,200 part-time paramedics, a report said.",
            "Wales employed 1,180 part-time paramedics last year.",
            "agrees",
        ),
    ],
)
def test_a_hyphenated_compound_before_a_noun_describes_it(claim, passage, expected):
    assert result(claim, passage) == expected
