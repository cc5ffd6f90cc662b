"""Shared fixtures: personas, a real Celery worker process, and waiting helpers."""

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from workbench import broker as embedded_broker

# Fixture modules of each area register here, one line each.
pytest_plugins: list[str] = [
    "tests.personas",
    "tests.sources_fixtures",
    "tests.api_fixtures",
    "tests.redis_fixtures",
]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# How often a test process's embedded broker looks for messages (it mostly only sends them).
PRODUCER_POLLING_INTERVAL = 0.05


def wait_for(predicate: Callable[[], object], *, timeout: float = 30, interval: float = 0.1):
    """Poll until predicate() is truthy and return its value; fail the test on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"Timed out after {timeout}s waiting for {predicate}")
        time.sleep(interval)


def _test_database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture(scope="session", autouse=True)
def broker_dir() -> Iterator[Path]:
    """A broker of this test run's own, so that parallel runs never take each other's tasks.

    Autouse: every task any test enqueues goes here, never to the development broker.
    """
    with tempfile.TemporaryDirectory(prefix="wb-broker-") as tmp:
        path = Path(tmp)
        if not settings.REDIS_URL:
            broker_switch("embedded://", folder_options(path))
        yield path


def folder_options(broker: Path) -> dict[str, object]:
    """The transport options of the embedded broker at broker, for this (sending) process."""
    return embedded_broker.folder_options(broker, polling_interval=PRODUCER_POLLING_INTERVAL)


def broker_switch(url: str, options: dict[str, object]) -> None:
    """Send this process's tasks to the broker at url (with its transport options) from now on."""
    from workbench.celery import app  # the test run's settings are in place by now

    app.conf.broker_url, app.conf.broker_transport_options = url, options
    # kombu keeps one pool per connection settings; dropping ours makes the next send pick the
    # pool for the new broker (closing it would close the shared one for good).
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def producing_to(url: str, options: dict[str, object]) -> Iterator[None]:
    """Send this process's tasks to the broker at url for the block, then back."""
    from workbench.celery import app

    saved = app.conf.broker_url, app.conf.broker_transport_options
    broker_switch(url, options)
    try:
        yield
    finally:
        broker_switch(*saved)


def start_worker(
    *,
    broker: Path,
    queues: str = "fetch,analyse",
    pool: str = "threads",
    concurrency: int = 4,
    extra_env: dict[str, str] | None = None,
    log_name: str = "worker.log",
    purge: bool = False,
) -> tuple[subprocess.Popen, Path]:
    """Start a real `celery worker` process against the test database; return it when ready."""
    log = broker / log_name
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
        "DATABASE_URL": _test_database_url(),
        "WORKBENCH_BROKER_DIR": str(broker),
        "FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        # Short timeouts keep the timeout tests quick; the production defaults are longer.
        "FETCH_READ_TIMEOUT": "2",
        "FETCH_TOTAL_TIMEOUT": "5",
        **(extra_env or {}),
    }
    command = [
        sys.executable, "-m", "celery", "-A", "workbench", "worker", "-Q", queues,
        "-P", pool, "-c", str(concurrency), "-n", f"test-{log_name}@%h",
        "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", "info",
        "--logfile", str(log), *(["--purge"] if purge else []),
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    wait_for(lambda: log.exists() and "ready." in log.read_text(errors="replace"), timeout=60)
    return process, log


def stop_worker(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker, broker_dir) -> Iterator[subprocess.Popen]:
    """One real worker process for the session, consuming both queues.

    Tests that use it need ``@pytest.mark.django_db(transaction=True)`` so the worker sees
    their rows.
    """
    # Tasks enqueued by earlier tests (or an earlier run, on Redis) name rows that are gone.
    process, _log = start_worker(broker=broker_dir, purge=True)
    yield process
    stop_worker(process)


@pytest.fixture
def fixture_path() -> Callable[[str], Path]:
    return lambda name: FIXTURES / name


@pytest.fixture
def seed_html() -> str:
    return (FIXTURES / "000_e9fef7baff8a209e.html").read_text(encoding="utf-8")


@pytest.fixture
def seed_text() -> str:
    return (FIXTURES / "000_e9fef7baff8a209e.txt").read_text(encoding="utf-8")


@pytest.fixture
def allow_loopback(settings):
    """Fetching from the local test servers needs loopback, which production refuses."""
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = True
    return settings
