"""Attribution constructions of French, Spanish and German news that the English patterns do
not read. Pure pattern matching; claimants.py decides what a found name is called.

    time words     "a annoncé lundi sa directrice, X" → the words after the verb without the
                   day ("lundi", "este jueves", "am Montag") and with a possessive read as an
                   article ("sa directrice, X", "su presidente, X")
    a view         "Pour le docteur X, …", "Para X, portavoz de …, la medida …" → X
    long names     "l'Agence régionale de santé de la Varenne (ARS)": a body's name holding
                   lower-case words, closed by its acronym
    roles          "el geógrafo X", "le docteur X" → X
    evidence       "El informe señala que …", "L'étude montre que …" → whose report the
                   article named before ("según un informe del Instituto X")
"""

from __future__ import annotations

import re

from factcheck.extraction.claimant_patterns import NAME

_DAYS = (
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|ayer|hoy|"
    r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|gestern|heute|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|ieri|oggi|stamattina|stamani|"
    r"segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|ontem|hoje"
)
_TIME_AFTER_VERB_RE = re.compile(
    rf"^\s*(?:(?:ce|cette|este|esta|am|nesta|neste)\s+)?(?:{_DAYS})(?:\s+(?:matin|soir|midi|"
    r"pasado|por la (?:mañana|tarde)|sera|mattina|pomeriggio|à (?:tarde|noite)))?\s+"
)
_ADVERB_AFTER_VERB_RE = re.compile(
    r"^\s*(?:però|anche|inoltre|invece|poi|tuttavia|também|porém|ainda|contudo|cependant|"
    r"aussi|también|además|auch)\s+"
)
# "sa directrice", "su presidente", "la sua direttrice", "o seu presidente": read as "la".
_POSSESSIVE_RE = re.compile(
    r"^\s*(?:sa|son|ses|leur|su|sus|seine?|ihre?|(?:il|la|i|le|o|a|os|as)\s+su[oaei]|"
    r"(?:o|a|os|as)\s+se[u]s?|(?:o|a|os|as)\s+suas?)\s+(?=[a-zé])"
)
_VIEW_RE = re.compile(
    rf"^\W*(?:Pour|Para|Per)\s+(?:(?:le|la|l['’]|el|los|las|il|lo|o|a)\s*)?(?:[a-zé][\w'’-]*\s+){{0,2}}"
    rf"({NAME})\s*,"
)
_ACRONYM_NAME_RE = re.compile(
    r"^(?:(?:l['’]\s*|la\s+|le\s+|les\s+|el\s+|los\s+|las\s+|die\s+|der\s+|das\s+|"
    r"il\s+|lo\s+|gli\s+|o\s+|os\s+|as\s+))?"
    r"([A-ZÉÁÍÓÚ][\w'’-]+(?:\s+[\w'’-]+){1,8}?)\s*\(([A-Z][A-Za-z]{1,8})\)"
)
_ROLE_BEFORE_NAME_RE = re.compile(
    r"^(?:le|la|l['’]|el|los|las|der|die|un|una|une|il|lo|o|uma?)\s*"
    r"(?:[a-zéáíóú][\w'’-]*\s+){1,3}"
    r"(?=[A-ZÉÁÍÓÚ])"
)
_NAME_LINKS = frozenset(
    "de del della dei degli di da do dos das du des la le les el los las y e et and of for the "
    "für und der die das".split()
)
EVIDENCE_OPENING_RE = re.compile(
    r"^\W*(?:El|La|Le|L['’]|Der|Die|Das|Ce|Cette|Este|Esta)\s*(?:nouvel(?:le)?\s+|nuevo\s+|"
    r"neue\s+)?(?:informe|estudio|encuesta|análisis|rapport|étude|enquête|analyse|Bericht|"
    r"Studie|Umfrage|Analyse)\s+(?:también\s+|aussi\s+|auch\s+)?(?:señala|indica|revela|"
    r"muestra|estima|concluye|calcula|advierte|montre|indique|révèle|estime|conclut|souligne|"
    r"relève|zeigt|kommt|schätzt|belegt)\b"
)
_EVIDENCE_AUTHOR_RE = re.compile(
    r"\b(?:informe|estudio|encuesta|análisis|rapport|étude|enquête|analyse|Bericht|Studie|"
    r"Umfrage)\b[^.\n]{0,40}?\b(?:del|de la|de los|de l['’]|du|des|por el|por la|par l['’]|"
    rf"par le|par la|des|der|vom|von der|von)\s*({NAME})"
)


def after_verb(text: str) -> str:
    """The words after a verb of saying, without a day ("a annoncé lundi …") and with a
    possessive read as an article ("sa directrice, X" → "la directrice, X")."""
    text = _ADVERB_AFTER_VERB_RE.sub(" ", text, count=1)  # "ammette però la società"
    text = _TIME_AFTER_VERB_RE.sub(" ", text, count=1)
    return _POSSESSIVE_RE.sub(" la ", text, count=1)


def view_holder(text: str) -> str:
    """ "Pour le docteur X, …", "Para X, portavoz de …, …": the name whose view the sentence
    gives, or ""."""
    found = _VIEW_RE.match(text)
    return found.group(1) if found is not None else ""


def name_with_acronym(text: str) -> str:
    """ "l'Agence régionale de santé de la Varenne (ARS) …" → the name before the acronym,
    when it holds lower-case words and opens with the acronym's letter; else ""."""
    found = _ACRONYM_NAME_RE.match(text.strip(" ,:"))
    if found is None:
        return ""
    name, acronym = found.group(1), found.group(2)
    words = name.split()
    if name[0] != acronym[0] or all(word[:1].isupper() for word in words):
        return ""
    # "Osservatorio regionale del turismo (Ort)": the acronym spells its words' initials
    initials = "".join(word[0] for word in words if word.lower() not in _NAME_LINKS)
    return name if words[-1][:1].isupper() or initials.lower() == acronym.lower() else ""


def without_role(phrase: str) -> str:
    """ "el geógrafo Iñigo Salcedo" → "Iñigo Salcedo": an article and a lower-case role
    before a capitalised name dropped."""
    return _ROLE_BEFORE_NAME_RE.sub("", phrase, count=1)


def evidence_author_before(context: str, window: int) -> str:
    """The body whose report the article named before ("según un informe del Instituto X",
    "une étude de l'Observatoire X"), or ""."""
    found = list(_EVIDENCE_AUTHOR_RE.finditer(context[-window:]))
    return found[-1].group(1) if found else ""
