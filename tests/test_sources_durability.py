"""A fetch worker killed outright (SIGKILL, the whole process) loses nothing on Redis.

The task is acknowledged late, so Redis still holds it as unacknowledged; once the visibility
timeout passes, the next worker gets it again and the source ends fetched exactly once. This
runs on a Redis broker of its own (this machine and CI always run Redis on 127.0.0.1), whatever
broker the rest of the suite uses: the embedded filesystem broker of `make run` deletes a message
when a worker takes it, so it cannot redeliver after a crash — it is for development only.
"""

import os
import signal
import subprocess
from collections.abc import Iterator

import pytest
import redis

from factcheck.models import Evidence, Source, SourceDocument
from tests.conftest import producing_to, start_worker, stop_worker, wait_for
from tests.httpservers import Reply
from tests.personas import make_claim
from tests.sources_fixtures import serve_on

BROKER = "redis://127.0.0.1:6379/13"
PAGE = (
    b"<html><body><article><p>More than 900,000 people have fled Idlib.</p></article></body></html>"
)

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_workers(django_db_setup, broker_dir) -> Iterator:
    processes: list[subprocess.Popen] = []
    env = {
        "REDIS_URL": BROKER,
        "BROKER_VISIBILITY_TIMEOUT": "3",
        "FETCH_PER_HOST_INTERVAL": "0",
        "SOURCES_FIND_ON_INGEST": "false",
    }

    def start() -> subprocess.Popen:
        name = f"redis-worker-{len(processes)}.log"
        process, _log = start_worker(broker=broker_dir, extra_env=env, log_name=name)
        processes.append(process)
        return process

    redis.Redis.from_url(BROKER).flushdb()
    with producing_to(BROKER, {}):
        yield start
    for process in processes:
        if process.poll() is None:
            stop_worker(process)


def test_a_fetch_worker_killed_outright_leaves_the_source_fetched_exactly_once(redis_workers):
    hits: list[str] = []

    def page(request) -> Reply:
        hits.append(request.path)
        # The first worker is killed while it waits for this answer.
        return Reply(body=PAGE, delay=60) if len(hits) == 1 else Reply(body=PAGE)

    first = redis_workers()
    with serve_on("127.0.0.1", {"/report": page}) as server:
        from factcheck.sources import pipeline

        claim = make_claim(text="More than 900,000 people have fled Idlib since December.")
        evidence = pipeline.evidence_add(claim=claim, url=server.url("/report"))
        wait_for(lambda: hits, timeout=30)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        redis_workers()
        source = wait_for(
            lambda: Source.objects.filter(pk=evidence.source_id, status="fetched").first(),
            timeout=60,
        )

    assert hits == ["/report", "/report"]
    assert source.attempts == 2
    assert SourceDocument.objects.filter(source=source).count() == 1
    assert Evidence.objects.filter(source=source).count() == 1
