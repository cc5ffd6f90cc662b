"""Claimant names within one article: their type, an acronym's long form, embedded tweets'
authors and one canonical form per claimant. Pure.

claimant_type: "organisation" for names with an organisation word (Ministry, Agency, Bank, …),
acronyms, countries and groups ("officials", "police"); "person" for a role ("Turkish
official", "the minister") or a personal name of two to four capitalised words; "unknown"
otherwise (and for "").

canonical_claimants: the first form an article gives a claimant is used for all its later
mentions: "The Environment Agency" and "Environment Agency" are one; "WHO" is "The World
Health Organization" once the article wrote "The World Health Organization (WHO)", and "The
IMF" is "International Monetary Fund" when the article named it first; "Harper" is "Mark
Harper" once he was named in full.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.extraction.lexicon import (
    ANONYMOUS_ROLES,
    COUNTRIES,
    LEADING_CONNECTIVES,
    NATIONALITIES,
    ORGANISATION_NOUNS,
    PERSON_ROLES,
    POST_NOMINALS,
    SPEAKING_BODIES,
    TITLE_WORDS,
)

_ACRONYM_DEFINITION_RE = re.compile(
    r"((?:The\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of|and|for|the|de|del|on)?\s*[A-Z][\w'’.&-]*)+)"
    r"\s+\(([A-Z][A-Za-z]{1,9})\)"
)
_GERMAN_TITLE_RE = re.compile(
    r"[A-ZÄÖÜ][a-zäöüß]*(?:minister|präsident|kanzler|sprecher|chef|direktor|bürgermeister|"
    r"senator|leiter|sekretär|richter|anwalt|dezernent|intendant)(?:in)?"
    r"|[A-ZÄÖÜ][a-zäöüß]*(?:vorsitzende|abgeordnete|beauftragte)r?|Dr\.|Prof\.|Herr|Frau"
)
_TRAILING_ACRONYM_RE = re.compile(r"\s*\([A-Z][A-Za-z]{1,9}\)$")
# Words completing a business's short name ("Nimbra" → "Nimbra Systems"); not "Committee"
# ("the Treasury" is no "Treasury Committee") nor other bodies' nouns.
_BUSINESS_WORDS = frozenset(
    "systems group holdings inc corp corporation company co ltd limited plc llc ag sa nv "
    "technologies "
    "technology industries pharmaceuticals pharma therapeutics biosciences labs laboratories "
    "partners motors airlines airways energy networks software capital media foods brands "
    "resources insight analytics research consulting solutions international global "
    "communications telecom entertainment logistics retail stores biologics biotech "
    "diagnostics biosciences medical healthcare devices water gas electric electricity "
    "utilities insurance broadband rail buses trains".split()
)
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z&]{1,9}$")
_TWEET_FOOTER_RE = re.compile(r"^\W*(?:—|–|-{1,2})\s*([^()\n]{1,80}?)\s*\(@\w{1,30}\)")
_PERSON_NAME_RE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:de|da|van|von|bin|al)?\s*[A-Z][\w'’.-]+){1,3}$"
)


def strip_acronym(name: str) -> str:
    """'The World Health Organization (WHO)' → 'The World Health Organization'."""
    return _TRAILING_ACRONYM_RE.sub("", name)


def strip_titles(name: str) -> str:
    """'Turkish President Recep Tayyip Erdogan' → 'Recep Tayyip Erdogan', 'Sen. Dana Whitfield'
    → 'Dana Whitfield', 'Jane Smith MP' → 'Jane Smith'; a bare title stays as it is, and so
    does a body whose name opens with a title word ('Premier League', 'Supreme Court',
    'General Dental Council')."""
    words = name.split()
    while len(words) > 1 and words[-1].strip(",") in POST_NOMINALS:
        words = words[:-1]
    last_title = max((index for index, word in enumerate(words) if is_title(word)), default=-1)
    rest = words[last_title + 1 :]
    if rest and (
        all(word.lower() in ORGANISATION_NOUNS for word in rest)
        or (last_title == 0 and len(rest) > 1 and rest[-1].lower() in ORGANISATION_NOUNS)
    ):  # "Premier League", "Supreme Court", "General Dental Council": a body, not a title
        return " ".join(words)
    while rest[:1] in (["of"], ["for"]) and len(rest) > 2:  # "Mayor for Transport Kay Hollis"
        rest = rest[2:]
    return " ".join(rest) if rest and rest[0][:1].isupper() else " ".join(words)


def is_title(word: str) -> bool:
    """A title word ("Mayor", "Dr") or a German compound one ("Finanzminister",
    "Bundesbankpräsidentin")."""
    return word in TITLE_WORDS or _GERMAN_TITLE_RE.fullmatch(word) is not None


def claimant_type(name: str) -> str:
    """'person', 'organisation' or 'unknown' (see the module docstring)."""
    words = name.split()
    if not words:
        return "unknown"
    lowered = [word.lower().strip(".,'’") for word in words]
    if set(lowered) & (ORGANISATION_NOUNS | SPEAKING_BODIES) - ANONYMOUS_ROLES - {"authority"}:
        return "organisation"
    if words[-1] in {"Authority", "Authorities"} and len(words) > 1:  # "Water Authority"
        return "organisation"
    if any(_ACRONYM_RE.match(word) for word in words) or set(words) & COUNTRIES:
        return "organisation"
    if len(words) > 1 and lowered[-1] in _BUSINESS_WORDS - {"co", "sa", "ag", "nv"}:
        return "organisation"  # "Brightwell Pharma", "Nimbra Systems"
    if lowered[-1] in ANONYMOUS_ROLES | PERSON_ROLES:
        return "person"
    if _PERSON_NAME_RE.match(name) and not set(words) & NATIONALITIES:
        return "person"
    return "unknown"


def tweet_author(body: str, end: int) -> str:
    """The account name of an embedded tweet whose text ends the paragraph holding `end`:
    the next paragraph is its footer, "— Met Office (@MetOffice) 3 Mar 2024"."""
    paragraph_end = body.find("\n\n", end)
    if paragraph_end < 0:
        return ""
    footer = _TWEET_FOOTER_RE.match(body[paragraph_end:].lstrip()[:200])
    return strip_titles(footer.group(1).strip()) if footer is not None else ""


def acronyms(body: str) -> dict[str, str]:
    """Acronyms the article defines, with their long form: {'WHO': 'The World Health …'};
    a connective opening the long form, and a lower-case "the" after it, are no part of it
    ("But the Centre for Household Economics (CHE)" → 'Centre for Household Economics')."""
    return {
        acronym: _without_connective(long) for long, acronym in _ACRONYM_DEFINITION_RE.findall(body)
    }


def _without_connective(name: str) -> str:
    words = name.split()
    if len(words) > 2 and words[0] in LEADING_CONNECTIVES:
        words = words[1:]
        if words[0] == "the":
            words = words[1:]
    return " ".join(words)


def canonical_claimants(names: Sequence[str], body: str) -> list[str]:
    """`names` (in article order) with each claimant's first form used for all its mentions."""
    long_forms = acronyms(body)
    first_form: dict[str, str] = {}
    canonical = []
    for name in names:
        parts = [long_forms.get(part, part) for part in re.split(r"\s+and\s+", name)]
        if len(parts) > 1 and name:
            name = " and ".join(parts)
        elif name in long_forms and _key(long_forms[name]) not in first_form:
            # first named by its acronym: the long form, without the "The" opening a sentence
            name = re.sub(r"^The\s+(?=\S+\s)", "", long_forms[name])
        else:
            name = long_forms.get(name, name)
        name = _by_initials(name, first_form)
        name = _by_short_form(name, body)
        key = _key(name)
        if key and key not in first_form:
            first_form[key] = _full_name(name, first_form)
        canonical.append(first_form.get(key, name) if key else name)
    return canonical


