"""Who is named after a verb of saying or a source phrase: "…, said the study's lead author,
Professor Helen Marsh", "…, a indiqué Bercy", "said a spokesperson for the department",
"according to market research firm Kantar Worldpanel", "a affirmé la ministre Claire Martin",
"a précisé l'institut de la statistique", "a indiqué l'Agence régionale de santé de la Varenne
(ARS)". Pure pattern matching; claimants.py decides what the found name is called."""

from __future__ import annotations

import re

from factcheck.extraction.claimant_foreign import after_verb, name_with_acronym
from factcheck.extraction.claimant_names import claimant_type, strip_titles
from factcheck.extraction.claimant_patterns import (
    NAME,
    NAME_AT_START_RE,
    person_after_affiliation_role,
    without_possessive,
)
from factcheck.extraction.lexicon import (
    ANONYMOUS_ROLES,
    ORGANISATION_NOUNS,
    PERSON_ROLES,
    SPEAKING_BODIES,
)

ROLES = "|".join(sorted(ANONYMOUS_ROLES | SPEAKING_BODIES | ORGANISATION_NOUNS))
ADJECTIVES = r"(?:senior|top|unnamed|government|security|military)"
PERSON_ROLE_NOUNS = sorted(PERSON_ROLES - ANONYMOUS_ROLES - {"dr", "prof", "head"})
# "the company said" after "Shell reported …": a business named only by the claim before.
# ("Wexley Town will leave …, the club confirmed": the sentence's own subject).
BUSINESS_NOUNS = frozenset(
    "company firm group airline carrier retailer club charity trust league insurer lender "
    "operator bank society utility supplier provider manufacturer broadcaster".split()
)
# "a précisé l'institut de la statistique", "dijo el ministerio": a body described, unnamed.
FOREIGN_DESCRIPTION_RE = re.compile(
    r"(?:l['’]\s*|le\s+|la\s+|les\s+|el\s+|los\s+|las\s+|il\s+|lo\s+|o\s+|a\s+(?=[a-zâ]+ção|"
    r"empresa|câmara|prefeitura|agência|entidade))"
    r"(?:(?:stess[oa]|mesm[oa]|même|mism[oa])\s+)?(?P<noun>institut|ministère|office|"
    r"agence|association|banque|organisme|fédération|syndicat|gouvernement|entreprise|groupe|"
    r"société|commission|conseil|tribunal|parquet|préfecture|mairie|club|ligue|fondation|"
    r"observatoire|instituto|ministerio|organismo|empresa|banco|gobierno|agencia|asociación|"
    r"fundación|sindicato|ayuntamiento|"
    # Italian and Portuguese: "l'ente", "la stessa società", "a empresa", "o ministério"
    r"ente|società|compagnia|gruppo|consorzio|azienda|companhia|grupo|associazione|comune|ministero|istituto|agenzia|regione|fondazione|"
    r"università|ministério|associação|câmara|prefeitura|governo|fundação|universidade|"
    r"entidade|agência)(?:\s+[^\s,.;:A-ZÉÁ][^\s,.;:]*){0,5}"
)

_ROLE_AT_START_RE = re.compile(
    rf"^((?:the|a|an)\s+(?:{ADJECTIVES}\s+)*(?:[a-z]+\s+)?(?:{ROLES}))\b"
    # "according to the official results": an adjective, no one's role
    r"(?!\s+(?:results?|figures|data|statistics|estimates?|count|tally|records?|website|"
    r"numbers|forecasts?|documents?|guidance|advice|rules|policy|line|version|account)\b)"
)

# "according to market research firm Kantar Worldpanel", "said the trade body the British
# Retail Consortium": a lower-case kind of body, then its name.
_KIND_THEN_NAME_RE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:firm|company|group|body|consultancy|"
    r"pollster|agency|charity|think[ -]tank|watchdog|regulator|union|association|provider|"
    r"organisation|organization|campaigners?|researchers|analysts|platform|network)"
    rf"\s+(?:the\s+)?({NAME})"
)

