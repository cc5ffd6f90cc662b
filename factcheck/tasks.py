"""Thin Celery wrappers: ids in, one call to a domain module, bounded retries."""

from celery import shared_task

from factcheck import ingest


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
