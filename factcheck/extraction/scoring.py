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

A plain statistic such as "Turkey has taken in about 3.7 million Syrian refugees." scores
0.10 + 0.35 + 0.20 = 0.65; an opinion such as "I think we should do more." scores 0.
"""

from __future__ import annotations

import re

from factcheck.extraction.lexicon import (
    ATTRIBUTION_RE,
    BIO_RE,
    COMMENT_FORM_RE,
    MONTHS,
    NATIONALITIES,
    NUMBER_WORDS,
    SCALE_WORDS,
    WEEKDAYS,
)

BASE = 0.10
KINDS = ("statistic", "quote", "event", "fact", "other")
MAX_ANALYSED_CHARS = 5_000  # a longer "sentence" is scored on its opening only

_DATE_RE = re.compile(
    rf"\b(?:{MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})"
    rf"|\b(?:{WEEKDAYS})\b|\b(?:1[5-9]|20)\d\d\b(?!\s*(?:%|percent|per cent))"
    r"|\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\b|\b\d{1,2}:\d\d\b"
    r"|\b(?:yesterday|today|tomorrow|tonight|ago|(?:last|next|this|earlier this|later this)\s+"
    r"(?:week|month|year|decade|century|spring|summer|autumn|fall|winter))\b"
    rf"|\b(?:\d+|a|one|{NUMBER_WORDS})[\s-]+(?:days?|weeks?|months?|years?|decades?)\b"
)
_FIGURE_RE = re.compile(
    rf"\d|[$€£¥]|\b(?:{SCALE_WORDS})\b|%|\b(?:{NUMBER_WORDS})\b(?:[\s-]+(?:year|per|times|fold))?"
)
_STATISTIC_RE = re.compile(rf"\d|[$€£¥%]|\b(?:{SCALE_WORDS}|hundreds|thousands|millions)\b")
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’.-]*")
_FIRST_WORD_RE = re.compile(r"^\W*(\w[\w'’.-]*)")
_COMPARISON_RE = re.compile(
    r"\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|longer|shorter)\s+than\b"
    r"|\b(?:most|least|largest|biggest|highest|lowest|smallest|worst|best|greatest|fastest|"
    r"slowest|deadliest|richest|poorest|record|doubled|tripled|halved)\b",
    re.I,
)
_HEDGING_RE = re.compile(
    r"\b(?:I|we|We)\s+(?:think|believe|feel|guess|suppose|hope)\b"
    r"|\bin (?:my|our) (?:view|opinion)\b"
    r"|\b(?:should|must|ought to|probably|perhaps|maybe|arguably)\b|\bIMO\b",
    re.I,
)
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I'm|I’m|I've|me|my|My|we|We|our|Our|us|ours)\b")
_CALL_TO_ACTION_RE = re.compile(
    r"\b(?:subscribe|sign up|sign in|log in|click|tap here|share (?:this|on|via|it)|follow us|"
    r"donate|newsletter|read more|join us|download (?:our|the) app|buy now)\b|^\W*share\b",
    re.I,
)
_PERSONAL_BIO_RE = re.compile(r"^\W*(?:He|She|They)\s+(?:believes?|is passionate|loves?|enjoys?)\b")
_EVENT_RE = re.compile(
    r"\b(?:summit|meeting|meet|met|conference|election|elections|referendum|vote[ds]?|visit|"
    r"visited|ceremony|scheduled|signed|launched|took place|will take place|elected|"
    r"inaugurated|attack|attacked|bombing|killed|died|arrested|resigned|invaded|earthquake|"
    r"explosion|ceasefire|protests?|rally|trial|sentenced|convicted|ruled)\b",
    re.I,
)
_QUOTED_SPEECH_RE = re.compile(r"“[^”]*\s[^”]*”|\"[^\"]*\s[^\"]*\"")

_WEIGHTS = {
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


def checkworthiness(sentence: str) -> float:
    """Score in [0, 1] from the features in the module docstring; same input, same score."""
    if not sentence.strip():
        return 0.0
    score = BASE + sum(_WEIGHTS[name] for name in features(sentence))
    return round(min(1.0, max(0.0, score)), 4)


def features(sentence: str) -> set[str]:
    """Names of the check-worthiness features present in `sentence`."""
    text = sentence[:MAX_ANALYSED_CHARS].strip()
    attributed = bool(ATTRIBUTION_RE.search(text))
    found = {
        "figures": bool(_FIGURE_RE.search(_DATE_RE.sub(" ", text))),
        "dates": bool(_DATE_RE.search(text)),
        "names": _has_names(text),
        "attribution": attributed,
        "comparison": bool(_COMPARISON_RE.search(text)),
        "hedging": not attributed and bool(_HEDGING_RE.search(text)),
        "question": text.rstrip("\"'”’) ").endswith("?"),
        "call_to_action": bool(_CALL_TO_ACTION_RE.search(text)),
        "first_person": not attributed and bool(_FIRST_PERSON_RE.search(text)),
        "author_bio": bool(BIO_RE.search(text) or _PERSONAL_BIO_RE.search(text)),
        "comment_form": bool(COMMENT_FORM_RE.search(text)),
        "fragment": len(text.split()) < 5,
    }
    return {name for name, present in found.items() if present}


def _has_names(text: str) -> bool:
    first = _FIRST_WORD_RE.match(text)
    first_end = first.end() if first else 0
    for match in _CAPITALISED_RE.finditer(text):
        word = match.group().rstrip(".")
        if word in NATIONALITIES or (match.start() >= first_end and word not in {"I", "I'm"}):
            return True
    return False


def classify_kind(sentence: str) -> str:
    """'statistic', 'event', 'quote', 'fact' or 'other' — checked in that order."""
    text = sentence[:MAX_ANALYSED_CHARS].strip()
    present = features(text)
    if present & {"question", "call_to_action", "author_bio", "comment_form", "hedging"}:
        return "other"
    if _STATISTIC_RE.search(_DATE_RE.sub(" ", text)):
        return "statistic"
    if _EVENT_RE.search(text):
        return "event"
    if "attribution" in present or _QUOTED_SPEECH_RE.search(text):
        return "quote"
    return "fact" if present & {"names", "dates", "figures"} else "other"
