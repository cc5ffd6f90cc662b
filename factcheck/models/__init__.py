"""Articles, claims, sources, evidence and verdicts: data and invariants only.

Workflow lives in plain modules (``ingest``, ``review``, ``sources``); nothing here has side
effects in ``save()`` or signals. One module per stage of the pipeline, in the order data flows:

    articles.py   Article, ArticleRaw, Tag, Claim, ClaimNote
    sources.py    Source, SourceSnapshot, SourceDocument, Evidence, SourceChange
    verdicts.py   Verdict
    matching.py   ExternalFactCheck, RatingMapping, MatchSuggestion, ArticleFingerprint
    outbound.py   WebhookSubscription, WebhookDelivery, ApiToken
"""

from factcheck.models.articles import Article, ArticleRaw, Claim, ClaimNote, Tag
from factcheck.models.base import TimeStamped
from factcheck.models.matching import (
    ArticleFingerprint,
    ExternalFactCheck,
    MatchSuggestion,
    RatingMapping,
)
from factcheck.models.outbound import ApiToken, WebhookDelivery, WebhookSubscription
from factcheck.models.sources import Evidence, Source, SourceChange, SourceDocument, SourceSnapshot
from factcheck.models.verdicts import Verdict

__all__ = [
    "ApiToken",
    "Article",
    "ArticleFingerprint",
    "ArticleRaw",
    "Claim",
    "ClaimNote",
    "Evidence",
    "ExternalFactCheck",
    "MatchSuggestion",
    "RatingMapping",
    "Source",
    "SourceChange",
    "SourceDocument",
    "SourceSnapshot",
    "Tag",
    "TimeStamped",
    "Verdict",
    "WebhookDelivery",
    "WebhookSubscription",
]
