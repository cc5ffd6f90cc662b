"""Routes and named things: a length run 'from' one place 'to' another is a route's length, not
a distance from a place; two clauses that each name the other's places pair whatever role each
gives them; 'H1' is a half-year, no place. Sentences written for these tests, not taken from
the eval data."""

import pytest

from factcheck.sources.numbers import check_numbers, parse_quantities


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "The new tram line runs for 12 miles from the airport to the harbour.",
            "The tram line between the airport and the harbour is 19.3 kilometres long.",
            "agrees",
        ),
        (
            "The ferry route between Oban and Craignure covers 9 miles, the operator said.",
            "The Oban to Craignure crossing runs for 14.5 kilometres, the council said.",
            "agrees",
        ),
        (
            "The lighthouse stands 12 miles from the harbour.",
            "The lighthouse is 19.3 kilometres long.",
            "none",
        ),
        (
            "The Leeds to York cycle path covers 30 miles.",
            "The cycle path between Leeds and Harrogate runs for 30 miles.",
            "none",
        ),
    ],
)
def test_a_route_from_one_place_to_another_is_its_length(claim, passage, expected):
    assert result(claim, passage) == expected


def test_a_half_year_is_no_place():
    (deliveries,) = parse_quantities("Deliveries reached 8,000 cars in H1 in Spain.")

    assert deliveries.about.places == {"spain"}
