"""Check-worthiness of a sentence and the kind of claim it makes. Deterministic and pure.

checkworthiness(sentence) starts from the learned model's calibrated probability (model.py,
trained on CLEF-2019 and ClaimBuster debate sentences) and adds what the project knows about
news, as shifts of the log-odds:

    +0.8  attribution: said, says, told, according to, … (reported speech is checkable), and
          French, Spanish and German ones (a déclaré, selon, dijo, según, sagte, laut, …)
    +0.6  an attributed quotation: a quotation of four words or more and an attribution verb
          ("“…,” said X", "« … », estime X")
    +0.3  reported speech: a verb of saying and the clause it reports, outside quotation marks
          ("She said the quickest gains would come from …")
    +0.6  a real quantity: numbers with units, percentages, money ("3.7 million", "75mph")
    -0.8  opinion or hedging in the writer's own voice (not when attributed)
    -1.5  question
    -2.0  fragment: fewer than 5 words

Page furniture is never a claim, whatever the model says: comment-form text, author bios,
bylines and datelines, image captions and credits, embedded-tweet footers and calls to action
score at most NEVER_CEILING. There is no first-person penalty: debate and quoted speech make
claims in the first person ("We lose 33,000 people a year to gun violence").

A sentence without a single letter (a stray page number, "—", "2020: 3,000") scores 0.
The score stays continuous and calibrated: 0.5 is CHECKWORTHINESS_THRESHOLD.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from factcheck.extraction import furniture
from factcheck.extraction import lexicon as lex
from factcheck.extraction.grams import has_quantity
from factcheck.extraction.model import model_explanation, model_probability

ADJUSTMENTS: dict[str, float] = {
    "attribution": 0.8,
    "attributed_quotation": 0.6,
    "reported_speech": 0.3,
    "quantity": 0.6,
    "hedging": -0.8,
    "question": -1.5,
    "fragment": -2.0,
}
NEVER = frozenset({"comment_form", "author_bio", "call_to_action", "furniture"})
NEVER_CEILING = 0.05
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
_SMALL_NUMBER = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)"
# Shares are quantities: "half", "two thirds", "one in three", "nine out of 10", "1 in 5".
_FRACTION_RE = re.compile(
    r"\b(?:half|(?:a|one)[\s-](?:third|fifth|tenth)|two[\s-]thirds|(?:a|one)[\s-]quarter|three[\s-]quarters|majority)\b"
    rf"|\b{_SMALL_NUMBER}\s+(?:in|out of)\s+(?:every\s+)?{_SMALL_NUMBER}\b"
    # A count in words: "a prison sentence of up to two years", "at least three people".
    r"|\b(?:up to|at least|at most|more than|fewer than|less than|as many as|a maximum of|"
    r"a minimum of|(?:sentence|term|ban|fine|penalty)\s+of)\s+"
    rf"(?:{_SMALL_NUMBER}|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|dozens|"
    r"a dozen)(?:\s+[a-z]+)?\s+(?:years?|months?|weeks?|days?|hours?|times|people|children|"
    r"adults|deaths|jobs|homes|households|patients|miles|metres|kilometres|tonnes|litres|shops|"
    r"stores|businesses|properties|buildings|vehicles|schools)\b"
    # a time ahead of or behind a plan: "opened two months ahead of schedule", "a year late"
    rf"|\b(?:{_SMALL_NUMBER}|a|an)\s+(?:years?|months?|weeks?|days?|hours?)\s+(?:ahead of|"
    r"behind)\s+(?:schedule|plan|target)\b"
    # election results and other counts of seats and people: "reduced to nine seats"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty)\s+(?:seats|votes|councillors|candidates|wards|councils|MPs|stores|shops|"
    r"branches|factories|plants|jobs|deaths|patients|hospitals|schools)\b"
    # a change by a multiple is a quantity: "had doubled since 2021", "prices have tripled"
    r"|\b(?:doubled|tripled|trebled|quadrupled|halved|doubling|tripling|trebling|halving)\b"
    r"(?!\s+(?:down|up|over|back|as)\b)"
    r"|\b(?:two|three|four|five|six|ten)fold\b"
    # a rate in words: "four passengers per trip", "two visits a week"
    rf"|\b(?:{_SMALL_NUMBER}|twelve|fifteen|twenty|thirty|forty|fifty)\s+[a-z]+\s+(?:per|a|each)\s+"
    r"(?:trip|journey|day|week|month|year|hour|visit|person|head|household|patient|pupil)\b"
    r"|\b(?:twice|(?:three|four|five|six|seven|eight|nine|ten|twenty|a hundred)\s+times)\s+"
    r"(?:as|the|more|higher|bigger|larger|faster|those|that|what)\b",
    re.I,
)
# Counts in words that _FRACTION_RE's noun lists miss, searched only in a sentence holding one
# of _COUNT_CUES: a count after a quantifier, whatever is counted ("a further six possible
# victims", "at least six support staff jobs"), and a run of periods ("for six consecutive
# months", "a third straight year").
_COUNT_RE = re.compile(
    r"\b(?:a further|another|an additional|an extra|at least|up to|more than|fewer than|"
    r"as many as)\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|hundreds|thousands|dozens)(?:\s+[a-z-]+){0,2}\s+[a-z]+s\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:consecutive|straight|successive|running)\s+"
    r"(?:days?|weeks?|months?|quarters?|years?|seasons?|terms?)\b",
    re.I,
)
_COUNT_CUES = frozenset(
    "further another additional extra least up more fewer many consecutive straight "
    "successive running".split()
)
# Shares in French, Spanish and German ("un tiers", "la mitad", "ein Drittel"): quantities the
# English model has no word for, so they count as one (+ "quantity") as well as a statistic.
_FOREIGN_FRACTION_RE = re.compile(
    r"\b(?:(?:un|deux|trois)\s+(?:tiers|quarts?)|la\s+moitié|(?:un|una|dos|tres)\s+"
    r"(?:tercios?|cuartos?)|la\s+mitad|(?:ein|zwei|drei)\s+(?:Drittel|Viertel)|die\s+Hälfte|"
    r"(?:la\s+)?(?:mayoría|majorité)\s+de|(?:eine[rn]?|jede[rn]?)\s+von\s+(?:zehn|fünf|vier|drei)"
    r"|(?:un|una|uno)\s+de\s+cada\s+\w+|(?:un|une)\s+sur\s+\w+)\b"
    # a duration in words: "dépasse six heures", "tres meses", "zwei Jahre" (no clock time)
    r"|(?<!\bà )(?<!\blas )\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|"
    r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|zwei|drei|vier|fünf|"
    r"sechs|sieben|acht|neun|zehn|zwölf|zwanzig)\s+(?:heures|jours|semaines|mois|ans|horas|"
    r"días|semanas|meses|años|Stunden|Tage|Wochen|Monate|Jahre)\b",
    re.I,
)
# Italian and Portuguese shares and amounts in words ("un terzo", "la metà", "um terço", "un
# altro metro", "tre mesi"), searched only in a sentence holding one of _ROMANCE_AMOUNT_WORDS.
_ROMANCE_FRACTION_RE = re.compile(
    r"\b(?:(?:un|due|tre|quattro)\s+(?:terz[oi]|quart[oi]|quint[oi])|la\s+metà|(?:um|dois|três)"
    r"\s+(?:terços?|quartos?|quintos?)|a\s+metade|(?:un|uno|una|um|uma)\s+altr[oa]\s+(?:metro|"
    r"chilometro|mese|anno|giorno)|(?:due|tre|quattro|cinque|sei|sette|otto|nove|dieci|dois|"
    r"três|quatro|cinco|seis|sete|oito|nove|dez)\s+(?:metri|chilometri|giorni|settimane|mesi|"
    r"anni|ore|metros|quilômetros|quilómetros|dias|semanas|meses|anos|horas))\b",
    re.I,
)
_ROMANCE_AMOUNT_WORDS = frozenset(
    "un uno una um uma due tre quattro cinque sei sette otto nove dieci dois três quatro cinco "
    "seis sete oito dez metà metade".split()
)
_MONTHS_FR_ES_DE = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    "Januar|Februar|März|Juni|Juli|Oktober|Dezember"
)
# An announced opening, closure or start with its date: "would open at the hospital in
# February", "fermeront la nuit à partir du 4 janvier", "no concederá licencias a partir de
# enero", "ab dem 1. März geschlossen": an *event*, even when reported.
_SCHEDULED_RE = re.compile(
    r"\b(?:will|would|is to|are to|is due to|are due to|shall)\s+(?:be\s+)?(?:open|close|reopen|"
    r"shut|start|begin|launch|end|opened|closed|launched|introduced|scrapped)\b[^.;]{0,80}?"
    rf"\b(?:in|from|on|by)\s+(?:\d{{1,2}}\s+)?(?:{lex.MONTHS})"
    r"|\b(?:ferm|ouvr|rouvr|suspend|supprim|lanc)\w*\b[^.;]{0,80}?\b(?:à partir du|à compter du|"
    rf"dès le)\s+\d{{1,2}}(?:er)?\s+(?:{_MONTHS_FR_ES_DE})"
    r"|\b(?:concederá|cerrará|abrirá|entrará|comenzará|empezará|prohibirá|aplicará|suspenderá)"
    rf"\b[^.;]{{0,80}}?\ba partir del?\s+(?:\d{{1,2}}\s+de\s+)?(?:{_MONTHS_FR_ES_DE})"
    rf"|\bab\s+(?:dem\s+)?(?:\d{{1,2}}\.\s+)?(?:{_MONTHS_FR_ES_DE}|{lex.MONTHS})\b[^.;]{{0,60}}?"
    r"\b(?:geschlossen|geöffnet|gilt|gelten|startet|beginnt)"
)
# A happening set for a date: "would face a proceeds of crime hearing in March", "the cabinet
# will make a final decision on 12 February": an *event*, even when reported.
_DATED_HAPPENING_RE = re.compile(
    r"\b(?:will|would|is to|are to|is due to|are due to|shall)\s+(?:[a-z]+\s+){1,5}?"
    r"(?:hearing|decision|vote|ballot|debate|trial|inquest|meeting|ruling|verdict|sentencing|"
    r"election|referendum|review|appeal|inquiry)\b[^.;]{0,40}?"
    rf"\b(?:in|on|by)\s+(?:\d{{1,2}}\s+)?(?:{lex.MONTHS})"
)
_LETTER_RE = re.compile(r"[^\W\d_]")
_TOKEN_RE = re.compile(r"[\w'’]+")
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w'’.-]*")
# ‘…’ quotations (Dutch, British): the closing ’ is no apostrophe ("don’t") when no letter follows.
_SINGLE_QUOTED = r"‘(?:[^‘’]|’(?=\w))*\s(?:[^‘’]|’(?=\w))*’(?!\w)"
_QUOTED_SPEECH_RE = re.compile(
    r"“[^”]*\s[^”]*”|\"[^\"]*\s[^\"]*\"|«[^»]*\s[^»]*»|„[^“”]*\s[^“”]*[“”]|" + _SINGLE_QUOTED + r""
    # a paragraph of a quotation running on into the next, opened and never closed
    r"|^\s*[“«](?:[^”»\s]*\s){3}[^”»]*$"
)
# Reported speech: a third party's verb of saying and the clause it reports, outside quotation
# marks ("She said the quickest gains would come from …", "He told MPs that the scheme had
# saved …"); not "I said", "you said" (a debater's own exchanges).
_REPORTED_SPEECH_RE = re.compile(
    r"(?<!\bI )(?<!\bwe )(?<!\bWe )(?<!\byou )(?<!\bYou )"
    r"\b(?:said|says|told\s+[\w-]+(?:\s+[\w-]+)?|warned|warns|argued|argues|insisted|insists|"
    r"claimed|claims|explained|admitted|estimated|believes|believed)\s+(?:that\s+)?"
    r"(?!(?:that|which|who|he|she|they|it|i|we|you)\s*[.,;:]|[.,;:])"
    r"[^.;:“”\"«»]{1,60}?\b(?:would|will|could|can|may|might|had|has|have|was|were|is|are|"
    r"must|should)\b"
)
_PERSONAL_BIO_RE = re.compile(r"\W*(?:He|She|They)\s+(?:believes?|is passionate|loves?|enjoys?)\b")
_KIND_BLOCKERS = {"question", "hedging"} | NEVER
# A quotation of four words or more: the sentence is a quote even when it tells of an event.
_QUOTATION_RE = re.compile(
    r"“(?:[^”]*\s){3}[^”]*”|\"(?:[^\"]*\s){3}[^\"]*\"|«(?:[^»]*\s){3}[^»]*»"
    r"|„(?:[^“”]*\s){3}[^“”]*[“”]|^\s*[“«](?:[^”»\s]*\s){3}[^”»]*$"
    r"|‘(?:(?:[^‘’]|’(?=\w))*\s){3}(?:[^‘’]|’(?=\w))*’(?!\w)"
    # the last sentence of a quotation opened in the sentence before, then its attribution:
    # "Nobody told us,” she said.", "Voor hen is de bus geen luxe’, zegt hij."
    r"|^[^“‘«„\"]{12,}?[”’»\"]\s*,\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\s*[.!]?$"
)
_NO_SCALE = r"(?![\d,.]*\s*(?:%|percent\b|per cent\b|" + lex.SCALE_WORDS + r"))"
# Numbers a kind never counts as quantities: identifiers ("HB 2150", "Section 230", "FTSE
# 100", "Year 11"), calendar dates ("20 February", "May 14"), clock times ("6am") and vote
# tallies ("by 17 votes to 13", "passes 52-48"). has_quantity (the model's feature) is left as
# it was trained.
_IDENTIFIER_NUMBER_RE = re.compile(
    r"\b(?:[A-Z]\.?){1,4}\s?\d+[A-Za-z]?\b"
    + _NO_SCALE
    + r"|\b(?:Section|Article|Chapter|Clause|Title|Rule|Amendment|Proposition|Prop\.|Bill|Act|"
    r"Resolution|Measure|Question|Form|Route|Highway|Interstate|Flight|Room|Level|Phase|Stage|"
    r"Tier|Grade|Year|Platform|Gate|Terminal|Ward|District|Precinct|Division|Unit|Model|Volume|"
    r"No\.|Number|Item|Exhibit|Schedule|Part|Page|Paragraph|Apollo|Windows)\s+\d+[A-Za-z]?\b"
    + _NO_SCALE
    + rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{lex.MONTHS})(?!\w)"
    + rf"|\b(?:{lex.MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    + _NO_SCALE
    + r"|\b\d[\d,]*\s+votes?\s+(?:to|against)\s+\d[\d,]*\b"
    r"|\b(?:Ayes|Yeas|Contents)\s+\d[\d,]*[,;]?\s+(?:Noes|Nays|Not-Contents)\s+\d[\d,]*\b"
    # clock times in French, Spanish and German: "de 20 heures à 8 heures", "a las 9", "um 8 Uhr"
    r"|\b(?:de|à|entre|dès|jusqu'à|et)\s+\d{1,2}\s*(?:heures|h)(?:\s*\d\d)?\b"
    + rf"|\b\d{{1,2}}(?:er|\.)?\s+(?:de\s+)?(?:{_MONTHS_FR_ES_DE})\b"
    r"|\b(?:a|de|desde|hasta)\s+las\s+\d{1,2}(?:[:.]\d\d)?\b|\b\d{1,2}(?:[:.]\d\d)?\s*Uhr\b"
    r"|\b\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|\b(?:vote[sd]?|pass(?:es|ed)|approve[sd]|reject(?:s|ed)|defeat(?:s|ed)|backs|backed|"
    r"carrie[sd])\b[^.;]{0,40}?"
    r"\b\d{1,3}\s*(?:-|–|to)\s*\d{1,3}\b" + _NO_SCALE
)


def checkworthiness(sentence: str) -> float:
    """Score in [0, 1], calibrated so 0.5 is the threshold; same input, same score."""
    return _score(sentence, _signals(sentence))


def checkworthiness_explain(sentence: str) -> list[tuple[str, float]]:
    """Why `sentence` scored as it did: the model's strongest features and the news rules that
    applied, as (feature, log-odds weight), strongest first. "never: …" marks page furniture."""
    signals = _signals(sentence)
    if "empty" in signals:
        return []
    rules = [(f"rule: {name}", weight) for name, weight in ADJUSTMENTS.items() if name in signals]
    rules += [(f"never: {name}", -10.0) for name in sorted(signals & NEVER)]
    model = [(_readable(name), weight) for name, weight in model_explanation(sentence)]
    return sorted(rules + model, key=lambda item: -abs(item[1]))


def _readable(feature: str) -> str:
    """'w:00,000' → 'model: word "00,000"' (digits read as 0), 'f:percent' → 'model: percent'."""
    kind, _, value = feature.partition(":")
    label = {"w": "word ", "b": "words "}.get(kind)
    return f'model: {label}"{value}"' if label else f"model: {value.replace('_', ' ')}"


def classify_kind(sentence: str) -> str:
    """'statistic', 'event', 'quote', 'fact' or 'other' — the first that applies, in that order.

    'other' covers questions, opinion, calls to action, bios and comment forms.
    """
    return _kind(_signals(sentence))


def score_and_kind(sentence: str, spoken: bool = False) -> tuple[float, str]:
    """checkworthiness and classify_kind together, analysing the sentence once. `spoken`: a
    named speaker's words whose attribution is outside the sentence (a transcript's or an
    interview's label "Brandauer:" does what "said X" does), so the attribution rule applies."""
    signals = _signals(sentence)
    if spoken and "attribution" not in signals:
        signals = signals | {"attribution"}
    return _score(sentence, signals), _kind(signals)


