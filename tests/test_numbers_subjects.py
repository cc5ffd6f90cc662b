"""The number check pairs a figure only with one about the same thing: what it counts, the noun
phrase it measures, the people who did something (factcheck/sources/numbers/, pure)."""

import pytest

from factcheck.sources.numbers import check_numbers, parse_quantities


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


def test_percent_never_pairs_with_percentage_points():
    claim = "The party's support rose 3 percentage points in a month."

    assert result(claim, "Support for the party rose 3 percent over the month.") == "none"
    assert result(claim, "Support for the party rose 3 percentage points, the poll found.") == (
        "agrees"
    )


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Food prices rose 19 percent in a year.", "Energy prices rose 19 percent in a year."),
        ("Exports to China fell 8 percent.", "Imports from China fell 8 percent."),
        ("House prices rose 6 percent in 2024.", "Rents rose 6 percent in 2024."),
    ],
)
def test_a_figure_measuring_another_noun_phrase_gives_none(claim, passage):
    assert result(claim, passage) == "none"


def test_noun_phrases_that_share_a_modifier_or_name_each_other_still_pair():
    claim = "Food prices rose 19 percent in a year."

    assert result(claim, "Food inflation reached 19.1 percent.") == "agrees"
    assert result("Exports fell 8 percent.", "Exports to China fell 8 percent.") == "agrees"


def test_the_agent_of_a_spending_verb_is_not_what_the_figure_measures():
    claim = "The government will spend £20 billion on defence over five years."
    passage = "The defence budget will get an extra £20bn over five years, the Treasury said."

    assert result(claim, passage) == "agrees"


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Gusts of 60mph hit the coast.", "Winds gusting to 97 km/h battered the coast."),
        ("The skyscraper stands 310 metres tall.", "The 1,016ft skyscraper dominates the skyline."),
    ],
)
def test_a_verb_after_a_measure_is_not_what_it_measures(claim, passage):
    assert result(claim, passage) == "agrees"


def test_a_compound_noun_ends_at_its_plural():
    (share,) = parse_quantities("Four in ten households use wood to heat their homes.")

    assert share.about.head == "home"
    claim = "Some 40 percent of households rely on wood for heating."
    assert result(claim, "Four in ten households use wood to heat their homes.") == "agrees"


def test_a_share_of_a_group_still_needs_a_shared_topic():
    claim = "40 percent of households have broadband."

    assert result(claim, "40 percent of households are in debt.") == "none"


def test_a_percentage_of_a_measure_pairs_on_the_measure_alone():
    assert result("The vaccine is 95 percent effective.", "It showed 94.5 percent efficacy.") == (
        "agrees"
    )


def test_people_pair_with_an_act_each_does_once():
    assert result("Some 200,000 people signed the letter.", "It has 198,000 signatures.") == (
        "agrees"
    )
    assert result("1,000 people died in the floods.", "The floods caused 1,000 deaths.") == "agrees"
    claim = "The election saw turnout of 59 percent."
    assert result(claim, "Just 52 percent of voters cast a ballot.") == "conflicts"


def test_people_vaccinated_never_pair_with_doses():
    claim = "More than 9,000 people have been vaccinated since January."
    passage = "The ministry said 90,000 doses had been given since January."

    assert result(claim, passage) == "none"


def test_a_crowd_is_people():
    claim = "About 60,000 people attended the rally."

    assert result(claim, "Police estimated the crowd at 20,000.") == "conflicts"
    assert result(claim, "Police estimated the crowd at 58,000.") == "agrees"


def test_unleaded_is_petrol():
    claim = "Petrol costs £1.55 a litre."

    assert result(claim, "The average price of unleaded is £1.45 per litre.") == "close"
