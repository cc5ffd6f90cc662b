"""Health checks for load balancers and orchestrators.

``/healthz`` and ``/livez``: liveness, the process answers (nothing else is asked, so a database
outage never gets healthy web processes restarted). ``/readyz``: readiness, the database and the
Celery broker answer; otherwise 503 with a JSON body naming what is down. Details of the errors
go to the log, not to the unauthenticated caller.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse

from factcheck.queue import BROKER_ERRORS

logger = logging.getLogger(__name__)

BROKER_TIMEOUT = 2.0  # seconds: a probe must answer before the orchestrator's own timeout


def live(request: HttpRequest) -> JsonResponse:
    """Liveness: the process is up and serving requests."""
    return JsonResponse({"status": "ok"})


def ready(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 when the database and the broker answer, else 503 naming what is down."""
    checks = {name: _check(name, probe) for name, probe in PROBES.items()}
    down = sorted(name for name, state in checks.items() if state != "ok")
    body = {"status": "unavailable" if down else "ok", "checks": checks, "down": down}
    return JsonResponse(body, status=503 if down else 200)


def _check(name: str, probe: Callable[[], None]) -> str:
    try:
        probe()
    except (DatabaseError, *BROKER_ERRORS) as exc:
        logger.warning("Readiness: %s is down: %r", name, exc)
        return "unreachable"
    return "ok"


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _broker() -> None:
    from workbench.celery import app

    if app.conf.broker_url.startswith("embedded://"):
        folder = app.conf.broker_transport_options["data_folder_out"]
        if not os.access(folder, os.W_OK):
            raise OSError(f"The broker folder {folder} is not writable.")
        return
    with app.connection_for_write() as broker:
        # Redis: opening the channel sends a PING.
        broker.ensure_connection(max_retries=1, interval_start=0, timeout=BROKER_TIMEOUT)
        broker.default_channel  # noqa: B018 - opened for its PING


PROBES: dict[str, Callable[[], None]] = {"database": _database, "broker": _broker}
