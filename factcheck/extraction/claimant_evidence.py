"""Evidence and its author in claimant detection: "a survey by X has found", "X's annual report
shows", "figures from X show", "according to figures published by X", "selon les derniers
chiffres de l'Insee", "según datos del INE", "laut Angaben des Statistischen Bundesamtes".
Pure pattern matching; claimants.py decides what the found author is called."""

from __future__ import annotations

import re

from factcheck.extraction.claimant_names import claimant_type
from factcheck.extraction.claimant_patterns import (
    NAME,
    drop_evidence_adjectives,
    without_possessive,
)
from factcheck.extraction.lexicon import (
    EVIDENCE_BY_RE,
    EVIDENCE_NOUNS,
    EVIDENCE_PARTICIPLES,
    ORGANISATION_NOUNS,
)

EVIDENCE_VERBS = (  # "has found" too: "…, a survey by Northmoor Public Health has found."
    r"(?:(?:has|have|had)\s+)?(?:found|finds|shows?|showed|shown|suggests?|suggested|concluded|concludes|estimates?|estimated|"
    r"predicts?|predicted|projects?|projected|calculated|calculates|reveals?|revealed|puts?)\b"
)
# ", an independent think-tank," after an author; ", published last month," after evidence.
_APPOSITIVE = r",\s+(?:(?:an?|the|part|one|home|based|which|who)\s+)[^,;:“”\"]{1,60},"
_PARTICIPLE_CLAUSE = rf",\s+(?:{EVIDENCE_PARTICIPLES})\b[^,;:“”\"]{{0,60}},"
# "A nonpartisan analysis by the Legislative Fiscal Office found …", "figures from X show …",
# "Ofcom's annual report shows …": the evidence's author is the claimant, "that" or not.
EVIDENCE_SUBJECT_RE = re.compile(
    rf"\b(?i:{EVIDENCE_NOUNS}),?\s+"
    r"(?:of\s+(?:more than\s+|nearly\s+|almost\s+|over\s+|some\s+)?[\d,]+\s+[\w-]+\s+)?"
    rf"(?:(?:{EVIDENCE_PARTICIPLES})(?:\s+[\w-]+){{0,4}}?\s+)?(?:by|from)\s+"
    r"(?:(?:researchers|scientists|economists|academics|experts|analysts|a team)\s+"
    rf"(?:at|from)\s+)?(?:the\s+)?(?P<author>{NAME})(?:\s*\([A-Z][A-Za-z]{{1,9}}\))?"
    rf"(?:\s+for\s+(?:the\s+)?{NAME})?"
    r"(?:\s+(?:on|in|last|this|earlier)\s+[\w-]+(?:\s+\d+)?)?"
    rf"(?:{_APPOSITIVE}|{_PARTICIPLE_CLAUSE})?,?\s+{EVIDENCE_VERBS}"
    rf"|(?P<owner>{NAME})['’]s?\s+(?:[\w-]+\s+){{0,3}}?(?:{EVIDENCE_NOUNS})"
    rf"(?:\s+of\s+(?:[\w-]+\s+){{0,3}}?[\w-]+)?(?:{_PARTICIPLE_CLAUSE})?,?\s+{EVIDENCE_VERBS}"
    rf"|(?P<maker>{NAME})\s+(?:{EVIDENCE_NOUNS})\s+(?:for\s+(?:the\s+)?{NAME}\s+)?"
    rf"(?:(?:{EVIDENCE_PARTICIPLES})(?:\s+[\w-]+){{0,4}}?\s+)?{EVIDENCE_VERBS}"
    # "The charity's analysis of official data found": a body named before by its kind
    rf"|\b(?:[Tt]he|[Ii]ts)\s+(?P<kind>{'|'.join(sorted(ORGANISATION_NOUNS))})['’]s?\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{EVIDENCE_NOUNS})(?:\s+of\s+(?:[\w,.%-]+\s+){{0,4}}?[\w-]+)?"
    rf",?\s+{EVIDENCE_VERBS}"
)
EVIDENCE_VERB_RE = re.compile(rf"\b{EVIDENCE_VERBS}")  # cheap test before the search above
# "The report found that …", "Its latest survey also shows …": evidence named before, whose
# author the article gave earlier ("a survey by Northmoor Public Health").
# "The study, published on Monday in Nature, sampled …": what the research itself did.
_RESEARCH_VERBS = (
    r"(?:sampled|surveyed|analysed|analyzed|measured|tracked|followed|examined|tested|"
    r"monitored|interviewed|compared|studied|modelled|modeled|recorded|counted|reviewed)\b"
)
EVIDENCE_OPENING_RE = re.compile(
    r"^\W*(?:The|This|That|Its|Their|These)\s+(?:(?:new|latest|full|same|annual|final)\s+)*"
    r"(?:study|report|survey|poll|analysis|research|review|paper|findings|figures|data|audit|"
    r"researchers|authors|scientists)"
    # ", published on Monday in Nature," (not ", released by X,": X is named there)
    rf"(?:(?!,[^,]*\b(?:by|from)\b){_PARTICIPLE_CLAUSE})?"
    rf"\s+(?:also\s+)?(?:{EVIDENCE_VERBS}|{_RESEARCH_VERBS})"
)
# "A Facebook post by X, who runs …, claims that …": the author of what is quoted.
POST_AUTHOR_RE = re.compile(
    r"\b(?:post|tweet|video|message|letter|leaflet|thread|statement|petition|advert)\s+"
    rf"(?:[a-z]+\s+)?by\s+(?:the\s+)?(?P<author>{NAME})(?:\s*\([A-Z][A-Za-z]{{1,9}}\))?"
    r"(?:,\s+(?:who|which|an?|the)\b[^,;:“”\"]{1,100},)?\s+"
    r"(?:claims|claimed|says|said|argues|argued|states|stated|alleges|alleged|asserts|asks)\b"
)
_AFTER_LOWER_THE_RE = re.compile(r"\bthe\s+$")
# "the Food Standards Agency's latest survey": evidence owned by a named body.
_OWNED_EVIDENCE_RE = re.compile(
    rf"^(?:the\s+)?({NAME})['’]s?\s+(?:[\w-]+\s+){{0,3}}?(?:{EVIDENCE_NOUNS})$"
)
# "selon les derniers chiffres de l'Insee" → "Insee".
_PERFECT_TENSE_RE = re.compile(r"^(?:ha|han|a|ont)\s+[a-zé]+(?:ado|ido|é)\s+")
_EVIDENCE_WORDS_FR_ES_DE = (
    r"(?:chiffres|données|estimations?|statistiques|étude|rapport|enquête|sondage|prévisions|"
    r"calculs|indice|bilan|sources|datos|cifras|fuentes|estimación|estimaciones|estadísticas|informe|estudio|"
    r"encuesta|Angaben|Daten|Zahlen|Schätzungen?|Statistik|Bericht|Studie|Umfrage|"
    r"dati|stime|rapporto|studio|indagine|sondaggio|dados|estimativas?|relatório|estudo|"
    r"pesquisa|levantamento)"
)
# "selon les derniers chiffres de l'Insee", "selon l'estimation provisoire publiée vendredi
# par l'Insee", "según datos del INE", "laut Angaben des Statistischen Bundesamtes" → the
# author: the evidence and any words up to "par"/"por"/"von" (else the first "de"/"del"/"des").
_FRENCH_EVIDENCE_RE = re.compile(
    r"^(?:les|des|la|le|une?|l['’]|los|las|el|unos?|die|der|den|dem|neuen?|jüngsten|"
    r"i|gli|il|lo|os|as|o|a)?\s*"
    r"(?:(?:derni(?:er|ère|ere)s?|nouveaux|nouvelles|premiers|premières|últimos|últimas|"
    r"nuevos|nuevas|ultimi|ultime|nuovi|nuove|novos|novas)\s+)?"
    + _EVIDENCE_WORDS_FR_ES_DE
    # "diffusi ieri dall'Autorità", "divulgados pelo Instituto": the Italian and Portuguese
    # agent, the article elided into or joined to the preposition
    + r"(?:(?:\s+[\w'’-]+){0,6}?\s+(?:dall['’]\s*|(?:par|por|von|dal|dalla|dallo|dagli|dai|"
    r"da|pelo|pela|pelos|pelas)\s+(?:l['’]\s*|la\s+|le\s+|les\s+|el\s+|dem\s+|der\s+)?)"
    r"|\s+(?:(?:publiée?s?|diffusée?s?|publicad[oa]s?)(?:\s+[\w-]+){0,3}?\s+)?"
    r"(?:de\s+l['’]\s*|de\s+la\s+|de\s+los\s+|de\s+las\s+|du\s+|des\s+|de\s+|del\s+|der\s+))"
)


