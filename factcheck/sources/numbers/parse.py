"""Finding quantities in text: value, unit, kind, qualifier and span. Pure — no Django.

Parsing is English-first: "3,700" is three thousand seven hundred. A decimal comma is read only
when unambiguous ("1.234,5"); "3,7 millions" could be a list or a decimal and yields nothing.
"COVID-19" and "F-16" are names, not quantities. Years, dates, ordinals and periods ("the past 12
months") are found too (kinds "year", "date", "ordinal", "period"): they say *when* a figure
holds, and are never compared as figures.
A range ("between 40 and 50 percent", "10-20 million") is one quantity from ``value`` to ``upper``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from factcheck.sources.numbers import lexicon as lex
from factcheck.sources.numbers import spelled

_MAX_DIGITS = 24  # longer digit runs are identifiers, not quantities
_MONTH_NO = {m[:3]: i + 1 for i, m in enumerate(lex.MONTHS)} | {"Sept": 9}
_PART_DAY = {"early": 5, "start": 5, "beginning": 5, "mid": 15, "middle": 15, "late": 25, "end": 25}

_ALT = "|".join(re.escape(p) for p in sorted(lex.APPROX_PHRASES, key=len, reverse=True))
_APPROX_LEFT = re.compile(rf"(?i)(?<![\w~])({_ALT})\s*$")
_APPROX_HEAD = re.compile(rf"(?i)^(?:between\s+|{_ALT})\s*")
_MOVED_UP = re.compile(
    r"(?i)\b(?:went|go|goes|going|gone|moved|move|moves|shot|crept|edged|ticked)\s+$"
)
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
_PERCENT_RIGHT = re.compile(
    r"(?i)^(?:\s*%|\s*pp\b|(?:\s+|-)(percent|per cent|percentage[\s-]points?|pct)\b)"
)
# "44,000 pounds of grain" weighs; "40,000 pounds a year" is money.
_CURRENCY_RIGHT = re.compile(
    r"(?i)^\s+(?:us\s+)?(dollars?|euros?|pounds(?!\s+of\b)|yen|usd|eur|gbp)\b"
)
_WEIGHS_LEFT = re.compile(r"(?i)\bweigh(?:s|ed|ing)?\b(?:\s+\w+){0,3}\s+$")
_PER_RIGHT = re.compile(
    r"(?i)^(?:\s+(?:a|an|per)\s+|\s*/\s*)(barrel|week|month|year|day|hour|person|litre|gallon|tonne)\b"
)
_AGE_RIGHT = re.compile(r"(?i)^(?:\s+|-)(year|month|week|day)s?(?:\s+|-)old\b")
_UNIT_FIRST_WORDS = frozenset(surface.split()[0] for surface in lex.MEASURES)
# Up to three words after a number, to look up in lex.MEASURES ("miles per hour", "km/h", "°C").
_UNIT_WORDS = re.compile(
    r"(\s*|-)(°?[^\W\d_]+(?:/[^\W\d_]+)?²?)(?:[\s-]+([^\W\d_]+))?(?:[\s-]+([^\W\d_]+))?"
)
# "41 micrograms of nitrogen dioxide per cubic metre": a concentration, its pollutant inside.
_CONCENTRATION = re.compile(
    r"(?i)^\s*(?:(?:micrograms?|microgrammes?|µg|μg)(?:\s+of\s+(?:[\w.-]+\s+){1,3}?)?"
    r"\s*(?:per|a)\s+cubic\s+met(?:re|er)\b|(?:µg|μg|ug)\s*/\s*m[³3](?!\w))"
)
_PLUS_RIGHT = re.compile(r"(?i)^(?:\+|\s+or more\b|-plus\b)")
_PLURAL_RIGHT = re.compile(r"^\s+([a-z]{2,}[a-rt-z]s)\b")
_NOT_PLURAL = frozenset({"this", "thus", "plus", "less", "does", "goes", "says", "was", "has"})
_RANGE_GLUE = re.compile(r"(?i)^\s*(?:and|to|-|–|—)\s*$")
_BETWEEN_LEFT = re.compile(r"(?i)\bbetween\s+$")

_MONTH_FULL = "|".join(lex.MONTHS)
_MONTH_ANY = _MONTH_FULL + "|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_DAY = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>1[5-9][0-9]{2}|20[0-9]{2})\b)?"
# A bare month ("in May", "early December") is a date only after one of these words.
_MONTH_ALONE = re.compile(rf"\b(?P<month>{_MONTH_FULL})\b{_YEAR}")
_MONTH_LEFT = re.compile(
    r"(?:(?P<part>\b(?i:early|mid|late|(?:the\s+)?(?:start|beginning|middle|end)\s+of))[\s-]+"
    r"|(?P<prep>\b(?i:in|since|by|until|before|after|during|from|last|next|to|through))\s+)$"
)
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH_ANY})\b\.?{_YEAR}"),
    re.compile(rf"\b(?P<month>{_MONTH_ANY})\b\.?\s+{_DAY}\b(?![,.]?[0-9]){_YEAR}"),
    re.compile(rf"\b(?P<month>{_MONTH_FULL})\b,?\s+(?P<year>1[5-9][0-9]{{2}}|20[0-9]{{2}})\b"),
)
_SHARE_GLUE = re.compile(r"(?i)\s+(?:out\s+of|in)\s+")
_SHARE_BASES = frozenset({2, 3, 4, 5, 6, 8, 10, 20, 100})
TIME_KINDS = frozenset({"year", "date", "ordinal", "period"})
_PERIOD_UNITS = frozenset({"year", "month", "week", "day"})
_PERIOD_LEFT = re.compile(r"(?i)\b(?:the|past|last|first|next|previous|coming)\s+$")
_MINUS_LEFT = re.compile(r"(?i)\b(?:minus|negative)\s+$")
# "the two-day walkout": a duration glued to the noun it measures is a figure, not a period
# ("the 12-month period" still is one).
_DURATION_OF = re.compile(r"(?i)\s+(?!(?:period|stretch|span|window)\b)[a-z]")


@dataclass(frozen=True)
class About:
    """What a figure is about, read from the words around it (``context.py``)."""

    head: str = ""  # the concept counted: "case", "vaccination", "people", a word's stem
    modifiers: frozenset[str] = frozenset()  # "measles" in "42,200 measles cases"
    topic: frozenset[str] = frozenset()  # concepts of the words near the figure
    years: frozenset[int] = frozenset()  # the year(s) the figure holds for, if stated
    month: int = 0  # the month it holds for, if stated (1-12)
    places: frozenset[str] = frozenset()  # "idlib" in "in Idlib"
    negated: bool = False  # "no internet", "unvaccinated"
    rate: str = ""  # "year" in "300,000 homes a year", "500,000 cars annually"
    subject: tuple[str, ...] = ()  # a figure with no head: its clause's noun phrase, noun last
    subject_modifiers: frozenset[str] = frozenset()  # its common-word modifiers ("violent")
    base: bool = False  # the head is what a share is of ("91 percent of children")
    names: frozenset[str] = frozenset()  # who or what the clause is about ("apple", "spain")
    first_names: frozenset[str] = frozenset()  # a sentence's first word, maybe a name ("scotland")
    periods: frozenset[str] = frozenset()  # "quarter:1", "last:year", "decade:1990", "now"
    change: str = ""  # "up" / "down" for a change ("rose 5 percent"); "" for a level
    change_words: frozenset[str] = frozenset()  # "growth", "inflation": a level sized a change
    kinds: frozenset[str] = frozenset()  # exclusive kinds named ("trade:export", "role:nurse")
    done: frozenset[str] = frozenset()  # what was done to it: "flooded" in "homes were flooded"
    clause: tuple[str, ...] = ()  # its clause's words as concepts, in order, "#" the figure
    role: str = ""  # what the figure is in its sentence (``roles.py``): "" main, "part", "group",
    # "base", "modifier", "identifier"


@dataclass(frozen=True)
class Quantity:
    """A number found in text. ``text == source[span[0]:span[1]]``.

    ``unit``: "" for a count; "%" or "pp" (percentage points); a currency ("usd", "usd/barrel");
    a pint unit expression for a measure or an age ("mile / hour", "year"); for dates the fields
    known ("ymd", "md", "ym", "m").
    """

    value: float
    unit: str
    span: tuple[int, int]
    text: str
    approx: str = (
        ""  # "", "more_than", "less_than", "about", "nearly", "at_least", "at_most", "up_to",
        # "between"
    )
    kind: str = (
        "number"  # "number", "percent", "money", "measure", "age", "date", "ordinal", "year",
        # "period"
    )
    upper: float | None = None  # the top of a range ("between"); ``value`` is its bottom
    about: About = field(default=About(), compare=False)


@dataclass(frozen=True)
class _Found:
    quantity: Quantity
    scaled: bool  # carried a scale word ("million"); a range's bare first half inherits it
    scale: int


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` in order of position; spans never overlap. Never raises on str."""
    found = _select(_dates(text) + _digit_quantities(text) + _spelled_quantities(text))
    quantities = _join_shares(text, [f.quantity for f in _join_ranges(text, found)])
    return [_as_period(text, q) for q in quantities]


