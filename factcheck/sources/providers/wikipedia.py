"""Wikipedia: the MediaWiki search API (``action=query&list=search``), then the pages found."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from django.conf import settings

from factcheck.models import Claim, Evidence
from factcheck.sources import ranking
from factcheck.sources.providers import Candidate
from factcheck.sources.providers.api import get_json

NAME = "Wikipedia"
_TAG = re.compile(r"<[^>]+>")


def enabled() -> bool:
    """On when SOURCES_WIKIPEDIA_URL names a wiki (e.g. https://en.wikipedia.org)."""
    return bool(settings.SOURCES_WIKIPEDIA_URL)


def find(claim: Claim) -> list[Candidate]:
    """The wiki's best-matching pages for the claim's query, as page URLs."""
    base = settings.SOURCES_WIKIPEDIA_URL.rstrip("/")
    params = {
        "action": "query",
        "list": "search",
        "srsearch": ranking.claim_query(claim.text, claim.claimant),
        "srlimit": settings.SOURCES_RESULTS_PER_PROVIDER,
        "format": "json",
    }
    data = get_json(f"{base}/w/api.php", params)
    hits = data.get("query", {}).get("search", [])
    return [
        Candidate(
            url=page_url(base, hit["title"]),
            title=hit["title"],
            snippet=plain_snippet(str(hit.get("snippet") or "")),
            provider=Evidence.Provider.WIKIPEDIA,
        )
        for hit in hits
        if isinstance(hit, dict) and hit.get("title")
    ]


def page_url(base: str, title: str) -> str:
    """The article URL for a page title: spaces become underscores, the rest is percent-encoded."""
    return f"{base}/wiki/{quote(title.replace(' ', '_'), safe='()_,')}"


def plain_snippet(snippet: str) -> str:
    """The search snippet without its <span class="searchmatch"> highlighting."""
    return html.unescape(_TAG.sub("", snippet)).strip()
