"""Claim extraction: article text → sentences → check-worthy claims. Pure: no Django.

    articles     extract_from_html / extract_from_text → ExtractedArticle; content_hash
    sentences    split_sentences → Sentence (exact character spans)
    grams        the features the check-worthiness model reads
    model        the shipped model (JSON) scored in pure Python; training builds it
    furniture    bylines, captions, tweet footers, bios: never claims
    scoring      checkworthiness (model + news rules), checkworthiness_explain, classify_kind
    claimants    find_claimant (claimant_names: types, acronyms, one form per claimant)
    transcripts  speaker_turns: who says each sentence of an interview or debate transcript
    claims       extract_claims → ClaimCandidate

Check-worthiness: the learned model's calibrated probability shifted by news rules; see
scoring.py's docstring and the README's Check-worthiness model section.
"""

from factcheck.extraction.articles import (
    ExtractedArticle,
    content_hash,
    extract_from_html,
    extract_from_text,
    looks_like_html,
)
from factcheck.extraction.claimants import find_claimant
from factcheck.extraction.claims import CHECKWORTHINESS_THRESHOLD, ClaimCandidate, extract_claims
from factcheck.extraction.scoring import checkworthiness, checkworthiness_explain, classify_kind
from factcheck.extraction.sentences import Sentence, split_sentences

__all__ = [
    "CHECKWORTHINESS_THRESHOLD",
    "ClaimCandidate",
    "ExtractedArticle",
    "Sentence",
    "checkworthiness",
    "checkworthiness_explain",
    "classify_kind",
    "content_hash",
    "extract_claims",
    "extract_from_html",
    "extract_from_text",
    "find_claimant",
    "looks_like_html",
    "split_sentences",
]
