"""Who an article says made a claim. Pure pattern matching over one sentence and its context.

The claimant is the subject of the first attribution verb outside quotation marks:
"The United Nations says …" → "The United Nations"; "Russia, which backs Assad, has told …" →
"Russia"; "…,” the authority stated" → "the authority"; "…, told the official" → "the
official". Titles are stripped from people ("Turkish President Recep Tayyip Erdogan" →
"Recep Tayyip Erdogan"). "According to X, Y said …" credits Y, the speaker, not the outlet X.
An unnamed role ("the authority", "the official") is resolved to the nearest earlier mention
with a nationality or organisation in front of it ("a Turkish authority" → "Turkish official").
Pronouns are not resolved: "He said …" gives "".
"""

from __future__ import annotations

import re

from factcheck.extraction.lexicon import (
    ANONYMOUS_ROLES,
    ATTRIBUTION_RE,
    CANONICAL_ROLE,
    LEADING_SOURCE_RE,
    PRONOUNS,
    SPEAKING_BODIES,
    TITLE_WORDS,
)

CONTEXT_WINDOW = 20_000  # how far back an unnamed "the official" is looked up
_SENTENCE_WINDOW = 2_000
_NP_WINDOW = 200
_CONNECTORS = r"(?:of|and|for|the|de|del|al|al-|bin|van|von|&)"
_NAME_TOKEN = r"[A-Z][\w'’.&-]*"
_NAME_AT_END_RE = re.compile(rf"((?:{_NAME_TOKEN})(?:\s+(?:{_CONNECTORS}\s+)?{_NAME_TOKEN})*)$")
_NAME_AT_START_RE = re.compile(rf"^((?:{_NAME_TOKEN})(?:\s+(?:{_CONNECTORS}\s+)?{_NAME_TOKEN})*)")
_ROLES = "|".join(sorted(ANONYMOUS_ROLES | SPEAKING_BODIES))
_ROLE_AT_END_RE = re.compile(
    rf"(?:\b(?:the|a|an|The|A|An)\s+)?((?:(?:senior|top|unnamed|government|security|military)\s+)*"
    rf"(?:{_NAME_TOKEN}\s+)?(?:(?:senior|top|government|security|military)\s+)*(?:{_ROLES}))$"
)
_ROLE_AT_START_RE = re.compile(
    rf"^((?:the|a|an)\s+(?:(?:senior|top|unnamed|government|security|military)\s+)*(?:{_ROLES}))\b"
)
_TRAILING_FILLER_RE = re.compile(
    r"(?:\s+(?:has|have|had|also|too|again|reportedly|publicly|previously|recently|later|then|"
    r"already|has also|had also|once|earlier|separately))+$"
)
_RELATIVE_CLAUSE_RE = re.compile(r",\s*(?:which|who|whose)\b[^,]*,?$")
_QUOTE_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’")
_PRIOR_ROLE_RE = re.compile(
    rf"\b(?!(?:The|A|An|This|That|Another|One|Each)\b)({_NAME_TOKEN})\s+"
    r"(?:(?:senior|top|government|security|military)\s+)*(authority|official)\b"
)


def find_claimant(sentence: str, context: str = "") -> str:
    """Who the sentence is attributed to, or "" when it is attributed to nobody.

    `context` is the article text before the sentence; only its last CONTEXT_WINDOW
    characters are read, to resolve "the authority" / "the official".
    """
    text = sentence[:_SENTENCE_WINDOW]
    source = LEADING_SOURCE_RE.match(text)
    if source is not None:
        inner = _attributed_speaker(text[source.end() :], context)
        return inner or _clean_name(source.group(1), context)
    return _attributed_speaker(text, context)


def _attributed_speaker(text: str, context: str) -> str:
    masked = _QUOTE_RE.sub(lambda match: " " * len(match.group()), text)
    for verb in ATTRIBUTION_RE.finditer(masked):
        if verb.group().lower() in {"according to", "as per"}:
            return _clean_name(_name_at_start(masked[verb.end() :]), context)
        before = _subject_before(masked[: verb.start()])
        if before:
            return _clean_name(before, context)
        if re.search(r"(?:^|[,“”\"’])\s*$", masked[: verb.start()]):
            return _clean_name(_name_at_start(masked[verb.end() :]), context)
    return ""


def _subject_before(text: str) -> str:
    """The noun phrase ending `text`, past auxiliaries and a ", which …," clause."""
    tail = text[-_NP_WINDOW:].rstrip()
    tail = _TRAILING_FILLER_RE.sub("", tail)
    tail = _RELATIVE_CLAUSE_RE.sub("", tail).rstrip(" ,")
    name = _NAME_AT_END_RE.search(tail)
    if name is not None:
        return name.group(1)
    role = _ROLE_AT_END_RE.search(tail)
    return role.group() if role is not None else ""


def _name_at_start(text: str) -> str:
    text = text.strip(" ,:")
    for pattern in (_ROLE_AT_START_RE, _NAME_AT_START_RE):
        found = pattern.match(text)
        if found is not None:
            return found.group(1)
    stripped = re.sub(r"^(?:the|a|an)\s+", "", text)
    found = _NAME_AT_START_RE.match(stripped)
    return found.group(1) if found is not None else ""


def _clean_name(phrase: str, context: str) -> str:
    phrase = re.sub(r"^(?:the|a|an)\s+(?=\S+\s+\S)", "", phrase.strip(" ,.;:"))
    if not phrase or phrase.lower() in PRONOUNS:
        return ""
    words = phrase.split()
    if words[-1].lower() in ANONYMOUS_ROLES:
        return _resolve_role(words, context)
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
