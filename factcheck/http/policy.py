"""How far a fetch may go: sizes, types, timeouts, redirects, private networks, robots.txt."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from factcheck.http.answers import READABLE_TYPES


@dataclass(frozen=True)
class FetchPolicy:
    """How far a fetch may go. Ingestion and sources each build one from settings."""

    max_bytes: int = 5 * 1024 * 1024
    allowed_types: frozenset[str] = READABLE_TYPES
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0  # wall clock for the whole fetch: robots.txt, redirects, body
    max_redirects: int = 5
    allow_private: bool = False  # settings.FETCH_ALLOW_PRIVATE_NETWORKS; tests set True explicitly
    user_agent: str = "FactcheckWorkbench/0.1 (+https://github.com/factcheck-workbench)"
    respect_robots: bool = False
    per_host_interval: float = 0.0  # seconds between requests to one host, across processes
    # Origins ("http://127.0.0.1:8001") exempt from the private-address check, for a service the
    # workbench is deliberately pointed at (and tests). Empty by default; redirects away from a
    # trusted origin are checked like any other hop.
    trusted_origins: frozenset[str] = frozenset()


def configured_policy(**overrides: object) -> FetchPolicy:
    """A policy with the deployment's FETCH_* settings (timeouts, private networks, User-Agent);
    the caller sets what it fetches (size, types, robots.txt, spacing, trusted origins)."""
    configured = {
        "connect_timeout": settings.FETCH_CONNECT_TIMEOUT,
        "read_timeout": settings.FETCH_READ_TIMEOUT,
        "total_timeout": settings.FETCH_TOTAL_TIMEOUT,
        "allow_private": settings.FETCH_ALLOW_PRIVATE_NETWORKS,
        "user_agent": settings.FETCH_USER_AGENT,
    }
    return FetchPolicy(**{**configured, **overrides})