def _as_period(text: str, q: Quantity) -> Quantity:
    """'over the past 12 months', 'the three months to June', 'the first nine months': a
    duration after one of these words says when a figure holds; it is not a figure itself."""
    if q.kind != "measure" or q.unit not in _PERIOD_UNITS or q.approx:
        return q
    if not _PERIOD_LEFT.search(text, max(0, q.span[0] - 12), q.span[0]):
        return q
    if "-" in q.text and _DURATION_OF.match(text, q.span[1]):
        return q
    return replace(q, kind="period")


def bare_text(quantity: Quantity) -> str:
    """The surface form without its qualifier: 'more than 900,000' → '900,000'."""
    return _APPROX_HEAD.sub("", quantity.text, count=1) or quantity.text


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
        sign = int(negative)
        if not negative and (minus := _MINUS_LEFT.search(text, max(0, start - 8), start)):
            negative, sign = True, start - minus.start()  # "minus 18C"
        value = _read_number(m[0])
        found = None if value is None else _digit_quantity(text, start - sign, end, value, negative)
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
        elif word in lex.SCALE_WORDS:
            scale = lex.SCALE_WORDS[word]
        elif not _unit_follows(text[end : end + 40]):
            return None  # "5G", "3D": a name
        if kind == "ordinal" or scale > 1:
            end = suffix.end()
    elif _word_follows(text, end) and (scale_match := _SCALE_RIGHT.match(text[end : end + 20])):
        scale, end = lex.SCALE_WORDS[scale_match[1].lower()], end + scale_match.end()
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
            kind, unit = "money", lex.CURRENCIES[(currency[1] or currency[2]).lower()]
            start -= len(currency[0])
        right = text[end : end + 64]
        weighs = bool(_WEIGHS_LEFT.search(text, max(0, start - 30), start))
        kind, unit, extra, approx = _right_context(right, kind, unit, weighs=weighs)
        end += extra
    qualifier = None
    if _word_precedes(text, start):
        qualifier = _APPROX_LEFT.search(text, max(0, start - 20), start)
    if qualifier and _MOVED_UP.search(text, max(0, qualifier.start() - 12), qualifier.start()):
        qualifier = None  # "went up to 5.25 percent" is a level reached, not a bound
    if qualifier:
        approx, start = lex.APPROX_PHRASES[qualifier[1].lower()], start - len(qualifier[0])
    if plain and kind == "number" and not unit and 1500 <= value <= 2100:
        if not _followed_by_plural(text[end : end + 30]):
            kind = "year"
    quantity = _make(text, start, end, value, unit=unit, kind=kind, approx=approx)
    return _Found(quantity, scaled=scale > 1, scale=scale)


