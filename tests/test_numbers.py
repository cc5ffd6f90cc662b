"""The number check: factcheck/sources/numbers/ (pure, no database)."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.sources.numbers import (
    Bands,
    NumberCheck,
    Quantity,
    bare_text,
    check_numbers,
    comparable,
    compare,
    figures,
    pair,
    parse_quantities,
    units,
)

SEED_CLAIM = (
    "The United Nations says more than 900,000 individuals, mostly women and children, "
    "have escaped their homes in Idlib since early December."
)
HOSTILE = [
    "9\u200b00,000 people\u200b",
    "\u202emore than 900,000\u202c people",
    "🔥 3.7 million 🔥 refugees 👩‍👩‍👧",
    "<script>alert('3,700,000')</script>",
    "\ufffd\ufffd 12 percent \udcff",
    "9" * 5000 + " people",
    ("more than 900,000, " * 60_000)[:1_000_000],
]


def one(text: str) -> Quantity:
    (quantity,) = parse_quantities(text)
    return quantity


def result(claim: str, passage: str) -> str:
    return check_numbers(claim, passage).result


# --- the traps of issue 9, each its own test --------------------------------------------------


def test_cases_never_agree_with_ten_times_as_many_vaccinations():
    claim = "Health officials say more than 9,000 cases have been confirmed since January."
    passage = "The ministry said 90,000 vaccinations had been given since January."

    assert result(claim, passage) == "none"


def test_unemployment_is_not_checked_against_retail_sales_of_the_same_percentage():
    claim = "The country has 6.1 percent unemployment."
    passage = (
        "Retail sales rose 6.1 percent in March from a year earlier, the statistics office said."
    )

    assert result(claim, passage) == "none"


def test_measles_cases_never_agree_with_as_many_museum_visitors():
    claim = "Europe recorded 42,200 measles cases in 2023."
    passage = "The museum said it received 42,200 museum visitors in 2023, a record."

    assert result(claim, passage) == "none"


def test_five_points_of_vaccination_coverage_apart_conflict_rather_than_being_close():
    claim = "Vaccination coverage for the first measles dose reached 91 percent in 2023."
    passage = (
        "WHO and UNICEF estimates show measles vaccination coverage stood at 86 percent in 2023."
    )

    assert result(claim, passage) == "conflicts"


def test_a_75mph_gust_is_compared_with_a_74_mph_one_and_agrees():
    claim = "The storm brought gusts of up to 75mph to the Welsh coast."
    passage = "The Met Office said a gust of 74 mph was recorded at Aberdaron."

    assert result(claim, passage) == "agrees"
    assert result("Gusts reached 75mph.", "A gust of 74 mph was recorded.") == "agrees"


def test_300_metres_agrees_with_a_984_foot_tower():
    assert (
        result("The new tower will be 300 metres tall.", "The 984-foot tower opened.") == "agrees"
    )


def test_covid_19_is_not_a_quantity():
    assert parse_quantities("Covid-19 cases rose, and COVID-19 deaths fell.") == []
    assert result("Covid-19 cases rose sharply.", "Covid-19 admissions fell.") == "none"


def test_bare_years_are_not_compared():
    assert figures("The law was passed in 2019.") == []
    assert result("The law was passed in 2019.", "The law was passed in 2021.") == "none"


# --- like with like ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Europe recorded 42,200 measles cases in 2023.",
            "In 2019 Europe had 12,000 measles cases.",
        ),
        (
            "Rents rose 9 percent in London last year.",
            "Rents rose 9 percent in Manchester last year.",
        ),
        (
            "The airline flew 4 million passengers in July.",
            "It flew 3.9 million passengers in June.",
        ),
        ("The government will spend £20 billion on defence.", "Defence spending will rise $20bn."),
        ("The central bank raised rates by 0.25 percentage points.", "Lending rose 25 percent."),
        ("The earthquake killed 1,000 people.", "The earthquake destroyed 1,000 buildings."),
        ("The charity helped 3,000 children last year.", "The charity raised £3,000 last year."),
        ("Temperatures reached 40C in Lisbon.", "Temperatures reached 40C in Seville."),
        (
            "Census figures show that 31 percent of households there have no internet access.",
            "Census figures show 12 percent of households have no car.",
        ),
        ("91 percent of children were vaccinated.", "86 percent of children lived in poverty."),
        ("A third of households have no internet.", "Half of households have broadband."),
    ],
)
def test_figures_about_different_things_periods_or_places_give_none(claim, passage):
    assert result(claim, passage) == "none"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("The marathon is 26.2 miles long.", "The marathon covers 42.2 kilometres.", "agrees"),
        ("The bridge is 1,280 metres long.", "The bridge spans 4,200 feet.", "agrees"),
        ("Temperatures reached 40C in Lisbon.", "Lisbon hit 104F, a record temperature.", "agrees"),
        ("Temperatures reached 40C in Lisbon.", "Temperatures in Lisbon reached 37C.", "conflicts"),
        ("The wildfire burned 12,000 hectares.", "The fire scorched about 30,000 acres.", "agrees"),
        ("The wildfire burned 12,000 hectares.", "The fire scorched 20,000 acres.", "conflicts"),
        ("The ship sailed at 20 knots.", "The vessel was travelling at 37 km/h.", "agrees"),
    ],
)
def test_measures_compare_across_units(claim, passage, expected):
    assert result(claim, passage) == expected


def test_people_pair_with_a_group_of_people_on_a_shared_topic():
    claim = "More than 1,300 migrants crossed the Channel on Tuesday."

    assert result(claim, "Some 1,350 people crossed the Channel in boats.") == "agrees"
    assert result(claim, "Officials said 900 people crossed the Channel.") == "conflicts"


def test_a_named_subject_pairs_with_its_synonym():
    claim = "Unemployment stood at 5.2 percent in the first quarter."

    assert result(claim, "The jobless rate was 5.4 percent in the first quarter.") == "agrees"


def test_the_period_a_passage_names_once_applies_to_its_figures():
    claim = "Measles cases reached 42,200 in 2023."

    assert result(claim, "Measles cases hit 42,000 in 2023, up from 30,000 in 2022.") == "agrees"
    assert result(claim, "In 2022 there were 30,000 measles cases.") == "none"


def test_a_share_in_words_is_a_percentage():
    assert (one("nine out of ten").value, one("one in five").unit) == (90, "%")
    claim = "Nine out of ten people support the ban."

    assert result(claim, "A survey found 90 percent of people support the ban.") == "agrees"
    assert result(claim, "A survey found 70 percent of people support the ban.") == "conflicts"


def test_a_rate_never_pairs_with_a_count():
    claim = "The government plans to build 300,000 homes a year."

    assert result(claim, "Ministers have pledged 300,000 new homes a year.") == "agrees"
    assert result(claim, "Only 234,000 homes were built last year.") == "none"


def test_the_noun_before_of_names_the_figure():
    claim = "The bank made a profit of $4.2 billion."

    assert result(claim, "The bank set aside $4.2 billion for bad loans.") == "none"
    assert result(claim, "The bank's profit was $4.1 billion.") == "agrees"


def test_visitors_are_people():
    claim = "A record 1.1 million people visited the park in 2023."

    assert result(claim, "The park welcomed 1.1 million visitors in 2023.") == "agrees"


def test_number_words_are_understood():
    claim = "Six of the twelve regions missed their targets."

    assert result(claim, "Six of the 12 regions missed their targets.") == "agrees"
    assert result(claim, "Seven of the 12 regions missed their targets.") == "conflicts"


# --- parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "approx"),
    [
        ("3.7 million", 3_700_000, "", "number", ""),
        ("3,700,000", 3_700_000, "", "number", ""),
        ("3.7m", 3_700_000, "", "number", ""),
        ("more than 900,000", 900_000, "", "number", "more_than"),
        ("nearly 950,000 people", 950_000, "", "number", "nearly"),
        ("the nine-year-old battle", 9, "year", "age", ""),
        ("a 9-year-old girl", 9, "year", "age", ""),
        ("twenty-five", 25, "", "number", ""),
        ("a dozen", 12, "", "number", ""),
        ("half a million", 500_000, "", "number", ""),
        ("one hundred and twenty", 120, "", "number", ""),
        ("2.5%", 2.5, "%", "percent", ""),
        ("12 per cent", 12, "%", "percent", ""),
        ("3 percentage points", 3, "pp", "percent", ""),
        ("2pp", 2, "pp", "percent", ""),
        ("$70 a barrel", 70, "usd/barrel", "money", ""),
        ("€3bn", 3_000_000_000, "eur", "money", ""),
        ("up to £20m", 20_000_000, "gbp", "money", "up_to"),
        ("the 5th round", 5, "", "ordinal", ""),
        ("in 2020, talks", 2020, "", "year", ""),
        ("a fall of −3.5 percent", -3.5, "%", "percent", ""),
        ("1.234.567,89 euros", 1_234_567.89, "eur", "money", ""),
        ("three weeks", 3, "week", "measure", ""),
        ("10km", 10, "kilometre", "measure", ""),
        ("75mph", 75, "mile / hour", "measure", ""),
        ("74 miles per hour", 74, "mile / hour", "measure", ""),
        ("120 km/h", 120, "kilometre / hour", "measure", ""),
        ("the 984-foot tower", 984, "foot", "measure", ""),
        ("40C", 40, "degC", "measure", ""),
        ("12 million tonnes", 12_000_000, "metric_ton", "measure", ""),
        ("at least 40 people", 40, "", "number", "at_least"),
        ("900,000+", 900_000, "", "number", "at_least"),
        ("2000 soldiers", 2000, "", "number", ""),
    ],
)
def test_parse_reads_value_unit_kind_and_qualifier(text, value, unit, kind, approx):
    quantity = one(text)

    assert (quantity.value, quantity.unit, quantity.kind, quantity.approx) == (
        pytest.approx(value),
        unit,
        kind,
        approx,
    )


@pytest.mark.parametrize(
    ("text", "unit", "surface"),
    [
        ("summit on Syria March 5th", "md", "March 5th"),
        ("on 5 March 2020 they met", "ymd", "5 March 2020"),
        ("since early December.", "m", "early December"),
        ("in December 2019", "ym", "December 2019"),
    ],
)
def test_parse_reads_dates_as_one_quantity(text, unit, surface):
    quantity = one(text)

    assert (quantity.kind, quantity.unit, quantity.text) == ("date", unit, surface)


@pytest.mark.parametrize(
    "text",
    ["3,7 millions", "COVID-19 and MH17", "at 10:30 on 24/7", "version 1.5.2", "no one", "5G"],
)
def test_parse_skips_ambiguous_and_non_quantities(text):
    assert parse_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("between 40 and 50 percent of voters", 40, 50, "%"),
        ("between 1 and 2 million people", 1e6, 2e6, ""),
        ("10-20 million", 10e6, 20e6, ""),
    ],
)
def test_parse_reads_a_range_as_one_quantity(text, low, high, unit):
    quantity = one(text)

    assert (quantity.value, quantity.upper, quantity.approx, quantity.unit) == (
        low,
        high,
        "between",
        unit,
    )


def test_parse_reads_what_a_figure_counts():
    (cases,) = figures("Europe recorded 42,200 measles cases in 2023.")

    assert (cases.about.head, cases.about.modifiers, cases.about.years) == (
        "case",
        frozenset({"measles"}),
        frozenset({2023}),
    )


def test_bare_text_drops_the_qualifier():
    assert bare_text(one("more than 900,000")) == "900,000"


# --- grading ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("nearly 950,000 people have fled", "agrees"),
        ("900,000 people", "agrees"),
        ("880,000 people", "close"),
        ("700,000 displaced", "conflicts"),
    ],
)
def test_more_than_is_met_above_close_just_below_and_conflicts_far_below(found, expected):
    assert compare(one("more than 900,000 individuals"), one(found)) == expected


@pytest.mark.parametrize(
    ("found", "tolerance", "expected"),
    [
        ("3.6 million", 0.05, "agrees"),  # 2.7 % off: "about" doubles 5 % to 10 %
        ("3.3 million", 0.05, "close"),  # 10.8 %: within 2 × 10 %
        ("2.5 million", 0.05, "conflicts"),
        ("3.6 million", 0.01, "close"),  # 2.7 %: beyond 2 %, within 4 %
    ],
)
def test_about_doubles_the_agrees_band(found, tolerance, expected):
    assert compare(one("about 3.7 million"), one(found), tolerance) == expected


def test_the_close_band_is_a_multiple_of_the_agrees_band():
    assert compare(one("100"), one("110"), 0.05) == "close"  # 9.1 % ≤ 2 × 5 %
    assert compare(one("100"), one("110"), Bands(close_factor=1.5)) == "conflicts"


@pytest.mark.parametrize(
    ("claimed", "found", "expected"),
    [
        ("6.1 percent", "6.4%", "agrees"),  # 0.3 points
        ("6.1 percent", "6.9%", "close"),  # 0.8 points
        ("91 percent", "86 percent", "conflicts"),  # 5 points, though only 5.5 % apart
        ("about 28 percent", "26 percent", "close"),  # "about" widens 0.5 to 1 point
        ("2 percent", "2.9 percent", "close"),  # 0.9 points, though 31 % apart
    ],
)
def test_percentages_compare_in_points(claimed, found, expected):
    assert compare(one(claimed), one(found)) == expected


@pytest.mark.parametrize(
    ("claimed", "found", "expected"),
    [
        ("between 40 and 50 percent", "47 percent", "agrees"),
        ("between 40 and 50 percent", "50.8 percent", "close"),
        ("between 40 and 50 percent", "62 percent", "conflicts"),
        ("fewer than 50 people", "45 people", "agrees"),
        ("fewer than 50 people", "52 people", "close"),
        ("up to 500 homes", "as many as 480 homes", "agrees"),
        ("up to 90mph", "145 km/h", "close"),  # 90.1 mph breaks the bound by a hair
    ],
)
def test_bounds_and_ranges_compare_as_intervals(claimed, found, expected):
    assert compare(one(claimed), one(found)) == expected


def test_compare_refuses_different_families():
    with pytest.raises(ValueError, match="not comparable"):
        compare(one("12 percent"), one("$12"))
    with pytest.raises(ValueError, match="not comparable"):
        compare(one("in 2020, talks"), one("in 2020, talks"))


def test_pair_prefers_agreement_among_comparable_candidates():
    candidates = figures("700,000 people fled, then 880,000 people fled, now 950,000 people fled")
    (claimed,) = figures("more than 900,000 people fled")

    assert pair(claimed, candidates).text == "950,000"


def test_comparable_needs_the_same_thing():
    cases, visitors = figures("42,200 measles cases and 42,200 museum visitors")

    assert not comparable(cases, visitors)


def test_check_numbers_on_the_seed_claim():
    def check(passage: str) -> str:
        return check_numbers(SEED_CLAIM, passage).result

    assert check("UN officials say nearly 950,000 people have fled the offensive.") == "agrees"
    assert check("Some 900,000 people have fled their homes.") == "agrees"
    assert check("About 700,000 displaced, aid groups said.") == "conflicts"
    assert check("Turkey closed its border.") == "none"


def test_check_numbers_reports_its_pairs():
    claim, passage = "about 3.7 million Syrian refugees", "It hosts 3,700,000 Syrian refugees"
    (claimed,), (found,) = figures(claim), figures(passage)

    assert check_numbers(claim, passage) == NumberCheck("agrees", ((claimed, found, "agrees"),))


def test_pints_registry_is_built_once():
    assert units.registry() is units.registry()
    assert units.to_base(300, "metre") == pytest.approx(units.to_base(984.25, "foot"), rel=1e-4)


@pytest.mark.parametrize("text", HOSTILE)
def test_parse_survives_hostile_input(text):
    quantities = parse_quantities(text)

    assert all(text[q.span[0] : q.span[1]] == q.text for q in quantities)
    assert result(SEED_CLAIM, text[:100_000]) in {"agrees", "close", "conflicts", "none"}


# --- properties -------------------------------------------------------------------------------

integers = st.integers(min_value=-(10**15), max_value=10**15)


@given(integers)
def test_thousands_separated_integers_parse_back(n):
    assert [q.value for q in parse_quantities(f"{n:,}")] == [n]


@given(integers)
def test_plain_integers_parse_back(n):
    assert [q.value for q in parse_quantities(f"There were {n} of them.")] == [n]


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9))
def test_decimal_millions_and_billions_parse_back(whole, tenth):
    for word, scale in (("million", 10**6), ("billion", 10**9)):
        surface = f"{whole}.{tenth} {word}" if tenth else f"{whole} {word}"
        assert [q.value for q in parse_quantities(surface)] == [(whole * 10 + tenth) * scale // 10]


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_two_decimal_floats_parse_back_with_and_without_separators(x):
    for surface in (f"{x:.2f}", f"{x:,.2f}"):
        assert [q.value for q in parse_quantities(surface)] == [float(f"{x:.2f}")]


@given(st.integers(min_value=-1000, max_value=1000))
def test_percent_forms_parse_back(n):
    for surface in (f"{n} percent", f"{n}%", f"{n} per cent"):
        (quantity,) = parse_quantities(surface)
        assert (quantity.value, quantity.unit) == (n, "%")


@given(st.text())
def test_parse_never_crashes_and_spans_map_back(text):
    quantities = parse_quantities(text)

    assert all(text[q.span[0] : q.span[1]] == q.text for q in quantities)
    assert all(a.span[1] <= b.span[0] for a, b in zip(quantities, quantities[1:], strict=False))
    assert all(math.isfinite(q.value) for q in quantities)


@given(st.text(alphabet=st.sampled_from("0123456789,.-% $€mbnkh/CF Mayrchpeol"), max_size=40))
def test_parse_never_crashes_on_number_like_noise(text):
    for quantity in parse_quantities(text):
        assert text[quantity.span[0] : quantity.span[1]] == quantity.text


@given(st.text())
def test_every_figure_agrees_with_itself(text):
    for quantity in figures(text):
        assert compare(quantity, quantity) == "agrees"


quantities = st.builds(
    lambda value, family, approx: Quantity(value, family[1], (0, 0), "", approx, family[0]),
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    family=st.sampled_from(
        [("number", ""), ("percent", "%"), ("money", "usd"), ("age", "year"), ("measure", "foot")]
    ),
    approx=st.sampled_from(["", "more_than", "less_than", "about", "at_least", "at_most", "up_to"]),
)


@given(quantities)
def test_compare_is_reflexive(quantity):
    assert compare(quantity, quantity) == "agrees"


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
)
def test_compare_of_plain_figures_is_symmetric(a, b):
    first = Quantity(a, "", (0, 0), "")
    second = Quantity(b, "", (0, 0), "")
    assume(a != b)

    assert compare(first, second) == compare(second, first)
