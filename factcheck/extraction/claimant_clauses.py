"""Clauses around a verb of saying that decide who speaks: "…, said the agency had …" (a
reported clause, so the speaker is before the verb) and "X vetoed the bill, saying it would …"
(a participle of saying, whose speaker is the sentence's subject). Pure pattern matching;
claimants.py decides what the found name is called."""

from __future__ import annotations

import re

from factcheck.extraction.claimant_names import claimant_type, strip_titles
from factcheck.extraction.claimant_patterns import NAME, is_time_word

# "said the agency had considered …", "said Smith would appeal": a noun phrase and a finite
# auxiliary right after the verb are the reported clause's subject and verb, not the speaker.
_REPORTED_CLAUSE_RE = re.compile(
    r"^\s+(?:that\s+)?(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,2}[\w'’-]+\s+"
    r"(?:had|has|have|was|were|is|are|would|will|could|can|should|must|did|does)\b"
)
# ", saying it would …", ", warning that …": the sentence's subject says it.
_SAYING_RE = re.compile(r",\s+(?:saying|warning|arguing|claiming|insisting|adding)\b")
# "SANTA LUCERA —", "LONDON (Reuters) -": a dateline before the first sentence's subject.
_DATELINE_RE = re.compile(r"^\W*[A-Z][A-Z .,'’-]{1,40}?\s*(?:\([^)]{1,30}\)\s*)?[—–-]+\s+")
_SUBJECT_RE = re.compile(rf"^({NAME})\s+(?=[a-z])")


def reports_clause(after_verb: str) -> bool:
    """Whether the words after a verb of saying open a reported clause with its own subject
    ("said the board had reviewed it"), so they do not name the speaker."""
    return _REPORTED_CLAUSE_RE.match(after_verb) is not None


def participle_speaker(text: str) -> str:
    """The subject of a sentence whose action is explained by ", saying …" ("Gov. Ann Lee on
    Monday vetoed the bill, saying it would …" → "Gov. Ann Lee"), a dateline skipped; "" when
    the sentence has no such participle or opens with no person or organisation."""
    if _SAYING_RE.search(text) is None:
        return ""
    found = _SUBJECT_RE.match(_DATELINE_RE.sub("", text.lstrip(' "“‘'), count=1))
    if found is None or is_time_word(found.group(1)):
        return ""
    known = claimant_type(strip_titles(found.group(1))) in {"person", "organisation"}
    return found.group(1) if known else ""
