"""Check-worthiness of a sentence and the kind of claim it makes. Deterministic and pure.

checkworthiness(sentence) starts from BASE = 0.10, adds or subtracts the weight of every
feature present (each counts once) and clamps the sum to [0, 1]:

    +0.35  figures: numbers, quantities, percentages, money ("3.7 million", "2.5%", "two rounds")
    +0.15  dates and times: months, weekdays, years, clock times, "last week", "two weeks"
    +0.20  names: a capitalised word that does not start the sentence, or a nationality
           adjective anywhere ("Turkish", "Syrian")
    +0.25  attribution: said, says, told, stated, announced, revealed, acknowledged,
           according to, as per, … (see lexicon.ATTRIBUTION_VERBS)
    +0.10  comparison: comparatives and superlatives ("more than", "largest", "worst", "doubled")
    -0.30  opinion or hedging in the writer's own voice: "I think", "we believe", "should",
           "must", "probably" — ignored when the sentence is attributed, because reported
           opinion ("X said leaders should …") is a checkable statement about X
    -0.40  question
    -0.50  call to action: subscribe, sign up, click, share this, follow us, newsletter, donate
    -0.30  first-person boilerplate: I, we, our, us, my in an unattributed sentence
    -0.60  author bio: "X is an advocate for …", "He believes …", "has dedicated his life …"
    -0.80  comment-form text: "Leave a Reply", "Your email address will not be published"
    -0.50  fragment: fewer than 5 words

A sentence without a single letter (a stray page number, "—", "2020: 3,000") scores 0.

A plain statistic such as "Turkey has taken in about 3.7 million Syrian refugees." scores
0.10 + 0.35 + 0.20 = 0.65; an opinion such as "I think we should do more." scores 0.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extraction import lexicon as lex

BASE = 0.10
WEIGHTS: dict[str, float] = {
    "figures": 0.35,
    "dates": 0.15,
    "names": 0.20,
    "attribution": 0.25,
    "comparison": 0.10,
    "hedging": -0.30,
    "question": -0.40,
    "call_to_action": -0.50,
    "first_person": -0.30,
    "author_bio": -0.60,
    "comment_form": -0.80,
    "fragment": -0.50,
}
KINDS = ("statistic", "quote", "event", "fact", "other")
MAX_ANALYSED_CHARS = 5_000  # a longer "sentence" is judged on its opening only

_DATE_RE = re.compile(
    rf"\b(?:{lex.MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{lex.MONTHS})"
    rf"|\b(?:{lex.WEEKDAYS})\b|\b(?:1[5-9]|20)\d\d\b(?!\s*(?:%|percent|per cent))"
    r"|\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\b|\b\d{1,2}:\d\d\b"
    r"|\b(?:yesterday|today|tomorrow|tonight|ago|(?:last|next|this|earlier this|later this)\s+"
    r"(?:week|month|year|decade|century|spring|summer|autumn|fall|winter))\b"
    rf"|\b(?:\d+|a|one|{lex.NUMBER_WORDS})[\s-]+(?:days?|weeks?|months?|years?|decades?)\b"
)
_FIGURE_RE = re.compile(rf"\d|[$€£¥%]|\b(?:{lex.SCALE_WORDS}|{lex.NUMBER_WORDS})\b")
_STATISTIC_RE = re.compile(rf"\d|[$€£¥%]|\b(?:{lex.SCALE_WORDS}|hundreds|thousands|millions)\b")
_LETTER_RE = re.compile(r"[^\W\d_]")
_TOKEN_RE = re.compile(r"[\w'’]+")
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’.-]*")
_QUOTED_SPEECH_RE = re.compile(r"“[^”]*\s[^”]*”|\"[^\"]*\s[^\"]*\"")
_PERSONAL_BIO_RE = re.compile(r"\W*(?:He|She|They)\s+(?:believes?|is passionate|loves?|enjoys?)\b")
_KIND_BLOCKERS = {"question", "call_to_action", "author_bio", "comment_form", "hedging"}


def checkworthiness(sentence: str) -> float:
    """Score in [0, 1] from the features in the module docstring; same input, same score."""
    return _score(_signals(sentence))


def classify_kind(sentence: str) -> str:
    """'statistic', 'event', 'quote', 'fact' or 'other' — the first that applies, in that order.

    'other' covers questions, opinion, calls to action, bios and comment forms.
    """
    return _kind(_signals(sentence))


def score_and_kind(sentence: str) -> tuple[float, str]:
    """checkworthiness and classify_kind together, analysing the sentence once."""
    signals = _signals(sentence)
    return _score(signals), _kind(signals)


def features(sentence: str) -> set[str]:
    """Names of the weighted check-worthiness features present in `sentence`."""
    return set(_signals(sentence) & WEIGHTS.keys())


def _score(signals: frozenset[str]) -> float:
    if "empty" in signals:
        return 0.0
    score = BASE + sum(WEIGHTS[name] for name in signals & WEIGHTS.keys())
    return round(min(1.0, max(0.0, score)), 4)


def _kind(signals: frozenset[str]) -> str:
    if "empty" in signals or signals & _KIND_BLOCKERS:
        return "other"
    for kind in ("statistic", "event", "quote"):
        if kind in signals:
            return kind
    return "fact" if signals & {"names", "dates", "figures"} else "other"


@lru_cache(maxsize=4096)  # pure; repeated lines (hostile input, boilerplate) cost nothing
def _signals(sentence: str) -> frozenset[str]:
    """Weighted features plus the kind markers 'statistic', 'event', 'quote' (and 'empty')."""
    text = sentence[:MAX_ANALYSED_CHARS].strip()
    if _LETTER_RE.search(text) is None:
        return frozenset({"empty"})
    tokens = _TOKEN_RE.findall(text)
    words = {token.lower() for token in tokens}
    lowered = [token.lower() for token in tokens]
    pairs = {f"{first} {second}" for first, second in zip(lowered, lowered[1:], strict=False)}
    undated = _DATE_RE.sub(" ", text)
    attributed = bool(words & lex.ATTRIBUTION_WORDS or pairs & lex.ATTRIBUTION_PAIRS)
    found = {
        "figures": bool(_FIGURE_RE.search(undated)),
        "dates": undated != text,
        "names": _has_names(text),
        "attribution": attributed,
        "comparison": bool(words & lex.COMPARISON_WORDS or pairs & lex.COMPARISON_PAIRS),
        "hedging": not attributed and bool(words & lex.HEDGING_WORDS or pairs & lex.HEDGING_PAIRS),
        "question": text.rstrip("\"'”’) ").endswith("?"),
        "call_to_action": _calls_to_action(lowered, words, pairs),
        "first_person": not attributed and not lex.FIRST_PERSON_TOKENS.isdisjoint(tokens),
        "author_bio": _is_bio(text, pairs),
        "comment_form": bool(words & lex.COMMENT_FORM_WORDS)
        and bool(lex.COMMENT_FORM_RE.search(text)),
        "fragment": len(text.split()) < 5,
        "statistic": bool(_STATISTIC_RE.search(undated)),
        "event": bool(words & lex.EVENT_WORDS or pairs & lex.EVENT_PAIRS),
        "quote": attributed or bool(_QUOTED_SPEECH_RE.search(text)),
    }
    return frozenset(name for name, present in found.items() if present)


def _calls_to_action(lowered: list[str], words: set[str], pairs: set[str]) -> bool:
    starts_with_share = lowered[:1] == ["share"]
    return starts_with_share or bool(
        words & lex.CALL_TO_ACTION_WORDS or pairs & lex.CALL_TO_ACTION_PAIRS
    )


def _is_bio(text: str, pairs: set[str]) -> bool:
    return bool(pairs & lex.BIO_PAIRS or lex.BIO_RE.match(text) or _PERSONAL_BIO_RE.match(text))


def _has_names(text: str) -> bool:
    first = True
    for match in _CAPITALISED_RE.finditer(text):
        word = match.group().rstrip(".")
        at_start = first and not text[: match.start()].strip("\"'“‘([ ")
        first = False
        if word in lex.NATIONALITIES or (not at_start and word not in {"I", "I'm", "I’m"}):
            return True
    return False
