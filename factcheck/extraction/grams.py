"""The features the check-worthiness model reads from a sentence. Pure: training and scoring
call the same `grams()`, so the shipped model and its training can never disagree.

Character n-grams were tried and left out: on held-out training data they added nothing
measurable and cost three times the scoring time. A sentence gives, lower-cased and with
every digit written as 0 ("33,000" → "00,000"):
    w:TOKEN         each word ("we", "lose", "00,000", "%")
    b:TOKEN TOKEN   each pair of neighbouring words
    f:NAME          cues from lexicon knowledge: a quantity, a percentage, money, a year,
                    a comparison, an attribution verb, first person, a question, length
"""

from __future__ import annotations

import re

from factcheck.extraction import lexicon as lex

MAX_CHARS = 600  # a longer "sentence" is judged on its opening only

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)*|[%$€£¥]")
_DIGIT_RE = re.compile(r"\d")
# Numbers that are not quantities: names ("Covid-19", "G7", "F-35"), handles, years, dates,
# clock times and ordinals ("5th").
_NOT_QUANTITY_RE = re.compile(
    r"[@#]\w+|\b[^\W\d_][^\W\d_.]*-?\d+\w*"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d\d\b|\b\d+(?:st|nd|rd|th)\b"
    r"|\b(?:1[5-9]|20)\d\d\b(?!\s*(?:%|percent|per cent))"
)
_QUANTITY_RE = re.compile(
    r"\d|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens|percent|per cent)\b", re.I
)
_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
_MONEY_RE = re.compile(r"[$€£¥]\s*\d|\b\d[\d,.]*\s*(?:dollars|euros|pounds)\b", re.I)
_NUMBER_WORDS = frozenset(lex.NUMBER_WORDS.split("|"))
_SCALE_WORDS = frozenset(
    "hundred hundreds thousand thousands million millions billion billions trillion trillions "
    "dozens percent cent".split()
)
_FIRST_PERSON = frozenset({"i", "i'm", "i’m", "me", "my", "we", "we're", "our", "us"})


def grams(sentence: str) -> list[str]:
    """Every feature of `sentence`, repeated as often as it occurs."""
    text = sentence[:MAX_CHARS]
    lowered = _DIGIT_RE.sub("0", text.lower())
    tokens = _TOKEN_RE.findall(lowered)
    pairs = [f"{first} {second}" for first, second in zip(tokens, tokens[1:], strict=False)]
    found = ["w:" + token for token in tokens]
    found += ["b:" + pair for pair in pairs]
    found += _cues(text, "0" in lowered, set(tokens), set(pairs), len(tokens))
    return found


def has_quantity(text: str) -> bool:
    """True when `text` states a real quantity: not just a year, a date or "Covid-19"."""
    if _DIGIT_RE.search(text) is None:  # the words alone decide; nothing to set aside
        return bool(_QUANTITY_RE.search(text))
    return bool(_QUANTITY_RE.search(_NOT_QUANTITY_RE.sub(" ", text)))


def _cues(text: str, digits: bool, words: set[str], pairs: set[str], length: int) -> list[str]:
    """The f: features; the digit-only ones are skipped (False) for text without digits."""
    cues = {
        "f:quantity": has_quantity(text) if digits or words & _SCALE_WORDS else False,
        "f:percent": "%" in words or "percent" in words or "per cent" in pairs,
        "f:money": digits and bool(_MONEY_RE.search(text)),
        "f:year": digits and bool(_YEAR_RE.search(text)),
        "f:number_word": bool(words & _NUMBER_WORDS),
        "f:comparison": bool(words & lex.COMPARISON_WORDS or pairs & lex.COMPARISON_PAIRS),
        "f:attribution": bool(words & lex.ATTRIBUTION_WORDS or pairs & lex.ATTRIBUTION_PAIRS),
        "f:first_person": bool(words & _FIRST_PERSON),
        "f:question": text.rstrip("\"'”’) ").endswith("?"),
        "f:short": length < 6,
        "f:long": length > 25,
    }
    return [name for name, present in cues.items() if present]
