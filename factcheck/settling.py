"""The net under every task: an exception nobody foresaw ends the row ``failed`` with a reason.

Expected failures (a page that cannot be fetched, a receiver answering 500) are the domain
modules' business and end with their own words. What escapes them (a library raising something
new, a bug) used to leave the row ``fetching`` or ``pending`` for ever; at each task's boundary
``recorded(...)`` writes it on the row instead and logs the traceback.

A lost database connection is not recorded (writing the reason would fail too, and the work is
worth doing again): the row keeps its pending state and the reconciler queues it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from celery.exceptions import Retry
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from factcheck.models import Claim, WebhookDelivery
from factcheck.sources import pipeline

logger = logging.getLogger(__name__)

# Not ours to record: Celery's own retry signal, and a database that went away.
PASSING = (Retry, OperationalError, InterfaceError)


def unexpected_reason(exc: BaseException) -> str:
    """A sentence for editors naming the error; the traceback is in the worker's log."""
    detail = str(exc).strip()[:300]
    name = type(exc).__name__
    return f"Stopped by an unexpected error ({name}{': ' + detail if detail else ''})."


@contextmanager
def recorded(
    fail: Callable[..., object], *, passing: tuple[type[BaseException], ...] = (), **row: int
) -> Iterator[None]:
    """Run the block; any exception but PASSING and `passing` is logged and becomes
    ``fail(**row, reason=...)``, e.g. ``recorded(ingest.article_fail, article_id=7)``."""
    try:
        yield
    except (*PASSING, *passing):
        raise
    except Exception as exc:
        logger.exception("Task for %s failed unexpectedly", row)
        fail(**row, reason=unexpected_reason(exc))


def source_rank_fail(*, source_id: int, reason: str) -> None:
    """A fetched source whose ranking crashed: failed, so its claims stop waiting for it."""
    pipeline.source_text_fail(source_id=source_id, reason=f"Its text could not be ranked. {reason}")


def claim_search_fail(*, claim_id: int, reason: str) -> None:
    """A claim whose search crashed counts as searched (nothing found); the reason is logged."""
    logger.warning("Search for sources of claim %s ended: %s", claim_id, reason)
    Claim.objects.filter(pk=claim_id, sources_searched_at__isnull=True).update(
        sources_searched_at=timezone.now()
    )


def delivery_fail(*, delivery_id: int, reason: str) -> None:
    """A pending webhook delivery that cannot go on: failed, with the reason in its log."""
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING).update(
        status=WebhookDelivery.Status.FAILED, error=reason[:2000], updated_at=now
    )
