"""Check-worthy claims of an article body: sentences scored, attributed and classified."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extraction.claimants import CONTEXT_WINDOW, find_claimant
from factcheck.extraction.scoring import score_and_kind
from factcheck.extraction.sentences import split_sentences

CHECKWORTHINESS_THRESHOLD = 0.5


@dataclass(frozen=True)
class ClaimCandidate:
    """A sentence worth checking; `body[start:end] == text` for the body it came from."""

    text: str
    start: int
    end: int
    score: float  # 0..1
    claimant: str  # "" when the article attributes it to nobody
    kind: str  # "statistic", "quote", "event", "fact" or "other"


def extract_claims(body: str, threshold: float = CHECKWORTHINESS_THRESHOLD) -> list[ClaimCandidate]:
    """Every sentence of `body` scoring at or above `threshold`, in reading order."""
    claims = []
    for sentence in split_sentences(body):
        score, kind = score_and_kind(sentence.text)
        if score < threshold:
            continue
        context = body[max(0, sentence.start - CONTEXT_WINDOW) : sentence.start]
        claimant = find_claimant(sentence.text, context)
        claims.append(
            ClaimCandidate(sentence.text, sentence.start, sentence.end, score, claimant, kind)
        )
    return claims
