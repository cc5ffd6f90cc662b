"""Names in claimant detection: the pattern of a capitalised name ("Bank of England", "U.S.")
and the tidying every found name goes through (opening connectives and time phrases, a
lower-case article, a possessive, evidence adjectives and titles removed), and the tests on a
name's words _clean_name makes (a nationality, a month, "Labour's Jane Smith", "Hannah Osei of
Tradewatch", "the water authority", "Harbourgate Transport Authority"). Pure."""

from __future__ import annotations

import re

from factcheck.extraction.claimant_names import (
    claimant_type,
    strip_titles,
)
from factcheck.extraction.lexicon import (
    LEADING_CONNECTIVES,
    MONTHS,
    NATIONALITIES,
    PERSON_ROLES,
    TITLE_WORDS,
    WEEKDAYS,
)

_CONNECTORS = r"(?:of|and|for|the|de|del|al|al-|bin|van|von|für|&)"
# A capitalised word; a dot inside ("U.S") or closing a short one ("Mr.", "Prof.", "U.S."),
# not the full stop after "Board." that ends a sentence.
NAME_TOKEN = r"[A-Z][\w'’&-]*(?:\.[\w'’&-]+)*(?:(?<![\w'’&-]{5})\.)?"
_SPACE = r"[^\S\n]+"  # a name never runs across a line (paragraph) break
NAME = rf"(?:{NAME_TOKEN})(?:{_SPACE}(?:{_CONNECTORS}{_SPACE}){{0,2}}{NAME_TOKEN})*"
NAME_AT_END_RE = re.compile(rf"({NAME})$")
NAME_AT_START_RE = re.compile(rf"^({NAME})")
NAME_RE = re.compile(rf"\b{NAME}")
_EVIDENCE_ADJECTIVES = frozenset(
    "Latest Official Provisional Recent Preliminary Fresh Annual Unpublished Leaked Internal "
    "Separate Independent Nonpartisan Joint Quarterly Monthly Flash".split()
)
_TIME_PREPOSITIONS = frozenset(
    "On In At Last This Next Early Late Since After Before By From Until During".split()
)
_VIEW_PREPOSITIONS = frozenset({"Per", "Pour", "Para"})
_TIME_WORD_RE = re.compile(rf"^(?:{WEEKDAYS}|{MONTHS}|\d[\w,.]*)$")
_NAME_ARTICLES = frozenset("The A An Le La le la El el".split())
DETERMINERS = frozenset("The A An This That These Those Its Their Our His Her".split())
# A lower-case article before a name is no part of it ("la Banque de France", "l'Insee").
_LOWER_ARTICLE_RE = re.compile(
    r"^(?:(?:the|la|le|les|el|los|las|die|der|das)\s+|l['’]\s*)(?=[A-ZÉ])"
)


def drop_evidence_adjectives(name: str) -> str:
    """'Latest ONS' → 'ONS' (the adjective opened the sentence, so it was capitalised)."""
    words = name.split()
    while len(words) > 1 and words[0] in _EVIDENCE_ADJECTIVES | {"The", "A", "An", "New"}:
        if words[0] == "New" and not words[1].isupper():
            break
        words = words[1:]
    return " ".join(words)


def tidy(phrase: str) -> str:
    """Without the connectives opening it ("But the union" → "the union"), a possessive's
    "'s" ("Ofcom's" → "Ofcom") or letters after a name ("MP")."""
    words = phrase.split()
    while len(words) > 1 and words[0].rstrip(",") in LEADING_CONNECTIVES:
        words = words[1:]
    if len(words) > 2 and words[0] in _VIEW_PREPOSITIONS and words[2][:1].isupper():
        words = words[1:]  # "Per Bruno Sarti": whose view, "Per/Pour/Para X, …"
    if len(words) > 2 and words[0] in _TIME_PREPOSITIONS and _TIME_WORD_RE.match(words[1]):
        words = words[2:]  # "On Monday Tesco" → "Tesco"
    return _LOWER_ARTICLE_RE.sub("", re.sub(r"^The\s+(?=[A-Z]{2,}\b)", "", " ".join(words)))


def without_possessive(name: str) -> str:
    """'Ofcom's' → 'Ofcom', "Statistics'" → 'Statistics': for a name followed by what it owns
    ("Ofcom's annual report"); "Sainsbury's said" keeps its name."""
    return re.sub(r"(?<=\w)['’]s?$", "", name)


def strip_title_words(words: list[str]) -> str:
    """'Turkish President Recep Tayyip Erdogan' → 'Recep Tayyip Erdogan'; bare titles stay."""
    return strip_titles(" ".join(words))


def is_time_word(name: str) -> bool:
    """'August', 'On Monday', 'March 2024': a month or weekday (and what goes with it), never
    a claimant's name."""
    words = [word for word in name.split() if word not in _TIME_PREPOSITIONS]
    return (
        bool(words)
        and _TIME_WORD_RE.match(words[0]) is not None
        and all(_TIME_WORD_RE.match(word) for word in words)
    )


def is_nationality(name: str) -> bool:
    words = [word for word in name.split() if word not in {"The", "A", "An"}]
    return bool(words) and all(word in NATIONALITIES for word in words)


def without_owner(words: list[str]) -> list[str]:
    """ "Labour's Jane Smith" → 'Jane Smith'; "Alzheimer's Society" stays (no person after)."""
    owners = [index for index, word in enumerate(words[:-1]) if re.search(r"\w['’]s?$", word)]
    if not owners:
        return words
    person = strip_titles(" ".join(words[owners[-1] + 1 :]))
    return person.split() if " " in person and claimant_type(person) == "person" else words


def person_without_affiliation(words: list[str]) -> list[str]:
    """'Hannah Osei of Tradewatch', 'Prof Rajiv Menon of Royal Thornbury Hospital' → the
    person; 'Bank of England', 'Secretary of State Antony Blinken' stay."""
    if "of" not in words:
        return words
    person = strip_titles(" ".join(words[: words.index("of")])).split()
    if len(person) < 2 or set(person) & TITLE_WORDS:  # "Secretary of State Antony Blinken"
        return words
    return person if claimant_type(" ".join(person)) == "person" else words


def is_described_authority(words: list[str]) -> bool:
    """'water authority', 'local transit authority': lower-case words before "authority"."""
    return (
        len(words) > 1
        and words[-1].lower() == "authority"
        and all(word.islower() for word in words)
    )


def is_named_authority(words: list[str]) -> bool:
    """'Harbourgate Transport Authority': a body's name, not 'a Turkish authority' (an
    official) nor 'Turkish Authorities'."""
    named = [word for word in words if word not in _NAME_ARTICLES]
    return (
        len(named) > 1
        and named[-1] in {"Authority", "Authorities"}
        and all(word[:1].isupper() for word in named)
        and not is_nationality(" ".join(named[:-1]))
    )


# "said Opposition health spokesman Rhys Kettering", "said Green party leader Tom Bell": a
# party or body, a lower-case role, then the person.
_AFFILIATION_ROLE_NAME_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:[a-z][\w-]*\s+){0,3}?(?:"
    + "|".join(sorted(PERSON_ROLES, key=len, reverse=True))
    + rf")\s+({NAME})"
)


def person_after_affiliation_role(text: str) -> str:
    """'Opposition emergency services spokesman Rhys Kettering' → 'Rhys Kettering', or ""."""
    found = _AFFILIATION_ROLE_NAME_RE.match(text.strip(" ,:"))
    if found is None or claimant_type(strip_titles(found.group(1))) != "person":
        return ""
    return found.group(1)
