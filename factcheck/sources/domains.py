"""A URL's registered domain ("bbc.co.uk" for news.bbc.co.uk), from the bundled suffix list.

``suffix_list_urls=()`` keeps tldextract offline: it never downloads the public suffix list.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import tldextract


@cache
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(url: str) -> str:
    """The domain a site registered, or the bare host for IP addresses and local names."""
    host = (urlsplit(url).hostname or "").lower()
    parts = _extractor()(host)
    return parts.top_domain_under_public_suffix or host
