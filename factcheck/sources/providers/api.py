"""Calls to the search services' JSON APIs, through the one safe fetch path."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from django.conf import settings

from factcheck import http
from factcheck.http import netsafety


class ProviderError(Exception):
    """A search service answered with something that is not its documented format."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


API_MAX_BYTES = 2 * 1024 * 1024
JSON_TYPES = frozenset({"application/json", "application/sparql-results+json"})


def api_policy() -> http.FetchPolicy:
    """JSON only, no robots.txt (APIs we were configured to call), host spacing; the configured
    service origins pass the private-address check (redirects away from them do not)."""
    return http.configured_policy(
        max_bytes=API_MAX_BYTES,
        allowed_types=JSON_TYPES,
        per_host_interval=settings.FETCH_PER_HOST_INTERVAL,
        trusted_origins=frozenset(settings.FETCH_TRUSTED_ORIGINS) | service_origins(),
    )


def service_origins() -> frozenset[str]:
    """The configured search services: a self-hosted SearxNG may live on the newsroom's network."""
    urls = (settings.SOURCES_SEARXNG_URL, settings.SOURCES_WIKIPEDIA_URL)
    return frozenset(netsafety.parse_url(url).origin for url in urls if url)


def get_json(base_url: str, params: dict[str, str | int]) -> dict:
    """GET base_url?params and decode the JSON object. Raises FetchError or ProviderError."""
    separator = "&" if "?" in base_url else "?"
    result = http.fetch(f"{base_url}{separator}{urlencode(params)}", policy=api_policy())
    try:
        data = json.loads(result.body)
    except ValueError as exc:
        raise ProviderError(f"{base_url} did not answer with JSON.") from exc
    if not isinstance(data, dict):
        raise ProviderError(f"{base_url} answered with JSON that is not an object.")
    return data
