"""Candidate figure pairs and the general features a learned pairing gate reads. Pure — no Django.

A *candidate* is a claim's main figure and a passage figure of the same family (counts with
counts, percent with percent, money in one currency, measures of one dimension): the pairs the
rules of ``compare.py`` judge. Its features describe whether the two figures are about the same
thing without naming any word — so that they carry over to a new author's vocabulary: the rules'
own verdicts (each test of ``comparable`` on its own), how the two clauses' readings relate (heads,
modifiers, names, periods, changes), how the two sentences align (a near-identical sentence with
one word swapped — "home games" / "away games" — is about something else), and how far apart the
figures are.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from factcheck.sources.numbers import lexicon as lex
from factcheck.sources.numbers.compare import (
    _change_with_change,
    _change_with_total,
    _described,
    _distance,
    _family,
    _heads_match,
    _same_kinds,
    _same_subject,
    comparable,
    compare,
    figures,
)
from factcheck.sources.numbers.parse import TIME_KINDS, Quantity
from factcheck.sources.numbers.roles import main_figures, roles_pair
from factcheck.sources.numbers.where import _names_shared, _same_period, _same_place
from factcheck.sources.numbers.words import concept

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_FUNCTION = lex.GENERIC | lex.NEGATIONS


@dataclass(frozen=True)
class Candidate:
    """A claim figure, a passage figure of its family, the rules' verdict and the grade."""

    claimed: Quantity
    found: Quantity
    rules: bool  # whether ``compare.comparable`` pairs them
    grade: str  # "agrees" / "close" / "conflicts"


def candidates(claim: str, passage: str) -> list[Candidate]:
    """Every (claim main figure, passage figure) pair of one family; identifiers never pair."""
    claimed_figures = main_figures(figures(claim))
    if not claimed_figures:
        return []
    families = frozenset(_family(q) for q in claimed_figures)
    found = [
        q
        for q in _described(passage, families)
        if q.kind not in TIME_KINDS and q.about.role != "identifier"
    ]
    out = []
    for a in claimed_figures:
        for b in found:
            if _family(a) == _family(b):
                out.append(Candidate(a, b, comparable(a, b), compare(a, b)))
    return out


def content_words(text: str) -> list[str]:
    """The sentence's content words as concepts, in order (function words dropped)."""
    return [concept(w) for w in _WORD.findall(text) if w.lower() not in _FUNCTION]


def features(claim: str, passage: str, c: Candidate) -> dict[str, float]:
    """The candidate's features, each a number (flags 0/1), by group (``GROUPS``)."""
    a, b = c.claimed, c.found
    out = _rules(c)
    out.update(_reading(a, b))
    out.update(_alignment(claim, passage, a, b))
    out.update(_figures(c))
    return out


def _rules(c: Candidate) -> dict[str, float]:
    """The rules' verdict and each of their tests on its own."""
    a, b = c.claimed, c.found
    x, y = a.about, b.about
    return {
        "rules": float(c.rules),
        "rule_roles": float(roles_pair(x.role, y.role)),
        "rule_subject": float(_same_subject(a, b)),
        "rule_period": float(_same_period(a, b)),
        "rule_place": float(_same_place(a, b)),
        "rule_kinds": float(_same_kinds(x.kinds, y.kinds)),
        "rule_change": float(
            _change_with_change(x, y) and (a.kind == "percent" or _change_with_total(a, b))
        ),
    }