def _right_context(
    right: str, kind: str, unit: str, *, weighs: bool = False
) -> tuple[str, str, int, str]:
    """(kind, unit, characters consumed, approx) from what follows a number; after "weighed"
    pounds weigh ("weighed 4.4 pounds")."""
    consumed, approx = 0, ""
    following = right.lstrip()[:1]
    if not following or not (following.isalpha() or following in "%+-/°"):
        return kind, unit, consumed, approx  # punctuation or nothing: no unit to read
    if kind == "number" and not unit:
        if m := _PERCENT_RIGHT.match(right):
            points = "point" in m[0].lower() or "pp" in m[0].lower()
            kind, unit, consumed = "percent", "pp" if points else "%", m.end()
        elif (m := _CURRENCY_RIGHT.match(right)) and not (weighs and m[1].lower() == "pounds"):
            kind, unit, consumed = "money", lex.CURRENCIES[m[1].lower()], m.end()
        elif m := _AGE_RIGHT.match(right):
            kind, unit, consumed = "age", m[1].lower(), m.end()
        elif found := _measure_at(right):
            kind, unit, consumed = "measure", found[0], found[1]
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


def _measure_at(right: str) -> tuple[str, int, bool] | None:
    """(pint unit, characters consumed, glued) for a unit right after a number, longest first.

    A single-letter unit ("C", "F") counts only glued to its number: "40C", not "40 F-16s".
    """
    if concentration := _CONCENTRATION.match(right):
        return ("microgram / m ** 3", concentration.end(), False)
    m = _UNIT_WORDS.match(right)
    if not m or m[2].lower() not in _UNIT_FIRST_WORDS:
        return None
    glued = not m[1]
    words = [(m[k].lower(), m.end(k)) for k in (2, 3, 4) if m[k]]
    for n in (3, 2, 1):
        if len(words) >= n:
            unit = lex.MEASURES.get(" ".join(w for w, _ in words[:n]))
            if unit and (glued or n > 1 or words[0][0] not in lex.GLUED_ONLY):
                return (unit, words[n - 1][1], glued)
    return None


