"""Handing work to the workers: one ``*_enqueue`` function per task, sent after commit by the
task's registered name (``tasks.py`` registers under these names; nothing imports ``tasks.py``).

A broker that cannot be reached (Redis down or restarting) never fails the write that queues the
work: the send is logged and dropped, the row keeps its queued state, and the reconciler
(``factcheck.reconcile``) sends it again once it has waited ``RECONCILE_AFTER`` seconds.
"""

from __future__ import annotations

import logging

import redis.exceptions
from django.db import transaction
from kombu.exceptions import KombuError

logger = logging.getLogger(__name__)

ARTICLE_FETCH = "factcheck.tasks.article_fetch"
ARTICLE_EXTRACT = "factcheck.tasks.article_extract"
CLAIM_FIND_SOURCES = "factcheck.tasks.claim_find_sources"
SOURCE_FETCH = "factcheck.tasks.source_fetch"
SOURCE_RANK = "factcheck.tasks.source_rank"
WEBHOOK_DELIVER = "factcheck.tasks.webhook_deliver"
WORK_RECONCILE = "factcheck.tasks.work_reconcile"
SOURCES_RECHECK = "factcheck.tasks.sources_recheck"
ARTICLE_MATCH = "factcheck.tasks.article_match"

# Try briefly: a request waiting on a broker that is down holds its client for this long.
RETRY_POLICY = {"max_retries": 2, "interval_start": 0.1, "interval_step": 0.2, "interval_max": 0.3}
BROKER_ERRORS = (KombuError, OSError, redis.exceptions.RedisError)


def send(task_name: str, *args: object) -> bool:
    """Send one task now. False (and a warning) when the broker cannot be reached."""
    # Imported here: workbench.celery loads the settings, which import this module's task names.
    from workbench.celery import app

    try:
        app.send_task(task_name, args=args, retry_policy=RETRY_POLICY)
    except BROKER_ERRORS as exc:
        logger.warning("Broker unreachable, %s%s left for the reconciler: %r", task_name, args, exc)
        return False
    return True


def _after_commit(task_name: str, *args: object) -> None:
    transaction.on_commit(lambda: send(task_name, *args))


def article_fetch_enqueue(article_id: int) -> None:
    _after_commit(ARTICLE_FETCH, article_id)


def article_extract_enqueue(article_id: int) -> None:
    _after_commit(ARTICLE_EXTRACT, article_id)


def claim_find_sources_enqueue(claim_id: int) -> None:
    _after_commit(CLAIM_FIND_SOURCES, claim_id)


def source_fetch_enqueue(source_id: int) -> None:
    _after_commit(SOURCE_FETCH, source_id)


def source_rank_enqueue(source_id: int) -> None:
    _after_commit(SOURCE_RANK, source_id)


def webhook_deliver_enqueue(delivery_id: int) -> None:
    _after_commit(WEBHOOK_DELIVER, delivery_id)


def article_match_enqueue(article_id: int) -> None:
    """Match an article's new claims: "checked before?" (factcheck.checked_before)."""
    _after_commit(ARTICLE_MATCH, article_id)
