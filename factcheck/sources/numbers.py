"""Quantities in claims and passages: parse them, pair them, compare them. Pure — no Django.

Comparison contract (``compare``), with t = ``tolerance`` and c = ``close_factor`` (default 2.0):

* Each quantity is an interval: a plain or "about" value is the point [v, v]; "more_than" and
  "at_least" are [v, +inf); "less_than", "at_most" and "up_to" are (-inf, v]. Bound edges are
  *hard*, point edges *soft*. "More than 900,000" is met by exactly 900,000 (copy rounds).
* Overlapping intervals agree. Otherwise g = gap between the nearest edges / the larger of their
  magnitudes. Across a soft gap: g <= t' agrees, g <= c*t' is close, else conflicts, where t' = 2t
  if either side is "about" and t otherwise. Across a hard gap (a bound is violated) nothing
  agrees: g <= c*t' is close, else conflicts.
* So at t = 0.05: "more than 900,000" vs 950,000 agrees, vs 880,000 (2.2 % short) is close, vs
  700,000 conflicts; "about 3.7 million" vs 3.6 million (2.7 %) agrees and vs 3.3 million (10.8 %)
  is close; a plain 3.7 million vs 3.6 million agrees, and is close at t = 0.02.
* Years and ordinals compare by absolute difference: equal agrees, a year off by one is close
  (by two if either is "about"), anything else conflicts. Tolerance does not apply.
* Dates compare in days, ignoring the year unless both carry one (circularly within a year). An
  exact day has slack 0, "early/mid/late December" 5 days, a bare month 15. A difference within
  both slacks agrees, within a further week is close, else conflicts. Dates over a month apart
  do not pair at all (``comparable``), nor do bare counts more than tenfold apart.

Parsing is English-first: "3,700" is three thousand seven hundred. A decimal comma is read only
when unambiguous ("1.234,5"); "3,7 millions" could be a list or a decimal and yields nothing.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

CLOSE_FACTOR = 2.0
_MAX_DIGITS = 24  # longer digit runs are identifiers, not quantities
_WEAK_PAIR_RATIO = 10.0  # a bare count pairs only with a value within this factor
_DATE_PAIR_DAYS = 31  # dates further apart are taken to be different events

_QUALIFIERS = {
    "more_than": "more than|over|above|in excess of|upwards of|exceeding|greater than",
    "less_than": "less than|fewer than|under|below",
    "at_least": "at least|no fewer than|no less than|a minimum of",
    "at_most": "at most|no more than|not more than|a maximum of",
    "up_to": "up to|as many as|as much as",
    "about": "about|around|roughly|approximately|nearly|almost|some|circa|an estimated|estimated"
    "|close to|~",
}
APPROX_PHRASES = {p: q for q, phrases in _QUALIFIERS.items() for p in phrases.split("|")}
UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ORDINALS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
        " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(),
        start=1,
    )
}
ORDINALS |= {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100}
_SCALE_WORDS = dict.fromkeys(("thousand", "k"), 10**3)
_SCALE_WORDS |= dict.fromkeys(("million", "millions", "m", "mn", "mln"), 10**6)
_SCALE_WORDS |= dict.fromkeys(("billion", "billions", "bn", "b", "bln"), 10**9)
_SCALE_WORDS |= dict.fromkeys(("trillion", "tn", "trn"), 10**12)
_CURRENCIES = dict.fromkeys(("$", "us$", "usd", "dollar", "dollars"), "usd")
_CURRENCIES |= dict.fromkeys(("€", "eur", "euro", "euros"), "eur")
_CURRENCIES |= dict.fromkeys(("£", "gbp", "pounds"), "gbp")
_CURRENCIES |= dict.fromkeys(("¥", "jpy", "yen"), "jpy")
_CURRENCIES |= {"a$": "aud", "c$": "cad", "hk$": "hkd", "₹": "inr", "chf": "chf"}
# Prefix → normalised unit; a unit word is matched by the first prefix it starts with.
_MEASURES = {
    "year": "year",
    "yr": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
    "km": "km",
    "kilomet": "km",
    "mile": "mile",
    "kg": "kg",
    "kilogram": "kg",
    "tonne": "tonne",
    "met": "metre",
}
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_PEOPLE = (
    "people|persons|individuals|refugees|civilians|residents|migrants|children|women|men|adults|"
    "voters|soldiers|troops|fighters|workers|patients|students|inhabitants|citizens"
)
_SPELLED_STARTS = frozenset([*UNITS, *TENS, *ORDINALS, "a", "an", "half"])
_MONTHS = "January February March April May June July August September October November December"
_MONTHS_LIST = _MONTHS.split()
_MONTH_NO = {m[:3]: i + 1 for i, m in enumerate(_MONTHS_LIST)} | {"Sept": 9}
_PART_DAY = {"early": 5, "start": 5, "beginning": 5, "mid": 15, "middle": 15, "late": 25, "end": 25}

_ALT = "|".join(re.escape(p) for p in sorted(APPROX_PHRASES, key=len, reverse=True))
_APPROX_LEFT = re.compile(rf"(?i)(?<![\w~])({_ALT})\s*$")
_APPROX_HEAD = re.compile(rf"(?i)^(?:between\s+|{_ALT})\s*")
_CURRENCY_LEFT = re.compile(
    r"(?i)(?:(?<![a-z])(usd|eur|gbp|jpy|chf)\s?|(?<![a-z])((?:us|a|c|hk)?\$|€|£|¥|₹)\s?)$"
)
_DIGITS = re.compile(r"[0-9]+(?:[.,:/][0-9]+)*")
_EN_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_EU_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_SUFFIX = re.compile(r"[^\W\d_]+")
_SCALE_RIGHT = re.compile(
    r"(?i)^(?:\s+|-)?(thousand|millions?|billions?|trillion|bn|mn|mln|bln|tn|trn)\b"
)
_PERCENT_RIGHT = re.compile(r"(?i)^(?:\s*%|(?:\s+|-)(percent|per cent|percentage points?|pct)\b)")
_CURRENCY_RIGHT = re.compile(r"(?i)^\s+(?:us\s+)?(dollars?|euros?|pounds|yen|usd|eur|gbp)\b")
_PER_RIGHT = re.compile(
    r"(?i)^(?:\s+(?:a|an|per)\s+|\s*/\s*)(barrel|week|month|year|day|hour|person|litre|gallon|tonne)\b"
)
_AGE_RIGHT = re.compile(r"(?i)^(?:\s+|-)(year|month|week|day)s?(?:\s+|-)old\b")
_MEASURE_RIGHT = re.compile(
    r"(?i)^(?:\s+|-)(years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kg|"
    r"kilomet(?:re|er)s?|miles?|kilograms?|tonnes?|met(?:re|er)s?)\b"
)
_PLUS_RIGHT = re.compile(r"(?i)^(?:\+|\s+or more\b|-plus\b)")
_PEOPLE_RIGHT = re.compile(rf"(?i)^\s+(?:[^\W\d_][\w'-]*\s+)?(?:{_PEOPLE})\b")
_PLURAL_RIGHT = re.compile(r"^\s+([a-z]{2,}[a-rt-z]s)\b")
_NOT_PLURAL = frozenset({"this", "thus", "plus", "less", "does", "goes", "says", "was", "has"})
_WORD = re.compile(r"[A-Za-z]+")
_RANGE_GLUE = re.compile(r"(?i)^\s*(?:and|to|-|–|—)\s*$")
_BETWEEN_LEFT = re.compile(r"(?i)\bbetween\s+$")

_MONTH_FULL = "|".join(_MONTHS_LIST)
_MONTH_ANY = _MONTH_FULL + "|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>1[5-9][0-9]{2}|20[0-9]{2})\b)?"
# A bare month ("in May", "early December") is a date only after one of these words.
_MONTH_ALONE = re.compile(rf"\b(?P<month>{_MONTH_FULL})\b{_YEAR}")
_MONTH_LEFT = re.compile(
    r"(?:(?P<part>\b(?i:early|mid|late|(?:the\s+)?(?:start|beginning|middle|end)\s+of))[\s-]+"
    r"|(?P<prep>\b(?i:in|since|by|until|before|after|during|from|last|next))\s+)$"
)
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH_ANY})\b\.?{_YEAR}"),
    re.compile(rf"\b(?P<month>{_MONTH_ANY})\b\.?\s+{_DAY}\b(?![,.]?[0-9]){_YEAR}"),
    re.compile(rf"\b(?P<month>{_MONTH_FULL})\b,?\s+(?P<year>1[5-9][0-9]{{2}}|20[0-9]{{2}})\b"),
)


@dataclass(frozen=True)
class Quantity:
    """A number found in text. ``text == source[span[0]:span[1]]``; see the module doc for units."""

    value: float
    # "", "%", "pp", "people", a time or length unit, a currency ("usd", "usd/barrel"),
    # or for dates the fields known: "ymd", "md", "ym", "m".
    unit: str
    span: tuple[int, int]
    text: str
    approx: str = ""  # "", "more_than", "less_than", "about", "at_least", "at_most", "up_to"
    kind: str = "number"  # "number", "percent", "money", "date", "age", "ordinal", "year"


@dataclass(frozen=True)
class NumberCheck:
    """A claim's numbers checked against a passage; ``pairs`` hold (claimed, found, result)."""

    result: str  # "agrees" | "close" | "conflicts" | "none"
    pairs: tuple[tuple[Quantity, Quantity, str], ...]


