"""Workflow transactions that retry when the database gives up on them: a deadlock (PostgreSQL
40P01), a serialisation failure (40001) or SQLite's "database is locked". One lock order
(claim before verdict, see review.py) makes deadlocks rare; this handles what remains."""

import functools
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import OperationalError, connection, transaction

ATTEMPTS = 4  # the first try and three retries
BACKOFF = 0.05  # seconds, doubled per retry, jittered
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})

P = ParamSpec("P")
R = TypeVar("R")


def is_retryable(exc: OperationalError) -> bool:
    """A failure that trying the same transaction again can cure."""
    if getattr(exc.__cause__, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(exc)


def atomic_with_retry(func: Callable[P, R]) -> Callable[P, R]:
    """``transaction.atomic`` that runs ``func`` again (up to ATTEMPTS times, with a short
    jittered backoff) when it failed with a retryable database error. Inside a caller's
    transaction it cannot retry (the caller's work is lost too) and re-raises at once. ``func``
    must read what it changes under its own locks (every workflow function does)."""
    atomic = transaction.atomic(func)

    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return atomic(*args, **kwargs)
            except OperationalError as exc:
                if attempt == ATTEMPTS or connection.in_atomic_block or not is_retryable(exc):
                    raise
            time.sleep(BACKOFF * 2 ** (attempt - 1) * random.uniform(0.5, 1.5))  # noqa: S311
        raise AssertionError("unreachable")

    return run
