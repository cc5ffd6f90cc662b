"""When and where a figure holds, and who it is about: years, months and named periods, places
and the proper names of a clause (``compare.comparable``'s period and place tests). Pure — no
Django."""

from __future__ import annotations

from factcheck.sources.numbers.parse import About, Quantity
from factcheck.sources.numbers.words import concept


def _same_period(a: Quantity, b: Quantity) -> bool:
    """Years, months and other named periods ("the first quarter", "last year", "the 1990s",
    "now"): where both sides name one, they must name the same."""
    x, y = a.about, b.about
    if x.years and y.years and not x.years & y.years:
        return False
    if x.periods and y.periods and not x.periods & y.periods:
        return False
    if not (_in_decades(x.years, y.periods) and _in_decades(y.years, x.periods)):
        return False  # a 2023 figure is not one of the 1990s
    if x.years and y.years and _within_year(x) != _within_year(y):
        return False  # 2023's figure is not one of its final quarter, nor of March 2023
    return not (x.month and y.month and x.month != y.month)


def _within_year(x: About) -> bool:
    """A figure of a month, quarter or half, not of twelve months ("in the year to July")."""
    if "year-to" in x.periods:
        return False
    return bool(x.month) or any(p.startswith(("quarter:", "half:")) for p in x.periods)


def _in_decades(years: frozenset[int], periods: frozenset[str]) -> bool:
    decades = {int(p[7:]) for p in periods if p.startswith("decade:")}
    return not years or not decades or any(y // 10 * 10 in decades for y in years)


def _same_place(a: Quantity, b: Quantity) -> bool:
    """Places after 'in', 'across' …, and the proper names of each clause ("Scotland recorded",
    "Apple's revenue"): where both sides name some, they must share one."""
    x, y = a.about.places, b.about.places
    if x and y and not _mentioned(a.about, b.about):
        words = {w for place in x for w in place.split()}
        if not any(w in words for place in y for w in place.split()):
            return False
    if not (_names_meet(a.about, b.about) and _names_meet(b.about, a.about)):
        return False
    return _worldwide(a.about, b.about) and _worldwide(b.about, a.about)


def _mentioned(x: About, y: About) -> bool:
    """Each clause names the other's names and places among its words ("the bus route between
    Whitby and Scarborough" / "the Whitby to Scarborough service", "sold … in Europe" / "European
    deliveries at Volta"): the same named things, whatever role each gives them."""
    one, other = x.names | x.places, y.names | y.places
    return bool(one and other) and _in_topic(one, y.topic) and _in_topic(other, x.topic)


def _in_topic(names: frozenset[str], topic: frozenset[str]) -> bool:
    return all(concept(w) in topic for name in names for w in name.split())


def _worldwide(x: About, y: About) -> bool:
    """A worldwide figure is not one of a place: "5,000 employees worldwide" / "in the UK"."""
    return "scope:world" not in x.kinds or "scope:world" in y.kinds or not (y.places or y.names)


def _names_meet(x: About, y: About) -> bool:
    """Whether the names ``x``'s clause is about ("Spain's", "The Louvre had") are among the
    names, places and first words of ``y``'s, when ``y`` names any; two clauses whose only
    names are their first words ("Scotland recorded …" / "Wales recorded …") must share one of
    those or a place. A first word the other clause names as a common word is no name
    ("Interest rates were cut" / "the Bank cut interest rates")."""
    if _mentioned(x, y):
        return True
    first_x = {n for n in x.first_names if concept(n) not in y.topic}
    first_y = {n for n in y.first_names if concept(n) not in x.topic}
    if x.names:
        if _names_shared(x.names, y.names | y.places | y.first_names):
            return True
        return not (y.names | y.places | first_y)
    if y.names or not first_x or not first_y:
        return True
    return _names_shared(x.first_names | x.places, y.first_names | y.places)


def _names_shared(x: frozenset[str] | set[str], y: frozenset[str] | set[str]) -> bool:
    return any(_same_name(n, m) for n in x for m in y)


def _same_name(x: str, y: str) -> bool:
    """'manchester' is 'manchester united', never 'manchester city'; 'cornish' is 'cornwall'
    (a word's first four letters name its place)."""
    a, b = set(x.split()), set(y.split())
    if a <= b or b <= a:
        return True
    if y == _initials(x) or x == _initials(y):
        return True  # "erc" is the "european research council"
    return len(a) == len(b) == 1 and len(x) >= 4 and len(y) >= 4 and x[:4] == y[:4]


def _initials(name: str) -> str:
    """'european research council' → 'erc' (names of three words or more, 'of' skipped)."""
    words = [w for w in name.split() if w not in ("of", "and", "for")]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""