def _by_initials(name: str, known: dict[str, str]) -> str:
    """'The IMF' → 'International Monetary Fund' when that name came first in the article."""
    acronym = re.sub(r"^The\s+", "", name)
    if not _ACRONYM_RE.match(acronym):
        return name
    for full in known.values():
        initials = "".join(w[0] for w in full.split() if w[:1].isupper() and w != "The")
        if initials == acronym:
            return full
    return name


def _by_short_form(name: str, body: str) -> str:
    """'Nimbra' → 'Nimbra Systems' when the article's first mention of the name is that full
    form: the name followed by words naming a kind of business ("Systems", "Group", "plc")."""
    if " " in name or not name[:1].isupper() or _ACRONYM_RE.match(name) or name in TITLE_WORDS:
        return name
    full = re.search(rf"\b{re.escape(name)}((?:\s+[A-Z][\w&.]*)+)", body)
    if full is None:
        return name
    suffix = full.group(1).split()
    for end in range(len(suffix), 0, -1):  # "Nimbra Systems Chief" → "Nimbra Systems"
        words = suffix[:end]
        if all(word.lower().rstrip(".") in _BUSINESS_WORDS for word in words):
            return f"{name} {' '.join(words)}"
    return name


def _key(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


def _full_name(name: str, known: dict[str, str]) -> str:
    """A surname alone ('Harper') becomes the full name given earlier ('Mark Harper')."""
    if " " in name or claimant_type(name) == "organisation":
        return name
    return next(
        (full for full in known.values() if full.endswith(f" {name}") and " " in full), name
    )
