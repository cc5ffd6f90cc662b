"""Marking words inside untrusted text for the review page: every character is escaped first.

Pure functions over strings; the only HTML they emit is ``<mark>`` (and ``<mark class="figure">``
for a figure the number check compared) around escaped text.
"""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

Span = tuple[int, int]


def paragraph_around(body: str, start: int, end: int, *, limit: int = 1200) -> tuple[str, Span]:
    """The paragraph (line) holding body[start:end], cut to about ``limit`` characters, and the
    span of the claim inside it."""
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    para_start = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    para_end = len(body) if para_end == -1 else para_end
    room = max(0, limit - (end - start)) // 2
    para_start, para_end = max(para_start, start - room), min(para_end, end + room)
    return body[para_start:para_end], (start - para_start, end - para_start)


def term_spans(text: str, terms: Iterable[str]) -> list[Span]:
    """Where each term occurs in ``text`` as a whole word, case-insensitively; non-overlapping."""
    words = sorted({t.strip() for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)
    return [match.span() for match in pattern.finditer(text)]


def mark(text: str, spans: Iterable[Span], *, figures: Iterable[Span] = ()) -> SafeString:
    """``text`` escaped, with each span wrapped in ``<mark>`` and each figure span in
    ``<mark class="figure">``. Overlapping spans of one kind are merged; a figure wins over the
    part of a span it overlaps."""
    length = len(text)
    figure_spans = _merged(figures, length)
    tagged = [(s, e, "<mark>") for s, e in _outside(_merged(spans, length), figure_spans)]
    tagged += [(s, e, '<mark class="figure">') for s, e in figure_spans]
    out, cursor = [], 0
    for start, end, tag in sorted(tagged):
        out.append(escape(text[cursor:start]))
        out.append(f"{tag}{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def figure_spans(text: str, found: str, at: object = None) -> list[Span]:
    """Where a compared figure ``found`` is in ``text``: at ``at`` (start, end) when that is where
    it is, else every whole occurrence of it (passages stored before its place was kept)."""
    if isinstance(at, list | tuple) and len(at) == 2 and all(isinstance(i, int) for i in at):
        start, end = at
        if 0 <= start < end <= len(text) and text[start:end] == found:
            return [(start, end)]
    return term_spans(text, [found])


def _outside(spans: list[Span], holes: list[Span]) -> list[Span]:
    """The parts of sorted, disjoint ``spans`` that no sorted, disjoint ``hole`` covers."""
    out = []
    for start, end in spans:
        for hole_start, hole_end in holes:
            if hole_start < end and start < hole_end:
                if start < hole_start:
                    out.append((start, hole_start))
                start = max(start, hole_end)
        if start < end:
            out.append((start, end))
    return out


def _merged(spans: Iterable[Span], length: int) -> list[Span]:
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def paragraphs_around(body: str, start: int, end: int, *, around: int = 1) -> list[SafeString]:
    """The paragraph holding body[start:end] with the claim marked, and ``around`` paragraphs
    before and after it (escaped): a claim read in its context."""
    paragraphs = list(_paragraph_spans(body))
    at = next((i for i, (s, e) in enumerate(paragraphs) if start < e), None)
    if at is None:
        return []
    out = []
    for s, e in paragraphs[max(0, at - around) : at + around + 1]:
        spans = [(start - s, end - s)] if s <= start < e else []
        out.append(mark(body[s:e], spans))
    return out


def _paragraph_spans(body: str) -> Iterable[Span]:
    """(start, end) of every non-blank line of ``body``."""
    cursor = 0
    for line in body.split("\n"):
        if line.strip():
            yield cursor, cursor + len(line)
        cursor += len(line) + 1


def marked_body(body: str, claims: Iterable[object]) -> list[SafeString]:
    """The whole body as paragraphs, each claim wrapped in a link to it:
    ``<a class="claim status-…" href="…" title="…">`` around its escaped text. ``claims`` carry
    ``pk``, ``start``, ``end``, ``status``, ``score``, ``url`` and ``label``."""
    ordered = sorted(claims, key=lambda claim: claim.start)
    out = []
    for s, e in _paragraph_spans(body):
        inside = [c for c in ordered if s <= c.start < e]
        pieces, cursor = [], s
        for claim in inside:
            if claim.start < cursor:
                continue  # overlapping claims: the first one wins
            stop = min(claim.end, e)
            pieces.append(escape(body[cursor : claim.start]))
            pieces.append(
                f'<a class="claim status-{escape(claim.status)}" id="claim-{int(claim.pk)}" '
                f'href="{escape(claim.url)}" '
                f'title="{escape(claim.label)}" data-score="{claim.score:.2f}">'
                f"{escape(body[claim.start : stop])}</a>"
            )
            cursor = stop
        pieces.append(escape(body[cursor:e]))
        out.append(mark_safe("".join(pieces)))  # noqa: S308 - every piece of text is escaped
    return out
