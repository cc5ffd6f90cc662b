"""robots.txt rules per site, cached for a day in Django's cache.

Downloading is the caller's job (fetch.py passes its own safe path in), so this module never talks
HTTP and the robots.txt request gets the same address checks and caps as any other.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from protego import Protego

AGENT_TOKEN = "FactcheckWorkbench"
CACHE_SECONDS = 24 * 60 * 60


def cache_key(origin: str) -> str:
    """The cache key for an origin such as "https://example.org" (port only when not default)."""
    return f"robots:{origin}"


@dataclass
class _Download:
    """A robots.txt download under way; other threads wanting the same origin wait for it."""

    done: threading.Event = field(default_factory=threading.Event)
    text: str | None = None
    error: Exception | None = None


_downloads: dict[str, _Download] = {}
_downloads_lock = threading.Lock()


def rules_for(origin: str, *, download: Callable[[str], str], wait: float | None = None) -> Protego:
    """The parsed robots.txt of origin, from the cache or from download(robots_url).

    download returns the file's text ("" when the site has none) or raises; errors are not cached,
    so a site whose robots.txt was unreachable is asked again on the next fetch. Threads of one
    process asking for the same origin meanwhile share one download and its outcome; one waits
    at most `wait` seconds for another's download before calling download itself.
    """
    text = cache.get(cache_key(origin))
    if text is None:
        text = _download_once(origin, download, wait)
    return Protego.parse(text)


def _download_once(origin: str, download: Callable[[str], str], wait: float | None) -> str:
    # A worker's first tasks often name the same few sites; without this each of them sent its
    # own robots.txt request, and under a per-host interval each took a turn from the pages.
    with _downloads_lock:
        pending = _downloads.get(origin)
        leading = pending is None
        if leading:
            pending = _downloads[origin] = _Download()
    if not leading:
        if not pending.done.wait(wait):
            return _download_and_cache(origin, download)
        if pending.error is not None:
            raise copy.copy(pending.error)  # a copy: one exception raised in many threads
        return pending.text
    try:
        # The download that just finished may have been stored after this thread's cache miss.
        pending.text = cache.get(cache_key(origin))
        if pending.text is None:
            pending.text = _download_and_cache(origin, download)
        return pending.text
    except Exception as exc:
        pending.error = exc
        raise
    finally:
        with _downloads_lock:
            del _downloads[origin]
        pending.done.set()


def _download_and_cache(origin: str, download: Callable[[str], str]) -> str:
    text = download(f"{origin}/robots.txt")
    cache.set(cache_key(origin), text, CACHE_SECONDS)
    return text


def allows(rules: Protego, url: str) -> bool:
    """Whether the workbench's agent may fetch url under rules."""
    return rules.can_fetch(url, AGENT_TOKEN)


def crawl_delay(rules: Protego) -> float:
    """The Crawl-delay asked of the workbench's agent, in seconds (0 when none)."""
    return float(rules.crawl_delay(AGENT_TOKEN) or 0.0)
