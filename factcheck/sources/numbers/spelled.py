"""Numbers written in words: "two hundred and twenty", "a million", "half a billion", "third".

Pure — no Django. English only; the words are lexicon.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.sources.numbers import lexicon as lex

_STARTS = frozenset([*lex.UNITS, *lex.TENS, *lex.ORDINALS, "a", "an", "half"])
_WORD = re.compile(r"[A-Za-z]+")
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_FRACTIONS |= {"fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_FRACTION = re.compile(
    r"(?i)\b(?:(a|an|one|two|three|four|nine)[\s-]+)?(half|halves|thirds?|quarters?|fifths?|"
    r"tenths?)(?=\s+of\b)"
)
_FRACTION_ALONE = frozenset({"half"})  # "half of voters"; "third of" alone is "the third of May"


def fractions(text: str) -> Iterator[tuple[float, int, int]]:
    """(percentage, start, end) for each fraction of something: "a third of adults" → 33.3,
    "two thirds of voters" → 66.7, "half of nurses" → 50. The "of" stays outside the span."""
    for m in _FRACTION.finditer(text):
        count, name = (m[1] or "").lower(), m[2].lower()
        if not count and name not in _FRACTION_ALONE:
            continue
        numerator = lex.UNITS.get(count, 1)
        if numerator < _FRACTIONS[name]:
            yield 100 * numerator / _FRACTIONS[name], m.start(), m.end()


def spelled_numbers(text: str) -> Iterator[tuple[float, int, int, str]]:
    """(value, start, end, kind) for each number written in words, left to right; kind is
    "ordinal" or "number". "one" as a pronoun ("no one", "one of") is not a number."""
    words = [(m[0].lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        parsed = _spelled_at(text, words, i) if words[i][0] in _STARTS else None
        if parsed is None:
            i += 1
            continue
        value, last, ordinal = parsed
        if not ordinal:
            value, last = _and_a_half(text, words, value, last)
        if not _is_pronoun_one(words, i, last):
            yield value, words[i][1], words[last][2], "ordinal" if ordinal else "number"
        i = last + 1


def _and_a_half(
    text: str, words: list[tuple[str, int, int]], value: float, last: int
) -> tuple[float, int]:
    """'two and a half hours' is 2.5, 'one and a half million' 1.5 million."""
    following = words[last + 1 : last + 5]
    if [w for w, _, _ in following[:3]] != ["and", "a", "half"] or value >= 1000:
        return value, last
    if any(_glue(text, words, j) != " " for j in range(last + 1, last + 4)):
        return value, last
    value, last = value + 0.5, last + 3
    scale = following[3][0] if len(following) == 4 else ""
    if scale in lex.SCALES and _glue(text, words, last + 1) == " ":
        return value * lex.SCALES[scale], last + 1
    return value, last


def _spelled_at(
    text: str, words: list[tuple[str, int, int]], i: int
) -> tuple[float, int, bool] | None:
    """(value, index of the last word, is ordinal) for a spelled number starting at word i."""
    word = words[i][0]
    nxt = words[i + 1][0] if i + 1 < len(words) and _glue(text, words, i + 1) == " " else ""
    if (
        word == "half"
        and nxt in ("a", "an")
        and i + 2 < len(words)
        and words[i + 2][0] in lex.SCALES
    ):
        return (0.5 * lex.SCALES[words[i + 2][0]], i + 2, False)
    if word in ("a", "an"):
        if nxt not in lex.SCALES and nxt not in ("hundred", "dozen"):
            return None
        return _spelled_run(text, words, i + 1, current=1)
    if word in lex.ORDINALS:
        return (float(lex.ORDINALS[word]), i, True)
    return (
        _spelled_run(text, words, i, current=0) if word in lex.UNITS or word in lex.TENS else None
    )


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
            big, total, current = lex.SCALES[words[j][0]], total + total_add, 0
        last = j
        if ordinal:
            return (float(total + current), j, True)
        j += 1
    return None if last is None else (float(total + current), last, False)


def _spelled_step(
    word: str, previous: str, current: int, big: int
) -> tuple[int, int, str, bool] | None:
    """(new current, amount to add to the total, word class, is ordinal) or None to stop."""
    if word in lex.UNITS and previous in ("start", "ten", "hundred", "scale"):
        if previous == "ten" and lex.UNITS[word] >= 10 or previous == "ten" and word == "zero":
            return None
        return (current + lex.UNITS[word], 0, "unit", False)
    if word in lex.TENS and previous in ("start", "hundred", "scale"):
        return (current + lex.TENS[word], 0, "ten", False)
    if word == "hundred" and previous in ("unit", "ten") and current < 100:
        return (current * 100, 0, "hundred", False)
    if word == "dozen" and previous == "unit":
        return (current * 12, 0, "dozen", False)
    if (
        word in lex.SCALES
        and previous in ("unit", "ten", "hundred", "dozen")
        and lex.SCALES[word] < big
    ):
        return (0, current * lex.SCALES[word], "scale", False)
    if word in lex.ORDINALS and lex.ORDINALS[word] < 10 and previous == "ten":
        return (current + lex.ORDINALS[word], 0, "unit", True)
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
