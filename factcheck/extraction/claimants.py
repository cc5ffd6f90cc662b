"""Who an article says made a claim. Pure pattern matching over one sentence and its context.

The claimant is the subject of the first attribution verb outside quotation marks, before or
after the clause: "The United Nations says …" → "The United Nations"; "…, said Mr. Tom Baker"
→ "Tom Baker"; "Russia, which backs Assad, has told …" → "Russia"; "Dr Hans Kluge, the WHO's
regional director, said …" → "Hans Kluge"; "X estimates/found/reported/warned that …" → X;
"according to (joint estimates by) X" → X; "A Bank of Portugal study published in May found
…" → "Bank of Portugal". Titles are stripped from people ("Turkish President Recep Tayyip
Erdogan" → "Recep Tayyip Erdogan"). "According to X, Y said …" credits Y, the speaker.

Whom the sentence does not name is looked up in `context` (the article before it):
    "the authority" / "the official" → the nearest "<Nationality> official" ("Turkish official")
    "the ministry", "the statistics institute" → the nearest earlier name sharing a word with it
    "he", "she" → the nearest earlier person (a name after a title or role, or before an
                  appositive: "Dr Maria Kontou, the head of …")
    "it", "they" → the claimant of the nearest earlier attributed claim (`previous`)
Look-ups read at most DESCRIPTION_WINDOW / PERSON_WINDOW characters back, and results are
cached, so a megabyte of repeated sentences costs no more than one page.
An acronym's long form, "The"/"the" and surnames are made consistent across an article by
claimant_names.canonical_claimants.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extraction.claimant_names import claimant_type, strip_acronym
from factcheck.extraction.lexicon import (
    ANONYMOUS_ROLES,
    CANONICAL_ROLE,
    CLAIMANT_VERBS_RE,
    EVIDENCE_BY_RE,
    GROUP_PRONOUNS,
    LEADING_CLAIMANT_RE,
    ORGANISATION_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    PRONOUNS,
    SPEAKING_BODIES,
    STUDY_NOUNS,
    STUDY_PARTICIPLE_RE,
    TITLE_WORDS,
)

CONTEXT_WINDOW = 20_000  # how far back an unnamed "the official" is looked up
PERSON_WINDOW = 3_000  # how far back "she" is looked up
DESCRIPTION_WINDOW = 6_000  # how far back "the ministry" is looked up
_SENTENCE_WINDOW = 2_000
_NP_WINDOW = 200
_CONNECTORS = r"(?:of|and|for|the|de|del|al|al-|bin|van|von|&)"
_NAME_TOKEN = r"[A-Z][\w'’.&-]*"
_NAME = rf"(?:{_NAME_TOKEN})(?:\s+(?:{_CONNECTORS}\s+){{0,2}}{_NAME_TOKEN})*"
_NAME_AT_END_RE = re.compile(rf"({_NAME})$")
_NAME_AT_START_RE = re.compile(rf"^({_NAME})")
_NAME_RE = re.compile(rf"\b{_NAME}")
_ROLES = "|".join(sorted(ANONYMOUS_ROLES | SPEAKING_BODIES | ORGANISATION_NOUNS))
_ADJECTIVES = r"(?:senior|top|unnamed|government|security|military)"
_ROLE_AT_END_RE = re.compile(
    rf"(?:\b(?:the|a|an|The|A|An)\s+)?((?:{_ADJECTIVES}\s+)*(?:{_NAME_TOKEN}\s+)?"
    rf"(?:{_ADJECTIVES}\s+)*(?:[a-z]+\s+)?(?:{_ROLES}))$"
)
_ROLE_AT_START_RE = re.compile(
    rf"^((?:the|a|an)\s+(?:{_ADJECTIVES}\s+)*(?:[a-z]+\s+)?(?:{_ROLES}))\b"
)
# "the company said" after "Shell reported …": a business named only by the claim before.
_BUSINESS_NOUNS = frozenset({"company", "firm", "group", "airline", "carrier", "retailer"})
_STUDY_AT_END_RE = re.compile(rf"({_NAME})\s+(?:{STUDY_NOUNS})$")
_TRAILING_FILLER_RE = re.compile(
    r"(?:\s+(?:has|have|had|also|too|again|reportedly|publicly|previously|recently|later|then|"
    r"already|has also|had also|once|earlier|separately|on \w+day))+$"
)
_RELATIVE_CLAUSE_RE = re.compile(r",\s*(?:which|who|whose)\b[^,]*,?$")
_APPOSITIVE_RE = re.compile(r"(?<=[\w.])\s*,\s*(?:the|a|an|[A-Z][\w.]*['’]s)\s+[^,]{1,120},$")
# ", the Romanian health ministry said." ending a sentence names its source, whatever verbs
# come before ("Romania declared …").
_TRAILING_ATTRIBUTION_RE = re.compile(
    r",\s*([^,]{1,80}?)\s+(?:said|says|added|stated|noted|confirmed|warned|reported|explained|"
    r"estimated|informó|dijo|afirmó|señaló)(?:\s+on\s+\w+|\s+in\s+a\s+statement)?\s*[.!]?$"
)
_QUOTE_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’")
_PRIOR_ROLE_RE = re.compile(
    rf"\b(?!(?:The|A|An|This|That|Another|One|Each)\b)({_NAME_TOKEN})\s+"
    r"(?:(?:senior|top|government|security|military)\s+)*(authority|official)\b"
)
_PERSON_CUE_BEFORE_RE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(PERSON_ROLES)) + r")|\b(?:Dr|Mr|Mrs|Ms|Prof)\.?)\s*$", re.I
)
_PERSON_CUE_AFTER_RE = re.compile(r"^\s*,\s*(?:the|a|an)\s+\S")


def find_claimant(sentence: str, context: str = "", previous: str = "") -> str:
    """Who the sentence is attributed to, or "" when it is attributed to nobody.

    `context` is the article text before the sentence (its last CONTEXT_WINDOW characters are
    read); `previous` the claimant of the nearest earlier attributed claim.
    """
    return _find_claimant(sentence, context[-CONTEXT_WINDOW:], previous)


@lru_cache(maxsize=1024)
def _find_claimant(sentence: str, context: str, previous: str) -> str:
    text = sentence[:_SENTENCE_WINDOW]
    source = LEADING_CLAIMANT_RE.match(text)
    if source is not None:
        inner = _attributed_speaker(text[source.end() :], context, previous)
        leading = _clean_name(_evidence_author(source.group(1)), context, previous)
        return inner or leading
    return _attributed_speaker(text, context, previous)


def _attributed_speaker(text: str, context: str, previous: str) -> str:
    masked = _QUOTE_RE.sub(lambda match: " " * len(match.group()), text)
    trailing = _TRAILING_ATTRIBUTION_RE.search(masked.rstrip())
    if trailing is not None:
        speaker = _subject_before(masked[: trailing.end(1)])
        if speaker:
            return _clean_name(speaker, context, previous)
    for verb in CLAIMANT_VERBS_RE.finditer(masked):
        if verb.group().lower() in {"according to", "as per", "según"}:
            found = _name_at_start(_evidence_author(masked[verb.end() :]))
            return _clean_name(found, context, previous)
        before = _subject_before(masked[: verb.start()])
        if before:
            return _clean_name(before, context, previous)
        if re.search(r"(?:^|[,“”\"’])\s*$", masked[: verb.start()]):
            return _clean_name(_name_at_start(masked[verb.end() :]), context, previous)
    return ""


def _evidence_author(text: str) -> str:
    """'joint estimates by the WHO and UNICEF, …' → 'WHO and UNICEF, …'."""
    return EVIDENCE_BY_RE.sub("", text.strip(" ,:"), count=1)


def _subject_before(text: str) -> str:
    """The noun phrase ending `text`, past auxiliaries, appositives and ", which …," clauses."""
    tail = text[-_NP_WINDOW:].rstrip()
    tail = STUDY_PARTICIPLE_RE.sub("", tail)
    tail = _TRAILING_FILLER_RE.sub("", tail)
    appositive = _APPOSITIVE_RE.search(tail)
    if appositive is not None:
        named = _NAME_AT_END_RE.search(tail[: appositive.start()])
        if named is not None:
            return named.group(1)
    tail = _RELATIVE_CLAUSE_RE.sub("", tail).rstrip(" ,")
    tail = strip_acronym(tail)
    study = _STUDY_AT_END_RE.search(tail)
    if study is not None:
        return study.group(1)
    name = _NAME_AT_END_RE.search(tail)
    if name is not None:
        return name.group(1)
    role = _ROLE_AT_END_RE.search(tail)
    if role is not None:
        return role.group()
    pronoun = re.search(r"\b(he|she|it|they)$", tail, re.I)
    return pronoun.group(1) if pronoun is not None else ""


def _name_at_start(text: str) -> str:
    text = text.strip(" ,:")
    for pattern in (_ROLE_AT_START_RE, _NAME_AT_START_RE):
        found = pattern.match(text)
        if found is not None:
            return found.group(1)
    stripped = re.sub(r"^(?:the|a|an|el|la|los|las)\s+", "", text)
    found = _NAME_AT_START_RE.match(stripped)
    return found.group(1) if found is not None else ""


def _clean_name(phrase: str, context: str, previous: str) -> str:
    phrase = strip_acronym(phrase.strip(" ,.;:"))
    lowered = phrase.lower()
    if lowered in PERSON_PRONOUNS:
        return _last_person(context)
    if lowered in GROUP_PRONOUNS:
        return previous
    if not phrase or (lowered in PRONOUNS and not phrase.isupper()):
        return ""
    phrase = re.sub(r"^(?:the|a|an|A|An)\s+(?=\S+\s+\S)", "", phrase)
    words = phrase.split()
    if words[-1].lower() in ANONYMOUS_ROLES:
        return _resolve_role(words, context)
    description = words[1:] if words[0] in {"The", "A", "An"} else words
    if words[-1].lower() in ORGANISATION_NOUNS and not any(w[:1].isupper() for w in description):
        resolved = _resolve_description(description, context)
        if not resolved and words[-1].lower() in _BUSINESS_NOUNS:
            resolved = previous if claimant_type(previous) != "person" else ""
        return resolved or phrase
    return _strip_titles(words)


def _strip_titles(words: list[str]) -> str:
    """'Turkish President Recep Tayyip Erdogan' → 'Recep Tayyip Erdogan'; bare titles stay."""
    last_title = max((index for index, word in enumerate(words) if word in TITLE_WORDS), default=-1)
    rest = words[last_title + 1 :]
    if rest[:1] == ["of"]:
        rest = rest[2:]
    return " ".join(rest) if rest and rest[0][:1].isupper() else " ".join(words)


def _resolve_role(words: list[str], context: str) -> str:
    """'a Turkish authority' → 'Turkish official'; 'the official' → the last such mention."""
    role = CANONICAL_ROLE.get(words[-1].lower(), words[-1].lower())
    qualifier = [
        word for word in words[:-1] if word[:1].isupper() and word not in {"The", "A", "An"}
    ]
    if qualifier:
        return f"{qualifier[-1]} {role}"
    if role == "official":
        earlier = list(_PRIOR_ROLE_RE.finditer(context[-CONTEXT_WINDOW:]))
        if earlier:
            return f"{earlier[-1].group(1)} official"
    return " ".join(words)


def _resolve_description(words: list[str], context: str) -> str:
    """'the ministry' → the nearest earlier organisation name sharing a word with it."""
    wanted = {word.lower() for word in words if word.lower() not in {"the", "a", "an"}}
    window = context[-DESCRIPTION_WINDOW:]
    if not any(word in window.lower() for word in wanted):
        return ""
    for match in reversed(list(_NAME_RE.finditer(window))):
        name = strip_acronym(match.group())
        tokens = {token.lower() for token in name.split()}
        if tokens & wanted and claimant_type(name) == "organisation" and len(tokens) > 1:
            return name
    return ""


def _last_person(context: str) -> str:
    """The nearest earlier name marked as a person by a title or role before it, or an
    appositive after it ("Dr Maria Kontou, the head of …")."""
    window = context[-PERSON_WINDOW:]
    for match in reversed(list(_NAME_RE.finditer(window))):
        before, after = window[: match.start()], window[match.end() :]
        words = match.group().split()
        name = _strip_titles(words)
        if any(word in TITLE_WORDS for word in words) or _PERSON_CUE_BEFORE_RE.search(before):
            if claimant_type(name) != "organisation":
                return name
        elif _PERSON_CUE_AFTER_RE.match(after) and claimant_type(name) == "person":
            return name  # an appositive follows dates and places too: only a personal name
    return ""
