"""Do two claims name the same numbers and the same people, places and bodies? Pure.

"3.7 million refugees" and "2.5 million refugees" share every word but one and are different
claims; so are "Obama freed 122 detainees" and "Bush freed 122 detainees". A strong match needs
both to agree.
"""

import re
from dataclasses import dataclass

from factcheck.matching import text as mtext

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(%|per ?cent\b|percent\b|thousand\b|million\b|billion\b|trillion\b|bn\b|mn\b|tn\b|[kmb]\b)?",
    re.I,
)
_WORD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
}
_SENTENCE_END = frozenset('.!?:"“—-')
_ENTITY = re.compile(r"\b(?:[A-Z][a-zA-Z’'.-]+|[A-Z]{2,}s?)\b")


@dataclass(frozen=True)
class Quantity:
    value: float
    percent: bool


def quantities(text: str) -> frozenset[Quantity]:
    """Numbers a claim states, scaled ("3.7 million" -> 3,700,000); years and 0-1 left out."""
    found = set()
    for match in _NUMBER.finditer(text):
        digits, unit = match.group(1), (match.group(2) or "").lower().replace(" ", "")
        value = float(digits.replace(",", ""))
        percent = unit in ("%", "percent")
        if unit and not percent:
            value *= _SCALES.get(unit, 1.0)
        if not percent and (value <= 1 or (1900 <= value <= 2099 and "." not in digits)):
            continue
        found.add(Quantity(round(value, 6), percent))
    for word in mtext.words(text):
        if word in _WORD_NUMBERS:
            found.add(Quantity(float(_WORD_NUMBERS[word]), False))
    return frozenset(found)


def entities(text: str) -> frozenset[str]:
    """Stems of capitalised words not opening a sentence: names of people, places, bodies."""
    found = set()
    for match in _ENTITY.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()].rstrip()
        if not before or before[-1] in _SENTENCE_END:
            continue
        word = match.group(0)
        word = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
        found.update(mtext.terms(word))
    return frozenset(found)


def _same(a: Quantity, b: Quantity) -> bool:
    return a.percent == b.percent and abs(a.value - b.value) <= 0.011 * max(a.value, b.value)


def numbers_conflict(query: frozenset[Quantity], document: frozenset[Quantity]) -> bool:
    """Both state numbers of one kind (percent or count) and none of them is the same number."""
    for kind in (True, False):
        q = [x for x in query if x.percent == kind]
        d = [x for x in document if x.percent == kind]
        if q and d and not any(_same(a, b) for a in q for b in d):
            return True
    return False


def numbers_shared(query: frozenset[Quantity], document: frozenset[Quantity]) -> int:
    """How many of the query's numbers the document states too."""
    return sum(1 for a in query if any(_same(a, b) for b in document))


def entities_missing(document: frozenset[str], query_terms: frozenset[str]) -> float:
    """Share of a document's named entities the query never mentions (0 when it names none)."""
    if not document:
        return 0.0
    return sum(1 for e in document if e not in query_terms) / len(document)
