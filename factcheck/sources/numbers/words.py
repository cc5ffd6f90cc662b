"""Words around a figure: concepts, the two sides of its clause, names, roles and kinds, the
shapes of a noun phrase (plurals, participles, passives). Pure — no Django."""

from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache

from factcheck.sources.numbers import lexicon as lex
from factcheck.sources.numbers.acts import ACTS

_MARK = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|,")  # a word or a comma
_SENTENCE_END = re.compile(r"[.!?;](?=[\s\"'”’)\]]|$)|\n")
_REPORTING = frozenset(
    """said says say show shows showed found finds according estimates estimated reported
    reports told announced""".split()
)
_SEPARATORS = frozenset({",", "and", *lex.CLAUSE_WORDS})
_MONTHS = frozenset(m.lower() for m in lex.MONTHS)
_DETERMINERS = frozenset("the a an all its their his her our these those".split())
_PHRASE_PREPOSITIONS = frozenset("to from of for in on at with".split())
_PERSON_CONCEPTS = frozenset(lex.CONCEPTS.get(w, w[:-1]) for w in lex.PERSON_GROUPS) | {"people"}
_NAME_PREPOSITIONS = frozenset(
    """in at on to from across near of for by with within throughout into off over under between
    among against outside inside around""".split()
)
# A sentence's first word with these endings is a common noun far more often than a name.
_NOUN_ENDINGS = tuple(
    """ing ed tion sion ment ity ance ence ship ure ism age ers ors ists ings tions sions ments
    ities ances ences ships ures isms ages""".split()
)
_NOT_NAMES = lex.TITLES | lex.GENERIC | lex.STOP_RUN | lex.CLAUSE_WORDS | lex.ROLES | _MONTHS
_INITIAL = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘(\[]*$")  # what precedes a sentence's first word
_PAID = frozenset("paid pay pays paying put puts poured pours pumped".split())
_PASSIVE_AUXILIARIES = frozenset("is are was were be been being get got".split())


@lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """A word's concept: from the lexicon, else its light stem ('visitors' → 'visitor')."""
    word = word.lower().replace("’", "'")
    if word in lex.CONCEPTS:
        return lex.CONCEPTS[word]
    if word in lex.DEMONYMS and word != "us":
        return lex.DEMONYMS[word]  # "Chinese exports" are exports of China
    if word.endswith("'s"):
        return concept(word[:-2])  # "the household's bill" is a household's
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return lex.CONCEPTS.get(word[:-1], word[:-1])
    return word


_ROLES = frozenset(concept(w) for w in lex.ROLES)


_ROLES = frozenset(concept(w) for w in lex.ROLES)


def is_person_concept(name: str) -> bool:
    """Whether a head names people (generic or a group): those need a shared topic to pair."""
    return name in _PERSON_CONCEPTS


def _left_words(words: list[tuple[str, int, int]], before: int) -> list[tuple[str, int, int]]:
    """The left side of a clause: after another figure's separator, a 'while', an attribution."""
    cut, waiting = 0, False
    for k, (word, start, _) in enumerate(words):
        lower = word.lower()
        if start < before:
            cut, waiting = k + 1, True
        elif waiting and lower in _SEPARATORS:
            cut, waiting = k + 1, False
        elif lower in lex.CLAUSE_WORDS or lower in _REPORTING:
            cut = k + 1
    return words[cut:]


def _right_words(
    words: list[tuple[str, int, int]], after: int, end: int, *, through: bool = False
) -> list[tuple[str, int, int]]:
    """The right side of a clause: up to the separator before another figure (one before ``end``,
    even the sentence's last words: "… by 80 percent and admissions by 60 percent"), a 'while',
    or the comma that opens an attribution ('…, the ministry said')."""
    kept: list[tuple[str, int, int]] = []
    next_figure = after < end
    for word, start, _ in words:
        lower = word.lower()
        if start >= after or (lower in lex.CLAUSE_WORDS and not (through and lower == "against")):
            break
        if next_figure and lower in _SEPARATORS:
            break
        if lower in _REPORTING:
            last_comma = max((k for k, t in enumerate(kept) if t[0] == ","), default=-1)
            if last_comma >= 0:
                return kept[:last_comma]
            continue  # "51 percent of nurses said they would leave": what they said is topic
        kept.append((word, start, 0))
    return kept


def _after_preposition(tokens: list[tuple[str, int, int]], k: int, last: int) -> bool:
    """Whether the word at ``k`` opens a name (not continuing one) after a preposition."""
    if last == k - 1:
        return False
    back = k - 1
    while back >= 0 and tokens[back][0].lower() in _DETERMINERS:
        back -= 1
    return back >= 0 and tokens[back][0].lower() in _NAME_PREPOSITIONS


def _common_word(word: str, lower: str, text: str, start: int) -> bool:
    """A lowercase word, or a capitalised one only at a sentence's start, not a country's."""
    if lower in lex.DEMONYMS or (len(word) > 1 and word.isupper()):
        return False
    return word.islower() or bool(_INITIAL.search(text, max(0, start - 6), start))


def _name_word(word: str, lower: str, possessive: bool) -> bool:
    """A capitalised word that is not a lexicon word, month, role or group of people."""
    if not word[:1].isupper() or len(lower) < 2:
        return False
    if lower in _NOT_NAMES or lower in lex.CONCEPTS or lower in lex.EXCLUSIVE_KINDS:
        return False
    return possessive or concept(lower) not in _PERSON_CONCEPTS


def _direction(word: str) -> str:
    """'up', 'down', 'compared' ("7 percent more than": which way depends on the sides), ''."""
    if word in lex.COMPARATIVES:
        return "compared"
    return "up" if word in lex.CHANGE_UP else "down" if word in lex.CHANGE_DOWN else ""


def _per(words: list[str]) -> str:
    """'GDP per capita', 'spending per pupil': what the figure is per, anywhere in its clause."""
    for k, word in enumerate(words[:-1]):
        if word in ("per", "each", "every") and words[k + 1] not in ("cent", "percent"):
            following = concept(words[k + 1])
            return "person" if following in _PERSON_CONCEPTS | {"capita", "head"} else following
    return ""


def _kinds(words: list[str]) -> frozenset[str]:
    """The exclusive kinds (lexicon ``EXCLUSIVE_KINDS``) and roles the clause names."""
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]  # "women's pay"
    kinds = {k for w in words if w in lex.EXCLUSIVE_KINDS for k in lex.EXCLUSIVE_KINDS[w].split()}
    kinds |= {"marked:" + lex.MARKED[w] for w in words if w in lex.MARKED}
    if any(w in _PAID and n == "into" for w, n in zip(words, words[1:], strict=False)):
        kinds = kinds - {"flow:out"} | {"flow:in"}  # "paid €2bn into the budget": money in
    kinds |= {lex.PAIR_KINDS[p] for p in zip(words, words[1:], strict=False) if p in lex.PAIR_KINDS}
    kinds |= {"act:" + act for w in words for act in ACTS.get(w, ())}
    return frozenset(kinds | {"role:" + concept(w) for w in words if _is_role(w)})


