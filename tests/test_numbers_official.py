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


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The prison service hired 4,000 officers last year.",
            "Some 4,000 officers left the prison service last year, the union said.",
        ),
        (
            "The army recruited 9,000 soldiers last year, the minister said.",
            "9,000 soldiers quit the army last year, a report found.",
        ),
        (
            "About 12,000 doctors emigrated in 2022, the association said.",
            "12,000 doctors immigrated in 2022, the regulator said.",
        ),
        (
            "Northgate Rail's losses stand at £2 billion, an MP said.",
            "Northgate Rail intends to spend £2 billion on new trains, the company said.",
        ),
    ],
)
def test_opposite_flows_and_a_shared_name_alone_never_pair(claim, passage):
    assert result(claim, passage) == "none"


def test_the_same_measure_of_a_named_firm_still_pairs():
    claim = "Northgate Rail's losses stand at £2 billion, an MP said."
    passage = "Northgate Rail's losses were £2.05 billion last year, its accounts show."

    assert result(claim, passage) == "agrees"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Rail fares are up 6 percent on a year ago, a campaigner said.",
            "Rail fares rose 5.9% in the 12 months to March, the regulator said.",
            "agrees",
        ),
        (
            "Tobacco duty raises £10bn a year, the Treasury minister said.",
            "Tobacco duty receipts were £8 billion last year, the tax office said.",
            "conflicts",
        ),
    ],
)
def test_twelve_months_and_a_year_are_one_rate(claim, passage, expected):
    assert result(claim, passage) == expected


def test_a_budget_is_what_is_spent_and_receipts_are_what_comes_in():
    budget = "The council's roads budget is £40m this year, the leader said."
    spending = "Roads spending will total £41 million this year, council papers show."
    raised = "The council raised £40m from parking this year, its papers show."

    assert result(budget, spending) == "agrees"
    assert result(budget, raised) == "none"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Just 41,000 new homes were finished in Scotland last year, a builder said.",
            "Housing completions in Scotland totalled 40,800 last year, ministers said.",
            "agrees",
        ),
        (
            "Schools in Wales have 3,000 teaching vacancies, a union said.",
            "Councils reported 2,950 vacant teaching posts in Wales in May.",
            "agrees",
        ),
    ],
)
def test_housing_counts_homes_and_vacant_posts_are_vacancies(claim, passage, expected):
    assert result(claim, passage) == expected


def test_a_share_of_generation_is_a_share_of_what_is_generated():
    claim = "Wind generated 30 percent of Ireland's electricity last year, a minister said."
    supplied = "Wind farms supplied 29.8% of Irish electricity generation last year."
    consumed = "Data centres consumed 30% of Ireland's electricity last year."

    assert result(claim, supplied) == "agrees"
    assert result(claim, consumed) == "none"


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "There are 5,000 full-time nurses in Wales, the union said.",
            "There are 5,000 part-time nurses in Wales, the health board said.",
        ),
        (
            "Housing benefit costs £20bn a year, a think tank said.",
            "The government spent £20 billion on new homes last year.",
        ),
    ],
)
def test_full_time_is_not_part_time_and_housing_is_no_topic_of_homes(claim, passage):
    assert result(claim, passage) == "none"


def test_people_who_joined_are_people_hired():
    claim = "The hospital hired 300 nurses last year, its chief said."
    passage = "Some 310 nurses joined the hospital last year, the trust said."

    assert result(claim, passage) == "agrees"
