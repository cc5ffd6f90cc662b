"""Faults injected into a running workbench; afterwards every article, source, ranking, search and
webhook delivery settles, with nothing lost and nothing duplicated.

Each test builds its stack (tests/faults/conftest.py: a Redis of its own, a worker, beat running
the reconciler every second), ingests articles from a real local site whose pages cite a second
local site, and subscribes a real local receiver to `article.failed` (some pages are gone).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
import redis
from django.contrib.auth.models import User
from django.db import connection
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck import ingest
from factcheck.models import (
    Article,
    ArticleRaw,
    Claim,
    Evidence,
    Source,
    WebhookDelivery,
    WebhookSubscription,
)
from tests.conftest import wait_for
from tests.faults.conftest import FaultStack
from tests.faults.figures import FIGURES
from tests.httpservers import LocalServer, Reply, SeenRequest, serve

pytestmark = [pytest.mark.faults, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

SETTLE_SECONDS = 240
_topics = itertools.count(1)


def article_page(n: int, source_origin: str) -> bytes:
    """A page with one check-worthy sentence of its own (no two pages share a text) citing a
    report on the source site."""
    return (
        f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>"
        f"<p>The ministry said that {1000 + n} schools in district {n} closed in 2020, "
        f'according to <a href="{source_origin}/report/{n}">the official report {n}</a>.</p>'
        f"<p>Officials announced on Monday that {20 + n}% of pupils in district {n} "
        "returned to classrooms in 2021.</p></article></body></html>"
    ).encode()


def source_page(n: int) -> bytes:
    return (
        f"<html><body><article><p>In 2020, {1000 + n} schools in district {n} closed, the "
        "ministry's annual report says.</p></article></body></html>"
    ).encode()


@dataclass
class Sites:
    news: LocalServer
    sources: LocalServer
    receiver: HTTPServer
    received: list[str]
    delay: Callable[[SeenRequest], float]

    def article_url(self, n: int, *, gone: bool = False) -> str:
        return self.news.url(f"/{'gone' if gone else 'article'}/{n}")


@contextmanager
def sites(delay: Callable[[SeenRequest], float] = lambda request: 0.0) -> Iterator[Sites]:
    """The news site (/article/<n>, /gone/<n> answers 404), the sources site on 127.0.0.2, and a
    webhook receiver recording the delivery ids it is sent."""
    received: list[str] = []
    lock = threading.Lock()

    def receive(request: Request) -> Response:
        with lock:
            received.append(request.headers.get("X-Workbench-Delivery", ""))
        return Response("ok")

    receiver = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    receiver.expect_request("/hook", method="POST").respond_with_handler(receive)
    receiver.start()
    with serve(host="127.0.0.2") as sources, serve() as news:

        def article(request: SeenRequest) -> Reply:
            n = int(request.path.rsplit("/", 1)[1])
            return Reply(body=article_page(n, sources.origin), delay=delay(request))

        def report(request: SeenRequest) -> Reply:
            return Reply(body=source_page(int(request.path.rsplit("/", 1)[1])))

        for n in range(1, 200):
            news.route(f"/article/{n}", article)
            sources.route(f"/report/{n}", report)
        try:
            yield Sites(news, sources, receiver, received, delay)
        finally:
            receiver.clear()
            receiver.stop()


def subscribe(receiver: HTTPServer) -> WebhookSubscription:
    owner = User.objects.create(username=f"desk-{next(_topics)}", is_superuser=True)
    return WebhookSubscription.objects.create(
        owner=owner, url=receiver.url_for("/hook"), secret="s" * 32, events=["article.failed"]
    )


def unsettled() -> dict[str, int]:
    """Rows still waiting for something, by kind; empty when everything settled."""
    waiting = {
        "articles": Article.objects.filter(status__in=ingest.PENDING).count(),
        "sources": Source.objects.filter(status__in=("queued", "fetching")).count(),
        "rankings": Evidence.objects.filter(
            source__status="fetched", suggested_stance=Evidence.Stance.PENDING
        ).count(),
        "searches": Claim.objects.filter(sources_searched_at__isnull=True).count(),
        "deliveries": WebhookDelivery.objects.filter(status="pending").count(),
    }
    return {kind: n for kind, n in waiting.items() if n}


def settle(stack: FaultStack, timeout: float = SETTLE_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while waiting := unsettled():
        if time.monotonic() > deadline:
            pytest.fail(f"Unsettled after {timeout:.0f} s: {waiting}\n{stack.log_tails()}")
        time.sleep(0.5)


def rows() -> int:
    return sum(
        model.objects.count() for model in (Article, Source, Evidence, Claim, WebhookDelivery)
    )


def duplicates(good: list[str], gone: list[str], received: list[str]) -> int:
    """Rows or deliveries found twice (0 expected), after checking nothing was lost."""
    articles = Article.objects.filter(url__in=good + gone)
    assert articles.count() == len(good + gone), "an article was lost"
    assert set(articles.filter(url__in=good).values_list("status", flat=True)) == {"extracted"}
    failed = articles.filter(url__in=gone)
    assert set(failed.values_list("status", flat=True)) <= {"failed"}
    assert all(reason for reason in failed.values_list("failure_reason", flat=True))
    deliveries = WebhookDelivery.objects.all()
    assert set(deliveries.values_list("status", flat=True)) <= {"delivered"}
    assert {int(pk) for pk in received} == set(deliveries.values_list("pk", flat=True))
    fetched = Source.objects.filter(status="fetched").count()
    assert fetched == len(good), list(Source.objects.values_list("url", "status", "failure_reason"))
    assert ArticleRaw.objects.count() >= len(good), "a fetched page was lost"
    assert deliveries.count() >= len(gone), "an article.failed event was lost"
    counts = [
        ArticleRaw.objects.count() - len(good),
        deliveries.count() - len(gone),
        sum(n - 1 for n in Counter(Claim.objects.values_list("article", "start")).values()),
        sum(n - 1 for n in Counter(Evidence.objects.values_list("claim", "source")).values()),
    ]
    return sum(counts)


def record(fault: str, injected: int, dupes: int) -> None:
    FIGURES.append(
        {
            "fault": fault,
            "injected": injected,
            "rows": rows(),
            "unsettled": sum(unsettled().values()),
            "duplicates": dupes,
        }
    )


def submit(urls: list[str]) -> None:
    for url in urls:
        ingest.article_submit_url(url=url)


def test_redis_stopped_and_restarted_empty_mid_ingest(fault_stack: FaultStack):
    with sites(delay=lambda request: 0.5) as site:
        subscribe(site.receiver)
        fault_stack.start()
        before = [site.article_url(n) for n in range(1, 11)] + [
            site.article_url(n, gone=True) for n in (11, 12)
        ]
        during = [site.article_url(n) for n in range(13, 18)] + [site.article_url(18, gone=True)]
        submit(before)
        wait_for(lambda: site.news.requests, timeout=30)
        fault_stack.redis.stop()  # mid-ingest: fetches in flight, the rest queued in Redis
        started = time.monotonic()
        submit(during)  # the sends fail; the rows stay queued
        assert time.monotonic() - started < 30
        assert Article.objects.filter(url__in=during, status="queued").count() == len(during)
        time.sleep(2)
        fault_stack.redis.start()  # back without its data: every queued message is gone
        settle(fault_stack)
        dupes = duplicates(
            [u for u in before + during if "/article/" in u],
            [u for u in before + during if "/gone/" in u],
            site.received,
        )
    record("Redis stopped mid-ingest, restarted empty", 1, dupes)
    assert dupes == 0


def test_a_worker_killed_mid_fetch(fault_stack: FaultStack):
    first_hits: set[str] = set()

    def slow_first_time(request: SeenRequest) -> float:
        """The first request for each page hangs until the worker is killed."""
        if request.path in first_hits:
            return 0.0
        first_hits.add(request.path)
        return 20.0

    with sites(delay=slow_first_time) as site:
        subscribe(site.receiver)
        fault_stack.start("doomed")
        good = [site.article_url(n) for n in range(1, 7)]
        gone = [site.article_url(7, gone=True)]
        submit(good + gone)
        wait_for(lambda: len(first_hits) >= 3, timeout=30)
        fault_stack.kill_worker("doomed")
        fault_stack.start_worker("replacement")
        settle(fault_stack)
        dupes = duplicates(good, gone, site.received)
    record("fetch worker SIGKILLed mid-fetch", 1, dupes)
    assert dupes == 0


def test_broker_messages_lost(fault_stack: FaultStack):
    with sites() as site:
        subscribe(site.receiver)
        good = [site.article_url(n) for n in range(1, 9)]
        gone = [site.article_url(n, gone=True) for n in (9, 10)]
        submit(good + gone)  # queued in Redis; no worker is running yet
        broker = redis.Redis.from_url(fault_stack.redis.url(0))
        lost = broker.llen("fetch")
        assert lost == len(good + gone)
        broker.delete("fetch")  # every fetch message lost
        fault_stack.start()
        settle(fault_stack)
        dupes = duplicates(good, gone, site.received)
    record("broker messages deleted", lost, dupes)
    assert dupes == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (CI runs the faults on it)"
)
def test_database_connections_dropped_mid_ingest(fault_stack: FaultStack):
    with sites(delay=lambda request: 0.3) as site:
        subscribe(site.receiver)
        fault_stack.start()
        good = [site.article_url(n) for n in range(1, 9)]
        gone = [site.article_url(n, gone=True) for n in (9, 10)]
        submit(good + gone)
        dropped = 0
        for _ in range(3):  # three times while the workers fetch, extract and rank
            wait_for(lambda: site.news.requests, timeout=30)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                dropped += cursor.fetchone()[0]
            time.sleep(1)
        settle(fault_stack)
        dupes = duplicates(good, gone, site.received)
    record(f"PostgreSQL connections terminated ({dropped})", 3, dupes)
    assert dupes == 0
