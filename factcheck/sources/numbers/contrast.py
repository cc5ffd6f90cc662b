"""Minimal pairs: two clauses that say nearly the same thing around their figures but swap one
content word in the same slot ("11 *home* games" / "11 *away* games", "sold 3.2 million bottles
*overseas*" / "*in Britain*", "a *pint of lager* costs £6.80" / "a *matchday pie* costs £6.80")
are about different things, unless the swapped words are one concept. Pure — no Django.

A clause is read as its content words, in order, as concepts (``clause_tokens``), with "#" for
the figure; the two clauses are aligned with difflib. A swap is a stretch of one or two words
on each side between aligned stretches, none shared, none found elsewhere in the other clause (a
word that moved is no swap). Verbs and predicates are not compared: acts have their own rule
(``acts.py``) and a verb's paraphrase ("burned" / "scorched", "carried" / "flew") is common,
so a word that looks like one is marked and never a swap: a participle or gerund, a known verb
or irregular past, the word that governs the figure, a word after an auxiliary ("were
punctual"), before "for" or "to" ("qualify for" / "eligible for") or before an article
("reaches a top speed"). Groups of people and institutions are the people and names rules'.
When both figures name what they count (a head), what stands before the figure is who did it,
not what is counted ("the hospital trust performed" / "surgeons at the trust carried out"):
only the words after the figure are compared (the whole clauses are aligned all the same).
"""

from __future__ import annotations

import difflib

from factcheck.sources.numbers import lexicon as lex
from factcheck.sources.numbers.acts import _IRREGULAR, _NEUTRAL, ACTS
from factcheck.sources.numbers.words import concept, is_person_concept

FIGURE = "#"
_VERB = "~"  # marks a word that looks like a verb or a predicate
# Degree words say how high a figure is, not what it is of ("a top speed of 320 km/h").
_DEGREE = frozenset("top maximum peak highest lowest record biggest largest".split())
_FUNCTION = (lex.GENERIC | _DEGREE | {","}) - {"away", "first", "second", "third"}
_COMPLEMENT = frozenset({"for", "to"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her"})
_AUXILIARIES = frozenset(
    "is are was were be been being am will would can could may might must shall should".split()
)
# Irregular past tenses, a closed class of English: a verb, whatever the news is about.
_PAST = frozenset(
    """ran flew took gave went came saw grew drew drove wrote spoke broke chose froze stole wore
    tore bore began sang rang sank drank swam won hung dug stuck struck spun fought thought
    brought bought caught taught sought sold told held kept slept swept felt dealt meant left
    lost sent spent built lent bent lit met fed led paid laid made heard sat stood understood
    found bound ground shot got hid bit slid fled bred sped shed shut cut hit hurt put set let
    cost spread burst cast beat became knew threw blew shone woke rode withdrew overtook
    undertook""".split()
)
_NEAR = 0.6  # share of aligned words from which two clauses say nearly the same thing
_SWAP = 2  # words on each side at most


def clause_tokens(left: list[str], right: list[str]) -> tuple[str, ...]:
    """The content words of a clause as concepts, in order, "#" for the figure between ``left``
    and ``right`` (its raw words and commas); verb-like words marked ``_VERB``."""
    out = [_token(left, k) for k in range(len(left)) if left[k].lower() not in _FUNCTION]
    if out and not out[-1].startswith(_VERB):
        out[-1] = _VERB + out[-1]  # what governs the figure: "burned 1.2m", "brings in $8bn"
    out.append(FIGURE)
    out += [_token(right, k) for k in range(len(right)) if right[k].lower() not in _FUNCTION]
    return tuple(out)


def _token(words: list[str], k: int) -> str:
    lower = words[k].lower().replace("’", "'")
    following = words[k + 1].lower() if k + 1 < len(words) else ""
    previous = words[k - 1].lower() if k else ""
    verb = (
        lower in ACTS
        or lower in _PAST
        or previous in _AUXILIARIES  # "were punctual", "will hold"
        or lower in _IRREGULAR
        or lower in _NEUTRAL
        or lower in lex.LIGHT_VERBS
        or (len(lower) > 4 and lower.endswith(("ed", "ing")))
        or following in _COMPLEMENT
        or following in _DETERMINERS  # "reaches a top speed": a noun is seldom followed by one
    )
    return (_VERB if verb else "") + concept(lower)


def contrasting(x: tuple[str, ...], y: tuple[str, ...], headed: bool) -> bool:
    """Whether clauses ``x`` and ``y`` (``clause_tokens``) are a minimal pair: nearly the same,
    with one content word swapped in one slot. ``headed``: both figures name what they count,
    so only the words after them are compared."""
    if FIGURE not in x or FIGURE not in y:
        return False
    left, right = [w.lstrip(_VERB) for w in x], [w.lstrip(_VERB) for w in y]
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    if 2 * matched < _NEAR * (len(left) + len(right)):
        return False
    after = (x.index(FIGURE), y.index(FIGURE)) if headed else (-1, -1)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i2 - i1 > _SWAP or j2 - j1 > _SWAP:
            continue
        if i1 > after[0] and j1 > after[1] and _swapped(x[i1:i2], y[j1:j2], left, right):
            return True
    return False


def _swapped(
    one: tuple[str, ...], other: tuple[str, ...], left: list[str], right: list[str]
) -> bool:
    """Content words swapped for others: no verb, figure, group of people or institution, none
    of them found
    anywhere in the other clause, and not two nouns of one measure ("food prices" / "food
    inflation")."""
    for word in (*one, *other):
        if word == FIGURE or word.startswith(_VERB) or is_person_concept(word):
            return False
        if word in lex.CONTAINERS:
            return False  # "the firm lost" / "a net loss": who it is of, the names' rules
    if any(frozenset({a, b}) in lex.RELATED_NOUNS for a in one for b in other):
        return False
    return not (set(one) & set(right) or set(other) & set(left))
