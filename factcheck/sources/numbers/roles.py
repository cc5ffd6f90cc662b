"""What each figure is in its sentence: the figure a claim is about, or an incidental one.

A claim is checked on its main figures only, so a figure that merely describes something else
never decides the result ("All 85,000 tickets for the three-day festival": the claim is about
85,000 tickets, not about three days). Roles, read from the text around each figure:

* ``part`` and ``group``: "11 of the 16 hospitals", "11 out of 16": a count of a group; the
  group (16) is incidental, the part (11) is the figure;
* ``base``: "95 burglaries per 10,000 households", "for every 1,000 births": the base (10,000)
  is incidental and the figure before it is a rate per that base (its ``rate`` says so, so a
  rate never pairs with a plain total);
* ``modifier``: a measure glued to the noun it describes ("the three-day festival", "the
  2,000-hectare estate");
* ``identifier``: a count that names something ("Route 66", "Level 4");
* ``by``: the size of a change ("rose by 40 million bottles"), main but never a total;
* ``""``: every other figure — a main one.

Pairing keeps roles apart: a group pairs only with a group, a base only with a base (module doc
of ``compare.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.sources.numbers.parse import TIME_KINDS, Quantity
from factcheck.sources.numbers.words import concept

INCIDENTAL = frozenset({"group", "base", "modifier", "identifier"})
# "nine of the 14 mines", "nine of the province's 14 mines": a possessive may name the whole.
_OF_GROUP = re.compile(
    r"\s+(?:out\s+of|of)(?:\s+(?:the|its|their|all|those))?(?:\s+[a-z]+['’]s?)?\s+$", re.I
)
_PER_BASE = re.compile(
    r"^(?:\s+[\w'-]+){0,3}?\s+(?:per|for\s+every|in\s+every|out\s+of\s+every|every)\s+$", re.I
)
_WINDOW = 40  # characters read before a figure for its own role
_GLUED = re.compile(r"^\S+-[a-z]+$", re.I)
_NAME_BEFORE = re.compile(r"(?:^|[^.!?:;]\s)([A-Z][a-z]+)\s+$")  # ^: the text's start
_NAME_WITHIN = re.compile(r"[^.!?:;]\s([A-Z][a-z]+)\s+$")
_NOT_NAMES = frozenset(
    """The A An In On At By Of For To From Some About Around Nearly Almost Over Under More Less
    All Only Just Another Every Each Than Up Down And Or But With Without""".split()
)


def with_roles(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` (in text order) with ``about.role`` set, and a rate per its base for a
    figure followed by 'per N …'."""
    out = list(quantities)
    figures = [i for i, q in enumerate(out) if q.kind not in TIME_KINDS]
    for i, j in zip(figures, figures[1:], strict=False):
        first, second = out[i], out[j]
        between = text[first.span[1] : second.span[0]]
        if second.kind != "number" or len(between) > _WINDOW:
            continue
        if first.kind in ("number", "percent") and _OF_GROUP.fullmatch(between):
            if first.kind == "number" and not first.about.role:
                out[i] = _set(first, role="part")  # "a third of the 30": a share, no part
            out[j] = _set(second, role="group")
        elif _PER_BASE.fullmatch(between):
            base = second.about.head or _next_word(text, second.span[1])
            out[i] = _set(first, rate=first.about.rate or f"per:{base}")
            out[j] = _set(second, role="base")
    for i in figures:
        q = out[i]
        if not q.about.role:
            role = _own_role(text, q)
            if role:
                out[i] = _set(q, role=role)
    return out


def main_figures(quantities: list[Quantity]) -> list[Quantity]:
    """The figures a claim is about: those with no incidental role, or all but identifiers if
    none is left. An identifier ("Route 66", "Flight 370") names something and is never
    checked as a count."""
    main = [q for q in quantities if q.about.role not in INCIDENTAL]
    return main or [q for q in quantities if q.about.role != "identifier"]


def roles_pair(x: str, y: str) -> bool:
    """A group pairs only with a group, a base only with a base, a part of a group only with
    a part ("five of the eight bridges need repairs" is not "five bridges were inspected");
    the rest with each other."""
    tied = {"group", "base", "part"}
    return x == y or not ({x, y} & tied)


def _own_role(text: str, q: Quantity) -> str:
    after = text[q.span[1] : q.span[1] + 2]
    start = max(0, q.span[0] - _WINDOW)
    before = text[start : q.span[0]]  # never the whole text before (O(n²) over a long source)
    if q.about.change in ("up", "down") and re.search(r"\bby\s+$", before, re.I):
        return "by"
    if q.kind == "measure" and _GLUED.match(q.text) and re.match(r"\s[a-z]", after):
        return "modifier"
    if q.kind == "number" and q.value.is_integer() and q.text[:1].isdigit():
        match = (_NAME_WITHIN if start else _NAME_BEFORE).search(before)
        if match and match.group(1) not in _NOT_NAMES:
            return "identifier"
    return ""


def _next_word(text: str, start: int) -> str:
    match = re.match(r"\s*([A-Za-z]+)", text[start:])
    return concept(match.group(1)) if match else ""


def _set(q: Quantity, **changes: str) -> Quantity:
    return replace(q, about=replace(q.about, **changes))