def _reading(a: Quantity, b: Quantity) -> dict[str, float]:
    """How the two clauses' readings relate."""
    x, y = a.about, b.about
    both_heads = bool(x.head and y.head)
    topic = (x.topic | y.topic) - lex.CONTAINERS
    shared = (x.topic & y.topic) - lex.CONTAINERS
    return {
        "head_same": float(both_heads and _heads_match(x.head, y.head)),
        "head_differ": float(both_heads and not _heads_match(x.head, y.head)),
        "head_one": float(bool(x.head) != bool(y.head)),
        "head_named": float(bool(x.head and x.head in y.topic or y.head and y.head in x.topic)),
        "modifiers_differ": float(
            bool(x.modifiers and y.modifiers and not x.modifiers & y.modifiers)
        ),
        "modifiers_shared": float(bool(x.modifiers & y.modifiers)),
        "topic_jaccard": len(shared) / len(topic) if topic else 0.0,
        "topic_shared": min(len(shared), 4) / 4,
        "names_both": float(bool(x.names and y.names)),
        "names_shared": float(_names_shared(x.names, y.names | y.places)),
        "negation_differs": float(x.negated != y.negated),
        "years_differ": float(bool(x.years and y.years and not x.years & y.years)),
        "periods_differ": float(bool(x.periods and y.periods and not x.periods & y.periods)),
        "change_differs": float(bool(x.change and y.change and x.change != y.change)),
        "change_one": float(bool(x.change) != bool(y.change)),
        "done_differ": float(bool(x.done and y.done and not x.done & y.done)),
        "kinds_both": float(bool(x.kinds and y.kinds)),
        "rate_differs": float(x.rate != y.rate),
        "subject_both": float(bool(x.subject and y.subject)),
        "role_incidental": float(bool(x.role or y.role)),
    }


def _alignment(claim: str, passage: str, a: Quantity, b: Quantity) -> dict[str, float]:
    """The two sentences aligned on their content words: the matched share, and the swaps of
    one or two words between matched stretches (a minimal pair names another thing)."""
    left, right = content_words(_sentence(claim, a)), content_words(_sentence(passage, b))
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    swaps = gaps = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and i2 - i1 <= 2 and j2 - j1 <= 2:
            swaps += 1
        elif op != "equal":
            gaps += 1
    share = 2 * matched / (len(left) + len(right)) if left or right else 0.0
    near = share >= 0.6
    return {
        "aligned_share": share,
        "swaps": min(swaps, 3) / 3,
        "gaps": min(gaps, 6) / 6,
        "near_identical_swap": float(near and swaps > 0),
        "near_identical_clean": float(near and swaps == 0),
        "window_words_shared": _window_overlap(left, right),
    }


def _window_overlap(left: list[str], right: list[str]) -> float:
    x, y = set(left), set(right)
    return len(x & y) / len(x | y) if x | y else 0.0


def _figures(c: Candidate) -> dict[str, float]:
    """How far apart the figures are, and how they are written."""
    a, b = c.claimed, c.found
    gap = _distance(a, b)
    return {
        "grade_agrees": float(c.grade == "agrees"),
        "grade_conflicts": float(c.grade == "conflicts"),
        "gap": min(gap, 1.0),
        "far": float(gap > 0.5),
        "same_unit": float(a.unit == b.unit),
        "percent": float(a.kind == "percent"),
        "measure_or_money": float(a.kind in ("measure", "money")),
        "bounded": float(a.approx not in ("", "about") or b.approx not in ("", "about")),
    }


def _sentence(text: str, q: Quantity) -> str:
    """The sentence holding the figure."""
    start = max(text.rfind(mark, 0, q.span[0]) for mark in (". ", "! ", "? ", "\n")) + 1
    ends = [i for i in (text.find(mark, q.span[1]) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


# The features of each group, in the order a model reads them. ``figures`` is kept apart: in
# written test pairs a trap usually repeats the claim's figure exactly, so how far apart the
# figures are says more about how the pairs were written than about what they measure.
GROUPS = {
    "rules": """rules rule_roles rule_subject rule_period rule_place rule_kinds
        rule_change""".split(),
    "reading": """head_same head_differ head_one head_named modifiers_differ modifiers_shared
        topic_jaccard topic_shared names_both names_shared negation_differs years_differ
        periods_differ change_differs change_one done_differ kinds_both rate_differs subject_both
        role_incidental""".split(),
    "alignment": """aligned_share swaps gaps near_identical_swap near_identical_clean
        window_words_shared""".split(),
    "figures": """grade_agrees grade_conflicts gap far same_unit percent measure_or_money
        bounded""".split(),
}
