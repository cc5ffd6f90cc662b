"""Existing fact-checks: Google Fact Check Tools ``claims:search`` (ClaimReview results).

Off without SOURCES_FACTCHECK_API_KEY. Each review becomes a candidate carrying the publisher's
textual rating, so an editor sees "already checked by X: False" beside the claim.
"""

from __future__ import annotations

from django.conf import settings

from factcheck import factchecks
from factcheck.models import Claim, Evidence
from factcheck.sources import ranking
from factcheck.sources.providers import Candidate
from factcheck.sources.providers.api import get_json

NAME = "Fact Check Tools"


def enabled() -> bool:
    return bool(settings.SOURCES_FACTCHECK_API_KEY)


def find(claim: Claim) -> list[Candidate]:
    """Reviews of matching claims, following nextPageToken up to SOURCES_FACTCHECK_MAX_PAGES."""
    params: dict[str, str | int] = {
        "query": ranking.claim_query(claim.text, claim.claimant),
        "pageSize": settings.SOURCES_RESULTS_PER_PROVIDER,
        "key": settings.SOURCES_FACTCHECK_API_KEY,
    }
    url = f"{settings.SOURCES_FACTCHECK_URL.rstrip('/')}/v1alpha1/claims:search"
    candidates: list[Candidate] = []
    for _page in range(settings.SOURCES_FACTCHECK_MAX_PAGES):
        data = get_json(url, params)
        factchecks.external_factchecks_from_factcheck_tools(data)  # kept like imported ones
        candidates += [c for item in data.get("claims", []) for c in _reviews(item)]
        if not data.get("nextPageToken"):
            break
        params["pageToken"] = data["nextPageToken"]
    return candidates


def _reviews(item: dict) -> list[Candidate]:
    """One candidate per ClaimReview of a matched claim."""
    reviewed = f"{item.get('claimant') or 'Someone'}: “{item.get('text', '')}”"
    return [
        Candidate(
            url=review["url"],
            title=str(review.get("title") or ""),
            snippet=reviewed,
            provider=Evidence.Provider.FACTCHECK,
            external_rating=str(review.get("textualRating") or "")[:200],
            external_publisher=_publisher(review)[:300],
        )
        for review in item.get("claimReview", [])
        if isinstance(review, dict) and review.get("url")
    ]


def _publisher(review: dict) -> str:
    publisher = review.get("publisher") or {}
    return str(publisher.get("name") or publisher.get("site") or "")
