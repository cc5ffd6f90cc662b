"""Other publishers' ratings on our scale. Pure: the editable mappings are passed in.

In order: the publisher's own mapping of its rating text, a mapping for any publisher, the built-in
names below (English and Danish, as publishers write them), then the numeric scale
(``ratingValue`` between ``worstRating`` and ``bestRating``, either way round, negative allowed;
schema.org's defaults are 1 and 5). What none of them places is kept verbatim and flagged.
"""

import re
from dataclasses import dataclass

TRUE, MOSTLY_TRUE, MIXED = "true", "mostly_true", "mixed"
MOSTLY_FALSE, FALSE, MISLEADING, UNVERIFIABLE = (
    "mostly_false",
    "false",
    "misleading",
    "unverifiable",
)

BUILT_IN: dict[str, str] = {
    **dict.fromkeys(["true", "correct", "accurate", "sandt", "rigtigt", "korrekt"], TRUE),
    **dict.fromkeys(
        ["mostly true", "mostly correct", "largely accurate", "mostly accurate"], MOSTLY_TRUE
    ),
    **dict.fromkeys(
        [
            "half true",
            "mixture",
            "mixed",
            "partly true",
            "partly false",
            "delvis sandt",
            "delvist sandt",
        ],
        MIXED,
    ),
    **dict.fromkeys(["mostly false", "largely false", "mostly inaccurate"], MOSTLY_FALSE),
    **dict.fromkeys(
        [
            "false",
            "pants on fire",
            "fake",
            "incorrect",
            "wrong",
            "not true",
            "hoax",
            "fabricated",
            "four pinocchios",
            "falsk",
            "forkert",
            "usandt",
            "scam",
        ],
        FALSE,
    ),
    **dict.fromkeys(
        [
            "misleading",
            "vildledende",
            "missing context",
            "lacks context",
            "needs context",
            "out of context",
            "miscaptioned",
            "exaggerated",
            "exaggeration",
            "cherry picks",
            "manglende kontekst",
            "satire",
        ],
        MISLEADING,
    ),
    **dict.fromkeys(
        [
            "unproven",
            "unverified",
            "unverifiable",
            "unsupported",
            "no evidence",
            "research in progress",
            "uafklaret",
            "ikke dokumenteret",
            "kan ikke bekræftes",
        ],
        UNVERIFIABLE,
    ),
}
_PUNCTUATION = re.compile(r"[^\w\s]+")


@dataclass(frozen=True)
class Placed:
    rating: str  # on our scale, "" when unmapped
    unmapped: bool
    how: str  # "publisher mapping", "mapping", "built-in name", "numeric scale" or "unmapped"


def key(text: str) -> str:
    """Rating text compared without case, punctuation or repeated spaces ("Pants on Fire!")."""
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def place(
    *,
    publisher: str,
    text: str,
    value: float | None,
    best: float | None,
    worst: float | None,
    mappings: dict[tuple[str, str], str],
) -> Placed:
    """Our rating for another publisher's. `mappings` maps (key(publisher), key(text)) to a rating;
    a publisher of "" applies to all."""
    name = key(text)
    for owner, how in ((key(publisher), "publisher mapping"), ("", "mapping")):
        if name and (owner or how == "mapping") and (owner, name) in mappings:
            return Placed(mappings[(owner, name)], False, how)
    if name in BUILT_IN:
        return Placed(BUILT_IN[name], False, "built-in name")
    scaled = numeric(value, best, worst)
    if scaled is not None:
        return Placed(scaled, False, "numeric scale")
    return Placed("", True, "unmapped")


def numeric(value: float | None, best: float | None, worst: float | None) -> str | None:
    """A value on the publisher's scale placed on ours by where it sits between worst and best."""
    if value is None:
        return None
    best = 5.0 if best is None else best
    worst = 1.0 if worst is None else worst
    if best == worst or not min(best, worst) <= value <= max(best, worst):
        return None
    share = (value - worst) / (best - worst)
    for floor, rating in (
        (0.875, TRUE),
        (0.625, MOSTLY_TRUE),
        (0.375, MIXED),
        (0.125, MOSTLY_FALSE),
    ):
        if share >= floor:
            return rating
    return FALSE