def features(sentence: str) -> set[str]:
    """Names of the news rules (ADJUSTMENTS and NEVER) that apply to `sentence`."""
    return set(_signals(sentence) & (ADJUSTMENTS.keys() | NEVER))


def _score(sentence: str, signals: frozenset[str]) -> float:
    if "empty" in signals:
        return 0.0
    probability = min(max(model_probability(sentence[:MAX_ANALYSED_CHARS]), 1e-6), 1 - 1e-6)
    log_odds = math.log(probability / (1 - probability))
    log_odds += sum(weight for name, weight in ADJUSTMENTS.items() if name in signals)
    score = 1.0 / (1.0 + math.exp(-log_odds))
    if signals & NEVER:
        score *= NEVER_CEILING
    return round(score, 4)


def _kind(signals: frozenset[str]) -> str:
    if "empty" in signals or signals & _KIND_BLOCKERS:
        return "other"
    for kind in ("statistic", "quotation", "scheduled", "reported_speech", "event", "quote"):
        if kind in signals:
            return {"quotation": "quote", "reported_speech": "quote", "scheduled": "event"}.get(
                kind, kind
            )
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
    attributed = bool(
        words & lex.ATTRIBUTION_WORDS
        or pairs & lex.ATTRIBUTION_PAIRS
        or words & lex.FOREIGN_ATTRIBUTION_WORDS
    )
    quantity = has_quantity(text) or bool(_FOREIGN_FRACTION_RE.search(text))
    if not quantity and words & _ROMANCE_AMOUNT_WORDS:
        quantity = bool(_ROMANCE_FRACTION_RE.search(text))
    unquoted = _QUOTED_SPEECH_RE.sub(" ", text)
    found = {
        "figures": bool(_FIGURE_RE.search(undated)),
        "dates": undated != text,
        "names": _has_names(text),
        "attribution": attributed,
        "comparison": bool(words & lex.COMPARISON_WORDS or pairs & lex.COMPARISON_PAIRS),
        "hedging": not attributed and bool(words & lex.HEDGING_WORDS or pairs & lex.HEDGING_PAIRS),
        "question": text.rstrip("\"'”’) ").endswith("?"),
        "call_to_action": _calls_to_action(lowered, words, pairs),
        "furniture": furniture.is_furniture(text),
        "author_bio": _is_bio(text, pairs),
        "comment_form": bool(words & lex.COMMENT_FORM_WORDS)
        and bool(lex.COMMENT_FORM_RE.search(text)),
        "fragment": len(text.split()) < 5,
        "quantity": quantity,
        "statistic": _states_quantity(unquoted, quantity if unquoted == text else None),
        "event": bool(words & lex.EVENT_WORDS or pairs & lex.EVENT_PAIRS),
        "scheduled": bool(_SCHEDULED_RE.search(text) or _DATED_HAPPENING_RE.search(text)),
        "quotation": bool(_QUOTATION_RE.search(text)),
        "attributed_quotation": attributed and bool(_QUOTATION_RE.search(text)),
        "reported_speech": bool(_REPORTED_SPEECH_RE.search(unquoted)),
        "quote": attributed or bool(_QUOTED_SPEECH_RE.search(text)),
    }
    return frozenset(name for name, present in found.items() if present)


def _states_quantity(text: str, known: bool | None) -> bool:
    """A real quantity outside quotation marks (`text` has them blanked; `known` is
    has_quantity(text) when already computed): a quote with a figure is still a quote, and
    identifiers, dates and vote tallies (_IDENTIFIER_NUMBER_RE) are no quantity."""
    if known is not False:
        cleared = _IDENTIFIER_NUMBER_RE.sub(" ", text)
        known = has_quantity(cleared) if cleared != text or known is None else known
    if known or _FRACTION_RE.search(text):
        return True
    lowered = text.lower()
    return any(cue in lowered for cue in _COUNT_CUES) and bool(_COUNT_RE.search(text))


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
