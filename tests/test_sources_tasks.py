"""The fetch and rank tasks in a real worker process against real local servers.

The session's sources worker refuses private networks (only the `site` origin is trusted), uses
3 attempts, 0.3 s backoff base, a 200 kB size cap and a 2 s total time cap.
"""

import itertools
import threading

import pytest
from django.db import transaction

from factcheck.models import Evidence, Source, SourceDocument, SourceSnapshot
from factcheck.sources import pipeline
from tests.conftest import wait_for
from tests.httpservers import Reply, redirect
from tests.personas import make_claim
from tests.sources_fixtures import serve_on

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CLAIM = "The United Nations says more than 900,000 people have fled their homes in Idlib."
PAGE = (
    b"<html><head><title>Idlib report</title></head><body><article><h1>Idlib displacement</h1>"
    b"<p>More than 900,000 people have fled their homes in Idlib since December, "
    b"the United Nations said on Monday, most of them women and children.</p>"
    b"<p>Aid agencies say camps near the Turkish border are overflowing and short of tents.</p>"
    b"</article></body></html>"
)
_paths = itertools.count()


def unique_path(name: str) -> str:
    return f"/t{next(_paths)}/{name}"


def add_source(url: str) -> Evidence:
    """Attach url to a new claim; the fetch is queued when the transaction commits."""
    with transaction.atomic():
        return pipeline.evidence_add(claim=make_claim(text=CLAIM), url=url)


def settled_source(evidence: Evidence, timeout: float = 40) -> Source:
    done = (Source.Status.FETCHED, Source.Status.FAILED)
    return wait_for(
        lambda: Source.objects.filter(pk=evidence.source_id, status__in=done).first(),
        timeout=timeout,
    )


def ranked(evidence: Evidence, timeout: float = 30) -> Evidence:
    return wait_for(
        lambda: (
            Evidence.objects.exclude(suggested_stance=Evidence.Stance.PENDING)
            .filter(pk=evidence.pk)
            .first()
        ),
        timeout=timeout,
    )


def replies(*sequence: Reply):
    """A route answering with each reply in turn, then the last one forever."""
    answers = iter(sequence)
    last = [sequence[-1]]

    def route(request):
        last[0] = next(answers, last[0])
        return last[0]

    return route


def test_a_source_is_fetched_ranked_and_snapshotted(sources_worker, site):
    path = unique_path("report")
    site.route(path, Reply(body=PAGE))
    evidence = ranked(add_source(site.url(path)))
    source = Source.objects.get(pk=evidence.source_id)
    assert (source.status, source.attempts, source.http_status) == ("fetched", 1, 200)
    assert source.title == "Idlib displacement"
    assert "900,000 people have fled" in source.text
    assert SourceSnapshot.objects.get(source=source).content_hash == source.content_hash
    assert evidence.source_hash == source.content_hash
    assert evidence.number_check == Evidence.NumberCheck.AGREES
    assert "900,000" in evidence.passages[0]["text"]
    assert evidence.passages[0]["pairs"][0]["result"] == "agrees"


def test_a_503_then_200_is_retried_and_fetched(sources_worker, site):
    path = unique_path("flaky")
    site.route(path, replies(Reply(status=503, body=b"busy"), Reply(body=PAGE)))
    source = settled_source(add_source(site.url(path)))
    assert (source.status, source.attempts, source.failure_reason) == ("fetched", 2, "")
    assert site.paths().count(path) == 2


def test_a_429_waits_at_least_its_retry_after(sources_worker, site):
    path = unique_path("busy")
    busy = Reply(status=429, body=b"slow down", headers={"Retry-After": "2"})
    site.route(path, replies(busy, Reply(body=PAGE)))
    source = settled_source(add_source(site.url(path)))
    assert source.status == Source.Status.FETCHED
    first, second = [r.received_at for r in site.requests if r.path == path]
    assert second - first >= 2.0


def test_a_404_is_not_retried_and_the_reason_is_kept(sources_worker, site):
    path = unique_path("missing")
    source = settled_source(add_source(site.url(path)))
    assert (source.status, source.attempts, source.http_status) == ("failed", 1, 404)
    assert source.failure_reason == "The server answered 404 Not Found."
    assert site.paths().count(path) == 1


def test_a_server_error_that_persists_fails_after_the_maximum_attempts(sources_worker, site):
    path = unique_path("down")
    site.route(path, Reply(status=503, body=b"down"))
    source = settled_source(add_source(site.url(path)))
    assert (source.status, source.attempts) == ("failed", 3)
    assert source.failure_reason == "The server answered 503 Service Unavailable."
    assert site.paths().count(path) == 3


def test_robots_txt_is_honoured(sources_worker, site):
    path = "/private" + unique_path("page")
    site.route(path, Reply(body=PAGE))
    source = settled_source(add_source(site.url(path)))
    assert source.status == Source.Status.FAILED
    assert "robots.txt" in source.failure_reason
    assert path not in site.paths()