# Bodies whose names hold "for" ("Institute for Fiscal Studies", "Centre for Cities"): the
# word before "for" in a poll's "Opinium for The Observer" names none of them.
_FOR_IN_NAME = frozenset(
    "Institute Centre Center Council Commission Campaign Foundation Trust Alliance Society "
    "Association Office Department Ministry Agency Secretary Coalition Fund Partnership Network "
    "Committee Federation Union Organisation Organization Movement Minister Board Service "
    "Authority Charity Forum Group Bureau Unit Action Institution Commissioner".split()
)


def without_commissioner(name: str) -> str:
    """'Opinium for The Observer' (a poll's maker and who commissioned it) → 'Opinium';
    'Institute for Fiscal Studies' stays."""
    words = name.split()
    if "for" not in words[1:]:
        return name
    index = words.index("for")
    return name if words[index - 1] in _FOR_IN_NAME else " ".join(words[:index])


def evidence_subject(evidence: re.Match[str]) -> str:
    """The author of EVIDENCE_SUBJECT_RE's evidence; a name before the noun ("Census figures
    show") only when it is clearly an organisation's ("Bank of Portugal study", "ONS data")."""
    if evidence.group("kind"):
        return f"the {evidence.group('kind')}"  # resolved against the article before
    author = evidence.group("author") or without_possessive(evidence.group("owner") or "")
    if (
        author
        and evidence.group("author")
        and _AFTER_LOWER_THE_RE.search(evidence.string[: evidence.start("author")])
    ):  # "figures from the Joint Exams Council": a capital after "the" is the name's own
        return without_commissioner(author)
    if author:
        return without_commissioner(drop_evidence_adjectives(author))
    maker = drop_evidence_adjectives(evidence.group("maker"))
    opening = not evidence.string[: evidence.start()].strip(' "“‘')
    if opening and maker == evidence.group("maker"):  # "Census figures show": any capital
        return maker if " " in maker and claimant_type(maker) == "organisation" else ""
    return maker


def evidence_author(text: str) -> str:
    """'joint estimates by the WHO and UNICEF, …' → 'WHO and UNICEF, …'; 'the Food
    Standards Agency's latest survey' → 'Food Standards Agency' (the body owning it)."""
    owned = _OWNED_EVIDENCE_RE.match(text.strip(" ,:"))
    if owned is not None:
        return owned.group(1)
    text = EVIDENCE_BY_RE.sub("", text.strip(" ,:"), count=1)
    text = _PERFECT_TENSE_RE.sub("", text, count=1)  # "según ha informado el Ministerio"
    return _FRENCH_EVIDENCE_RE.sub("", text, count=1)
