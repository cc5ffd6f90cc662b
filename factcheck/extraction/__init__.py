"""Claim extraction: article text → sentences → check-worthy claims. Pure: no Django.

    articles     extract_from_html / extract_from_text → ExtractedArticle
    sentences    split_sentences → Sentence (exact character spans)
    scoring      checkworthiness (features and weights in its docstring), classify_kind
    claimants    find_claimant
    claims       extract_claims → ClaimCandidate

Check-worthiness features and weights (scoring.py holds the authoritative table): figures
+0.35, dates/times +0.15, names +0.20, attribution +0.25, comparison +0.10, base 0.10; opinion
or hedging in the writer's voice -0.30, question -0.40, call to action -0.50, first-person
boilerplate -0.30, author bio -0.60, comment-form text -0.80, fragment under 5 words -0.50.
"""

from factcheck.extraction.articles import (
    ExtractedArticle,
    extract_from_html,
    extract_from_text,
    looks_like_html,
)
from factcheck.extraction.claimants import find_claimant
from factcheck.extraction.claims import CHECKWORTHINESS_THRESHOLD, ClaimCandidate, extract_claims
from factcheck.extraction.scoring import checkworthiness, classify_kind
from factcheck.extraction.sentences import Sentence, split_sentences

__all__ = [
    "CHECKWORTHINESS_THRESHOLD",
    "ClaimCandidate",
    "ExtractedArticle",
    "Sentence",
    "checkworthiness",
    "classify_kind",
    "extract_claims",
    "extract_from_html",
    "extract_from_text",
    "find_claimant",
    "looks_like_html",
    "split_sentences",
]