def test_a_page_over_the_size_cap_fails_with_a_readable_reason(sources_worker, site):
    path = unique_path("huge")
    site.route(path, Reply(body=b"<html><body><p>" + b"a " * 150_000 + b"</p></body></html>"))
    source = settled_source(add_source(site.url(path)))
    assert source.status == Source.Status.FAILED
    assert source.failure_reason == "The page is larger than the 200,000 bytes the workbench reads."
    assert not SourceDocument.objects.filter(source=source).exists()


def test_a_page_over_the_time_cap_fails_with_a_readable_reason(sources_worker, site):
    path = unique_path("trickle")
    site.route(path, Reply(body=PAGE * 4, chunk_size=64, trickle=0.2))
    source = settled_source(add_source(site.url(path)), timeout=60)
    assert (source.status, source.attempts) == ("failed", 3)
    assert source.failure_reason == "The page took longer than 2 s to fetch; giving up."


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("http://127.0.0.2:{port}/inside", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::ffff:10.0.0.1]/", "10.0.0.1"),
    ],
)
def test_a_redirect_into_a_private_range_is_refused(sources_worker, site, target, reason):
    with serve_on("127.0.0.2", {"/inside": Reply(body=PAGE)}) as inside:
        path = unique_path("bounce")
        site.route(path, redirect(target.format(port=inside.port)))
        source = settled_source(add_source(site.url(path)))
    assert (source.status, source.attempts) == ("failed", 1)
    assert reason in source.failure_reason
    assert "only public internet addresses are fetched" in source.failure_reason
    assert site.paths().count(path) == 1
    assert inside.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://10.1.2.3/",
        "http://[::1]/",
    ],
)
def test_links_to_private_addresses_are_refused(sources_worker, url):
    source = settled_source(add_source(url))
    assert (source.status, source.attempts) == ("failed", 1)
    assert "address" in source.failure_reason


def test_one_url_for_many_claims_is_fetched_once(sources_worker, site):
    path = unique_path("shared")
    site.route(path, Reply(body=PAGE))
    first = add_source(site.url(path))
    ranked(first)
    second = add_source(site.url(path) + "?utm_source=newsletter")
    assert second.source_id == first.source_id
    assert ranked(second).number_check == Evidence.NumberCheck.AGREES
    assert site.paths().count(path) == 1


def test_the_rate_limit_holds_across_two_worker_processes(own_workers):
    env = {"FETCH_PER_HOST_INTERVAL": "0.5", "FETCH_ALLOW_PRIVATE_NETWORKS": "true"}
    first, first_log = own_workers(concurrency=4, extra_env=env)
    second, second_log = own_workers(concurrency=4, extra_env=env)
    with serve_on("127.0.0.3") as host:
        for n in range(10):
            host.route(f"/page{n}", Reply(body=PAGE))
        evidence = [add_source(host.url(f"/page{n}")) for n in range(10)]
        for item in evidence:
            assert settled_source(item).status == Source.Status.FETCHED
        times = sorted(r.received_at for r in host.requests if r.path.startswith("/page"))
    assert len(times) == 10
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    # Measured where the requests arrive: thread scheduling on a loaded machine moves an arrival
    # by tens of milliseconds. Without the shared limit the gaps would be near zero.
    assert min(gaps) >= 0.5 * 0.9, gaps
    assert sum(gaps) >= 9 * 0.5 * 0.97, gaps
    assert "source_fetch" in first_log.read_text()
    assert "source_fetch" in second_log.read_text()


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as listing:
        return [int(child) for child in listing.read().split()]


def test_a_worker_killed_mid_fetch_leaves_the_source_fetched_exactly_once(own_workers):
    import os
    import signal

    worker, _log = own_workers(pool="prefork", concurrency=1)
    stalled = threading.Event()

    def page(request):
        if not stalled.is_set():
            stalled.set()
            return Reply(body=PAGE, delay=30)  # the worker is killed while waiting for this
        return Reply(body=PAGE)

    with serve_on("127.0.0.1", {"/slow": page}) as server:
        evidence = add_source(server.url("/slow"))
        wait_for(stalled.is_set, timeout=30)
        wait_for(lambda: Source.objects.filter(pk=evidence.source_id, status="fetching").exists())
        (child,) = _children(worker.pid)
        os.kill(child, signal.SIGKILL)
        source = settled_source(evidence, timeout=60)
        ranked(evidence)
    assert source.status == Source.Status.FETCHED
    assert server.paths() == ["/robots.txt", "/slow", "/slow"]
    assert SourceSnapshot.objects.filter(source=source).count() == 1
    assert SourceDocument.objects.filter(source=source).count() == 1
    assert Evidence.objects.get(pk=evidence.pk).number_check == Evidence.NumberCheck.AGREES
