"""Thin Celery wrappers: ids in, one call to a domain module, bounded retries."""

from celery import shared_task
from django.conf import settings

from factcheck import ingest, webhooks


@shared_task(
    bind=True,
    autoretry_for=(ingest.TransientFetchFailure,),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=3,
    acks_late=True,
)
def article_fetch(self, article_id: int) -> None:
    """Fetch one URL article, then hand it to the analyse queue. Safe to run twice."""
    final_attempt = self.request.retries >= self.max_retries
    if ingest.article_fetch(article_id=article_id, final_attempt=final_attempt):
        article_extract.delay(article_id)


@shared_task(acks_late=True)
def article_extract(article_id: int) -> None:
    """Extract the main text and claims of a fetched article. Safe to run twice."""
    ingest.article_extract(article_id=article_id)


@shared_task(bind=True, acks_late=True, max_retries=settings.WEBHOOK_MAX_ATTEMPTS - 1)
def webhook_deliver(self, delivery_id: int) -> None:
    """POST one signed webhook delivery; 5xx, 429 and timeouts are retried with backoff."""
    final_attempt = self.request.retries >= self.max_retries
    try:
        webhooks.delivery_attempt(delivery_id=delivery_id, final_attempt=final_attempt)
    except webhooks.TransientDeliveryFailure as exc:
        raise self.retry(countdown=webhooks.retry_delay(self.request.retries)) from exc
