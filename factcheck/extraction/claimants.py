"""Who an article says made a claim. Pure pattern matching over one sentence and its context.

The claimant is the subject of the first attribution verb outside quotation marks, before or
after the clause: "The United Nations says …" → "The United Nations"; "…, said Mr. Tom Baker"
→ "Tom Baker"; "Russia, which backs Assad, has told …" → "Russia"; "Dr Hans Kluge, the WHO's
regional director, said …" → "Hans Kluge"; "X estimates/found/reported/warned that …" → X;
"according to (joint estimates by | a flash estimate from) X" → X; "A Bank of Portugal study
published in May found …", "An analysis by X found …", "X's annual report shows …" → X;
"…, said the study's lead author, Professor Helen Marsh" → "Helen Marsh"; "A Home Office
spokesperson said" → "Home Office". Titles (Sen., Cllr, Dr …), letters after a name (MP),
opening connectives ("But the union") and time phrases ("On Monday") are stripped ("Turkish
President Recep Tayyip Erdogan" → "Recep Tayyip Erdogan"); "According to X, Y said …" is Y's.
Also "selon l'Insee", "a déclaré le ministre …, X", "según el INE", "sagte X", "wie X mitteilte",
"a annoncé lundi sa directrice, X", "Pour le docteur X, « … »", "El informe señala que" (whose
report: claimant_foreign), "selon lui"/"según ella" (the person before); who is named after
the verb is claimant_after's; "A Facebook post by X, who …, claims that" → X.

Whom the sentence does not name ("the ministry", "she", "Ms Reeves") is looked up in
`context`, the article before it (claimant_context; "the prosecutor", "the hospice":
claimant_referents); "it"/"they" → `previous`, the nearest earlier claimant. Results are
cached: a megabyte of repeated sentences costs one page. An acronym's long form, "The"/"the"
and surnames are made consistent across an article by claimant_names.canonical_claimants.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extraction import languages
from factcheck.extraction.claimant_after import (
    ADJECTIVES,
    BUSINESS_NOUNS,
    FOREIGN_DESCRIPTION_RE,
    PERSON_ROLE_NOUNS,
    ROLES,
    body_noun_at_start,
    kind_then_name,
    name_after_verb,
    name_at_start,
)
from factcheck.extraction.claimant_clauses import participle_speaker, reports_clause
from factcheck.extraction.claimant_context import (
    CONTEXT_WINDOW,
    evidence_author_before,
    full_name_before,
    last_person,
    resolve_description,
    resolve_person_role,
    resolve_role,
    unnamed_body,
)
from factcheck.extraction.claimant_evidence import (
    EVIDENCE_OPENING_RE,
    EVIDENCE_SUBJECT_RE,
    EVIDENCE_VERB_RE,
    POST_AUTHOR_RE,
    evidence_author,
    evidence_subject,
    without_commissioner,
)
from factcheck.extraction.claimant_foreign import (
    EVIDENCE_OPENING_RE as FOREIGN_EVIDENCE_OPENING_RE,
)
from factcheck.extraction.claimant_foreign import (
    evidence_author_before as foreign_evidence_author_before,
)
from factcheck.extraction.claimant_foreign import (
    view_holder,
    without_role,
)
from factcheck.extraction.claimant_languages import (
    BODY_NOUNS,
    body_at_end,
    body_at_start,
    is_prefixed_surname,
    pronoun_after,
    without_article,
)
from factcheck.extraction.claimant_languages import evidence_author as cited_evidence
from factcheck.extraction.claimant_names import (
    claimant_type,
    is_title,
    strip_acronym,
    strip_titles,
)
from factcheck.extraction.claimant_patterns import (
    DETERMINERS,
    NAME,
    NAME_AT_END_RE,
    NAME_AT_START_RE,
    NAME_TOKEN,
    drop_evidence_adjectives,
    is_described_authority,
    is_named_authority,
    is_nationality,
    person_without_affiliation,
    strip_title_words,
    tidy,
    without_owner,
    without_possessive,
)
from factcheck.extraction.claimant_referents import described_speaker
from factcheck.extraction.claimant_roles import ROLE_SYNONYMS, role_holder, role_words
from factcheck.extraction.lexicon import (
    ANONYMOUS_ROLES,
    CLAIMANT_VERBS_RE,
    GROUP_PRONOUNS,
    LEADING_CLAIMANT_RE,
    ORGANISATION_NOUNS,
    PERSON_PRONOUNS,
    PERSON_ROLES,
    PRONOUNS,
    SOURCE_PHRASES,
    STUDY_NOUNS,
    STUDY_PARTICIPLE_RE,
)

_SENTENCE_WINDOW = 2_000
_NP_WINDOW = 200
_ROLE_AT_END_RE = re.compile(
    rf"(?:\b(?:the|a|an|The|A|An)\s+)?((?:{ADJECTIVES}\s+)*(?:{NAME_TOKEN}\s+)?"
    rf"(?:{ADJECTIVES}\s+)*(?:[a-z]+\s+)?(?:{ROLES}))$"
)
_STUDY_AT_END_RE = re.compile(rf"({NAME})\s+(?:{STUDY_NOUNS})$")
_TRAILING_FILLER_RE = re.compile(
    r"(?:\s+(?:has|have|had|also|too|again|reportedly|publicly|previously|recently|later|then|"
    r"already|has also|had also|once|earlier|separately|on \w+day))+$"
)
_INVERTED_RE = re.compile(r"(?:^|[,“”\"’«»–—])\s*$")  # "…, said X": the speaker follows the verb
_CLAUSE_PRONOUN_RE = re.compile(r"\b(?:which|that|who|what|as|where)\s+(he|she|they|it)$", re.I)
# "Imogen Dale, prosecuting, told …", "Jan Novak, speaking on BBC Radio 4, said …".
_PARTICIPLE_APPOSITIVE_RE = re.compile(r"(?<=[\w.)]),\s+[a-z]+ing\b[^,;:]{0,80},\s*$")
_TOLD_RE = re.compile(r"told|tells", re.I)
_RELATIVE_CLAUSE_RE = re.compile(r",\s*(?:which|who|whose)\b[^,]*,?$")
_AGE_RE = re.compile(r"(?<=[a-z]),\s*(?:aged\s+)?\d{1,3}$")  # "Tom Reed, 63, who …, said"
# ", the RTWU's regional organiser,", ", director of public health for the region,".
_APPOSITIVE_RE = re.compile(
    r"(?<=[\w.])\s*,\s*(?:(?:the|a|an|of|from|at|(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.]*['’]s)"
    r"\s+[^,]{1,120}"
    r"|(?:[a-z][\w-]*\s+){0,2}(?:head|" + "|".join(PERSON_ROLE_NOUNS) + r")\b[^,]{0,120}"
    # ", Chief Medical Officer,": a capitalised job title after the name
    r"|(?:[A-Z][\w&-]*\s+){0,3}(?:Officer|Executive|Director|Manager|Founder|Adviser|Advisor|"
    r"Investigator|Chair|Chairman|Chairwoman|President|Secretary|Editor|Economist|Partner|"
    r"Principal|Headteacher|Counsel|Spokesperson|Spokesman|Spokeswoman|Analyst|Lead|Head|CEO|"
    r"CFO|COO|CTO|Administrator)(?:\s+(?:of|for|at)\s+[^,]{1,80})?"
    r"(?:,\s*[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,4})?"  # ", Head of Science, Ofqual,"
    # ", D-Texas,", ", R-Ohio,": a US politician's party and state
    r"|[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?),$"
)
# ", the Romanian health ministry said." ending a sentence names its source, whatever verbs
# come before ("Romania declared …").
_TRAILING_ATTRIBUTION_RE = re.compile(
    r",\s*([^,]{1,80}?)\s+(?:said|says|added|stated|noted|confirmed|warned|reported|explained|"
    r"estimated|announced|insisted|argued|claimed|revealed|admitted|informó|dijo|afirmó|señaló)"
    r"(?:\s+on\s+\w+|\s+in\s+a\s+statement)?\s*[.!]?$"
)
_QUOTE_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"|‘[^‘’]*’|«[^«»]*»|„[^„“”]*[“”]")
# "a Home Office spokesperson" speaks for the Home Office.
_ORG_SPOKESPERSON_AT_END_RE = re.compile(
    rf"({NAME})\s+(?:spokes(?:person|man|woman)|press office|press officer|representative)$"
    rf"|({NAME})['’]s?\s+(?:[a-z-]+\s+)?(?:spokes(?:person|man|woman)|press office|"
    r"executive|director|director-general|chairman|chairwoman|chair|boss|economist)$"
)
# "the council's returning officer", "the firm's spokeswoman": an unnamed officer speaks for
# the body the article named before.
_BODY_OFFICER_AT_END_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts)\s+([a-z]+)['’]s?\s+(?:[a-z-]+\s+){0,2}?(?:officer|spokes(?:person|man|"
    r"woman)|press office|representative|researchers|scientists|economists|analysts|experts)$"
)
# A body opening the sentence and what it found, "that" or not.
_BODY_FOUND_RE = re.compile(rf"^\W*({NAME})\s+(?:has\s+|have\s+)?(?:found|finds)\b")
# "the Resolution Foundation think tank", "the Unite union": a name and the kind of body it is.
_NAME_THEN_KIND_AT_END_RE = re.compile(
    rf"({NAME})\s+(?:[a-z-]+\s+)?(?:think[ -]tank|charity|union|watchdog|regulator|"
    r"trade body|lobby group|campaign group|pressure group|consultancy|pollster|researchers|"
    r"scientists|economists|analysts|experts)$"
)
# German verb-final attributions: "wie das Statistische Bundesamt mitteilte", "teilte die
# Bundesagentur für Arbeit mit", "dem Bundesamt zufolge".
_GERMAN_SOURCE_RE = re.compile(
    rf"\bwie\s+(?:das|der|die)\s+(?P<body>{NAME})\s+(?:am\s+\w+\s+)?(?:mitteilte|mitteilt|"
    r"berichtete|meldete|erklärte|bekanntgab|schätzt|schätzte)\b"
    rf"|\bteilte\s+(?:das|der|die)\s+(?P<body2>{NAME})\s+(?:am\s+\w+\s+)?mit\b"
)
# "the opposition leader said": a person named earlier by that role.
_PERSON_ROLE_AT_END_RE = re.compile(
    r"\b(?:the|The|le|Le|la|La)\s+((?:[A-Z][\w'’-]*\s+)?(?:[a-z][\w'’-]*\s+){0,2}(?:"
    + "|".join([*PERSON_ROLE_NOUNS, *ROLE_SYNONYMS])  # "The Fellside boss"
    + r"))$"
)
# A quotation introduced by its speaker and a colon, whatever the verb.
_INTRODUCED_QUOTE_RE = re.compile(r"^\W*([^:“”\"«]{1,100}):\s*[“\"«‘]")
# "X posted this shortly after the vote:": a post, letter or statement below is X's.
_INTRODUCER_RE = re.compile(
    r"^\W*([^:“”\"«]{1,100}?)\s+(?:posted|tweeted|wrote|shared|published|replied|responded|"
    r"said|added|told\s+\w+)\b[^:“”\"«]{0,80}:$"
)
# What follows "According to Nortrail's chief economist, ": the person so described.
_DESCRIBED_THEN_NAME_RE = re.compile(rf"({NAME}),\s")
_ARTICLES = frozenset("The A An Le La le la El el".split())
_EVIDENCE_DESCRIPTION_RE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:new\s+|latest\s+)?"
    r"(?:study|report|survey|analysis|research|researchers|review|paper|team|authors|scientists)$"
)
_PERSON_OFFICE_AT_END_RE = re.compile(
    r"\b(?:the|The)\s+(" + "|".join(PERSON_ROLE_NOUNS) + r")['’]s\s+(?:press\s+)?office$"
)
_FOREIGN_DESCRIPTION_AT_END_RE = re.compile(rf"(?<![\w'’])(?:{FOREIGN_DESCRIPTION_RE.pattern})$")
# What a verb of saying reports before evidence it cites: "said that a survey by …".
_REPORTS_EVIDENCE_RE = re.compile(
    r"\s*(?:that\s+)?(?:(?:an?|the|its|their|new|latest|recent|separate)\s+)*$"
)
# A party and state or constituency after a name: "Sen. Dan Okafor (R-Ohio)", "(Lab)".
_PRONOUNS_AT_END = frozenset(
    {"he", "she", "it", "they", "il", "elle", "él", "ella", "er", "sie"}
    | languages.words("pronouns")
)
_PARTY_RE = re.compile(r"\s*\((?:[RDI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?|[A-Z][a-z]{1,8}\.?)\)$")


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
    if source is not None and source.group(1) and _ends_with_role(source.group(1)):
        named = _DESCRIBED_THEN_NAME_RE.match(text[source.end() :])
        if named is not None and claimant_type(strip_titles(named.group(1))) == "person":
            return _clean_name(named.group(1), context, previous)  # "…'s chief economist, X,"
    if source is not None:
        inner = _attributed_speaker(text[source.end() :], context, previous)
        author = evidence_author(source.group(1) or source.group(2))
        author = kind_then_name(author) or author  # "market research firm Shelfwise Research"
        leading = _clean_name(author, context, previous)
        return inner or leading
    found = _attributed_speaker(text, context, previous) or described_speaker(text, context)
    view = "" if found else view_holder(text)  # "Pour le docteur X, « … »"
    if view and claimant_type(strip_titles(view)) in {"person", "organisation"}:
        return _clean_name(view, context, previous)
    return found


def introducer(sentence: str, context: str = "", previous: str = "") -> str:
    """Who a sentence ending in a colon introduces as the author of what follows ("Mr Rees
    posted this shortly after the vote:", "The council wrote on its website:"), or ""."""
    found = _INTRODUCER_RE.match(sentence[:_NP_WINDOW])
    if found is None:
        return ""
    return _clean_name(_subject_before(found.group(1)), context[-CONTEXT_WINDOW:], previous)


def _ends_with_role(description: str) -> bool:
    """ "Nortrail's chief economist": a person's role ends the description."""
    words = description.split()
    return bool(words) and words[-1].islower() and words[-1] in PERSON_ROLES


def _attributed_speaker(text: str, context: str, previous: str) -> str:
    masked = _QUOTE_RE.sub(lambda match: " " * len(match.group()), text)
    german = _GERMAN_SOURCE_RE.search(masked)
    if german is not None:  # "…, wie das Statistische Bundesamt mitteilte."
        return _clean_name(german.group("body") or german.group("body2"), context, previous)
    post = POST_AUTHOR_RE.search(masked)
    if post is not None:  # "A Facebook post by X, who runs …, claims that"
        return _clean_name(post.group("author"), context, previous)
    trailing = _TRAILING_ATTRIBUTION_RE.search(masked.rstrip())
    if trailing is not None:
        speaker = _subject_before(masked[: trailing.end(1)])
        if speaker:  # "X will close …, the company said": X before any earlier company
            name = _business(speaker, text)
            name = _clean_name(name, _with(context, text[: trailing.start(1)]), previous)
            return _business(name, text)
    if EVIDENCE_OPENING_RE.match(masked):  # "The report found …": whose report?
        return evidence_author_before(context)
    if FOREIGN_EVIDENCE_OPENING_RE.match(masked):  # "El informe señala que …"
        author = foreign_evidence_author_before(context, _SENTENCE_WINDOW * 3)
        return _clean_name(author, context, previous) if author else ""
    evidence = EVIDENCE_SUBJECT_RE.search(masked) if EVIDENCE_VERB_RE.search(masked) else None
    for verb in CLAIMANT_VERBS_RE.finditer(masked):
        if evidence is not None and evidence.start() < verb.start():
            break
        local = _with(context, text[: verb.start()])
        if verb.group().lower() in SOURCE_PHRASES:
            after = without_article(masked[verb.end() :])  # "volgens het Planbureau X"
            author = evidence_author(after)
            found = kind_then_name(author) or name_at_start(author)
            if author != after.strip(" ,:"):  # "according to a poll by Opinium for The Observer"
                found = without_commissioner(found)
            found = found or body_noun_at_start(author)
            return _business(_clean_name(found, context, previous), text)
        cited = evidence is not None and evidence.start() > verb.start()
        if cited and _REPORTS_EVIDENCE_RE.match(masked, verb.end(), evidence.start()):
            break  # "X said that a survey by Y had found that …": Y's finding
        if "-t-" in verb.group():  # "a-t-il déclaré"
            return _clean_name(verb.group().split("-")[2].split()[0], local, previous)
        head = _PARTICIPLE_APPOSITIVE_RE.sub("", masked[: verb.start()])
        # "…, told the court the pair had …": whom a speaker told, followed by what, is never
        # the speaker ("…, told the official." ending the sentence is).
        told = _TOLD_RE.match(verb.group()) and len(masked[verb.end() :].split()) > 8
        told = told or reports_clause(masked[verb.end() :])  # "…, said the board had …"
        inverted = _INVERTED_RE.search(head) is not None and not told
        if inverted and not _APPOSITIVE_RE.search(head[-_NP_WINDOW:].rstrip()):
            after = name_after_verb(masked[verb.end() :])  # "…, a indiqué Bercy."
            after = after or pronoun_after(masked[verb.end() :])  # "…’, zegt hij."
            after = after or body_at_start(masked[verb.end() :])  # "…, uppger bolaget."
            if after:
                return _clean_name(after, local, previous)
        before = _subject_before(head)
        if before:
            return _clean_name(before, local, previous)
        if inverted:
            return _clean_name(name_after_verb(masked[verb.end() :]), local, previous)
    if evidence is not None:
        return _clean_name(evidence_subject(evidence), context, previous)
    cited = cited_evidence(masked)  # "Uit onderzoek van het Planbureau X blijkt dat"
    if cited:
        return _clean_name(cited, context, previous)
    finder = _BODY_FOUND_RE.match(masked)
    if finder is not None:  # "The National Audit Office found the scheme cost …"
        body = tidy(finder.group(1))
        if claimant_type(body) == "organisation":
            return _clean_name(body, context, previous)
    introduced = _INTRODUCED_QUOTE_RE.match(text)
    if introduced is not None:  # "The minister continued: “…”", "Mr Rees went on: “…”"
        words = introduced.group(1).split()
        for verb_words in (1, 2):
            speaker = _subject_before(" ".join(words[:-verb_words]))
            if speaker and words[-1].islower():
                return _clean_name(speaker, context, previous)
    return _clean_name(participle_speaker(masked), context, previous)  # "X vetoed …, saying"


def _business(name: str, text: str) -> str:
    """ "the company" ("…, the company said", "according to figures published by the
    company") → the business the sentence opens with, when it does; else `name`."""
    if name.lower().removeprefix("the ") in BUSINESS_NOUNS:
        return _sentence_subject(text) or name
    return name


def _sentence_subject(text: str) -> str:
    """The name opening a sentence as its subject ("Northsea Ferries is to cut …"); "" when
    the sentence opens otherwise ("In London, …", "Smith's firm …")."""
    found = NAME_AT_START_RE.match(text.lstrip(' "“‘'))
    if found is None or not re.match(r" [a-z]", text.lstrip(' "“‘')[found.end() :]):
        return ""
    name = tidy(found.group(1))
    if name in DETERMINERS or re.search(r"['’]s?$", name) or is_nationality(name):
        return ""
    # One capitalised word opening a sentence is as likely a common noun ("Sales fell …").
    clear = " " in name or claimant_type(name) == "organisation" or not name[1:].islower()
    return name if clear else ""


def _with(context: str, prefix: str) -> str:
    """The article before a verb: `context` and the sentence up to it ("Minister Gareth Lewis
    blamed …, which he said" finds "he" in the sentence itself)."""
    return f"{context}\n{prefix}" if prefix.strip() else context


def _subject_before(text: str) -> str:
    """The noun phrase ending `text`, past auxiliaries, appositives and ", which …," clauses."""
    tail = text[-_NP_WINDOW:].rstrip()
    tail = STUDY_PARTICIPLE_RE.sub("", tail)
    tail = _TRAILING_FILLER_RE.sub("", tail)
    inner = _CLAUSE_PRONOUN_RE.search(tail)
    if inner is not None:  # "…, which he said had …": the pronoun is the subject
        return inner.group(1)
    appositive = _APPOSITIVE_RE.search(tail)
    if appositive is not None:
        named = NAME_AT_END_RE.search(tail[: appositive.start()])
        if named is not None and claimant_type(strip_titles(named.group(1))) != "person":
            outer = _subject_before(tail[: appositive.start()] + ",")  # "X, a fellow at Y, a …,"
            return outer if claimant_type(strip_titles(outer)) == "person" else named.group(1)
        if named is not None:
            return named.group(1)
    tail = _AGE_RE.sub("", _RELATIVE_CLAUSE_RE.sub("", tail).rstrip(" ,"))
    tail = _PARTY_RE.sub("", strip_acronym(tail))
    study = _STUDY_AT_END_RE.search(tail)
    if study is not None and study.group(1) not in DETERMINERS:
        return study.group(1)
    described = _EVIDENCE_DESCRIPTION_RE.search(tail)
    if described is not None:  # "The study (also)", "the researchers": whose evidence?
        return described.group()
    name = NAME_AT_END_RE.search(tail)
    if name is not None:
        return name.group(1)
    kind = _NAME_THEN_KIND_AT_END_RE.search(tail)
    if kind is not None and kind.group(1) not in DETERMINERS:  # "the X think tank"
        return kind.group(1)
    spokesperson = _ORG_SPOKESPERSON_AT_END_RE.search(tail)
    if spokesperson is not None:
        owner = spokesperson.group(1) or without_possessive(spokesperson.group(2))
        body = drop_evidence_adjectives(owner)
        if not is_nationality(body):
            return body
    officer = _BODY_OFFICER_AT_END_RE.search(tail)
    if officer is not None and officer.group(1) in ORGANISATION_NOUNS | BUSINESS_NOUNS:
        return f"the {officer.group(1)}"
    office = _PERSON_OFFICE_AT_END_RE.search(tail)
    if office is not None:  # "the governor's office" speaks for the governor named before
        return f"the {office.group(1)}"
    role = _ROLE_AT_END_RE.search(tail)
    if role is not None:
        return role.group()
    person_role = _PERSON_ROLE_AT_END_RE.search(tail)
    if person_role is not None:
        return person_role.group()
    foreign = _FOREIGN_DESCRIPTION_AT_END_RE.search(tail[-80:])
    if foreign is not None:  # "Nella stessa nota l'ente (precisa)": the body named before
        return foreign.group()
    body = body_at_end(tail)  # "Het bedrijf (zegt)", "Bolaget (uppger)"
    if body:
        return body
    last = tail[-12:].split()[-1:]  # "he", "she", "hij", "hon": a pronoun ending the words
    return last[0] if last and last[0].lower() in _PRONOUNS_AT_END else ""


def _clean_name(phrase: str, context: str, previous: str) -> str:
    phrase = tidy(strip_acronym(without_article(phrase.strip(" ,.;:"))))
    lowered = phrase.lower()
    if lowered in PERSON_PRONOUNS:
        return last_person(context, lowered)
    if lowered in BODY_NOUNS:  # "het bedrijf", "bolaget": the body named before
        return unnamed_body(lowered, context, previous) or previous
    if is_prefixed_surname(phrase):  # "aldus Van Dijken" → "Marloes van Dijken"
        full = full_name_before(phrase.split()[-1], context)
        return full if full.lower().endswith(lowered) else phrase
    if lowered in GROUP_PRONOUNS:
        return previous
    if not phrase or (lowered in PRONOUNS and not phrase.isupper()):
        return ""
    phrase = re.sub(r"^(?:the|a|an|A|An)\s+(?=\S+\s+\S)", "", without_role(phrase))
    words = phrase.split()
    description = words[1:] if words[0] in _ARTICLES else words
    if is_described_authority(description):  # "the water authority": a body, not an official
        resolved = resolve_description(description, context)
        if resolved:
            return resolved
    if words[-1].lower() in ANONYMOUS_ROLES and not is_named_authority(words):
        return resolve_role(words, context)
    held = role_holder(role_words(phrase), context)  # "the Town Clerk", "la prima cittadina"
    if held:
        return held
    if words[0] == "The" and len(words) > 1 and all(is_title(word) for word in words[1:]):
        titled = resolve_person_role([word.lower() for word in words[1:]], context)
        if titled:  # "The Chief Constable said" → "Chief Constable Sarah Blake" before
            return titled
    if _EVIDENCE_DESCRIPTION_RE.fullmatch(phrase if len(words) > 1 else f"the {phrase}"):
        return evidence_author_before(context) or phrase
    if len(description) == 1 and description[0].lower() in ORGANISATION_NOUNS and words[0] == "The":
        resolved = resolve_description([description[0].lower()], context)  # "The Bank said"
        if resolved:
            return resolved
    if words[-1].lower() in ORGANISATION_NOUNS and not any(w[:1].isupper() for w in description):
        resolved = resolve_description(description, context)
        return resolved or unnamed_body(words[-1].lower(), context, previous) or phrase
    foreign = FOREIGN_DESCRIPTION_RE.fullmatch(phrase)
    if foreign is not None:  # "l'institut de la statistique" → the body named before
        return unnamed_body(foreign.group("noun"), context, previous) or phrase
    if words[-1].lower() in PERSON_ROLE_NOUNS and not any(w[:1].isupper() for w in description):
        return resolve_person_role(description, context)
    name = strip_title_words(person_without_affiliation(without_owner(words)))
    if " " not in name:  # "Ms Reeves", "Ford told CNN": a surname the article gave in full
        return full_name_before(name, context) or name
    return name
