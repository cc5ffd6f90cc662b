"""Sentence segmentation with exact character spans: body[start:end] == text, always.

Any line break ends a sentence: extract_from_text and extract_from_html re-join hard-wrapped
lines, so a break that survives is a paragraph break or a line of its own (a heading).

pysbd segments each paragraph. Its running time grows faster than its input, some inputs are
pathological (a 6 kB paragraph of one-word lines takes 5 s, 90 kB of abbreviations 30 s) and
each call costs about 0.3 ms however short the text. So pysbd only sees paragraphs that could
hold more than one sentence and are at most PYSBD_MAX_PARAGRAPH characters long, and only in
a body whose pysbd work (characters plus PYSBD_CALL_COST per call) stays within PYSBD_BUDGET,
about a 6,000-word feature. Everything else goes to a linear rule-based splitter with the
same contract; it is also used when pysbd returns text it altered.

Most paragraphs of news prose do not need pysbd at all: when every . ! or ? in a paragraph ends
it or is followed by a space and a capital letter, after a lower-case word that is no
abbreviation or after a number of two digits or more, and there are no quotation marks,
brackets or ellipses, every candidate boundary is a sentence end and the rule-based splitter
gives pysbd's answer (``unambiguous``) in a fraction of the time. Anything else ("U.S.", "Mr.",
"3.7 million", quotes, initials) still goes to pysbd, except paragraphs with « » or „ “
quotations, which pysbd does not pair: the rule-based splitter keeps those quotations whole
(« Phrase un. Phrase deux », estime X.).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

import pysbd
from pysbd.lang.english import English

PYSBD_BUDGET = 40_000
PYSBD_CALL_COST = 100
PYSBD_MAX_PARAGRAPH = 3_000

_SEGMENTER = pysbd.Segmenter(language="en", clean=False)
_LINE_BREAK_RE = re.compile(r"\s*\n\s*")
_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)")
_INNER_BOUNDARY_RE = re.compile(r"[.!?…]+[\"'”’)\]]*\s+\S")
_NEXT_CHAR_RE = re.compile(r"\s*(\S)")
_QUOTE_RE = re.compile(
    r"„[^“”\n]{0,2000}[“”]|“[^“”\n]{0,2000}”|\"[^\"\n]{0,2000}\"|«[^«»\n]{0,2000}»"
)
# Guillemets and German quotation marks, which pysbd's English rules do not pair: a paragraph
# holding them goes to the rule-based splitter, which keeps a quotation whole.
_FOREIGN_QUOTE_RE = re.compile("[«»„]")
_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt maj cmdr adm pres vs v e.g i.e
    no nos fig approx dept est mt ft ave blvd jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

_CANDIDATE_RE = re.compile(r"[.!?]")
_SAFE_BOUNDARY_RE = re.compile(r"(?:[a-z]{2,}|[0-9][0-9,%]*[0-9%])[.!?] [A-Z]")
_NEEDS_PYSBD_RE = re.compile("[\"“”„‘()\\[\\]…]|\\.\\.|--|(?:^|\\s)'")
_PYSBD_ABBREVIATIONS = frozenset(English.Abbreviation.ABBREVIATIONS) | _ABBREVIATIONS

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a body; `body[start:end] == text` and text has no outer whitespace."""

    text: str
    start: int
    end: int


def split_sentences(body: str) -> list[Sentence]:
    """Sentences of `body` in order; a line break always ends one.

    Keeps "U.S.", "Mr.", "3.7 million", "2.5%" and quoted speech intact.
    """
    paragraphs = _paragraphs(body)
    cost = sum(len(text) + PYSBD_CALL_COST for _, text in paragraphs if _may_hold_several(text))
    segment = _pysbd_spans if cost <= PYSBD_BUDGET else rule_based_spans
    return _split(paragraphs, segment)


def split_sentences_rule_based(body: str) -> list[Sentence]:
    """The linear fallback segmenter on its own; same contract as split_sentences."""
    return _split(_paragraphs(body), rule_based_spans)


def _split(paragraphs: list[tuple[int, str]], segment: Callable[[str], Spans]) -> list[Sentence]:
    sentences = []
    for offset, paragraph in paragraphs:
        for start, end in segment(paragraph):
            sentences.append(Sentence(paragraph[start:end], offset + start, offset + end))
    return sentences


def _paragraphs(body: str) -> list[tuple[int, str]]:
    breaks = list(_LINE_BREAK_RE.finditer(body))
    starts = [0] + [match.end() for match in breaks]
    ends = [match.start() for match in breaks] + [len(body)]
    return [
        (start, body[start:end]) for start, end in zip(starts, ends, strict=True) if start < end
    ]


def _pysbd_spans(paragraph: str) -> Spans:
    """pysbd's segments located in the paragraph; falls back if pysbd altered or lost text."""
    if len(paragraph) > PYSBD_MAX_PARAGRAPH or not _may_hold_several(paragraph):
        return rule_based_spans(paragraph)
    if unambiguous(paragraph) or _FOREIGN_QUOTE_RE.search(paragraph):
        return rule_based_spans(paragraph)
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


def unambiguous(paragraph: str) -> bool:
    """True when every . ! ? of the paragraph is certainly a sentence end (module docstring)."""
    if _NEEDS_PYSBD_RE.search(paragraph):
        return False
    last = len(paragraph.rstrip()) - 1
    for match in _CANDIDATE_RE.finditer(paragraph):
        end = match.start()
        if end == last:
            continue
        start = max(0, end - 40)
        safe = _SAFE_BOUNDARY_RE.match(paragraph, end - _word_length(paragraph, end), end + 3)
        if safe is None or paragraph[start:end].split()[-1].lower() in _PYSBD_ABBREVIATIONS:
            return False
    return True


def _word_length(paragraph: str, end: int) -> int:
    """Length of the run of non-space characters before position `end`."""
    start = end
    while start > 0 and not paragraph[start - 1].isspace():
        start -= 1
    return end - start


def _may_hold_several(paragraph: str) -> bool:
    return _INNER_BOUNDARY_RE.search(paragraph) is not None


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
    words = paragraph[max(0, dot - 40) : dot].split()
    word = words[-1].lstrip("\"'“‘([") if words and not paragraph[dot - 1].isspace() else ""
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
