"""Web search through a SearxNG instance's JSON API: ``/search?q=…&format=json``."""

from __future__ import annotations

from django.conf import settings

from factcheck.models import Claim, Evidence
from factcheck.sources import ranking
from factcheck.sources.providers import Candidate
from factcheck.sources.providers.api import get_json

NAME = "SearxNG"


def enabled() -> bool:
    """On when SOURCES_SEARXNG_URL names an instance."""
    return bool(settings.SOURCES_SEARXNG_URL)


def find(claim: Claim) -> list[Candidate]:
    """The instance's top results for the claim's query (entities, numbers, claimant)."""
    query = ranking.claim_query(claim.text, claim.claimant)
    base = settings.SOURCES_SEARXNG_URL.rstrip("/")
    data = get_json(f"{base}/search", {"q": query, "format": "json"})
    return [
        Candidate(
            url=result["url"],
            title=str(result.get("title") or ""),
            snippet=str(result.get("content") or ""),
            provider=Evidence.Provider.SEARXNG,
        )
        for result in data.get("results", [])[: settings.SOURCES_RESULTS_PER_PROVIDER]
        if isinstance(result, dict) and result.get("url")
    ]
