"""Pairing a claim's figures with a passage's, like with like, and grading them. Pure — no Django.

Two figures pair (``comparable``) only when they measure the same thing:

* the same family: counts with counts, percent with percent (percentage points apart), money in
  the same currency, measures of the same dimension (pint: 300 metres with 984 feet, 75 mph with
  120 km/h), ages with ages. Years, dates and ordinals are never compared (they give the period);
* the same subject: what is counted matches ("cases" never pairs with "vaccinations" or
  "visitors"; "people" with a group such as "children" only on a shared topic); figures without a
  named head need a shared topic word, never a place, institution or container alone
  ("unemployment" ≠ "retail sales", "the council" is no evidence); stated modifiers agree
  ("measles cases" ≠ "cholera cases"); a negated clause pairs only with a negated one;
* the same period and place where both state one (a 2019 figure never checks a 2023 claim;
  ``where.py``);
* no minimal pair: clauses that say nearly the same thing but swap one content word in one slot
  ("11 home games" / "11 away games") are about different things (``contrast.py``).

Grades (``compare``) with the ``Bands``: each figure is an interval — a point, a bound ("more than
9,000" is [9,000, ∞) with a hard edge) or a range ("between 40 and 50 percent"). Overlapping
intervals agree. Otherwise the gap between them — relative to the larger magnitude for counts,
money and measures; in points for percentages; in degrees for temperatures — agrees within the
agrees band (doubled when either side is "about"), is close within ``close_factor`` × that band,
and conflicts beyond. Across a hard edge (a stated bound is broken) nothing agrees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from factcheck.sources.numbers import lexicon as lex
from factcheck.sources.numbers import units
from factcheck.sources.numbers.context import describe
from factcheck.sources.numbers.contrast import contrasting
from factcheck.sources.numbers.parse import TIME_KINDS, About, Quantity, find_quantities
from factcheck.sources.numbers.periods import same_rate
from factcheck.sources.numbers.roles import main_figures, roles_pair, with_roles
from factcheck.sources.numbers.where import _same_period, _same_place
from factcheck.sources.numbers.words import concept, is_person_concept

_WEAK_PAIR_RATIO = 10.0  # figures with no named head pair only within this factor
_ORDER = {"agrees": 0, "close": 1, "conflicts": 2}
_SMALL_PERCENT = 4.0  # percentages: also within 4 × the relative band (20 %) to agree


@dataclass(frozen=True)
class Bands:
    """Where 'agrees' ends and 'close' ends (module doc); beyond 'close' a pair conflicts."""

    relative: float = 0.05  # counts, money, measures: agrees within this relative gap
    points: float = 0.5  # percentages (points) and temperatures (degrees): agrees within this
    close_factor: float = 2.0  # close within close_factor × the agrees band


@dataclass(frozen=True)
class NumberCheck:
    """A claim's numbers checked against a passage; ``pairs`` hold (claimed, found, result)."""

    result: str  # "agrees" | "close" | "conflicts" | "none"
    pairs: tuple[tuple[Quantity, Quantity, str], ...]


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` in order, each figure with what it is about. Never raises."""
    return list(_parsed(text))


def figures(text: str) -> list[Quantity]:
    """The quantities of ``text`` that can be checked: not years, dates or ordinals."""
    return [q for q in _parsed(text) if q.kind not in TIME_KINDS]


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two figures measure the same thing in the same period and place (module doc)."""
    if a.kind in TIME_KINDS or b.kind in TIME_KINDS or _family(a) != _family(b):
        return False
    return (
        roles_pair(a.about.role, b.about.role)
        and _same_subject(a, b)
        and _same_period(a, b)
        and _same_place(a, b)
        and _same_kinds(a.about.kinds, b.about.kinds)
        and _change_with_change(a.about, b.about)
        and (a.kind == "percent" or _change_with_total(a, b))
        and not _minimal_pair(a, b)
        and _average_with_total(a, b)
    )


def compare(claimed: Quantity, found: Quantity, tolerance: float | Bands = 0.05) -> str:
    """'agrees', 'close' or 'conflicts' (module doc). Raises ValueError unless same family."""
    if claimed.kind in TIME_KINDS or _family(claimed) != _family(found):
        raise ValueError(f"{claimed.text!r} and {found.text!r} are not comparable")
    bands = _bands(tolerance)
    if _opposite_changes(claimed.about, found.about) and (claimed.value or found.value):
        return "conflicts"  # "wages rose 5 percent" is not "wages fell 5 percent"
    absolute = claimed.kind == "percent" or claimed.unit in lex.ABSOLUTE_MEASURES
    hard, gap = _gap(_interval(claimed), _interval(found), relative=not absolute)
    agree = bands.points if absolute else bands.relative
    if {"about", "nearly"} & {claimed.approx, found.approx}:
        agree *= 2
    grade = _grade(hard, gap, agree, bands.close_factor)
    if claimed.kind == "percent" and grade != "conflicts":
        widen = agree / bands.points  # "about" doubles this band too
        return _small_percentages(claimed, found, grade, widen * bands.relative, bands)
    return grade


def _small_percentages(
    claimed: Quantity, found: Quantity, grade: str, relative_band: float, bands: Bands
) -> str:
    """Points mean little near zero: growth of 0.3 percent is not 0.6 percent. A percentage
    pair is also graded by its relative gap, with bands ``_SMALL_PERCENT`` times the relative
    ones, and takes the worse grade."""
    hard, gap = _gap(_interval(claimed), _interval(found), relative=True)
    relative = _grade(hard, gap, _SMALL_PERCENT * relative_band, bands.close_factor)
    return max(grade, relative, key=_ORDER.__getitem__)


def _grade(hard: bool, gap: float, agree: float, close_factor: float) -> str:
    """Across a hard edge nothing agrees; else within the agrees band, then the close band."""
    if gap <= (-1.0 if hard else agree):
        return "agrees"
    return "close" if gap <= close_factor * agree else "conflicts"


def pair(
    claimed: Quantity, candidates: list[Quantity], tolerance: float | Bands = 0.05
) -> Quantity | None:
    """The comparable candidate that fits best: best result, then nearest value, then first."""
    usable = [c for c in candidates if c.about.role != "identifier" and comparable(claimed, c)]
    if not usable:
        return None

    def rank(c: Quantity) -> tuple[int, float, int]:
        return (_ORDER[compare(claimed, c, tolerance)], _distance(claimed, c), c.span[0])

    return min(usable, key=rank)


def check_numbers(
    claim_text: str, passage_text: str, tolerance: float | Bands = 0.05
) -> NumberCheck:
    """Pair each of the claim's main figures (``roles.main_figures``) with the passage's; the
    worst result wins, 'none' if none pairs. Incidental figures ("the three-day festival", the
    16 of "11 of the 16 hospitals") never decide."""
    claimed_figures = main_figures(figures(claim_text))
    if not claimed_figures:
        return NumberCheck(result="none", pairs=())  # most claims: the passage is not read
    families = frozenset(_family(q) for q in claimed_figures)
    found = [q for q in _described(passage_text, families) if q.kind not in TIME_KINDS]
    pairs = []
    for claimed in claimed_figures:
        match = pair(claimed, found, tolerance)
        if match is not None:
            pairs.append((claimed, match, compare(claimed, match, tolerance)))
    results = {result for _, _, result in pairs}
    worst = next((r for r in ("conflicts", "close", "agrees") if r in results), "none")
    return NumberCheck(result=worst, pairs=tuple(pairs))


@lru_cache(maxsize=4096)
def _parsed(text: str) -> tuple[Quantity, ...]:
    """Each text is read once: ranking checks one claim against many passages."""
    return tuple(with_roles(text, describe(text, list(_found(text)))))


@lru_cache(maxsize=4096)
def _found(text: str) -> tuple[Quantity, ...]:
    return tuple(find_quantities(text))


@lru_cache(maxsize=4096)
def _described(text: str, families: frozenset[tuple[str, str]]) -> tuple[Quantity, ...]:
    """The text's quantities, only those of the ``families`` read for what they are about:
    a passage's other figures cannot pair, and reading their context is most of the cost."""
    kinds = {kind for kind, _ in families}

    def wanted(q: Quantity) -> bool:
        return q.kind in kinds and _family(q) in families

    return tuple(with_roles(text, describe(text, list(_found(text)), wanted)))


def _bands(tolerance: float | Bands) -> Bands:
    return tolerance if isinstance(tolerance, Bands) else Bands(relative=tolerance)


# --- what is measured -----------------------------------------------------------------------


def _family(q: Quantity) -> tuple[str, str]:
    """Counts, percent or points, money in one currency (a sum 'a year' is still that
    currency's: its rate is compared with the subject), measures of one dimension, ages."""
    if q.kind in ("measure", "age"):
        return (q.kind, units.dimensionality(q.unit))
    if q.kind == "money":
        return (q.kind, q.unit.split("/", 1)[0])
    return (q.kind, q.unit if q.kind == "percent" else "")


def _same_subject(a: Quantity, b: Quantity) -> bool:
    x, y = a.about, b.about
    if x.negated != y.negated or not same_rate(a, b):
        return False  # "no internet" is not "internet"; 300,000 homes a year is not last year's
    if x.modifiers and y.modifiers and not x.modifiers & y.modifiers:
        return False
    if x.done and y.done and not (x.done & y.topic or y.done & x.topic):
        return False  # "2,000 flights were cancelled" is not "2,000 flights were delayed"
    if _kinds_differ(x.topic & lex.DISEASES, y.topic & lex.DISEASES):
        return False  # "a measles outbreak has infected 300" is not a cholera outbreak's 300
    if x.subject and y.subject and not _same_noun_phrase(x.subject, y.subject, x, y):
        return False  # "defence spending" / "health spending" at 2.5 percent of GDP
    if x.head and y.head:
        if not (_heads_match(x.head, y.head) or _one_thing(a, b)):
            return _act_of_the_people(a, b)
        if (a.kind != "percent" or not (x.base or y.base)) and (
            x.head == y.head != "people" or not is_person_concept(x.head)
        ):
            return True  # "cases" and "cases", "95 percent efficacy": the head says what it is
        # A group of people, or what a percentage is of, needs one more thing in common:
        # "91 percent of children" vaccinated is not "86 percent of children" in poverty.
        return bool(_shared_topic(a, b) - {"people"} - ({x.head} & {y.head}))
    if x.head or y.head:
        head, other = (x.head, y) if x.head else (y.head, x)
        # "1,000 people died" and "the death toll rose to 2,400": people need a shared topic.
        shared = _shared_topic(a, b) - {head, "people"}
        # A measure's unit already says what is measured: a shared word names the thing.
        loose = is_person_concept(head) or a.kind == "measure"
        named = other.topic | {lex.NAMES_HEAD.get(w, w) for w in other.subject}
        if head not in named and not (loose and shared):
            return False
    elif not _shared_topic(a, b) - _name_words(x, y) or not _same_noun_phrase(
        x.subject, y.subject, x, y
    ):
        return False  # "Thames Water's debts" / "Thames Water plans to invest": a name alone
    elif not _measured_thing_named(a, b):
        return False
    return a.kind != "number" or _within_ratio(a.value, b.value)


def _average_with_total(a: Quantity, b: Quantity) -> bool:
    """An average is one member's share ("care homes charge £1,250 a week on average"), not a
    total ("the council spends £1.25m a week"): an average and a figure not called one pair only
    within ``_WEAK_PAIR_RATIO`` of each other, whatever the magnitudes' units."""
    mean = "statistic:mean"
    if (mean in a.about.kinds) == (mean in b.about.kinds) or a.kind == "percent":
        return True
    x, y = (next(v for v in _interval(q)[:2] if math.isfinite(v)) for q in (a, b))
    return _within_ratio(x, y)


def _minimal_pair(a: Quantity, b: Quantity) -> bool:
    """Nearly the same clauses with one content word swapped (``contrast.py``). When both
    figures name what they count, or a unit says what is measured, only the words after them."""
    headed = bool(a.about.head and b.about.head) or a.kind == "measure"
    return contrasting(a.about.clause, b.about.clause, headed)


def _measured_thing_named(a: Quantity, b: Quantity) -> bool:
    """Figures with no head: the noun of a clause's noun phrase is what it measures ('the
    carmaker's operating profit'). When only one side names it and the other does not name it
    too, the other side's figure must not be measured by an act of its own that the named side
    lacks ('profit was €2.4 billion' / 'spent €2.4 billion on research': spending is another
    measure, and the shared 'carmaker' is no evidence). A measure's unit already says what it
    measures."""
    x, y = a.about, b.about
    if (x.subject and y.subject) or not (x.subject or y.subject) or a.kind == "measure":
        return True  # _same_noun_phrase has compared both; neither names one; a unit says it
    named, other = (x, y) if x.subject else (y, x)
    noun = named.subject[-1]
    if noun in other.topic:
        return True
    acts = {k for k in other.kinds if k.split(":", 1)[0] in lex.ACT_KINDS}
    return acts <= named.kinds | lex.NOUN_ACTS.get(noun, frozenset())


def _one_thing(a: Quantity, b: Quantity) -> bool:
    """Two heads that name one thing: a compound and its head noun ('hip replacements' /
    'hip replacement operations': an operation named by what it does), or a measure's head
    that the other clause names ('5,000 acres of farmland' on the estate / 'the 2,000-hectare
    estate': the unit already says it is an area)."""
    x, y = a.about, b.about
    for one, other in ((x, y), (y, x)):
        if other.head in lex.EVENT_HEADS and one.head in other.modifiers:
            return one.modifiers <= other.modifiers | {one.head}
    if a.kind != "measure" or is_person_concept(x.head) or is_person_concept(y.head):
        return False
    return x.head in y.topic or y.head in x.topic


def _act_of_the_people(a: Quantity, b: Quantity) -> bool:
    """'500,000 people signed' counts signatures; '52 percent of voters cast a ballot' is the
    turnout: a count of people pairs with an act each does once, a share of a group with what
    that group did, when the people's clause names the act."""
    people, act = (a, b) if is_person_concept(a.about.head) else (b, a)
    if not is_person_concept(people.about.head) or is_person_concept(act.about.head):
        return False
    if a.kind != "percent" and act.about.head not in lex.ONCE_PER_PERSON:
        return False
    return act.about.head in people.about.topic


def _same_noun_phrase(x: tuple[str, ...], y: tuple[str, ...], ax: About, ay: About) -> bool:
    """'Food prices' ≠ 'energy prices', 'exports' ≠ 'imports': figures with no head whose
    clauses open with a noun phrase — the same noun (or one named in the other's clause), and
    stated modifiers in common; different nouns pair when one names the other, or on a shared
    modifier when they name one measure ('food prices' / 'food inflation', never 'oil output' /
    'oil prices' nor 'the firm's revenue' / 'the firm's profit')."""
    if not x or not y:
        return True
    shared_modifier = bool(set(x[:-1]) & set(y[:-1]))
    if x[-1] != y[-1]:  # 'food prices' and 'food inflation' name one thing
        related = frozenset({x[-1], y[-1]}) in lex.RELATED_NOUNS
        return (shared_modifier and related) or x[-1] in ay.topic or y[-1] in ax.topic
    if ax.subject_modifiers - ay.topic or ay.subject_modifiers - ax.topic:
        return False  # "violent crime" is not "crime", "food inflation" not inflation
    return shared_modifier or not (x[:-1] and y[:-1])


def _kinds_differ(x: frozenset[str], y: frozenset[str]) -> bool:
    return bool(x and y and not x & y)


def _heads_match(x: str, y: str) -> bool:
    return x == y or "people" in (x, y) and is_person_concept(x) and is_person_concept(y)


def _shared_topic(a: Quantity, b: Quantity) -> set[str]:
    """Concepts both clauses name, but not places, institutions or containers alone."""
    return set(a.about.topic & b.about.topic) - lex.CONTAINERS


def _name_words(x: About, y: About) -> set[str]:
    """The words of the names both clauses are about ('thames water'), as concepts."""
    return {concept(w) for n in x.names & y.names for w in n.split()}


def _within_ratio(x: float, y: float) -> bool:
    low, high = sorted((abs(x), abs(y)))
    return low == high or (low > 0 and high / low <= _WEAK_PAIR_RATIO)


def _same_kinds(x: frozenset[str], y: frozenset[str]) -> bool:
    """Exclusive kinds (exports / imports, median / mean, teachers / nurses): of each group
    both clauses name, they must name a kind in common. A marked measure ("real" wages, "youth"
    unemployment, "core" inflation) is named by both clauses or neither."""
    if {k for k in x if k.startswith("marked:")} != {k for k in y if k.startswith("marked:")}:
        return False
    directions = (
        {lex.DIRECTIONS.get(k) for k in x} - {None},
        {lex.DIRECTIONS.get(k) for k in y} - {None},
    )
    if all(directions) and not directions[0] & directions[1]:
        return False  # "recruited 20,000 nurses" is not "20,000 nurses left"
    groups = {k.split(":", 1)[0] for k in x} & {k.split(":", 1)[0] for k in y}
    for group in groups:
        if not {k for k in x if k.startswith(group + ":")} & y:
            return False
    return True


def _change_with_change(x: About, y: About) -> bool:
    """A change ("rose 5 percent") never pairs with a stated level ("is 5 percent", "rose to 5
    percent") — unless the level is the size of a change the other side does not
    name as such ("food inflation reached 19 percent" / "food prices rose 19 percent")."""
    if {x.change, y.change} not in ({"up", "level"}, {"down", "level"}, {"compared", "level"}):
        return True  # both changes, both levels, or one side does not say
    level, change = (x, y) if x.change == "level" else (y, x)
    return bool(level.change_words - change.change_words)


def _change_with_total(a: Quantity, b: Quantity) -> bool:
    """A count, sum or measure that changed by N ("sales rose by 2.1 million") is not a total
    of N ("2.1 million records were sold"): a change pairs with a change, or with a figure
    whose clause names a change ("an increase of 2.1 million"). A measure counts only when
    stated 'by' ("rose by 8,000 tonnes"; a tower that 'rises 330 metres' is its height)."""
    x, y = a.about, b.about
    if not ({x.change, y.change} & {"up", "down"}) or x.change and y.change:
        return True
    plain, changed = (y, x) if x.change else (x, y)
    if a.kind == "measure" and changed.role != "by":
        return True
    # "cut 1,150 jobs" counts the jobs cut (the figure has a head): a count, not a change;
    # "rose by 40 million bottles" is the size of a change all the same.
    return bool((changed.head and changed.role != "by") or plain.change_words)


def _opposite_changes(x: About, y: About) -> bool:
    return {x.change, y.change} == {"up", "down"}


# --- grading --------------------------------------------------------------------------------


def _interval(q: Quantity) -> tuple[float, float, bool, bool]:
    """(low, high, low edge is hard, high edge is hard), in base units for measures."""
    low = units.to_base(q.value, q.unit) if q.kind == "measure" else q.value
    high = low
    if q.upper is not None:
        high = units.to_base(q.upper, q.unit) if q.kind == "measure" else q.upper
        return (low, high, True, True)
    if q.approx in ("more_than", "at_least"):
        return (low, math.inf, True, False)
    if q.approx in ("less_than", "at_most", "up_to"):
        return (-math.inf, high, False, True)
    if q.approx == "nearly":
        return (low, high, False, True)
    return (low, high, False, False)


def _gap(
    a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool], *, relative: bool
) -> tuple[bool, float]:
    """(whether a hard edge is crossed, distance between the intervals)."""
    a_lo, a_hi, a_lo_hard, a_hi_hard = a
    b_lo, b_hi, b_lo_hard, b_hi_hard = b
    if a_hi < b_lo:
        hard, edges = a_hi_hard or b_lo_hard, (a_hi, b_lo)
    elif b_hi < a_lo:
        hard, edges = b_hi_hard or a_lo_hard, (b_hi, a_lo)
    else:
        return (False, 0.0)
    distance = edges[1] - edges[0]
    return (hard, distance / max(abs(edges[0]), abs(edges[1])) if relative else distance)


def _distance(a: Quantity, b: Quantity) -> float:
    x, y = _interval(a), _interval(b)
    return _gap(x, y, relative=True)[1]
