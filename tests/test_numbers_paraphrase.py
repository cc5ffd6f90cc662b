"""Paraphrase and what was done: the same figure named in other words or units pairs, a figure
about another act or another object of spending never does. Sentences written for these tests,
not taken from the eval data."""

import pytest

from factcheck.sources.numbers import check_numbers


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The council built 4,200 flats in 2022, its leader said.",
            "Planning consent was granted for 4,200 flats in 2022, the council said.",
        ),
        (
            "Around 800,000 pensioners got a shingles jab this spring, a charity said.",
            "About 800,000 pensioners were invited for a shingles jab this spring.",
        ),
        (
            "Spain spends 1.4 percent of GDP on defence, a general said.",
            "Spain's health spending came to 1.4 percent of GDP, the ministry said.",
        ),
        (
            "The region spent €40 million on roads last year, a councillor said.",
            "The region's spending on schools came to €40 million last year.",
        ),
    ],
)
def test_another_act_or_another_object_of_spending_never_pairs(claim, passage):
    assert result(claim, passage) == "none"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Portugal spends 12 percent of GDP on pensions, an economist said.",
            "Pension expenditure in Portugal came to 11.8 percent of GDP, the ministry said.",
            "agrees",
        ),
        (
            "The city spent £3 million on parks in 2021, a councillor said.",
            "Spending on parks in the city amounted to £3.4 million in 2021.",
            "conflicts",
        ),
        (
            "The bridge cost £90 million, the mayor said.",
            "The final bill for the bridge came to £91 million, auditors said.",
            "agrees",
        ),
    ],
)
def test_spending_on_a_thing_is_that_things_expenditure(claim, passage, expected):
    assert result(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Solar panels in Spain generated 45 TWh in 2023, a post said.",
            "Spanish solar output reached 45,200 gigawatt hours in 2023, the grid operator said.",
            "agrees",
        ),
        (
            "Air in central Turin had 30 micrograms of fine particles per cubic metre in 2022.",
            "The annual mean PM2.5 level in central Turin was 36 µg/m³ in 2022.",
            "conflicts",
        ),
        (
            "Ozone in Athens reached 120 micrograms per cubic metre on Monday.",
            "The ozone reading in Athens was 121 µg/m3 on Monday, the agency said.",
            "agrees",
        ),
    ],
)
def test_energy_and_air_concentrations_convert(claim, passage, expected):
    assert result(claim, passage) == expected


def test_an_acronym_in_capitals_is_no_negation():
    claim = "Roadside NO2 in Leeds averaged 38 micrograms per cubic metre in 2021."
    passage = "The mean NO2 concentration at Leeds roadside sites was 38 µg/m³ in 2021."

    assert result(claim, passage) == "agrees"
