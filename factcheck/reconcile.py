"""The reconciler: work left waiting too long is queued again, a few times, then given up.

A message can be lost (a broker restarted without persistence, a send while Redis was down), a
worker can be killed mid-task, a database connection can drop: the row then waits in
``queued``/``fetching`` (articles, sources), ``pending`` (webhook deliveries), unranked (fetched
sources whose evidence is not ranked) or unsearched (claims) and nothing else would ever pick it
up. Celery beat runs ``work_reconcile`` every ``RECONCILE_EVERY`` seconds; a row untouched for
``RECONCILE_AFTER`` seconds is queued again, at most ``RECONCILE_MAX_ATTEMPTS`` times, then failed
with the reason "Gave up after N attempts".

Idempotent: each re-queue is a conditional update (still waiting, still untouched, under the
limit) that stamps the row, so two reconcilers never queue one row twice, and every task it sends
is safe to run twice. Rows actively worked on are touched as they go (``updated_at``), so
``RECONCILE_AFTER`` must exceed the longest retry delay (SOURCE_RETRY_MAX_DELAY,
WEBHOOK_RETRY_BACKOFF_MAX) and fetch (FETCH_TOTAL_TIMEOUT).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from factcheck import ingest, queue, settling
from factcheck.models import Article, Claim, Evidence, Source, WebhookDelivery
from factcheck.sources import pipeline

logger = logging.getLogger(__name__)

BATCH = 500  # rows of one kind per run; the next run takes the rest
LOCK_KEY = "reconcile:running"
LOCK_SECONDS = 300  # a run killed mid-way holds the others up no longer than this


def gave_up(attempts: int) -> str:
    return (
        f"Gave up after {attempts} attempts: the work was queued again {attempts} times and "
        "never finished (a lost message, a worker stopped or a dropped connection; see the logs)."
    )


def work_reconcile(*, now: datetime | None = None) -> dict[str, int]:
    """Re-queue or give up every kind of stale work; {kind: rows re-queued or given up}.

    One run at a time across workers (a lock in the shared cache): runs piling up behind a busy
    queue would otherwise compete with the work they look after.
    """
    if not cache.add(LOCK_KEY, 1, timeout=LOCK_SECONDS):
        return {}
    try:
        return _reconcile(now or timezone.now())
    finally:
        cache.delete(LOCK_KEY)


def _reconcile(now: datetime) -> dict[str, int]:
    cutoff = now - timedelta(seconds=settings.RECONCILE_AFTER)
    unranked = Evidence.objects.filter(suggested_stance=Evidence.Stance.PENDING)
    counts = {
        "articles": _settle(
            Article.objects.filter(status__in=ingest.PENDING, updated_at__lt=cutoff),
            now,
            fail=lambda pk, why: ingest.article_fail(article_id=pk, reason=why),
            enqueue=queue.article_fetch_enqueue,
        ),
        "sources": _settle(
            Source.objects.filter(status__in=pipeline.PENDING, updated_at__lt=cutoff),
            now,
            fail=lambda pk, why: pipeline.source_fail(source_id=pk, reason=why),
            enqueue=queue.source_fetch_enqueue,
        ),
        # Fetched sources whose evidence still waits for its ranking (source_rank was lost).
        "rankings": _settle(
            Source.objects.filter(
                status=Source.Status.FETCHED,
                updated_at__lt=cutoff,
                pk__in=unranked.values("source_id"),
            ),
            now,
            fail=lambda pk, why: settling.source_rank_fail(source_id=pk, reason=why),
            enqueue=queue.source_rank_enqueue,
        ),
        "deliveries": _settle(
            WebhookDelivery.objects.filter(
                status=WebhookDelivery.Status.PENDING, updated_at__lt=cutoff
            ),
            now,
            fail=lambda pk, why: settling.delivery_fail(delivery_id=pk, reason=why),
            enqueue=queue.webhook_deliver_enqueue,
        ),
        "searches": _searches(now),
    }
    if any(counts.values()):
        logger.warning("Reconciler re-queued or gave up stale work: %s", counts)
    return counts


def _settle(
    stale: QuerySet,
    now: datetime,
    *,
    fail: Callable[[int, str], None],
    enqueue: Callable[[int], None],
) -> int:
    """Give up stale rows at the attempt limit, re-queue the others; how many of both."""
    limit = settings.RECONCILE_MAX_ATTEMPTS
    spent = _oldest(stale.filter(requeues__gte=limit))
    for pk in spent:
        fail(pk, gave_up(limit))
    requeued = [
        pk for pk in _oldest(stale.filter(requeues__lt=limit)) if _requeue(stale, pk, now, enqueue)
    ]
    return len(spent) + len(requeued)


def _oldest(rows: QuerySet) -> list[int]:
    return list(rows.order_by("updated_at").values_list("pk", flat=True)[:BATCH])


@transaction.atomic
def _requeue(stale: QuerySet, pk: int, now: datetime, enqueue: Callable[[int], None]) -> bool:
    """Stamp one row if it is still stale and under the limit, and queue its task after commit."""
    limit = settings.RECONCILE_MAX_ATTEMPTS
    stamped = stale.filter(pk=pk, requeues__lt=limit).update(
        requeues=F("requeues") + 1, updated_at=now
    )
    if stamped:
        enqueue(pk)
    return bool(stamped)


def _searches(now: datetime) -> int:
    """Claims never searched for sources although searching on ingest is on.

    A claim's updated_at is its editors' (the API's `updated_since`), so it is not stamped: the
    n-th re-queue waits until the claim is (n + 1) × RECONCILE_AFTER old.
    """
    if not settings.SOURCES_FIND_ON_INGEST:
        return 0
    limit, after = settings.RECONCILE_MAX_ATTEMPTS, timedelta(seconds=settings.RECONCILE_AFTER)
    unsearched = Claim.objects.filter(sources_searched_at__isnull=True, created_at__lt=now - after)
    rows = unsearched.order_by("created_at").values_list("pk", "search_requeues", "created_at")
    acted = 0
    for pk, requeues, created_at in rows[:BATCH]:
        if created_at >= now - after * (requeues + 1):
            continue  # its last re-queue is not RECONCILE_AFTER old yet
        if requeues >= limit:
            settling.claim_search_fail(claim_id=pk, reason=gave_up(limit))
            acted += 1
        else:
            acted += _search_requeued(pk, requeues)
    return acted


@transaction.atomic
def _search_requeued(claim_id: int, requeues: int) -> int:
    stamped = Claim.objects.filter(
        pk=claim_id, sources_searched_at__isnull=True, search_requeues=requeues
    ).update(search_requeues=requeues + 1)
    if stamped:
        queue.claim_find_sources_enqueue(claim_id)
    return stamped
