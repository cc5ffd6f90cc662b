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


# --- after heldout3 (its errors, read after its one unseen run) -------------------------------


@pytest.mark.parametrize(
    ("text", "value", "approx"),
    [
        ("A third of adults skipped meals.", 100 / 3, "about"),
        ("Two thirds of voters backed the plan.", 200 / 3, "about"),
        ("Three quarters of teachers said so.", 75, "about"),
        ("Just over half of nurses said so.", 50, "more_than"),
    ],
)
def test_a_fraction_of_something_is_a_percentage(text, value, approx):
    (share,) = parse_quantities(text)

    assert (share.kind, share.unit, share.approx) == ("percent", "%", approx)
    assert share.value == pytest.approx(value)


def test_fractions_and_percentages_of_the_same_group_compare():
    claim = "A third of adults in Wales have skipped meals to save money."

    assert result(claim, "The survey found 33 percent of adults in Wales had skipped meals.") == (
        "agrees"
    )
    assert result(claim, "The survey found 45 percent of adults in Wales had skipped meals.") == (
        "conflicts"
    )


def test_half_a_million_and_the_third_of_may_are_not_fractions():
    assert [q.value for q in parse_quantities("Half a million people signed.")] == [500_000]
    assert [q.kind for q in parse_quantities("The third of May.")] == ["ordinal"]


def test_pounds_of_something_weigh():
    claim = "The lorry was carrying 20 tonnes of grain."

    assert result(claim, "The lorry's load of 44,000 pounds of grain was spilled.") == "agrees"
    assert parse_quantities("He earns 40,000 pounds a year.")[0].kind == "money"


def test_nearly_is_a_little_under_never_above():
    claim = "Nearly 500 people were arrested during the riots."

    assert result(claim, "Police said 480 people had been arrested during the riots.") == "agrees"
    assert result(claim, "Police said 512 people had been arrested during the riots.") == "close"


def test_small_percentages_also_compare_relatively():
    claim = "GDP grew 0.3 percent in the third quarter."

    assert result(claim, "The economy expanded by 0.6 percent in the third quarter.") == (
        "conflicts"
    )
    assert result(claim, "The economy expanded by 0.3 percent in the third quarter.") == "agrees"
    assert result("Inflation was 6.1 percent.", "Inflation was 6.4 percent.") == "agrees"


def test_an_outbreak_of_another_disease_gives_none():
    claim = "A measles outbreak has infected 300 children in the city."

    assert result(claim, "A cholera outbreak has infected 300 people in the city.") == "none"
    assert result(claim, "A measles outbreak has infected 310 people in the city.") == "agrees"


def test_a_year_in_an_aside_is_not_when_the_figure_holds():
    claim = "The company was founded in 1987 and employs 2,300 people."

    assert result(claim, "The firm, which was set up in 1985, has 2,300 staff.") == "agrees"
    assert result("Road deaths fell to 1,700 in 2022.", "Road deaths were 1,700 in 2012.") == (
        "none"
    )


def test_an_apposition_is_not_an_aside_its_date_still_holds():
    claim = "More than 900,000 people have fled their homes in Idlib since early December."
    passage = (
        "Some 700,000 people, mostly women and children, have escaped their homes in Idlib since "
        "early December, the United Nations said on Feb. 11."
    )

    assert result(claim, passage) == "conflicts"


def test_a_level_reached_after_a_change_shares_the_changes_subject():
    claim = "Unemployment rose 0.2 percentage points to 4.4 percent."

    assert result(claim, "The jobless rate rose to 4.4 percent, official figures showed.") == (
        "agrees"
    )


def test_turnout_is_not_a_share_of_the_vote():
    claim = "Turnout in the election was 67 percent."

    assert result(claim, "The winner took 67 percent of the vote in the election.") == "none"
    assert result("Almost 60 percent of voters turned out.", "Turnout was 59.4 percent.") == (
        "agrees"
    )


def test_a_possessive_opens_a_compound_noun():
    claim = "Between 40 and 50 percent of the town's homes were damaged."

    assert result(claim, "Inspectors found 46 percent of homes in the town were damaged.") == (
        "agrees"
    )
    assert result(claim, "Inspectors said 62 percent of homes in the town were damaged.") == (
        "conflicts"
    )


def test_what_a_group_said_is_its_figures_topic():
    claim = "Just over half of nurses surveyed said they planned to leave the profession."

    assert result(claim, "In the survey, 51 percent of nurses said they would leave nursing.") == (
        "agrees"
    )
    assert result(claim, "In the survey, 51 percent of nurses said they were paid too little.") == (
        "none"
    )


def test_full_is_a_share_of_capacity():
    claim = "The reservoir is 62 percent full."

    assert result(claim, "The reservoir stands at 61.2 percent of capacity.") == "close"
