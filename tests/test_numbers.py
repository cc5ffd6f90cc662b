"""Quantity parsing and comparison: factcheck/sources/numbers.py (pure, no database)."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.sources.numbers import (
    NumberCheck,
    Quantity,
    bare_text,
    check_numbers,
    comparable,
    compare,
    pair,
    parse_quantities,
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


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "approx"),
    [
        ("3.7 million", 3_700_000, "", "number", ""),
        ("3,700,000", 3_700_000, "", "number", ""),
        ("3.7m", 3_700_000, "", "number", ""),
        ("900,000", 900_000, "", "number", ""),
        ("more than 900,000", 900_000, "", "number", "more_than"),
        ("nearly 950,000 people", 950_000, "people", "number", "about"),
        ("about 3.7 million Syrian refugees", 3_700_000, "people", "number", "about"),
        ("the nine-year-old battle", 9, "year", "age", ""),
        ("a 9-year-old girl", 9, "year", "age", ""),
        ("nine", 9, "", "number", ""),
        ("twenty-five", 25, "", "number", ""),
        ("two million", 2_000_000, "", "number", ""),
        ("a dozen", 12, "", "number", ""),
        ("half a million", 500_000, "", "number", ""),
        ("one hundred and twenty", 120, "", "number", ""),
        ("2.5%", 2.5, "%", "percent", ""),
        ("12 percent", 12, "%", "percent", ""),
        ("12 per cent", 12, "%", "percent", ""),
        ("3 percentage points", 3, "pp", "percent", ""),
        ("$1", 1, "usd", "money", ""),
        ("$70 a barrel", 70, "usd/barrel", "money", ""),
        ("€3bn", 3_000_000_000, "eur", "money", ""),
        ("USD 4 billion", 4_000_000_000, "usd", "money", ""),
        ("4 billion dollars", 4_000_000_000, "usd", "money", ""),
        ("up to £20m", 20_000_000, "gbp", "money", "up_to"),
        ("the 5th round", 5, "", "ordinal", ""),
        ("for the third time", 3, "", "ordinal", ""),
        ("twenty-first", 21, "", "ordinal", ""),
        ("in 2020, talks", 2020, "", "year", ""),
        ("-5", -5, "", "number", ""),
        ("a fall of −3.5 percent", -3.5, "%", "percent", ""),
        ("1.234.567,89 euros", 1_234_567.89, "eur", "money", ""),
        ("1,234.5", 1234.5, "", "number", ""),
        ("three weeks", 3, "week", "number", ""),
        ("10km", 10, "km", "number", ""),
        ("at least 40 people", 40, "people", "number", "at_least"),
        ("900,000+", 900_000, "", "number", "at_least"),
        ("2000 soldiers", 2000, "people", "number", ""),
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
        ("2020-03-05", "ymd", "2020-03-05"),
    ],
)
def test_parse_reads_dates_as_one_quantity(text, unit, surface):
    quantity = one(text)

    assert (quantity.kind, quantity.unit, quantity.text) == ("date", unit, surface)


def test_parse_keeps_thousands_separators_in_one_number():
    assert [q.value for q in parse_quantities("3,700,000 refugees")] == [3_700_000]


@pytest.mark.parametrize(
    "text",
    ["3,7 millions", "COVID-19 and MH17", "at 10:30 on 24/7", "version 1.5.2", "no one", "May I"],
)
def test_parse_skips_ambiguous_and_non_quantities(text):
    assert parse_quantities(text) == []


def test_parse_reads_a_range_as_two_bounds():
    low, high = parse_quantities("between 1 and 2 million people")

    assert (low.value, low.approx, high.value, high.approx) == (1e6, "at_least", 2e6, "at_most")


def test_parse_carries_the_unit_across_a_dashed_range():
    low, high = parse_quantities("10-20 percent")

    assert (low.kind, low.unit, high.kind) == ("percent", "%", "percent")


def test_bare_text_drops_the_qualifier():
    assert bare_text(one("more than 900,000")) == "900,000"


@pytest.mark.parametrize(
    ("found", "result"),
    [
        ("nearly 950,000 people have fled", "agrees"),
        ("900,000 people", "agrees"),
        ("5 million people", "agrees"),
        ("880,000 people", "close"),
        ("700,000 displaced", "conflicts"),
    ],
)
def test_more_than_is_met_above_close_just_below_and_conflicts_far_below(found, result):
    assert compare(one("more than 900,000 individuals"), one(found)) == result


@pytest.mark.parametrize(
    ("found", "tolerance", "result"),
    [
        ("3,700,000 refugees", 0.05, "agrees"),
        ("3.6 million", 0.05, "agrees"),  # 2.7 % off, "about" doubles 5 % to 10 %
        ("3.3 million", 0.05, "close"),  # 10.8 %: within 2 × 10 %
        ("2.5 million", 0.05, "conflicts"),
        ("3.6 million", 0.01, "close"),  # 2.7 %: beyond 2 %, within 4 %
    ],
)
def test_about_doubles_the_tolerance(found, tolerance, result):
    assert compare(one("about 3.7 million Syrian refugees"), one(found), tolerance) == result


@pytest.mark.parametrize(
    ("found", "tolerance", "result"),
    [
        ("3.6 million", 0.05, "agrees"),
        ("3.6 million", 0.02, "close"),
        ("3.3 million", 0.02, "conflicts"),
    ],
)
def test_a_plain_figure_is_close_within_twice_the_tolerance(found, tolerance, result):
    assert compare(one("3.7 million"), one(found), tolerance) == result


def test_close_factor_is_configurable():
    assert compare(one("100"), one("110"), 0.05) == "close"  # 9.1 % ≤ 2 × 5 %
    assert compare(one("100"), one("110"), 0.05, close_factor=1.5) == "conflicts"


@pytest.mark.parametrize(
    ("claimed", "found", "result"),
    [
        ("fewer than 50 people", "45 people", "agrees"),
        ("fewer than 50 people", "52 people", "close"),
        ("fewer than 50 people", "80 people", "conflicts"),
        ("900,000", "more than 900,000", "agrees"),
        ("2.5%", "2.6%", "agrees"),
        ("12 percent", "15 percent", "conflicts"),
    ],
)
def test_bounds_and_percentages_compare_as_documented(claimed, found, result):
    assert compare(one(claimed), one(found)) == result


@pytest.mark.parametrize(
    ("claimed", "found", "result"),
    [
        ("in 2020, talks", "in 2020, talks", "agrees"),
        ("in 2020, talks", "in 2019, talks", "close"),
        ("in 2020, talks", "in 2015, talks", "conflicts"),
        ("the 5th round", "the fifth round", "agrees"),
        ("the 5th round", "the 6th round", "conflicts"),
    ],
)
def test_years_and_ordinals_compare_by_absolute_difference(claimed, found, result):
    assert compare(one(claimed), one(found)) == result


@pytest.mark.parametrize(
    ("claimed", "found", "result"),
    [
        ("on March 5th", "on 5 March 2020", "agrees"),
        ("on March 5th", "on March 9th", "close"),
        ("on March 5th", "on March 25th", "conflicts"),
        ("since early December.", "since December 3, 2019", "agrees"),
        ("since early December.", "since December 15", "close"),
        ("since early December.", "since late December", "conflicts"),
        ("since early December.", "since December 25", "conflicts"),
        ("on 30 December 2019", "on 2 January 2020", "close"),
        ("on December 31st", "on January 1st", "close"),
    ],
)
def test_dates_compare_in_days_with_slack_for_vague_ones(claimed, found, result):
    assert compare(one(claimed), one(found)) == result


def test_dates_more_than_a_month_apart_are_not_paired():
    assert pair(one("since early December."), [one("on March 5th")]) is None


def test_percent_and_count_are_never_paired():
    assert pair(one("12 percent"), [one("12 people")]) is None


def test_compare_refuses_quantities_that_are_not_comparable():
    with pytest.raises(ValueError, match="not comparable"):
        compare(one("12 percent"), one("$12"))


def test_pair_prefers_agreement_among_candidates_of_the_same_unit():
    candidates = parse_quantities("700,000 people, then 880,000 people, now 950,000 people")

    assert pair(one("more than 900,000 people"), candidates).text == "950,000"


def test_pair_prefers_the_same_unit_over_a_bare_count():
    candidates = parse_quantities("950,000 displaced and 880,000 people")

    assert pair(one("more than 900,000 people"), candidates).text == "880,000"


def test_pair_ignores_bare_counts_an_order_of_magnitude_away():
    assert pair(one("more than 900,000 individuals"), parse_quantities("two rounds")) is None


def test_check_numbers_on_the_seed_claim():
    def check(passage: str) -> str:
        return check_numbers(SEED_CLAIM, passage).result

    assert check("UN officials say nearly 950,000 people have fled the offensive.") == "agrees"
    assert check("Some 900,000 people have fled their homes.") == "agrees"
    assert check("About 700,000 displaced, aid groups said.") == "conflicts"
    assert check("Turkey closed its border.") == "none"


def test_check_numbers_reports_its_pairs():
    checked = check_numbers("about 3.7 million Syrian refugees", "3,700,000 refugees live there")

    assert checked == NumberCheck(
        result="agrees",
        pairs=((one("about 3.7 million Syrian refugees"), one("3,700,000 refugees"), "agrees"),),
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_parse_survives_hostile_input(text):
    quantities = parse_quantities(text)

    assert all(text[q.span[0] : q.span[1]] == q.text for q in quantities)
    assert check_numbers(SEED_CLAIM, text[:100_000]).result in {
        "agrees",
        "close",
        "conflicts",
        "none",
    }


# --- properties -----------------------------------------------------------------------------

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


@given(st.text(alphabet=st.sampled_from("0123456789,.-% $€mbn Mayrch"), max_size=40))
def test_parse_never_crashes_on_number_like_noise(text):
    for quantity in parse_quantities(text):
        assert text[quantity.span[0] : quantity.span[1]] == quantity.text


@given(st.text())
def test_every_parsed_quantity_agrees_with_itself(text):
    for quantity in parse_quantities(text):
        assert compare(quantity, quantity) == "agrees"


quantities = st.builds(
    Quantity,
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    unit=st.sampled_from(["", "people", "%", "usd", "year"]),
    span=st.just((0, 0)),
    text=st.just(""),
    approx=st.sampled_from(["", "more_than", "less_than", "about", "at_least", "at_most", "up_to"]),
    kind=st.sampled_from(["number", "percent", "money", "age", "year", "ordinal"]),
)


@given(quantities)
def test_compare_is_reflexive(quantity):
    assert compare(quantity, quantity) == "agrees"


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
)
def test_compare_of_plain_figures_is_symmetric(a, b):
    first = Quantity(a, "people", (0, 0), "")
    second = Quantity(b, "people", (0, 0), "")
    assume(comparable(first, second))

    assert compare(first, second) == compare(second, first)
