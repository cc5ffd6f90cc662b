"""The act rule: when both clauses name what happened to the thing measured (the verb or event
noun of the figure's clause), it must be one act or a synonym (factcheck/sources/numbers/acts.py);
identifiers never pair. Sentences written for these tests, not taken from the eval data."""

import pytest

from factcheck.sources.numbers import check_numbers


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Police arrested 240 fans after the derby.",
            "240 fans were charged after the derby, prosecutors said.",
        ),
        (
            "Storms destroyed 1,500 homes on the island.",
            "1,500 homes on the island were damaged by the storms, the council said.",
        ),
        (
            "The album sold 3 million copies in its first week.",
            "3 million copies of the album were downloaded in its first week.",
        ),
        (
            "Flooding closed 45 schools across the county.",
            "45 schools across the county opened late after the flooding.",
        ),
        (
            "The fire burned 800 hectares of moorland.",
            "Volunteers planted 800 hectares of moorland with heather.",
        ),
    ],
)
def test_different_acts_on_the_same_thing_never_pair(claim, passage):
    assert result(claim, passage) == "none"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Police detained 240 fans after the derby.",
            "Police arrested 240 fans after the derby, officials said.",
            "agrees",
        ),
        (
            "Three of the 11 smelters have halted output.",
            "Output was suspended at three of the country's 11 smelters.",
            "agrees",
        ),
        (
            "The blaze destroyed 3,000 acres of woodland.",
            "About 3,050 acres of woodland burned in the blaze.",
            "agrees",
        ),
        (
            "The streaming service has 9 million subscribers.",
            "12 million customers have signed up to the streaming service.",
            "conflicts",
        ),
    ],
)
def test_one_act_or_its_synonym_pairs(claim, passage, expected):
    assert result(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("95 roads were closed in Maryland.", "Interstate 95 was closed in Maryland on Sunday."),
        ("370 people were on board.", "Flight 370 had people on board, the airline said."),
        ("230 platforms are protected.", "Section 230 protects platforms, the court said."),
        ("50 treaties were signed.", "Article 50 of the treaty was signed, officials said."),
    ],
)
def test_an_identifier_never_pairs_even_when_it_is_the_only_figure(claim, passage):
    assert result(claim, passage) == "none"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Bus occupancy in Leeds averaged 61 percent in May.",
            "Leeds buses were 60.8% full on average in May, the operator said.",
            "agrees",
        ),
        (
            "About 5,200 people are in prison in Norway and Denmark.",
            "The prison population of Norway and Denmark is 5,300, officials said.",
            "agrees",
        ),
        (
            "Half of library users are retired.",
            "62% of people using libraries are retired, a council survey found.",
            "conflicts",
        ),
        (
            "The broadband firm has 4 million customers.",
            "4.1 million subscribers pay for the broadband firm's service.",
            "agrees",
        ),
    ],
)
def test_one_thing_named_two_ways_pairs(claim, passage, expected):
    assert result(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Rangers released 40 wolves into the park.", "40 wolves in the park were culled."),
        ("Inspectors seized 500 fake handbags.", "500 fake handbags were auctioned by inspectors."),
    ],
)
def test_any_verb_governing_the_figure_names_its_act(claim, passage):
    # Verbs outside the synonym lexicon name themselves: released ≠ culled, seized ≠ auctioned.
    assert result(claim, passage) == "none"


def test_a_verb_that_only_reports_or_gathers_a_figure_names_no_act():
    assert result("Doctors recorded 1,200 flu cases.", "1,200 flu cases were confirmed.") == (
        "agrees"
    )
    assert result(
        "The appeal gathered 80,000 signatures.", "80,000 people signed the appeal, it said."
    ) == ("agrees")
