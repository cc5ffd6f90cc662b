"""Whom a sentence does not name, looked up in the article before it (`context`). Pure.

    "the authority" / "the official" → the nearest "<Nationality> official" ("Turkish official")
    "the ministry", "the health board" → the nearest earlier organisation name holding the
                  head noun ("board"), else sharing a word with it
    "the charity", "l'institut" → the body the article described so ("X, a charity that …"),
                  else the previous claim's claimant when no person (or credited to it before)
    "the opposition leader", "The Chief Constable" → the nearest earlier person given that role
    "he", "she", "il", "elle" → the nearest earlier person (a name after a title or role, or
                  before an appositive: "Dr Maria Kontou, the head of …")
    "Ms Reeves" → the nearest earlier full name ending in the surname
    "the study", "the report" → the author of the nearest earlier study or report named
Look-ups read at most CONTEXT_WINDOW, DESCRIPTION_WINDOW or PERSON_WINDOW characters back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extraction.claimant_names import (
    claimant_type,
    is_title,
    strip_acronym,
    strip_titles,
)
from factcheck.extraction.claimant_patterns import (
    DETERMINERS,
    NAME,
    NAME_RE,
    NAME_TOKEN,
    drop_evidence_adjectives,
    is_time_word,
    person_without_affiliation,
    strip_title_words,
    tidy,
    without_possessive,
)
from factcheck.extraction.lexicon import (
    CANONICAL_ROLE,
    ORGANISATION_NOUNS,
    PERSON_ROLES,
    TITLE_WORDS,
)

CONTEXT_WINDOW = 20_000  # how far back an unnamed "the official" is looked up
PERSON_WINDOW = 3_000  # how far back "she" is looked up
DESCRIPTION_WINDOW = 6_000  # how far back "the ministry" is looked up
_PRIOR_ROLE_RE = re.compile(
    rf"\b(?!(?:The|A|An|This|That|Another|One|Each)\b)({NAME_TOKEN})\s+"
    r"(?:(?:senior|top|government|security|military)\s+)*(authority|official)\b"
)
# "minister Jane Doe", "Dr Jane Doe", "le ministre de l'Économie, Antoine Ferrand", "the
# leader of the opposition, Sarah Pennington": a role (and what it is of) before the name.
_PERSON_CUE_BEFORE_RE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(PERSON_ROLES)) + r")(?:\s+(?:of|de|du|des|del|for)\b"
    r"[^,.;:\n]{0,40},)?|\b(?:Dr|Mr|Mrs|Ms|Prof)\.?)\s*$",
    re.I,
)
_PERSON_CUE_AFTER_RE = re.compile(
    r"^\s*,\s*(?:the|a|an)\s+\S"  # an appositive: "Dr Maria Kontou, the head of …"
    r"|^\s*,\s*(?:[\w'’-]+\s+){0,2}(?:"
    + "|".join(sorted(PERSON_ROLES))
    + r")\b"  # "Bruno Le Maire, ministre de l'Économie", "Jane Doe, chief economist at"
    r"|^\s*,?\s+(?:said|says|told|added|argued|insisted|warned|claimed|wrote|explained)\b"
    r"|^\s+(?:estimates|estimated|believes|expects|predicts|thinks)\s+that\b"
    # "Ann Lee, whose son attends the school, told …": a person's "who"/"whose" clause
    r"|^\s*,\s*(?:who|whose)\b[^,.;:\n]{1,100},\s*(?:said|says|told|added|argued|warned)\b"
    # "Anna Whitford, prosecuting for the council, told …", "X, speaking on radio, said …"
    r"|^\s*,\s*[a-z]+ing\b[^,.;:\n]{0,80},\s*(?:said|says|told|added|argued|warned)\b"
)
# An age in parentheses after a name: "Fatima el Amrani (19) uit Eeskerveen" is a person.
_AGE_AFTER_RE = re.compile(r"^\s*\(\d{1,3}\)")
_PARTICLE_BEFORE_RE = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]+\s+(?:el|al|van|de|der|den|von|da|di|du|ter|ten|bin|ibn)"
    r"(?:\s+(?:der|den|de))?\s+)$"
)
# A name inside a ", who/whose/which …" clause is not the clause's subject.
_INSIDE_RELATIVE_RE = re.compile(r",\s+(?:who|whose|which)\s+[^,.;:\n]*$")
# Abbreviated titles and the roles they give: "Sen. Maria Lopez" is "the senator".
_ABBREVIATED_ROLES = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "prof": "professor",
    "cllr": "councillor",
    "pres": "president",
    "gen": "general",
    "dr": "doctor",
}
# A title giving a person's sex: "she" is never "Mr Gray", "he" never "Ms Reeves".
_MALE_TITLES = frozenset("Mr Mr. Sir Lord Monsieur M. Señor Sr. Don Herr".split())
_FEMALE_TITLES = frozenset(
    "Mrs Mrs. Ms Ms. Miss Dame Lady Madame Mme Mlle Señora Sra. Srta. Doña Frau".split()
)
_EVIDENCE_AUTHOR_RE = re.compile(
    rf"\b(?:stud(?:y|ies)|report|survey|analysis|research|review|paper|trial|poll)\b"
    rf"[^.\n]{{0,60}}?\b(?:by|from|at)\s+(?:(?:researchers|scientists|a team|academics)\s+"
    rf"(?:at|from)\s+)?(?:the\s+)?({NAME})"
    rf"|(?:researchers|scientists|a team|academics)\s+(?:at|from)\s+(?:the\s+)?({NAME})"
    rf"|({NAME})['’]s?\s+(?:[a-z][\w-]*\s+){{0,3}}?"
    r"(?:stud(?:y|ies)|report|survey|analysis|research|review|paper|poll)\b"
    # "a report published by the county council": a body the article named before
    r"|\b(?:stud(?:y|ies)|report|survey|analysis|review|paper|poll)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:by|from)\s+the\s+(?P<body>(?:[a-z]+\s+){0,2}?(?:"
    + "|".join(sorted(ORGANISATION_NOUNS))
    + r"))\b"
)


def unnamed_body(noun: str, context: str, previous: str) -> str:
    """'the charity', 'l'association' → the nearest earlier name the article described with
    that noun ("Safe Streets Trust, a charity that …"), else the previous claim's claimant
    unless a person ("Insee" before "a précisé l'institut") or one the article credited to
    the same description before (_credited_as), else ""."""
    described = list(_described_as(noun).finditer(context[-DESCRIPTION_WINDOW:]))
    described = [match for match in described if not is_time_word(tidy(match.group(1)))]
    if described:
        return tidy(described[-1].group(1))
    if not previous:
        return ""
    if claimant_type(previous) != "person" or _credited_as(previous, noun, context):
        return previous
    return ""


def _credited_as(name: str, noun: str, context: str) -> bool:
    """Whether a sentence before credits its claim about `name` to "the `noun`" ("Wexley
    Town will leave …, the club confirmed"): a name of two words is then no person's."""
    return (
        re.search(
            rf"{re.escape(name)}\b[^.\n]{{0,300}},\s+the\s+{re.escape(noun)}\s+[a-z]+",
            context[-DESCRIPTION_WINDOW:],
        )
        is not None
    )


@lru_cache(maxsize=64)
def _described_as(noun: str) -> re.Pattern[str]:
    return re.compile(
        rf"({NAME})(?:\s*\([^)\n]{{1,40}}\))?,\s+(?:a|an|the|une?|la|le|l['’]|el|los|las)\s*"
        rf"(?:[\w'’-]+\s+){{0,3}}?{re.escape(noun)}\b(?![\w'’-])"
        r"(?!\s+(?:said|says|added|stated|noted|confirmed|warned|reported|announced|"
        r"estimated|explained|told|argued|insisted)\b)"
    )


def full_name_before(surname: str, context: str) -> str:
    """'Reeves' after a title ("Ms Reeves") → the nearest earlier full name ending in it
    ("Chancellor Rachel Reeves" → 'Rachel Reeves'), or ""."""
    if not surname[:1].isupper() or surname not in context:
        return ""
    for match in reversed(list(NAME_RE.finditer(context[-PERSON_WINDOW:]))):
        words = tidy(match.group()).split()
        if len(words) < 2 or words[-1].rstrip(".,") != surname:
            continue
        name = strip_titles(" ".join(words)).rstrip(".,")
        if " " in name and claimant_type(name) == "person":
            return name
    return ""


def resolve_role(words: list[str], context: str) -> str:
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


def resolve_description(words: list[str], context: str) -> str:
    """'the health board' → the nearest earlier organisation name holding its head noun
    ('Glanmor University Health Board'), the one sharing most of its words first; failing
    that, the nearest sharing any word with it ('the statistics institute'). Long words
    match by their stem (_stem): 'the regulator' → 'Office of Energy Regulation'."""
    wanted = {_stem(word) for word in words if word.lower() not in {"the", "a", "an"}}
    head = _stem(words[-1])
    window = context[-DESCRIPTION_WINDOW:]
    if not any(word in window.lower() for word in wanted):
        return ""
    best, best_rank = "", (0, 0)
    for match in reversed(list(NAME_RE.finditer(window))):
        name = without_possessive(tidy(strip_acronym(match.group().rstrip(".,"))))
        tokens = {_stem(token) for token in name.split()}
        if not tokens & wanted or claimant_type(name) != "organisation" or len(tokens) < 2:
            continue
        if tokens - {"the", "a", "an"} <= wanted:  # the description itself ("The Bank")
            continue
        rank = (int(head in tokens), len(tokens & wanted))
        if rank > best_rank:
            best, best_rank = name, rank
    return best


def _stem(word: str) -> str:
    """A word's first six letters, lower-cased, for a long word: "the regulator" is the
    "Office of Energy Regulation", "the companies" a "Company"."""
    lowered = word.lower().strip(".,")
    return lowered[:6] if len(lowered) > 6 else lowered


def evidence_author_before(context: str) -> str:
    """'the study', 'the researchers' → the author of the nearest earlier study or report the
    article names ("a study by researchers at the University of Kingsbridge", "the Premier
    League's annual report"), or ""."""
    found = list(_EVIDENCE_AUTHOR_RE.finditer(context[-DESCRIPTION_WINDOW:]))
    for match in reversed(found):
        if match.group("body"):
            words = match.group("body").split()
            resolved = resolve_description(words, context[: match.start()])
            if resolved:
                return resolved
            continue
        author = match.group(1) or match.group(2) or without_possessive(match.group(3))
        name = drop_evidence_adjectives(tidy(strip_acronym(author.rstrip(".,"))))
        if name in DETERMINERS or is_time_word(name):
            continue
        # "a survey by Northmoor Public Health": after "by", any name is the author; before
        # "'s report", only an organisation's ("Smith's report" may be anyone's).
        if match.group(3) is None or claimant_type(name) == "organisation":
            return name
    return ""


def resolve_person_role(words: list[str], context: str) -> str:
    """'the opposition leader' → the nearest earlier person the article gave that role, before
    the name ("Opposition leader Peter Dutton", "the leader of the opposition, Sarah
    Pennington") or in an appositive after it ("Sarah Pennington, the opposition leader")."""
    role = words[-1].lower()
    window = context[-PERSON_WINDOW:]
    for match in reversed(list(NAME_RE.finditer(window))):
        name = strip_titles(tidy(match.group()))
        if claimant_type(name) != "person" or name == match.group().lower():
            continue
        if all(is_title(word) or word in DETERMINERS for word in name.split()):
            continue  # "The Chief Constable": the description itself, no one's name
        before = window[max(0, match.start() - 60) : match.start()].lower()
        after = window[match.end() : match.end() + 100]
        appositive = after.split(".")[0].lower() if after.lstrip(" ")[:1] in ",(" else ""
        own = {word.lower().strip(".,") for word in match.group().split()}
        own |= {_ABBREVIATED_ROLES.get(word, word) for word in own}  # "Sen." → senator
        clause = re.split(r"(?<=[a-z\d])[.!?]\s", before)[-1]  # never across a sentence end
        near = [word.strip(",.;:") for word in clause.split()[-8:]]
        if role in own or role in near or role in _words(appositive)[:12]:
            return name
    return ""


def _words(text: str) -> list[str]:
    """Words of `text` with an elided article split off ("dell'università" → "dell",
    "università") and punctuation stripped."""
    return [word.strip(",.;:()") for word in re.split(r"[\s'’]+", text) if word]


def last_person(context: str, pronoun: str = "") -> str:
    """The nearest earlier name marked as a person by a title or role before it, or an
    appositive or a verb of saying after it ("Dr Maria Kontou, the head of …", "Maria Lopez
    said …"); for `pronoun` "she"/"elle" none titled "Mr", for "he"/"il" none titled "Ms"."""
    window = context[-PERSON_WINDOW:]
    other_sex = {
        "she": _MALE_TITLES,
        "elle": _MALE_TITLES,
        "he": _FEMALE_TITLES,
        "il": _FEMALE_TITLES,
        "lui": _FEMALE_TITLES,
        "él": _FEMALE_TITLES,
        "er": _FEMALE_TITLES,
        "ella": _MALE_TITLES,
        "sie": _MALE_TITLES,
    }.get(pronoun.lower(), frozenset())
    for match in reversed(list(NAME_RE.finditer(window))):
        before, after = window[: match.start()], window[match.end() :]
        words = match.group().split()
        tail = before[-120:]
        if set(words) & other_sex or (", wh" in tail and _INSIDE_RELATIVE_RE.search(tail)):
            continue  # "X, whose children attend Hollin Lane, told …": Hollin Lane is no one
        # "Tom Reed of Harlow Economics estimates that …": the person, not the firm
        name = strip_title_words(person_without_affiliation(tidy(match.group()).split()))
        if any(word in TITLE_WORDS for word in words) or _PERSON_CUE_BEFORE_RE.search(tail):
            if claimant_type(name) != "organisation":
                return name
        elif _AGE_AFTER_RE.match(after) and claimant_type(name) != "organisation":
            particle = _PARTICLE_BEFORE_RE.search(before)  # "Fatima el Amrani (19)"
            return particle.group(1) + name if particle is not None else name
        elif _PERSON_CUE_AFTER_RE.match(after) and claimant_type(name) == "person":
            return name  # dates, places and bodies precede these too: only a personal name
        elif " " not in name and _PERSON_CUE_AFTER_RE.match(after):
            full = full_name_before(name, before)  # "Solberg said …" after "Ingrid Solberg"
            if full:
                return full
    return ""
