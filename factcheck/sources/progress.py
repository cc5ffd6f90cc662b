"""How far the workers are with a claim's sources: queued, fetching, fetched, failed.

Read-only selectors for the admin, the API and ``manage.py ingest --wait``; one query each.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count

from factcheck.models import Claim, Evidence, Source

STATES = tuple(Source.Status.values)  # queued, fetching, fetched, failed


def empty() -> dict[str, int]:
    return dict.fromkeys((*STATES, "total"), 0)


def claims_source_progress(claim_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """{claim id: {"queued": n, "fetching": n, "fetched": n, "failed": n, "total": n}}."""
    ids = list(claim_ids)
    progress = {claim_id: empty() for claim_id in ids}
    rows = (
        Evidence.objects.filter(claim_id__in=ids)
        .values_list("claim_id", "source__status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for claim_id, status, n in rows:
        progress[claim_id][status] += n
        progress[claim_id]["total"] += n
    return progress


def claim_source_progress(claim: Claim) -> dict[str, int]:
    """One claim's source counts by status, with "total"."""
    return claims_source_progress([claim.pk])[claim.pk]


def article_source_progress(article_id: int) -> dict[str, int]:
    """Source counts over an article's claims, plus "searching" (claims not yet searched) and
    "ranking" (fetched evidence not ranked yet)."""
    totals = empty()
    rows = (
        Evidence.objects.filter(claim__article_id=article_id)
        .values_list("source__status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for status, n in rows:
        totals[status] += n
        totals["total"] += n
    unsearched = Claim.objects.filter(article_id=article_id, sources_searched_at__isnull=True)
    unranked = Evidence.objects.filter(
        claim__article_id=article_id,
        source__status=Source.Status.FETCHED,
        suggested_stance=Evidence.Stance.PENDING,
    )
    return {**totals, "searching": unsearched.count(), "ranking": unranked.count()}


def settled(progress: dict[str, int]) -> bool:
    """True when no claim awaits its search, no source is pending and none awaits ranking."""
    pending = ("searching", "ranking", Source.Status.QUEUED, Source.Status.FETCHING)
    return not any(progress.get(key, 0) for key in pending)