# "said the study's lead author, Professor Helen Marsh": the person after the description.
_DESCRIBED_NAME_RE = re.compile(
    rf"^(?:the|its|their|his|her|a|an|le|la|les|l['’]|il|lo|o)\s*[^,.;:]{{0,80}}?,\s+({NAME})"
)
_ROLE_THEN_NAME_RE = re.compile(
    rf"^(?:(?:the|its|their|his|her)\s+)?(?:[a-z][\w-]*\s+){{1,3}}({NAME})"
)
_ROLE_AFTER_VERB_RE = re.compile(
    r"^(?:the|le|la|el|il|lo|o)\s+(?:[a-z][\w-]*\s+){0,2}?(?:"
    + "|".join(PERSON_ROLE_NOUNS + ["cittadin[oa]"])  # "la prima cittadina": the mayor
    + r")\b"
)
_FRENCH_BODY_RE = re.compile(
    r"^(?:le|la|l['’])\s*((?:ministère|préfecture|parquet|mairie|direction|office|haut conseil)"
    r"\s+(?:de\s+l['’]\s*|de\s+la\s+|du\s+|des\s+|de\s+)[A-ZÉÈ][\w'’-]*"
    r"(?:\s+(?:et\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+)?)?[A-ZÉÈ][\w'’-]*)*)"
)

_SPOKESPERSON_FOR_RE = re.compile(
    r"^(?:an?|the)\s+(?:[a-z]+\s+)?(?:spokes(?:person|man|woman)|representative|press officer)"
    r"\s+(?:for|at|from|of)\s+"
)

_LEADING_ARTICLE_RE = re.compile(
    r"^(?:the|a|an|el|la|los|las|le|les|l['’]|il|lo|o|os|as)\s*(?=[A-ZÉÁ])"
)


def name_after_verb(text: str) -> str:
    """The speaker after '…,” said': a person named after a description ("the study's lead
    author, Professor Helen Marsh") or the name or role that opens `text`."""
    text = after_verb(text)  # "a annoncé lundi sa directrice, X"
    spokesperson = _SPOKESPERSON_FOR_RE.match(text.strip(" ,:"))
    if spokesperson is not None:  # "said a spokesperson for the department"
        return name_at_start(text.strip(" ,:")[spokesperson.end() :]) or name_at_start(text)
    described = _DESCRIBED_NAME_RE.match(text.strip(" ,:"))
    if described is not None:
        name = strip_titles(described.group(1))
        if claimant_type(name) == "person":
            return name
    found = kind_then_name(text) or person_after_affiliation_role(text) or name_at_start(text)
    if found:
        return found
    roled = _ROLE_THEN_NAME_RE.match(text.strip(" ,:"))  # "a affirmé la ministre Claire Martin"
    if roled is not None and claimant_type(strip_titles(roled.group(1))) == "person":
        return roled.group(1)
    role = _ROLE_AFTER_VERB_RE.match(text.strip(" ,:"))  # "a déclaré le ministre."
    if role is not None:
        return role.group()
    body = FOREIGN_DESCRIPTION_RE.match(text.strip(" ,:"))  # "a précisé l'institut …"
    if body is not None:
        return body.group()
    roled = _ROLE_THEN_NAME_RE.match(text.strip(" ,:"))  # "said co-author Dr Priya Raman"
    if roled is not None and claimant_type(strip_titles(roled.group(1))) != "unknown":
        return roled.group(1)
    return ""


def name_at_start(text: str) -> str:
    text = text.strip(" ,:")
    long_name = name_with_acronym(text)  # "l'Agence régionale de santé de la Varenne (ARS)"
    if long_name:
        return long_name
    for pattern in (_ROLE_AT_START_RE, NAME_AT_START_RE):
        found = pattern.match(text)
        if found is not None:
            return _owner_or_name(found, text)
    french = _FRENCH_BODY_RE.match(text)
    if french is not None:  # "le ministère de l'Économie"
        return french.group(1)
    stripped = _LEADING_ARTICLE_RE.sub("", text)
    found = NAME_AT_START_RE.match(stripped)
    return _owner_or_name(found, stripped) if found is not None else ""


def kind_then_name(text: str) -> str:
    """'market research firm Kantar Worldpanel' → 'Kantar Worldpanel', or ""."""
    found = _KIND_THEN_NAME_RE.match(text.strip(" ,:"))
    return found.group(1) if found is not None else ""


def body_noun_at_start(text: str) -> str:
    """'company on Tuesday' (what "figures published by the" left) → 'the company';
    'county council on Monday' → 'the county council' (resolved against the article)."""
    words = text.strip(" ,:").split()[:4]
    words = words[1:] if words[:1] == ["the"] else words
    for index, word in enumerate(words[:3]):
        word = word.rstrip(".,;:")
        if not word.isalpha() or not word.islower():
            return ""
        if word in ORGANISATION_NOUNS | BUSINESS_NOUNS:
            return "the " + " ".join([*words[:index], word])
    return ""


def _owner_or_name(found: re.Match[str], text: str) -> str:
    """The name `found` at the start of `text`, without a possessive when it owns the words
    after it ("Zoopla's latest index")."""
    owns = re.match(r"\s+[a-z]", text[found.end() :]) is not None
    return without_possessive(found.group(1)) if owns else found.group(1)
