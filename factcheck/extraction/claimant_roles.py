"""Whom a role description names when the page says elsewhere who holds the role. Pure.

rosters       "the Town Clerk advised", "The Chair said" → the person an attendance list
              or a signature line gives that role in parentheses ("Gareth Mayhew (Town
              Clerk)", "Cllr Margaret Hollis (Chair)"), however far back
other words   "la prima cittadina" (the mayor), "the Fellside boss" (its manager), "il
              professore" (the academic just named) → the person given a role of the same
              meaning (ROLE_SYNONYMS) before or in an appositive after the name
"""

from __future__ import annotations

import re

from factcheck.extraction.claimant_context import resolve_person_role
from factcheck.extraction.claimant_names import claimant_type, is_title, strip_titles
from factcheck.extraction.claimant_patterns import NAME, tidy
from factcheck.extraction.lexicon import PERSON_ROLES

# Words a page uses for a role it gave in other words; a university's name in the appositive
# ("idrologo dell'Università di X") makes its academic "il professore".
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "cittadina": ("sindaca", "sindaco"),  # "la prima cittadina"
    "cittadino": ("sindaco", "sindaca"),
    "sindaca": ("sindaco",),
    "boss": ("manager", "coach", "chief"),
    "gaffer": ("manager",),
    "professore": ("professoressa", "professor", "università", "university"),
    "professoressa": ("professore", "professor", "università", "university"),
    "professor": ("professora", "university", "universidade", "universidad"),
    "professora": ("professor", "universidade", "universidad"),
    "ceo": ("chief executive", "chief executive officer"),
    "chief executive": ("ceo", "chief executive officer"),
    "prefeita": ("prefeito",),
    "prefeito": ("prefeita",),
}
_ROSTER_RE = re.compile(rf"({NAME})\s*\(([^()\n]{{1,60}})\)")
_ARTICLES = frozenset("the a an il lo la l' o".split())


def role_words(phrase: str) -> list[str]:
    """ "the Town Clerk", "The Fellside boss", "la prima cittadina" → the role's words, lower
    case and without the article (["town", "clerk"]); [] when `phrase` names no role (its last
    word no person's role, title or ROLE_SYNONYMS entry)."""
    words = phrase.replace("’", "'").split()
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    if not words or len(words) > 4:
        return []
    last = words[-1].lower()
    if last in PERSON_ROLES or last in ROLE_SYNONYMS or is_title(words[-1]):
        return [word.lower() for word in words]
    return []


def role_holder(words: list[str], context: str) -> str:
    """The person `context` gives the role `words` (module docstring), or ""."""
    if not words:
        return ""
    rostered = _roster_holder(" ".join(words), context)
    if rostered:
        return rostered
    for role in ROLE_SYNONYMS.get(words[-1], ()):  # the role's own word: claimants' other rules
        found = resolve_person_role([role], context).rstrip(".,")
        if found:
            return found
    return ""


def _roster_holder(role: str, context: str) -> str:
    """The name before "(… `role`)" nearest the end of `context`: an attendance list's
    "Gareth Mayhew (Town Clerk)" for "town clerk" or "clerk", not "(Vice-Chair)" for "chair"."""
    if re.search(rf"{re.escape(role.split()[-1])}\)", context, re.I) is None:
        return ""  # no parenthesised role ends so: spare the roster's search
    for match in reversed(list(_ROSTER_RE.finditer(context))):
        held = match.group(2).lower()
        if held != role and not held.endswith(f" {role}") and not role.endswith(f" {held}"):
            continue
        name = strip_titles(tidy(match.group(1)))
        if " " in name and claimant_type(name) == "person":
            return name
    return ""
