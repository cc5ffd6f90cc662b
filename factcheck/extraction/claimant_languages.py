"""Claimant constructions of the languages of languages.py that the shared patterns do not read.
Pure pattern matching; claimants.py decides what a found name is called.

    bodies      "Het bedrijf zegt dat …", "…, uppger bolaget" → the noun, for the body the
                article named before
    pronouns    "…’, zegt hij", "”, sa hon" → the pronoun after the verb
    prefixes    "aldus Van Dijken" → "Marloes van Dijken", the full name given before
    evidence    "Uit onderzoek van het Planbureau X blijkt dat …", "Z raportu NIK wynika" → X
"""

from __future__ import annotations

import re

from factcheck.extraction import languages
from factcheck.extraction.claimant_patterns import NAME

BODY_NOUNS = languages.words("bodies")
_ARTICLES = languages.pattern("articles")
_ARTICLE_WORDS = languages.words("articles")
_BODY_AT_START_RE = re.compile(rf"^(?:(?:{_ARTICLES})\s+)?({languages.pattern('bodies')})(?![\w-])")
_PRONOUN_AFTER_RE = re.compile(
    rf"^\s*(?:[a-zåäöæøąćęłńóśźż]+dag\s+)?({languages.pattern('pronouns')})\b(?:\s*[.!,]|$)"
)
# "Van Dijken", "De Vries", "Ter Horst": a Dutch surname whose prefix a sentence capitalises.
_PREFIXED_RE = re.compile(r"^(?:Van|De|Den|Der|Ter|Ten|Van der|Van den|Van de)\s+[A-Z]\S+$")
_EVIDENCE_RE = re.compile(
    rf"\b(?:{languages.pattern('evidence')})\s+(?:(?:{languages.pattern('evidence_by')})\s+)?"
    rf"(?:(?:{_ARTICLES})\s+)?({NAME})"
)
_ARTICLE_BEFORE_NAME_RE = re.compile(rf"^(?:{_ARTICLES})\s+(?=[A-Z])")


def body_at_end(text: str) -> str:
    """ "Het bedrijf" ending the words before a verb → "bedrijf", or ""."""
    last = text[-30:].split()[-1:]
    return last[0].lower() if last and last[0].lower() in BODY_NOUNS else ""


def body_at_start(text: str) -> str:
    """ "bolaget." after a verb ("…, uppger bolaget.") → "bolaget", or ""."""
    found = _BODY_AT_START_RE.match(text.strip(" ,:"))
    return found.group(1).lower() if found is not None else ""


def pronoun_after(text: str) -> str:
    """ "hij." after "zegt" ("…’, zegt hij.") → "hij", or ""."""
    found = _PRONOUN_AFTER_RE.match(text)
    return found.group(1).lower() if found is not None else ""


def is_prefixed_surname(name: str) -> bool:
    return name[:1] in "VDT" and _PREFIXED_RE.match(name) is not None


def without_article(text: str) -> str:
    """ "het Planbureau Zuiderveld …" → "Planbureau Zuiderveld …"."""
    text = text.strip(" ,:")
    if text.split(" ", 1)[0] not in _ARTICLE_WORDS:
        return text
    return _ARTICLE_BEFORE_NAME_RE.sub("", text, count=1)


def evidence_author(text: str) -> str:
    """ "Uit onderzoek van het Planbureau X blijkt dat …" → "Planbureau X", or ""."""
    found = _EVIDENCE_RE.search(text)
    return found.group(1) if found is not None else ""
