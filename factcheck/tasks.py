"""Thin Celery wrappers: ids in, one call to a domain module, bounded retries.

Each task registers under its name in ``factcheck.queue`` and runs its domain call inside
``settling.recorded``, so an exception nobody foresaw still ends the row failed with a reason.
No task chains the next step: the domain step that finishes queues it (``queue.*_enqueue``).
"""

from celery import shared_task
from django.conf import settings

from factcheck import checked_before, errors, ingest, queue, reconcile, settling, webhooks
from factcheck.sources import pipeline, recheck


@shared_task(
    bind=True,
    name=queue.ARTICLE_FETCH,
    autoretry_for=(errors.TransientFailure,),
    retry_backoff=1,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=3,
    acks_late=True,
)
def article_fetch(self, article_id: int) -> None:
    """Fetch one URL article (which then queues its extraction). Safe to run twice."""
    final_attempt = self.request.retries >= self.max_retries
    transient = (errors.TransientFailure,)  # retried by autoretry_for
    with settling.recorded(ingest.article_fail, article_id=article_id, passing=transient):
        ingest.article_fetch(article_id=article_id, final_attempt=final_attempt)


@shared_task(name=queue.ARTICLE_EXTRACT, acks_late=True)
def article_extract(article_id: int) -> None:
    """Extract the main text and claims of a fetched article. Safe to run twice."""
    with settling.recorded(ingest.article_fail, article_id=article_id):
        ingest.article_extract(article_id=article_id)


@shared_task(
    bind=True,
    name=queue.WEBHOOK_DELIVER,
    acks_late=True,
    max_retries=settings.WEBHOOK_MAX_ATTEMPTS - 1,
)
def webhook_deliver(self, delivery_id: int) -> None:
    """POST one signed webhook delivery; 5xx, 429 and timeouts are retried with backoff."""
    final_attempt = self.request.retries >= self.max_retries
    with settling.recorded(settling.delivery_fail, delivery_id=delivery_id):
        try:
            webhooks.delivery_attempt(delivery_id=delivery_id, final_attempt=final_attempt)
        except errors.TransientFailure as exc:
            raise self.retry(countdown=webhooks.retry_delay(self.request.retries)) from exc


@shared_task(name=queue.CLAIM_FIND_SOURCES, acks_late=True, ignore_result=True)
def claim_find_sources(claim_id: int) -> None:
    """Ask the enabled providers for a claim's candidate sources (which queue their fetches)."""
    with settling.recorded(settling.claim_search_fail, claim_id=claim_id):
        pipeline.claim_find_sources(claim_id=claim_id)


@shared_task(
    bind=True,
    name=queue.SOURCE_FETCH,
    acks_late=True,
    ignore_result=True,
    max_retries=settings.SOURCE_FETCH_MAX_ATTEMPTS - 1,
)
def source_fetch(self, source_id: int) -> None:
    """Fetch one source (which then queues its ranking). Safe to run twice.

    Timeouts, connection errors, 429 and 5xx are retried with jittered exponential backoff that
    honours Retry-After; other 4xx and refusals fail at once with the reason on the source.
    """
    final_attempt = self.request.retries >= self.max_retries
    with settling.recorded(pipeline.source_fail, source_id=source_id):
        try:
            pipeline.source_fetch(source_id=source_id, final_attempt=final_attempt)
        except errors.TransientFailure as exc:
            delay = pipeline.retry_delay(self.request.retries, exc.retry_after)
            raise self.retry(countdown=delay) from exc


@shared_task(name=queue.SOURCE_RANK, acks_late=True, ignore_result=True)
def source_rank(source_id: int) -> None:
    """Extract a fetched source's text and rank its passages for every claim citing it."""
    with settling.recorded(settling.source_rank_fail, source_id=source_id):
        pipeline.source_rank(source_id=source_id)


@shared_task(name=queue.SOURCES_RECHECK, acks_late=True, ignore_result=True)
def sources_recheck() -> None:
    """Queue re-fetches of stale sources cited by published verdicts (Celery beat)."""
    recheck.sources_recheck()


@shared_task(name=queue.WORK_RECONCILE, acks_late=True, ignore_result=True)
def work_reconcile() -> None:
    """Queue again the work left waiting longer than RECONCILE_AFTER (Celery beat)."""
    reconcile.work_reconcile()


@shared_task(name=queue.ARTICLE_MATCH, acks_late=True, ignore_result=True)
def article_match(article_id: int) -> None:
    """Match an article's claims against earlier claims, published verdicts and imported
    fact-checks (this worker's in-memory indexes); store the suggestions. Safe to run twice."""
    checked_before.article_claims_match(article_id=article_id)
