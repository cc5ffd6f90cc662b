"""robots.txt rules per site, cached for a day in Django's cache.

Downloading is the caller's job (fetch.py passes its own safe path in), so this module never talks
HTTP and the robots.txt request gets the same address checks and caps as any other.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from protego import Protego

AGENT_TOKEN = "FactcheckWorkbench"
CACHE_SECONDS = 24 * 60 * 60


def cache_key(origin: str) -> str:
    """The cache key for an origin such as "https://example.org" (port only when not default)."""
    return f"robots:{origin}"


def rules_for(origin: str, *, download: Callable[[str], str]) -> Protego:
    """The parsed robots.txt of origin, from the cache or from download(robots_url).

    download returns the file's text ("" when the site has none) or raises; errors are not cached,
    so a site whose robots.txt was unreachable is asked again on the next fetch.
    """
    text = cache.get(cache_key(origin))
    if text is None:
        text = download(f"{origin}/robots.txt")
        cache.set(cache_key(origin), text, CACHE_SECONDS)
    return Protego.parse(text)


def allows(rules: Protego, url: str) -> bool:
    """Whether the workbench's agent may fetch url under rules."""
    return rules.can_fetch(url, AGENT_TOKEN)


def crawl_delay(rules: Protego) -> float:
    """The Crawl-delay asked of the workbench's agent, in seconds (0 when none)."""
    return float(rules.crawl_delay(AGENT_TOKEN) or 0.0)
