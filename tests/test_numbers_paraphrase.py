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


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Greece gave 3.1 million flu jabs last winter, a doctor said.",
            "Some 3.0 million influenza vaccine doses were given in Greece last winter.",
            "agrees",
        ),
        (
            "Rome had 40 million overnight stays by tourists in 2022, a blogger said.",
            "Nights spent by tourists in Rome's hotels totalled 36 million in 2022.",
            "close",
        ),
        (
            "Smog killed 12,000 people in Poland in 2020, an activist said.",
            "Air pollution caused 12,100 premature deaths in Poland in 2020, a study found.",
            "agrees",
        ),
        (
            "Border guards logged 90,000 irregular crossings in 2022, a post said.",
            "Detections of irregular entries at Spain's borders reached 91,000 in 2022.",
            "agrees",
        ),
        (
            "Porto house prices rose 7 percent in 2023, an agent said.",
            "Home prices in the Porto area increased 7.2% in 2023, the statistics office said.",
            "agrees",
        ),
        (
            "France's minimum wage is €11.65 an hour in 2024, a post says.",
            "The statutory minimum wage in France rose to 11.65 euros per hour in 2024.",
            "agrees",
        ),
        (
            "Greece spends 16 percent of its GDP on pensions, a video says.",
            "Pension expenditure in Greece amounted to 15.8% of gross domestic product.",
            "agrees",
        ),
    ],
)
def test_one_thing_named_in_other_words_pairs(claim, passage, expected):
    assert result(claim, passage) == expected


def test_an_acronym_is_the_name_it_abbreviates():
    claim = "The European Space Agency had a budget of €7.8 billion in 2024, an engineer posted."
    passage = "The ESA budget for 2024 was 7.79 billion euros, the agency said."

    assert result(claim, passage) == "agrees"


def test_money_paid_into_a_budget_is_not_spending_from_it():
    claim = "Austria paid €4.1 billion into the EU budget in 2022, a senator claims."
    passage = "EU budget spending in Austria came to 4.1 billion euros in 2022."

    assert result(claim, passage) == "none"


def test_a_possessor_before_the_noun_is_not_what_is_counted():
    claim = "Only 60 percent of Eurostar's cross-channel trains ran on time in 2023, a post says."
    passage = "Eurostar said 78 percent of its cross-channel trains were punctual in 2023."

    assert result(claim, passage) == "conflicts"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "The ferry crossing to the island takes 90 minutes, a tourist said.",
            "Ferries now reach the island in one and a half hours, the operator said.",
            "agrees",
        ),
        (
            "Some 2.5 million people visited the fair, organisers said.",
            "Two and a half million people visited the fair this year, the council said.",
            "agrees",
        ),
    ],
)
def test_and_a_half_is_read(claim, passage, expected):
    assert result(claim, passage) == expected
