"""Where candidate sources for a claim come from.

Every provider is a module with ``enabled() -> bool`` and ``find(claim) -> list[Candidate]``.
``find_candidates`` asks each enabled one in turn; a provider that fails is logged and skipped,
so one search service being down never hides the others' candidates.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from types import ModuleType

from factcheck import http
from factcheck.models import Claim
from factcheck.sources.providers.api import ProviderError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """A URL a provider thinks bears on a claim, with what the provider said about it."""

    url: str
    title: str
    snippet: str
    provider: str  # an Evidence.Provider value
    external_rating: str = ""  # an existing fact-check's textual rating ("False", "Mostly true")
    external_publisher: str = ""


def registry() -> list[ModuleType]:
    """Every provider module, in the order their candidates are stored."""
    # Imported here: each provider module imports Candidate from this package.
    from factcheck.sources.providers import article_links, factcheck_tools, searxng, wikipedia

    return [article_links, factcheck_tools, wikipedia, searxng]


# The setting that turns each provider on, for "no provider configured" on the claim page.
SETTINGS = {
    "article_links": "SOURCES_ARTICLE_LINKS",
    "factcheck_tools": "SOURCES_FACTCHECK_API_KEY",
    "wikipedia": "SOURCES_WIKIPEDIA_URL",
    "searxng": "SOURCES_SEARXNG_URL",
}


def find_candidates(claim: Claim) -> list[Candidate]:
    """Candidates from every enabled provider, first mention of a URL kept."""
    return search(claim)[0]


def search(claim: Claim) -> tuple[list[Candidate], list[dict]]:
    """(candidates, what each provider did): for every provider, its name, the setting that
    turns it on, and ``off``, ``found`` (with how many) or ``failed`` (with the reason)."""
    found: dict[str, Candidate] = {}
    report = []
    for provider in registry():
        key = provider.__name__.rsplit(".", 1)[-1]
        row = {"provider": provider.NAME, "setting": SETTINGS.get(key, ""), "found": 0}
        report.append(row)
        if not provider.enabled():
            row["outcome"] = "off"
            continue
        try:
            candidates = provider.find(claim)
        except (http.FetchError, ProviderError) as exc:
            logger.warning("%s found nothing for claim %s: %s", provider.NAME, claim.pk, exc.reason)
            row["outcome"], row["reason"] = "failed", str(exc.reason)[:500]
            continue
        row["outcome"], row["found"] = "found", len(candidates)
        for candidate in candidates:
            found.setdefault(candidate.url, candidate)
    return list(found.values()), report