@dataclass(frozen=True)
class _Found:
    quantity: Quantity
    scaled: bool  # carried a scale word ("million"); a range's bare first half inherits it
    scale: int


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` in order of position; spans never overlap. Never raises on str."""
    found = _select(_dates(text) + _digit_quantities(text) + _spelled_quantities(text))
    return [f.quantity for f in _join_ranges(text, found)]


def bare_text(quantity: Quantity) -> str:
    """The surface form without its qualifier: 'more than 900,000' → '900,000'."""
    return _APPROX_HEAD.sub("", quantity.text, count=1) or quantity.text


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure the same thing (percent never pairs with a count).

    A bare count ("700,000 displaced") pairs only within a factor of 10 of the other figure, and
    dates only within a month of each other: further apart they are likely other events.
    """
    if _family(a) != _family(b):
        return False
    if a.kind == "date":
        return _date_distance(a, b) <= _DATE_PAIR_DAYS
    if _family(a)[0] != "count" or (a.unit == b.unit and a.unit):
        return True
    low, high = sorted((abs(a.value), abs(b.value)))
    return low == high or (low > 0 and high / low <= _WEAK_PAIR_RATIO)


def compare(
    claimed: Quantity,
    found: Quantity,
    tolerance: float = 0.05,
    close_factor: float = CLOSE_FACTOR,
) -> str:
    """'agrees', 'close' or 'conflicts' (module doc). Raises ValueError unless ``comparable``."""
    if not comparable(claimed, found):
        raise ValueError(f"{claimed.text!r} and {found.text!r} are not comparable")
    if claimed.kind == "date":
        return _compare_dates(claimed, found)
    about = "about" in (claimed.approx, found.approx)
    absolute = claimed.kind in ("year", "ordinal")
    hard, gap = _gap(claimed, found, relative=not absolute)
    if claimed.kind == "year":
        agree, close = float(about), float(about) + 1.0
    elif claimed.kind == "ordinal":
        agree, close = 0.0, 0.0
    else:
        agree = 2 * tolerance if about else tolerance
        close = close_factor * agree
    return _grade(gap, -1.0 if hard else agree, close)


def pair(claimed: Quantity, candidates: list[Quantity]) -> Quantity | None:
    """The best comparable candidate: same unit over a wildcard, best result, nearest value."""
    usable = [c for c in candidates if comparable(claimed, c)]
    if not usable:
        return None
    order = {"agrees": 0, "close": 1, "conflicts": 2}

    def rank(c: Quantity) -> tuple[bool, int, float, int]:
        if claimed.kind == "date":
            nearest = _date_distance(claimed, c)
        else:
            nearest = abs(c.value - claimed.value) / max(abs(c.value), abs(claimed.value), 1e-9)
        return (c.unit != claimed.unit, order[compare(claimed, c)], nearest, c.span[0])

    return min(usable, key=rank)


def check_numbers(claim_text: str, passage_text: str, tolerance: float = 0.05) -> NumberCheck:
    """Pair each claimed quantity with the passage's; the worst result wins, 'none' if unpaired."""
    found = parse_quantities(passage_text)
    pairs = []
    for claimed in parse_quantities(claim_text):
        match = pair(claimed, found)
        if match is not None:
            pairs.append((claimed, match, compare(claimed, match, tolerance)))
    results = {result for _, _, result in pairs}
    worst = next((r for r in ("conflicts", "close", "agrees") if r in results), "none")
    return NumberCheck(result=worst, pairs=tuple(pairs))


# --- comparison helpers ---------------------------------------------------------------------


def _family(q: Quantity) -> tuple[str, str]:
    if q.kind in ("number", "age") and q.unit in TIME_UNITS:
        return ("duration", q.unit)
    if q.kind == "number":
        return ("count", "") if q.unit in ("", "people") else ("measure", q.unit)
    return (q.kind, q.unit if q.kind in ("money", "percent") else "")


def _interval(q: Quantity) -> tuple[float, float, bool, bool]:
    """(low, high, low edge is hard, high edge is hard)."""
    if q.approx in ("more_than", "at_least"):
        return (q.value, math.inf, True, False)
    if q.approx in ("less_than", "at_most", "up_to"):
        return (-math.inf, q.value, False, True)
    return (q.value, q.value, False, False)


def _gap(a: Quantity, b: Quantity, *, relative: bool) -> tuple[bool, float]:
    """(whether a hard edge is crossed, distance between the intervals)."""
    a_lo, a_hi, a_lo_hard, a_hi_hard = _interval(a)
    b_lo, b_hi, b_lo_hard, b_hi_hard = _interval(b)
    if a_hi < b_lo:
        hard, edges = a_hi_hard or b_lo_hard, (a_hi, b_lo)
    elif b_hi < a_lo:
        hard, edges = b_hi_hard or a_lo_hard, (b_hi, a_lo)
    else:
        return (False, 0.0)
    distance = edges[1] - edges[0]
    return (hard, distance / max(abs(edges[0]), abs(edges[1])) if relative else distance)


def _grade(gap: float, agree: float, close: float) -> str:
    if gap <= agree:
        return "agrees"
    return "close" if gap <= close else "conflicts"


def _compare_dates(a: Quantity, b: Quantity) -> str:
    slack = _date_slack(a) + _date_slack(b)
    return _grade(_date_distance(a, b), slack, slack + 7)


def _date_slack(q: Quantity) -> int:
    if q.unit in ("ymd", "md"):
        return 0
    return 5 if q.approx == "about" else 15


def _date_distance(a: Quantity, b: Quantity) -> float:
    if a.unit[0] == "y" and b.unit[0] == "y":
        return abs(a.value - b.value)
    difference = abs(_day_of_year(a) - _day_of_year(b))
    return min(difference, 366 - difference)


def _day_of_year(q: Quantity) -> int:
    if q.unit[0] != "y":
        return int(q.value)
    day = date.fromordinal(int(q.value))
    return date(2000, day.month, day.day).timetuple().tm_yday


# --- parsing helpers ------------------------------------------------------------------------


def _select(candidates: list[tuple[int, _Found]]) -> list[_Found]:
    """Keep non-overlapping candidates, lower priority number first (dates beat their digits)."""
    taken: list[tuple[int, int]] = []
    kept: list[_Found] = []
    for _, found in sorted(candidates, key=_candidate_order):
        start, end = found.quantity.span
        i = bisect.bisect_left(taken, (start, end))
        if (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue
        taken.insert(i, (start, end))
        kept.append(found)
    return sorted(kept, key=lambda f: f.quantity.span)


def _candidate_order(candidate: tuple[int, _Found]) -> tuple[int, int, int]:
    """Priority first, then leftmost, then longest: 'December 1' beats 'December'."""
    start, end = candidate[1].quantity.span
    return (candidate[0], start, -end)


def _make(
    text: str, start: int, end: int, value: float, *, unit: str, kind: str, approx: str
) -> Quantity:
    return Quantity(value, unit, (start, end), text[start:end], approx=approx, kind=kind)


def _dates(text: str) -> list[tuple[int, _Found]]:
    matches = [(m, None) for pattern in _DATE_PATTERNS for m in pattern.finditer(text)]
    for m in _MONTH_ALONE.finditer(text):
        left = _MONTH_LEFT.search(text, max(0, m.start() - 24), m.start())
        if left:
            matches.append((m, left))
    quantities = (_date_quantity(text, m, left) for m, left in matches)
    return [(0, _Found(q, scaled=False, scale=1)) for q in quantities if q is not None]


def _date_quantity(text: str, m: re.Match[str], left: re.Match[str] | None) -> Quantity | None:
    """The date a match names; ``left`` is what precedes a bare month ("early", "since")."""
    groups = m.groupdict() | ({"part": left["part"]} if left else {})
    month = m["month"]
    month_no = (
        int(month) if month.isdigit() else _MONTH_NO[month[:4] if month == "Sept" else month[:3]]
    )
    part = next((w for w in (groups.get("part") or "").lower().split() if w in _PART_DAY), "")
    day = int(groups["day"]) if groups.get("day") else _PART_DAY.get(part, 15)
    try:
        when = date(int(m["year"]) if m["year"] else 2000, month_no, day)
    except ValueError:
        return None
    unit = ("y" if m["year"] else "") + ("md" if groups.get("day") else "m")
    value = when.toordinal() if m["year"] else when.timetuple().tm_yday
    start = left.start() if left and left["part"] else m.start()
    return _make(
        text, start, m.end(), float(value), unit=unit, kind="date", approx="about" if part else ""
    )


def _read_number(raw: str) -> Decimal | None:
    """Digits with separators → value; None when it is a time, fraction, list or ambiguous."""
    if ":" in raw or "/" in raw or len(raw) - raw.count(",") - raw.count(".") > _MAX_DIGITS:
        return None
    if "," in raw and "." in raw and raw.index(",") > raw.index("."):
        ok = _EU_THOUSANDS.fullmatch(raw)
        return Decimal(raw.replace(".", "").replace(",", ".")) if ok else None
    if "," in raw:
        return Decimal(raw.replace(",", "")) if _EN_THOUSANDS.fullmatch(raw) else None
    if raw.count(".") > 1:
        return Decimal(raw.replace(".", "")) if _EU_THOUSANDS.fullmatch(raw) else None
    return Decimal(raw)


def _digit_quantities(text: str) -> list[tuple[int, _Found]]:
    out = []
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else " "
        if (
            before.isalnum()
            or before in "_."
            or (len(m[0]) > 1 and m[0][0] == "0" and m[0][1].isdigit())
        ):
            continue
        if before in "-−" and start > 1 and (text[start - 2].isalpha() or text[start - 2] == "_"):
            continue  # COVID-19, F-16: part of a name
        negative = before in "-−" and (start < 2 or not text[start - 2].isalnum())
        value = _read_number(m[0])
        found = (
            None if value is None else _digit_quantity(text, start - negative, end, value, negative)
        )
        if found is not None:
            out.append((1, found))
    return out


def _digit_quantity(
    text: str, start: int, end: int, value: Decimal, negative: bool
) -> _Found | None:
    suffix = _SUFFIX.match(text, end)
    scale, kind, unit = 1, "number", ""
    if suffix:
        word = suffix[0].lower()
        if word in ("st", "nd", "rd", "th") and value == int(value):
            kind = "ordinal"
        elif word in _SCALE_WORDS:
            scale = _SCALE_WORDS[word]
        elif word in ("km", "kg"):
            unit = word
        else:
            return None
        end = suffix.end()
    elif _word_follows(text, end) and (scale_match := _SCALE_RIGHT.match(text[end : end + 20])):
        scale, end = _SCALE_WORDS[scale_match[1].lower()], end + scale_match.end()
    number = float(-value * scale if negative else value * scale)
    plain = kind == "number" and scale == 1 and not unit and text[start:end].isdigit()
    return _decorate(text, start, end, number, kind=kind, unit=unit, scale=scale, plain=plain)


def _decorate(
    text: str, start: int, end: int, value: float, *, kind: str, unit: str, scale: int, plain: bool
) -> _Found:
    """Widen a bare number with its currency, qualifier, percent, unit or '-year-old'."""
    approx = ""
    if kind != "ordinal":
        currency = _CURRENCY_LEFT.search(text, max(0, start - 4), start) if start else None
        if currency:
            kind, unit = "money", _CURRENCIES[(currency[1] or currency[2]).lower()]
            start -= len(currency[0])
        right = text[end : end + 40]
        kind, unit, extra, approx = _right_context(right, kind, unit)
        end += extra
    qualifier = None
    if _word_precedes(text, start):
        qualifier = _APPROX_LEFT.search(text, max(0, start - 20), start)
    if qualifier:
        approx, start = APPROX_PHRASES[qualifier[1].lower()], start - len(qualifier[0])
    if plain and kind == "number" and not unit and 1500 <= value <= 2100:
        if not _followed_by_plural(text[end : end + 30]):
            kind = "year"
    if kind == "number" and not unit and _word_follows(text, end):
        unit = "people" if _PEOPLE_RIGHT.match(text[end : end + 40]) else unit
    quantity = _make(text, start, end, value, unit=unit, kind=kind, approx=approx)
    return _Found(quantity, scaled=scale > 1, scale=scale)


def _right_context(right: str, kind: str, unit: str) -> tuple[str, str, int, str]:
    """(kind, unit, characters consumed, approx) from what follows a number."""
    consumed, approx = 0, ""
    following = right.lstrip()[:1]
    if not following or not (following.isalpha() or following in "%+-/"):
        return kind, unit, consumed, approx  # punctuation or nothing: no unit to read
    if kind == "number" and not unit:
        if m := _PERCENT_RIGHT.match(right):
            points = "point" in m[0].lower()
            kind, unit, consumed = "percent", "pp" if points else "%", m.end()
        elif m := _CURRENCY_RIGHT.match(right):
            kind, unit, consumed = "money", _CURRENCIES[m[1].lower()], m.end()
        elif m := _AGE_RIGHT.match(right):
            kind, unit, consumed = "age", m[1].lower(), m.end()
        elif m := _MEASURE_RIGHT.match(right):
            unit, consumed = _measure(m[1]), m.end()
    if kind == "money" and (m := _PER_RIGHT.match(right[consumed:])):
        unit, consumed = f"{unit}/{m[1].lower()}", consumed + m.end()
    if m := _PLUS_RIGHT.match(right[consumed:]):
        approx, consumed = "at_least", consumed + m.end()
    return kind, unit, consumed, approx


def _word_follows(text: str, end: int) -> bool:
    """Whether a word (possibly after spaces or a hyphen) follows position ``end``."""
    following = text[end : end + 4].lstrip(" -\u00a0")
    return following[:1].isalpha()


def _word_precedes(text: str, start: int) -> bool:
    """Whether a word or '~' ends just before ``start`` (after optional spaces)."""
    preceding = text[max(0, start - 4) : start].rstrip()
    return preceding[-1:].isalpha() or preceding[-1:] == "~"


def _followed_by_plural(right: str) -> bool:
    """'2000 soldiers' counts soldiers; '2020 was' is a year."""
    m = _PLURAL_RIGHT.match(right)
    return bool(m) and m[1] not in _NOT_PLURAL


def _measure(word: str) -> str:
    word = word.lower()
    for stem, unit in _MEASURES.items():
        if word.startswith(stem):
            return unit
    return word


def _spelled_quantities(text: str) -> list[tuple[int, _Found]]:
    words = [(m[0].lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    out, i = [], 0
    while i < len(words):
        parsed = _spelled_at(text, words, i) if words[i][0] in _SPELLED_STARTS else None
        if parsed is None:
            i += 1
            continue
        value, last, ordinal = parsed
        start, end = words[i][1], words[last][2]
        if not _is_pronoun_one(words, i, last):
            kind = "ordinal" if ordinal else "number"
            out.append(
                (2, _decorate(text, start, end, value, kind=kind, unit="", scale=1, plain=False))
            )
        i = last + 1
    return out


def _spelled_at(
    text: str, words: list[tuple[str, int, int]], i: int
) -> tuple[float, int, bool] | None:
    """(value, index of the last word, is ordinal) for a spelled number starting at word i."""
    word = words[i][0]
    nxt = words[i + 1][0] if i + 1 < len(words) and _glue(text, words, i + 1) == " " else ""
    if word == "half" and nxt in ("a", "an") and i + 2 < len(words) and words[i + 2][0] in SCALES:
        return (0.5 * SCALES[words[i + 2][0]], i + 2, False)
    if word in ("a", "an"):
        if nxt not in SCALES and nxt not in ("hundred", "dozen"):
            return None
        return _spelled_run(text, words, i + 1, current=1)
    if word in ORDINALS:
        return (float(ORDINALS[word]), i, True)
    return _spelled_run(text, words, i, current=0) if word in UNITS or word in TENS else None


def _spelled_run(
    text: str, words: list[tuple[str, int, int]], i: int, *, current: int
) -> tuple[float, int, bool] | None:
    total, last, previous, big = 0, None, "start" if current == 0 else "unit", 10**15
    j = i
    while j < len(words):
        if j > i and _glue(text, words, j) not in (" ", "-"):
            break
        if words[j][0] == "and" and previous in ("hundred", "scale") and j + 1 < len(words):
            j += 1  # "one hundred and twenty": the next word must continue the number
        step = _spelled_step(words[j][0], previous, current, big)
        if step is None:
            break
        current, total_add, previous, ordinal = step
        if previous == "scale":
            big, total, current = SCALES[words[j][0]], total + total_add, 0
        last = j
        if ordinal:
            return (float(total + current), j, True)
        j += 1
    return None if last is None else (float(total + current), last, False)


def _spelled_step(
    word: str, previous: str, current: int, big: int
) -> tuple[int, int, str, bool] | None:
    """(new current, amount to add to the total, word class, is ordinal) or None to stop."""
    if word in UNITS and previous in ("start", "ten", "hundred", "scale"):
        if previous == "ten" and UNITS[word] >= 10 or previous == "ten" and word == "zero":
            return None
        return (current + UNITS[word], 0, "unit", False)
    if word in TENS and previous in ("start", "hundred", "scale"):
        return (current + TENS[word], 0, "ten", False)
    if word == "hundred" and previous in ("unit", "ten") and current < 100:
        return (current * 100, 0, "hundred", False)
    if word == "dozen" and previous == "unit":
        return (current * 12, 0, "dozen", False)
    if word in SCALES and previous in ("unit", "ten", "hundred", "dozen") and SCALES[word] < big:
        return (0, current * SCALES[word], "scale", False)
    if word in ORDINALS and ORDINALS[word] < 10 and previous == "ten":
        return (current + ORDINALS[word], 0, "unit", True)
    return None


def _glue(text: str, words: list[tuple[str, int, int]], j: int) -> str:
    return text[words[j - 1][2] : words[j][1]].lower()


def _is_pronoun_one(words: list[tuple[str, int, int]], first: int, last: int) -> bool:
    if first != last or words[first][0] != "one":
        return False
    before = words[first - 1][0] if first else ""
    after = words[last + 1][0] if last + 1 < len(words) else ""
    return before in {"no", "any", "every", "some", "each", "the", "this", "that"} or after in {
        "of",
        "another",
    }


def _join_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """'between 10 and 20 percent', '10-20 million': at_least the first, at_most the second."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i].quantity, out[i + 1].quantity
        glue = text[a.span[1] : b.span[0]]
        if not _RANGE_GLUE.match(glue) or a.approx or b.approx or a.kind != "number":
            continue
        if b.kind not in ("number", "percent", "money"):
            continue
        dashed = glue.strip() in ("-", "–", "—")
        if not dashed and not _BETWEEN_LEFT.search(text, max(0, a.span[0] - 12), a.span[0]):
            continue
        scale = out[i + 1].scale if out[i + 1].scaled and not out[i].scaled else 1
        value = a.value * scale if a.value * scale <= b.value else a.value
        first = replace(a, value=value, kind=b.kind, unit=a.unit or b.unit, approx="at_least")
        out[i] = _Found(first, out[i].scaled, out[i].scale)
        out[i + 1] = _Found(replace(b, approx="at_most"), out[i + 1].scaled, out[i + 1].scale)
    return out
