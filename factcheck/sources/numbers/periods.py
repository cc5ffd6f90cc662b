"""When a figure holds: named periods ("the first quarter", "last year", "on Monday"), dated
asides that do not hold the figure, the year and month of a parsed date, and what a figure is
per (``same_rate``: 'a year', 'in the 12 months to', 'per pupil'). Pure — no Django."""

from __future__ import annotations

import re
from datetime import date

from factcheck.sources.numbers.parse import Quantity
from factcheck.sources.numbers.words import _MARK, _SENTENCE_END

_JAN_1_2000 = date(2000, 1, 1).toordinal()
_ASIDE = 60  # characters from a date to the commas of its aside
_MAX_ASIDES = 50  # occurrences of the one year looked at
_ASIDE_OPENERS = frozenset("which who whose where when built set born begun made won held".split())
_QUARTER_ENDS = {"march": "1", "june": "2", "september": "3", "december": "4"}
_FIRST_MONTHS = {"three": "quarter:1", "six": "half:1", "nine": "months:first-nine"}
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_QUARTERS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "final": "4"}
_PERIOD = re.compile(
    r"\b(?:(?P<rel>(?i:(?P<the>the\s+)?(?P<which>last|this|next|past|previous|coming|current)\s+"
    r"(?P<unit>year|month|week|quarter|decade|winter|summer|spring|autumn|season)))"
    r"|(?i:(?P<nth>first|second|third|fourth|final)\s+(?P<part>quarter|half))"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<decade>(?:1[5-9]|20)[0-9]0)s"
    r"|(?P<now>(?i:today|nowadays|currently|now|at\s+present))"
    r"|(?i:(?:on|last|this|next)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r"))"
    r"|(?P<day>(?i:yesterday|tomorrow))"
    r"|(?P<yearto>(?i:(?:year|12\s+months|twelve\s+months)\s+(?:to|ending)))"
    r"|(?i:(?:three|3)\s+months\s+to\s+(?P<qend>march|june|september|december))"
    r"|(?i:first\s+(?P<firstn>three|six|nine)\s+months)"
    r"|(?P<trailing>(?i:(?:past|last|previous)\s+(?:12|twelve)\s+months|year[\s-]on[\s-]year"
    r"|on\s+the\s+year))"
    r"|(?P<monthly>(?i:month[\s-]on[\s-]month|on\s+the\s+month)))\b"
)
# "the last year" is the twelve months to now ("past"); "last year" the calendar year before.
_RELATIVE = {("", "last"): "last", ("", "previous"): "last", ("", "past"): "past"}
_RELATIVE |= {("the", "last"): "past", ("the", "past"): "past", ("the", "previous"): "last"}
_RELATIVE |= {(a, "this"): "this" for a in ("", "the")} | {
    (a, "current"): "this" for a in ("", "the")
}
_RELATIVE |= {(a, "next"): "next" for a in ("", "the")} | {
    (a, "coming"): "next" for a in ("", "the")
}


def _aside(text: str, time: tuple[int, int], figure: tuple[int, int]) -> bool:
    """Whether a date sits in an aside between commas that does not hold the figure: in "The
    bloc, founded in 1957, now has 27 members" 1957 is not when the 27 holds."""
    opening = text.rfind(", ", max(0, time[0] - _ASIDE), time[0])  # not "42,000"'s comma
    closing = text.find(", ", time[1], time[1] + _ASIDE)
    if opening < 0 or closing < 0 or opening < figure[0] < closing:
        return False
    first = _MARK.search(text, opening + 2, closing)
    opener = first[0].lower() if first else ""
    # Only a relative or participle clause is an aside: ", mostly women and children, have
    # escaped … since early December," keeps December as when the figure holds.
    if opener not in _ASIDE_OPENERS and not opener.endswith("ed"):
        return False
    return not _SENTENCE_END.search(text, opening, closing)


def _period_name(m: re.Match[str]) -> str:
    """'quarter:1', 'half:2', 'last:year', 'past:year', 'decade:1990', 'now', 'day:monday'."""
    if m["rel"]:
        the = "the" if m["the"] else ""
        return f"{_RELATIVE[the, m['which'].lower()]}:{m['unit'].lower()}"
    if m["nth"]:
        return f"{m['part'].lower()}:{_QUARTERS[m['nth'].lower()]}"
    if m["q"] or m["h"]:
        return f"quarter:{m['q']}" if m["q"] else f"half:{m['h']}"
    if m["decade"]:
        return f"decade:{m['decade']}"
    if m["now"]:
        return "now"
    if m["yearto"]:
        return "year-to"  # "in the year to March": twelve months, not March
    if m["qend"]:
        return f"quarter:{_QUARTER_ENDS[m['qend'].lower()]}"  # "the three months to June"
    if m["firstn"]:
        return _FIRST_MONTHS[m["firstn"].lower()]
    if m["trailing"]:
        return "past:year"  # "year on year", "the past 12 months"
    if m["monthly"]:
        return "past:month"
    return f"day:{(m['weekday'] or m['day']).lower()}"


def _has_year(q: Quantity) -> bool:
    return q.kind == "year" or (q.kind == "date" and q.unit.startswith("y"))


def _year_of(q: Quantity) -> int:
    return int(q.value) if q.kind == "year" else date.fromordinal(int(q.value)).year


def _month_of(q: Quantity | None) -> int:
    """A date's month; undated ones hold their day of the (leap) year 2000."""
    if q is None:
        return 0
    if q.unit.startswith("y"):
        return date.fromordinal(int(q.value)).month
    return date.fromordinal(_JAN_1_2000 + int(q.value) - 1).month


def same_rate(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are per the same thing ('£6,150 a year', 'per pupil'); an 'annual'
    figure is one a year or a year's total (no rate)."""
    x, y = _rate(a), _rate(b)
    return x == y or ("annual" in (x, y) and {x, y} <= {"annual", "year", ""})


def _rate(q: Quantity) -> str:
    """What a figure is per: '£6,150 a year' (its unit), 'the annual bill', 'per pupil'."""
    if q.kind != "money" or "/" not in q.unit:
        return q.about.rate or _period_rate(q)
    per_unit = q.unit.split("/", 1)[1]
    return f"{per_unit}/{q.about.rate}" if q.about.rate else per_unit


def _period_rate(q: Quantity) -> str:
    """A figure with no rate whose period is twelve months: a change 'in the 12 months to
    October' is one on a year ago ('year'); a sum of last year or this year is a year's
    ('annual', so '£35bn a year' pairs with 'receipts were £24.7bn last year')."""
    periods = q.about.periods
    if q.about.change in ("up", "down") and "year-to" in periods:
        return "year"
    if q.kind == "money" and periods & _YEAR_PERIODS:
        return "annual"
    return ""


_YEAR_PERIODS = frozenset({"last:year", "this:year", "next:year", "year-to"})
