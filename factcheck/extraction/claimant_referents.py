"""Who a lowercase description names when the article named them before in another form. Pure.

Two descriptions other rules leave unresolved:

    court roles   "The prosecutor said …" → the person the report introduced as "Jane Doe,
                  prosecuting, told the court"; "the defence barrister said" → "John Roe,
                  defending, said" (British court reports' participles)
    head nouns    "the hospice said …", "the festival added" → the nearest earlier name of two
                  words or more ending in that noun ("Lanterns Children's Hospice"): the body's
                  short description by its own head noun
"""

from __future__ import annotations

import re

from factcheck.extraction.claimant_patterns import NAME, tidy

_SAYING = (
    r"(?:said|says|told|added|stated|confirmed|announced|warned|argued|claimed|explained|"
    r"insisted|admitted|accepted)"
)
_DESCRIBED_SPEAKER_RE = re.compile(
    rf"(?:^|,\s+)(?:[Tt]he|[Ii]ts)\s+((?:[a-z]+\s+)?[a-z]+)\s+(?:has\s+|had\s+)?{_SAYING}\b"
)
# The participle a court report gives each side's advocate, by the words describing them.
_COURT_PARTICIPLES = {
    "prosecutor": "prosecuting",
    "prosecution": "prosecuting",
    "crown": "prosecuting",
    "defence": "defending",
    "defense": "defending",
}
_ADVOCATES = frozenset("barrister lawyer counsel solicitor advocate".split())
_REFERENT_WINDOW = 6_000


def described_speaker(text: str, context: str) -> str:
    """The person or body a sentence's "the <description> said" refers to (module docstring),
    or "" when it is no such description or the article named nobody that way before."""
    found = _DESCRIBED_SPEAKER_RE.search(text)
    if found is None or re.search(r"[“\"«„]", text[: found.start()]):
        return ""
    words = found.group(1).split()
    window = context[-_REFERENT_WINDOW:]
    participle = next((_COURT_PARTICIPLES[w] for w in words if w in _COURT_PARTICIPLES), "")
    if participle and (len(words) == 1 or words[-1] in _ADVOCATES):
        advocates = re.findall(rf"({NAME}),\s+{participle}\b", window)
        return tidy(advocates[-1]) if advocates else ""
    head = words[-1]
    if len(words) > 1 or len(head) < 4:
        return ""
    for match in reversed(list(re.finditer(rf"({NAME})", window))):
        name = tidy(match.group(1)).rstrip(".,")
        parts = name.split()
        if len(parts) > 1 and parts[-1].lower() == head:  # a common noun ends no person's name
            return name
    return ""
