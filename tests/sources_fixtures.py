"""Fixtures for the sources pipeline: local sites on any loopback address, and real workers on a
broker of their own, configured as the tests need (short backoff, small caps, no host spacing).

The sources worker refuses private networks like production does; only the session's `site`
origin is trusted, so a redirect from it into a private range is refused for real.
"""

from __future__ import annotations

import io
import json
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from django.core.management.commands.createcachetable import Command as CreateCacheTable

from tests.conftest import FIXTURES, folder_options, producing_to, start_worker, stop_worker
from tests.httpservers import LocalServer, Reply, Route, serve

PROVIDERS = FIXTURES / "providers"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def serve_on(
    host: str, routes: Mapping[str, Route] | None = None
) -> AbstractContextManager[LocalServer]:
    """tests.httpservers.serve on any loopback address (127.0.0.2 … work on Linux)."""
    return serve(routes, host=host)


def provider_json(name: str, **replace_urls: str) -> bytes:
    """A provider fixture's JSON with its example URLs pointed at local servers."""
    text = (PROVIDERS / name).read_text(encoding="utf-8")
    for old, new in replace_urls.items():
        text = text.replace(old, new)
    return text.encode("utf-8")


def json_reply(data: object) -> Reply:
    body = data if isinstance(data, bytes) else json.dumps(data).encode()
    return Reply(body=body, content_type="application/json")


@pytest.fixture(scope="session")
def cache_table(django_db_setup, django_db_blocker) -> None:
    """The database cache table the workers' rate limit and robots.txt cache use."""
    with django_db_blocker.unblock():
        command = CreateCacheTable(stdout=io.StringIO())
        command.verbosity = 0
        command.create_table("default", "workbench_cache", False)


@pytest.fixture(scope="session")
def site() -> Iterator[LocalServer]:
    """One local site for the whole session; tests add routes under paths of their own."""
    with serve_on("127.0.0.1", {"/robots.txt": Reply(body=ROBOTS, content_type="text/plain")}) as s:
        yield s


WorkerFactory = Callable[..., tuple[subprocess.Popen, Path]]


@pytest.fixture
def own_workers(django_db_setup, cache_table) -> Iterator[WorkerFactory]:
    """Start workers on a broker of this test's own: `own_workers(pool=..., extra_env=...)`."""
    processes: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory(prefix="wb-sources-") as tmp:
        broker = Path(tmp)

        def start(**options: object) -> tuple[subprocess.Popen, Path]:
            env = {"REDIS_URL": "", "FETCH_PER_HOST_INTERVAL": "0", **options.pop("extra_env", {})}
            name = f"worker-{len(processes)}.log"
            process, log = start_worker(broker=broker, extra_env=env, log_name=name, **options)
            processes.append(process)
            return process, log

        with producing_to("embedded://", folder_options(broker)):
            yield start
        for process in processes:
            stop_worker(process)


SOURCES_WORKER_ENV = {
    # The embedded broker and database cache, whatever the test run itself uses.
    "REDIS_URL": "",
    "FETCH_ALLOW_PRIVATE_NETWORKS": "false",
    "FETCH_PER_HOST_INTERVAL": "0",
    "SOURCE_FETCH_MAX_ATTEMPTS": "3",
    "SOURCE_RETRY_BASE_DELAY": "0.3",
    "SOURCE_RETRY_MAX_DELAY": "4",
    "SOURCE_MAX_BYTES": "200000",
    "FETCH_READ_TIMEOUT": "1.5",
    "FETCH_TOTAL_TIMEOUT": "2",
}


@pytest.fixture(scope="session")
def sources_broker() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="wb-sources-session-") as tmp:
        yield Path(tmp)


@pytest.fixture(scope="session")
def sources_worker_process(
    django_db_setup, django_db_blocker, cache_table, site, sources_broker
) -> Iterator[subprocess.Popen]:
    env = {
        **SOURCES_WORKER_ENV,
        "FETCH_TRUSTED_ORIGINS": site.origin,
        "SOURCES_SEARXNG_URL": site.origin,
    }
    process, _log = start_worker(
        broker=sources_broker, extra_env=env, log_name="sources-worker.log", concurrency=8
    )
    yield process
    stop_worker(process)


@pytest.fixture
def sources_worker(sources_worker_process, sources_broker) -> Iterator[subprocess.Popen]:
    """The session's sources worker (both queues), with this test's tasks sent to it.

    It refuses private networks except the trusted `site` origin, and asks `site` as SearxNG.
    Tests need ``@pytest.mark.django_db(transaction=True)``.
    """
    with producing_to("embedded://", folder_options(sources_broker)):
        yield sources_worker_process
    _wait_until_sources_settle()


def _wait_until_sources_settle(timeout: float = 15) -> None:
    """Let the shared worker finish this test's fetches and rankings before pytest-django
    empties the tables: its TRUNCATE and a worker's open transaction can deadlock."""
    from factcheck.models import Evidence, Source

    in_flight = Source.objects.filter(status__in=(Source.Status.QUEUED, Source.Status.FETCHING))
    unranked = Evidence.objects.filter(
        source__status=Source.Status.FETCHED, suggested_stance=Evidence.Stance.PENDING
    )
    deadline = time.monotonic() + timeout
    while (in_flight.exists() or unranked.exists()) and time.monotonic() < deadline:
        time.sleep(0.1)
