"""A claim is checked on its main figure: incidental figures (a duration glued to a noun, the
group of 'X of the N', the base of a rate, an identifier) never decide, and a rate never pairs
with a plain total (factcheck/sources/numbers/roles.py). Sentences written for these tests, not
taken from the eval data."""

import pytest

from factcheck.sources.numbers import check_numbers, parse_quantities
from factcheck.sources.numbers.roles import main_figures


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


def roles(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.about.role) for q in parse_quantities(text) if q.kind != "year"]


def test_roles_are_read_from_the_sentence():
    assert roles("Seven of the 12 ferries were cancelled.") == [("Seven", "part"), ("12", "group")]
    assert roles("There were 40 thefts per 1,000 cars.") == [("40", ""), ("1,000", "base")]
    assert roles("The five-day strike closed 30 schools.") == [("five-day", "modifier"), ("30", "")]
    assert roles("Traffic on Route 9 fell by 300 cars a day.")[0] == ("9", "identifier")


def test_the_main_figures_of_a_claim_leave_out_incidental_ones():
    quantities = parse_quantities("Seven of the 12 ferries on the two-hour route were cancelled.")
    assert [q.text for q in main_figures(quantities)] == ["Seven"]
    # A claim with only incidental figures is still checked on them.
    only = parse_quantities("The strike was a two-day walkout.")
    assert [q.text for q in main_figures(only)] == ["two-day"]


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # A shared incidental figure is no evidence about the main one.
        (
            "All 40,000 seats for the two-day air show were taken.",
            "Staff at the two-day air show handed out 40,000 leaflets.",
        ),
        # A named measure is not another act's figure about the same firm.
        (
            "The new stadium roof cost £45 million.",
            "Contractors on the new stadium roof earned £45 million in fees.",
        ),
        (
            "The brewer's revenue was £640 million last year.",
            "The brewer spent £640 million on new breweries last year.",
        ),
        # A part of a group pairs only with a part of a group.
        (
            "Four of the nine lifts at the station are broken.",
            "Staff repaired four lifts at the station last week.",
        ),
        # A share of a group is not a count of it.
        ("A quarter of the 20 wards are closed.", "Twenty wards are closed."),
        # A rate per a base never pairs with a plain total.
        (
            "Doctors saw 30 flu cases per 100,000 patients in the county.",
            "Doctors saw 30 flu cases in the county this week.",
        ),
    ],
)
def test_incidental_figures_and_rates_never_decide(claim, passage):
    assert result(claim, passage) == "none"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Seven of the 12 ferries were cancelled.",
            "Storms meant 7 out of 12 ferries were cancelled on Monday.",
            "agrees",
        ),
        (
            "Seven of the 12 ferries were cancelled.",
            "Storms meant 10 out of 12 ferries were cancelled on Monday.",
            "conflicts",
        ),
        (
            "Doctors saw 30 flu cases per 100,000 patients in the county.",
            "The county's rate was 31 flu cases for every 100,000 patients.",
            "agrees",
        ),
    ],
)
def test_parts_pair_with_parts_and_rates_with_rates(claim, passage, expected):
    assert result(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # A change by N is not a total of N …
        (
            "Membership of the rowing club grew by 3,000 in 2024.",
            "The rowing club had 3,000 members in 2024.",
            "none",
        ),
        (
            "Ticket sales at the zoo fell by £1.5 million in 2022.",
            "The zoo sold £1.5 million of tickets in 2022.",
            "none",
        ),
        (
            "Imports of olive oil rose by 8,000 tonnes in 2023.",
            "Traders brought in 8,000 tonnes of olive oil in 2023.",
            "none",
        ),
        (
            "Shipments of wine fell by 3 million cases in 2023.",
            "Vineyards shipped 3 million cases of wine in 2023.",
            "none",
        ),
        # … but a count of things acted on is a count ("closed 40 branches").
        (
            "The bank will close 40 branches this year.",
            "The bank said 41 branches would be shut this year.",
            "agrees",
        ),
    ],
)
def test_a_change_by_a_figure_never_pairs_with_a_total_of_it(claim, passage, expected):
    assert result(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "The college faces a £6m gap in its budget.",
            "The college has a budget deficit of £6.1 million.",
            "agrees",
        ),
        (
            "The team paid £30 million for the striker.",
            "The striker arrived for a fee of 30 million pounds.",
            "agrees",
        ),
        (
            "Two of the seven justices dissented.",
            "Four of the seven judges disagreed.",
            "conflicts",
        ),
        (
            "Forty thousand people danced at the street party.",
            "Police counted 41,000 revellers at the street party.",
            "agrees",
        ),
    ],
)
def test_one_concept_in_other_words(claim, passage, expected):
    assert result(claim, passage) == expected
