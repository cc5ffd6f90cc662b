"""What a figure is about: the words around it, read once per text. Pure — no Django.

For each figure (not a year, date or ordinal) ``describe`` records in an ``About``:

* ``head`` — the concept counted, from the words right after it ("42,200 measles cases" → case,
  "91 percent of children" → children, "a 6.1 percent rise in retail sales" → sale);
  ``modifiers`` the words before the head and in an "of" phrase after it ("measles").
* ``topic`` — concepts of the content words of its clause: the sentence, cut at another figure
  (at the "and", comma or "while" between them), at "while"/"whereas"/"but", and without the
  attribution ("Census figures show that …", "…, the statistics office said").
* ``years`` / ``month`` — the nearest year and month named in the same sentence.
* ``places`` — capitalised names after "in", "across" … in the clause ("in Idlib").
* ``negated`` — a "no", "not", "without" … in the clause ("have no internet subscription").
* ``subject`` — for a figure with no head, the noun phrase its clause opens with ("Food prices
  rose 19 percent" → food, price).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from factcheck.sources.numbers.parse import TIME_KINDS, About, Quantity
from factcheck.sources.numbers.periods import (
    _MAX_ASIDES,
    _PERIOD,
    _aside,
    _has_year,
    _period_name,
    _year_of,
)
from factcheck.sources.numbers.window import Window
from factcheck.sources.numbers.words import _MARK, _SENTENCE_END, _inside

_OF_GLUE = re.compile(r"(?i)\s+(?:out\s+)?of\s+(?:the\s+)?(?:[a-z]+['’]s?\s+)?$")
_MAX_FIGURES = 1000  # read per text; more is a table or an attack, not prose (they stay unread)
_REACH = 200  # characters either side of a figure
_CHANGE_TO = re.compile(r"(?i)\s+(?:(?:percentage\s+)?points?\s+|pp\s+)?(?:to|from)\s+")


def describe(
    text: str, quantities: list[Quantity], wanted: Callable[[Quantity], bool] | None = None
) -> list[Quantity]:
    """``quantities`` (as parsed from ``text``) with ``about`` filled in for each figure, or only
    for the figures ``wanted`` says may pair (the others keep an empty ``About``)."""
    spans = [q.span for q in quantities]
    sentences = _sentence_starts(text)
    figures = [i for i, q in enumerate(quantities) if q.kind not in TIME_KINDS][:_MAX_FIGURES]
    dated = [q for q in quantities if _has_year(q)]
    years = {_year_of(q) for q in dated}
    times = [q for q in quantities if q.kind in ("year", "date", "period")]
    befores = _clause_starts(text, quantities, figures)
    time_starts = [q.span[0] for q in times]
    out = list(quantities)
    marks: dict[tuple[int, int], tuple[list[tuple[str, int, int]], list[int]]] = {}
    named: dict[tuple[int, int], list[tuple[int, str]]] = {}  # each sentence's named periods
    for n, i in enumerate(figures):
        q = quantities[i]
        if wanted is not None and not wanted(q):
            continue
        sentence = _sentence_of(sentences, q.span[0], len(text))
        if sentence not in marks:
            found = _marks(text, sentence, spans)
            marks[sentence] = (found, [t[1] for t in found])
        tokens, starts = marks[sentence]
        if sentence not in named:
            found_periods = [
                (m.start(), _period_name(m)) for m in _PERIOD.finditer(text, *sentence)
            ]
            named[sentence] = found_periods
        # A clause is read within _REACH characters: a "sentence" can be a megabyte of figures.
        reach = (max(sentence[0], q.span[0] - _REACH), min(sentence[1], q.span[1] + _REACH))
        around = tokens[bisect.bisect_left(starts, reach[0]) : bisect.bisect_left(starts, reach[1])]
        near = times[
            bisect.bisect_left(time_starts, reach[0]) : bisect.bisect_left(time_starts, reach[1])
        ]
        near = [t for t in near if not _aside(text, t.span, q.span)]
        after = quantities[figures[n + 1]].span[0] if n + 1 < len(figures) else len(text)
        window = Window(text, around, reach, q, befores[n], after)
        about = window.about(near, named[sentence])
        if not about.years and len(years) == 1:
            if not all(_aside(text, t.span, q.span) for t in dated[:_MAX_ASIDES]):
                about = replace(about, years=frozenset(years))  # the one year the text names
        out[i] = _with_about(q, about)
    return _share_heads(text, out, figures)


def _clause_starts(text: str, quantities: list[Quantity], figures: list[int]) -> list[int]:
    """Where each figure's clause may start: after the figure before it, unless that one changed
    *to* this one ("rose 0.2 percentage points to 4.4 percent": both are unemployment's)."""
    starts: list[int] = []
    for n, i in enumerate(figures):
        previous = quantities[figures[n - 1]].span[1] if n else -1
        if n and _CHANGE_TO.fullmatch(text, previous, quantities[i].span[0]):
            starts.append(starts[-1])
        else:
            starts.append(previous)
    return starts


def _marks(
    text: str, sentence: tuple[int, int], spans: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """The sentence's words and commas outside the quantities, in order."""
    start, end = sentence
    marks = [(m[0], m.start(), m.end()) for m in _MARK.finditer(text, start, end)]
    return [t for t in marks if not _inside(t[1], spans)]


def _share_heads(text: str, quantities: list[Quantity], figures: list[int]) -> list[Quantity]:
    """'six of the 12 regions', 'nine of the province's 14 mines': the first figure counts what
    the second does (not the possessor), in the acts and topic of both clauses."""
    for i, j in zip(figures, figures[1:], strict=False):
        a, b = quantities[i], quantities[j]
        glue = _OF_GLUE.match(text, a.span[1], b.span[0])
        possessive = bool(glue and re.search(r"['’]", glue[0]))
        if b.about.head and glue and (not a.about.head or possessive):
            about = replace(a.about, head=b.about.head, modifiers=b.about.modifiers)
            about = replace(about, topic=a.about.topic | b.about.topic)
            quantities[i] = _with_about(a, replace(about, kinds=a.about.kinds | b.about.kinds))
    return quantities


def _with_about(q: Quantity, about: About) -> Quantity:
    # The constructor, not dataclasses.replace: this runs for every figure of every passage.
    return Quantity(q.value, q.unit, q.span, q.text, q.approx, q.kind, q.upper, about)


def _sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def _sentence_of(starts: list[int], position: int, length: int) -> tuple[int, int]:
    index = bisect.bisect_right(starts, position) - 1
    end = starts[index + 1] if index + 1 < len(starts) else length
    return (starts[index], end)