def _unit_follows(right: str) -> bool:
    """Whether letters glued to a number are a unit: "75mph", "40C", "2pp"."""
    found = _measure_at(right)
    return bool(found and found[2]) or bool(_PERCENT_RIGHT.match(right))


def _spelled_quantities(text: str) -> list[tuple[int, _Found]]:
    found = [
        (2, _decorate(text, start, end, value, kind=kind, unit="", scale=1, plain=False))
        for value, start, end, kind in spelled.spelled_numbers(text)
    ]
    return found + [(1, _fraction(text, *f)) for f in spelled.fractions(text)]


def _fraction(text: str, value: float, start: int, end: int) -> _Found:
    """'a third of' is a rounded percentage, approximate unless qualified ('just over half')."""
    found = _decorate(text, start, end, value, kind="percent", unit="%", scale=1, plain=False)
    if not found.quantity.approx:
        found = replace(found, quantity=replace(found.quantity, approx="about"))
    return found


def _join_ranges(text: str, found: list[_Found]) -> list[_Found]:
    """'between 10 and 20 percent', '10-20 million': one quantity from the first to the second."""
    out: list[_Found] = []
    for current in found:
        previous = out[-1] if out else None
        if previous is not None and _is_range(text, previous.quantity, current.quantity):
            out[-1] = _Found(_range(text, previous, current), current.scaled, current.scale)
        else:
            out.append(current)
    return out


def _join_shares(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """'nine out of ten', 'one in five' → about 90 %, 20 %: a share is a rounded percentage."""
    out: list[Quantity] = []
    for q in quantities:
        a = out[-1] if out else None
        if a is not None and _is_share(text, a, q):
            start, end = a.span[0], q.span[1]
            share = 100 * a.value / q.value
            out[-1] = Quantity(share, "%", (start, end), text[start:end], "about", "percent")
        else:
            out.append(q)
    return out


def _is_share(text: str, a: Quantity, b: Quantity) -> bool:
    plain = all(q.kind == "number" and not q.approx and q.upper is None for q in (a, b))
    if not plain or not 0 <= a.value <= b.value or b.value not in _SHARE_BASES:
        return False
    return bool(_SHARE_GLUE.fullmatch(text, a.span[1], b.span[0]))


def _is_range(text: str, a: Quantity, b: Quantity) -> bool:
    glue = text[a.span[1] : b.span[0]]
    if not _RANGE_GLUE.match(glue) or a.approx or b.approx or a.kind not in ("number", b.kind):
        return False
    if b.kind not in ("number", "percent", "money", "measure") or a.unit not in ("", b.unit):
        return False
    dashed = glue.strip() in ("-", "–", "—")
    return dashed or bool(_BETWEEN_LEFT.search(text, max(0, a.span[0] - 12), a.span[0]))


def _range(text: str, low: _Found, high: _Found) -> Quantity:
    """The range ``low``–``high``; a bare low end takes the high end's scale ("10-20 million")."""
    a, b = low.quantity, high.quantity
    scale = high.scale if high.scaled and not low.scaled else 1
    bottom = a.value * scale if a.value * scale <= b.value else a.value
    start = a.span[0]
    if between := _BETWEEN_LEFT.search(text, max(0, start - 12), start):
        start = between.start()
    return replace(
        b,
        value=min(bottom, b.value),
        upper=max(bottom, b.value),
        approx="between",
        span=(start, b.span[1]),
        text=text[start : b.span[1]],
    )
