"""How long to wait before trying again: one rule for source fetches and webhook deliveries.

Article fetches retry with Celery's own backoff instead (``retry_backoff`` on
``tasks.article_fetch``: at most 3 retries, up to a minute apart).
"""

import random


def retry_delay(retries: int, *, base: float, cap: float, at_least: float = 0.0) -> float:
    """Seconds before attempt ``retries + 2``: ``base × 2^retries`` with jitter (between half of
    it and all of it, so that failures that happened together do not retry together), never less
    than ``at_least`` (a server's Retry-After); everything capped at ``cap``."""
    ceiling = min(cap, base * 2**retries)
    delay = random.uniform(ceiling / 2, ceiling)  # noqa: S311 - jitter, not a secret
    return min(cap, max(delay, at_least))
