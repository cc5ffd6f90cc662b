"""robots.txt rules per site, cached for a day in Django's cache, downloaded once for all workers.

Downloading is the caller's job (client.py passes its own safe path in), so this module never talks
HTTP and the robots.txt request gets the same address checks and caps as any other.

One download per site, however many workers ask at once: threads of one process wait for the
thread already downloading, and processes wait for the one holding the site's download lock in the
shared cache (`cache.add`, atomic on Redis and on the database cache), then read its result.
"""

from __future__ import annotations

import copy
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from protego import Protego

AGENT_TOKEN = "FactcheckWorkbench"
CACHE_SECONDS = 24 * 60 * 60
# The time a caller has when it names none: it bounds the download lock's lifetime, so a worker
# killed mid-download holds the others up no longer than this.
DEFAULT_WAIT_SECONDS = 30.0
# How often a waiting process looks for the other's result: a small share of a typical download.
POLL_SECONDS = 0.02


def cache_key(origin: str) -> str:
    """The cache key for an origin such as "https://example.org" (port only when not default)."""
    return f"robots:{origin}"


def lock_key(origin: str) -> str:
    """The cache key held by the one process downloading origin's robots.txt."""
    return f"robots-lock:{origin}"


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
    process asking for the same origin meanwhile share one download and its outcome; processes
    share one download through the cache (one whose download failed leaves the next process to
    try its own). `wait` is the seconds the caller has (DEFAULT_WAIT_SECONDS when None): it waits
    at most half of them for another's download, keeping the rest to call download itself.
    """
    text = cache.get(cache_key(origin))
    if text is None:
        text = _download_once(origin, download, DEFAULT_WAIT_SECONDS if wait is None else wait)
    return Protego.parse(text)


def _download_once(origin: str, download: Callable[[str], str], wait: float) -> str:
    # A worker's first tasks often name the same few sites; without this each of them sent its
    # own robots.txt request, and under a per-host interval each took a turn from the pages.
    with _downloads_lock:
        pending = _downloads.get(origin)
        leading = pending is None
        if leading:
            pending = _downloads[origin] = _Download()
    if not leading:
        if not pending.done.wait(wait / 2):
            return _download_and_cache(origin, download)
        if pending.error is not None:
            raise copy.copy(pending.error)  # a copy: one exception raised in many threads
        return pending.text
    try:
        pending.text = _download_shared(origin, download, wait)
        return pending.text
    except Exception as exc:
        pending.error = exc
        raise
    finally:
        with _downloads_lock:
            del _downloads[origin]
        pending.done.set()


def _download_shared(origin: str, download: Callable[[str], str], wait: float) -> str:
    """origin's robots.txt as stored by whichever process downloads it first: maybe this one.

    Without this every fetch worker process sent its own request before its first page of a site.
    """
    give_up_at = time.monotonic() + wait / 2
    lock = lock_key(origin)
    while True:
        text = cache.get(cache_key(origin))
        if text is not None:
            return text
        # The lock outlives the holder's download, which its `wait` bounds, and no more.
        if cache.add(lock, 1, timeout=math.ceil(wait) + 1):
            try:
                # Read again: the last holder may have stored it and let go between this
                # process's cache miss and its cache.add().
                text = cache.get(cache_key(origin))
                return _download_and_cache(origin, download) if text is None else text
            finally:
                cache.delete(lock)
        if time.monotonic() >= give_up_at:
            return _download_and_cache(origin, download)
        time.sleep(POLL_SECONDS)


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
