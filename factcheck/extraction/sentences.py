"""Sentence segmentation with exact character spans: body[start:end] == text, always.

pysbd does the segmenting. Its running time grows faster than the text (about 8 s for one
120 kB paragraph), so a body longer than PYSBD_MAX_CHARS — far beyond any news article —
goes to a linear rule-based splitter with the same contract. Either way a paragraph break
(a blank line) always ends a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

import pysbd

PYSBD_MAX_CHARS = 100_000

_SEGMENTER = pysbd.Segmenter(language="en", clean=False)
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_NEXT_CHAR_RE = re.compile(r"\s*(\S)")
_WORD_BEFORE_RE = re.compile(r"(\S+)$")
_QUOTE_RE = re.compile(r"“[^“”\n]{0,2000}”|\"[^\"\n]{0,2000}\"")
_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt maj cmdr adm pres vs v e.g i.e
    no nos fig approx dept est mt ft ave blvd jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a body; `body[start:end] == text` and text has no outer whitespace."""

    text: str
    start: int
    end: int


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of `body` in order. Keeps "U.S.", "Mr.", "3.7 million" and quotes intact."""
    segment = _pysbd_spans if len(body) <= PYSBD_MAX_CHARS else rule_based_spans
    return _split(body, segment)


def split_sentences_rule_based(body: str) -> list[Sentence]:
    """The linear fallback segmenter on its own; same contract as split_sentences."""
    return _split(body, rule_based_spans)


def _split(body: str, segment: Callable[[str], Spans]) -> list[Sentence]:
    sentences = []
    for offset, paragraph in _paragraphs(body):
        for start, end in segment(paragraph):
            sentences.append(Sentence(paragraph[start:end], offset + start, offset + end))
    return sentences


def _paragraphs(body: str) -> list[tuple[int, str]]:
    starts = [0] + [match.end() for match in _PARAGRAPH_BREAK_RE.finditer(body)]
    ends = [match.start() for match in _PARAGRAPH_BREAK_RE.finditer(body)] + [len(body)]
    return [
        (start, body[start:end]) for start, end in zip(starts, ends, strict=True) if start < end
    ]


def _pysbd_spans(paragraph: str) -> Spans:
    """pysbd's segments located in the paragraph; falls back if pysbd altered or lost text."""
    spans: Spans = []
    cursor = 0
    for piece in _SEGMENTER.segment(paragraph):
        stripped = piece.strip()
        found = paragraph.find(stripped, cursor) if stripped else cursor
        if found < 0 or paragraph[cursor:found].strip():
            return rule_based_spans(paragraph)
        if stripped:
            spans.append((found, found + len(stripped)))
            cursor = found + len(stripped)
    return spans if not paragraph[cursor:].strip() else rule_based_spans(paragraph)


def rule_based_spans(paragraph: str) -> Spans:
    """Split at . ! ? … followed by space and a non-lower-case letter, outside quotations."""
    quotes = [match.span() for match in _QUOTE_RE.finditer(paragraph)]
    quote_starts = [start for start, _ in quotes]
    spans: Spans = []
    start = 0
    for match in _BOUNDARY_RE.finditer(paragraph):
        if _ends_sentence(paragraph, match, quotes, quote_starts):
            spans.extend(_stripped(paragraph, start, match.end()))
            start = match.end()
    spans.extend(_stripped(paragraph, start, len(paragraph)))
    return spans


def _ends_sentence(
    paragraph: str, match: re.Match[str], quotes: Spans, quote_starts: list[int]
) -> bool:
    following = _NEXT_CHAR_RE.match(paragraph, match.end())
    if following is not None and (following.group(1).islower() or following.group(1) in ",;:"):
        return False
    if match.group().startswith(".") and _is_abbreviation(paragraph, match.start()):
        return False
    index = bisect.bisect_right(quote_starts, match.start()) - 1
    return index < 0 or match.end() >= quotes[index][1]


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    before = _WORD_BEFORE_RE.search(paragraph, max(0, dot - 40), dot)
    word = before.group(1).lstrip("\"'“‘([") if before else ""
    return (
        word.lower() in _ABBREVIATIONS
        or (len(word) == 1 and word.isalpha())
        or bool(_INITIALISM_RE.fullmatch(word))
    )


def _stripped(text: str, start: int, end: int) -> Spans:
    piece = text[start:end]
    if not piece.strip():
        return []
    left = start + len(piece) - len(piece.lstrip())
    return [(left, end - (len(piece) - len(piece.rstrip())))]
