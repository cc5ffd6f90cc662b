"""Furniture of meeting minutes, results announcements and reader-facing boxes: never a claim.
Pure pattern matching over one sentence; furniture.is_furniture reads it.

    minutes         the attendance count ("… and 14 members of the public"), apologies, a
                    declaration's or the previous minutes' approval ("approved as a correct
                    record"), the meeting's closing or reconvening time, a signature line
    releases        download and webcast links ("Download the report (PDF, 2.4 MB)", "Analyst
                    webcast at 9.30am: register here"), an enquiries line of names, roles and
                    phone numbers
    contact lines   an address or call-out line holding a phone number ("… · Tel 01632 960412",
                    "Send us your pictures on WhatsApp: 07700 900418"), a help box ("Call the
                    advice line on 0300 555 0100")
    references      a journal reference ending in its DOI ("Lee A. et al., Marine Biology
                    (2025), doi:10.1234/mb.2025.01")
    foreign boxes   a byline's share count ("· Condivisioni 842", "· 1.204 partilhas"), a
                    subscription price ("Abbonati: 1 euro al mese per i primi 3 mesi", "Assine
                    por 1,90 € por mês")
"""

from __future__ import annotations

import re

_PHONE = r"(?:\+\d{1,3}[\s-]?)?\(?0?\d{2,5}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b"
_MINUTES_RE = re.compile(
    r"\band\s+\d+\s+members?\s+of\s+the\s+public\W*$"
    r"|^\W*(?:\d+\s+)?members?\s+of\s+the\s+public\s*:\s*\d+\W*$"
    r"|^\W*apologies\s+(?:for\s+absence\s+)?(?:were|was)\s+(?:received|noted|accepted)\b"
    r"|\bapproved\s+as\s+a\s+(?:correct|true|accurate)\s+record\b"
    r"|^\W*(?:the\s+)?meeting\s+(?:closed|ended|finished|was\s+closed|was\s+reconvened|"
    r"reconvened|resumed)\s+at\s+\d"
    r"|^\W*signed\s*:?\s*\.{3,}",
    re.I,
)
_RELEASE_RE = re.compile(
    r"^\W*download\b[^.!?]{0,80}\((?:pdf|xlsx?|docx?|csv|zip)\b[^)]{0,30}\)"
    r"|\bwebcast\b[^.!?]{0,80}\b(?:register|sign\s+up|join)\s+here\b"
    rf"|\b(?:head\s+of\s+)?(?:investor\s+relations|media\s+relations|press\s+office)\b[^.]{{0,40}}"
    rf"{_PHONE}",
    re.I,
)
_CONTACT_LINE_RE = re.compile(
    rf"(?:^|·\s*)(?:tel|telephone|phone)\.?\s*:?\s*{_PHONE}\s*(?:·|$)"
    rf"|\b(?:whatsapp|text|call|ring|phone)\s+(?:us\s+)?(?:on\s+)?:?\s*{_PHONE}\W*$"
    rf"|\bsend\s+us\s+your\b[^.!?]{{0,80}}{_PHONE}"
    # a help box: "Call the council's advice line on 0300 555 0100, or 999 in an emergency"
    rf"|^\W*(?:call|ring|phone|contact|text)\s+(?:the|our|your)\b[^.!?]{{0,80}}?\bon\s+{_PHONE}",
    re.I,
)
# A journal reference: "Lee A. et al., Marine Biology (2025), doi:10.1234/mb.2025.01".
_REFERENCE_RE = re.compile(
    r"\bdoi:?\s*10\.\d{4,9}/\S+\W*$|\bdoi\.org/10\.\d{4,9}/\S+\W*$"
    r"|^\W*[A-Z][\w'’-]+(?:\s+[A-Z]\.){1,3},?\s+et\s+al\.?,\s+[^.]{1,120}\(\d{4}\)",
    re.I,
)
_FOREIGN_BOX_RE = re.compile(
    r"(?:^|·\s*)(?:condivisioni|commenti|partilhas|compartilhamentos|comentários)\s*:?\s*"
    r"\d[\d.,]*\W*(?:·|$)"
    r"|\b(?:abbonati|abbonamento|assine|assinatura)\b[^.!?]{0,60}?\d+(?:[.,]\d\d)?\s*"
    r"(?:€|euro|euros)\s+(?:al|por|ao)\s+(?:mese|mês|anno|ano|settimana|semana)\b",
    re.I,
)
_ANY_RE = re.compile(
    "|".join(
        f"(?:{pattern.pattern})"
        for pattern in (_MINUTES_RE, _RELEASE_RE, _CONTACT_LINE_RE, _FOREIGN_BOX_RE, _REFERENCE_RE)
    ),
    re.I,
)
# The pattern with the lower-cased strings one of which a sentence must contain.
PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_ANY_RE, ("of the public", "apologies", "record", "meeting ", "signed", "download",
               "webcast", "relations", "press office", "tel ", "tel.", "tel:", "telephone",
               "phone", "whatsapp", "send us", "text us", "call us", "ring us", "condivisioni",
               "commenti", "partilhas", "compartilha", "comentários", "abbona", "assin", "call ",
               "ring ", "contact ", "text ", "doi")),
)  # fmt: skip