def _is_role(word: str) -> bool:
    """A people-word naming what they do: the lexicon's roles, and '-men' words ("fishermen",
    "firemen"; not "women"/"men", which name a sex)."""
    return concept(word) in _ROLES or (len(word) > 5 and word.endswith("men") and word != "women")


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (position, math.inf)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _phrases(words: list[str]) -> set[str]:
    """Concepts two words name together ("voters turned out" → turnout), and second concepts
    of single words ("population")."""
    lowered = [w.lower() for w in words]
    pairs = zip(lowered, lowered[1:], strict=False)
    found = {lex.PHRASES[p] for p in pairs if p in lex.PHRASES}
    return found | {lex.ALSO_NAMES[w] for w in lowered if w in lex.ALSO_NAMES}


def _adjective_before_noun(word: str, following: list[str]) -> bool:
    """A participle or plain adjective right after a figure that a plural noun follows within
    two words ("confirmed flu cases", "reported cases", "new homes"): it describes the noun
    counted, it is not the noun. A participle that names a concept ("2,000 displaced people")
    is kept: it says who is counted."""
    if word in lex.CONCEPTS or word in lex.EXCLUSIVE_KINDS or word in lex.MARKED:
        return False
    if not (word.endswith("ed") or word in lex.PARTICIPLES or word in lex.PLAIN_ADJECTIVES):
        return False
    for other in following:
        lower = other.lower()
        if lower in lex.STOP_RUN or lower in _PHRASE_PREPOSITIONS or lower in _DETERMINERS:
            return False
        if _plural(lower):
            return True
    return False


def _passives(words: list[str]) -> set[str]:
    """What was done to the thing counted: the participle after 'were', 'had been' …
    ("46 percent of homes had been damaged" → damaged); other participles are no topic."""
    lowered = [w.lower() for w in words]
    return {
        concept(w)
        for before, w in zip(lowered, lowered[1:], strict=False)
        if before in _PASSIVE_AUXILIARIES and w.endswith("ed") and w not in lex.GENERIC
    }


def _plural(word: str) -> bool:
    """A plural noun (it ends a compound: 'measles cases', 'retail sales'): its concept is its
    stem, not itself ('measles', 'news' stand for themselves)."""
    if word.endswith(("'s", "’s")):
        return False  # "the town's homes": a possessive opens the compound
    return concept(word) == "people" or (word.endswith("s") and concept(word) != word)


@lru_cache(maxsize=65536)
def _topical(word: str) -> bool:
    """A content word; a past participle only when it names a concept ("vaccinated", "fled")."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]  # "November's retail sales", "next year's borrowing": a time
    if len(lower) < 2 or lower in lex.GENERIC or lower in _MONTHS:
        return False
    if lower in lex.LIGHT_VERBS:
        return False  # "goes", "gets", "takes": a verb says nothing of what is counted
    return not lower.endswith("ed") or lower in lex.CONCEPTS
