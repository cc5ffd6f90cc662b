"""The reconciler queues again what waited too long (a lost message, a killed worker), a few times,
then gives up with a reason; a resubmitted stuck article is fetched again."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.utils import timezone

from factcheck import ingest, queue, reconcile, webhooks
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
from tests.httpservers import Reply, serve
from tests.personas import make_claim

PAGE = (
    b"<html><head><title>Jobs report</title></head><body><article>"
    b"<p>The minister said unemployment fell to 4% in 2019, the lowest rate in a decade.</p>"
    b"</article></body></html>"
)


@pytest.fixture
def reconcile_after(settings):
    settings.RECONCILE_AFTER = 60
    settings.RECONCILE_MAX_ATTEMPTS = 3
    return settings


def backdate(model, pk: int, seconds: float = 120) -> None:
    """As if the row had waited `seconds` since anything touched it."""
    model.objects.filter(pk=pk).update(updated_at=timezone.now() - timedelta(seconds=seconds))


def lost_article(url: str) -> Article:
    """A queued article whose fetch message never reached a worker."""
    article = Article.objects.create(url=url, status=Article.Status.QUEUED)
    backdate(Article, article.pk)
    return article


def lost_source(url: str) -> Source:
    source = Source.objects.create(url=url, domain="127.0.0.1", status=Source.Status.FETCHING)
    Evidence.objects.create(claim=make_claim(), source=source, provider=Evidence.Provider.EDITOR)
    backdate(Source, source.pk)
    return source


def lost_delivery(owner, url: str) -> WebhookDelivery:
    subscription = WebhookSubscription.objects.create(
        owner=owner, url=url, secret="s" * 32, events=["article.failed"]
    )
    delivery = WebhookDelivery.objects.create(
        subscription=subscription, event="article.failed", payload={"data": {}}
    )
    backdate(WebhookDelivery, delivery.pk)
    return delivery


@pytest.mark.django_db
def test_stale_work_is_queued_again_once_per_run(
    reconcile_after, senior_editor, django_capture_on_commit_callbacks
):
    article = lost_article("https://news.example.org/lost")
    source = lost_source("https://example.org/report")
    delivery = lost_delivery(senior_editor, "https://93.184.215.14/hook")
    fresh = Article.objects.create(url="https://news.example.org/fresh")
    with django_capture_on_commit_callbacks() as sends:
        counts = reconcile.work_reconcile()
    assert counts == {"articles": 1, "sources": 1, "rankings": 0, "deliveries": 1, "searches": 0}
    assert len(sends) == 3
    for row in (article, source, delivery):
        row.refresh_from_db()
        assert row.requeues == 1
    fresh.refresh_from_db()
    assert fresh.requeues == 0
    with django_capture_on_commit_callbacks() as again:
        assert not any(reconcile.work_reconcile().values())
    assert again == []


@pytest.mark.django_db
def test_after_the_attempt_limit_the_work_fails_with_a_reason(reconcile_after, senior_editor):
    article = lost_article("https://news.example.org/cursed")
    source = lost_source("https://example.org/cursed")
    delivery = lost_delivery(senior_editor, "https://93.184.215.14/cursed")
    for model, row in ((Article, article), (Source, source), (WebhookDelivery, delivery)):
        model.objects.filter(pk=row.pk).update(requeues=3)
    counts = reconcile.work_reconcile()
    assert (counts["articles"], counts["sources"], counts["deliveries"]) == (1, 1, 1)
    article.refresh_from_db()
    source.refresh_from_db()
    delivery.refresh_from_db()
    assert article.status == source.status == delivery.status == "failed"
    for reason in (article.failure_reason, source.failure_reason, delivery.error):
        assert reason.startswith("Gave up after 3 attempts")


@pytest.mark.django_db
def test_an_unsearched_claim_is_searched_again_then_given_up(
    reconcile_after, django_capture_on_commit_callbacks
):
    claim = make_claim()
    old = timezone.now() - timedelta(seconds=61)
    Claim.objects.filter(pk=claim.pk).update(created_at=old)
    with django_capture_on_commit_callbacks() as sends:
        assert reconcile.work_reconcile()["searches"] == 1
        assert reconcile.work_reconcile()["searches"] == 0  # the next try waits 2 x 60 s
    assert len(sends) == 1
    Claim.objects.filter(pk=claim.pk).update(
        created_at=timezone.now() - timedelta(seconds=300), search_requeues=3
    )
    assert reconcile.work_reconcile()["searches"] == 1
    claim.refresh_from_db()
    assert claim.sources_searched_at is not None


def test_beat_runs_the_reconciler_every_reconcile_every_seconds():
    entry = django_settings.CELERY_BEAT_SCHEDULE["work-reconcile"]
    every = django_settings.RECONCILE_EVERY
    assert entry == {"task": queue.WORK_RECONCILE, "schedule": every, "options": {"expires": every}}


@pytest.mark.django_db
def test_a_second_reconciler_run_while_one_runs_does_nothing(reconcile_after):
    lost_article("https://news.example.org/twice")
    cache.add(reconcile.LOCK_KEY, 1)
    try:
        assert reconcile.work_reconcile() == {}
    finally:
        cache.delete(reconcile.LOCK_KEY)
    assert reconcile.work_reconcile()["articles"] == 1


@pytest.mark.django_db
def test_resubmitting_a_stuck_article_sends_it_again_but_not_a_fresh_one(
    django_capture_on_commit_callbacks,
):
    stuck = lost_article("https://news.example.org/stuck")
    backdate(Article, stuck.pk, seconds=ingest.RESUBMIT_AFTER + 1)
    fresh = Article.objects.create(url="https://news.example.org/busy")
    with django_capture_on_commit_callbacks() as sends:
        assert ingest.article_submit_url(url=stuck.url) == stuck
        assert ingest.article_submit_url(url=fresh.url) == fresh
    assert len(sends) == 1


# --- With a real worker -----------------------------------------------------------------------


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_lost_work_settles_once_the_reconciler_queues_it_again(
    celery_worker, reconcile_after, httpserver_ipv4
):
    httpserver_ipv4.expect_request("/hook", method="POST").respond_with_data("ok")
    owner = User.objects.create(username="owner", is_superuser=True)
    hits: list[str] = []

    def page(request) -> Reply:
        hits.append(request.path)
        return Reply(body=PAGE)

    with serve({"/article": page, "/source": page}) as server:
        article = lost_article(server.url("/article"))
        source = lost_source(server.url("/source"))
        delivery = lost_delivery(owner, httpserver_ipv4.url_for("/hook"))
        reconcile.work_reconcile()
        wait_for(
            lambda: (
                Article.objects.filter(pk=article.pk, status="extracted").exists()
                and Source.objects.filter(pk=source.pk, status="fetched").exists()
                and WebhookDelivery.objects.filter(pk=delivery.pk, status="delivered").exists()
            ),
            timeout=60,
        )
    assert sorted(hits) == ["/article", "/source"]
    assert ArticleRaw.objects.filter(article=article).count() == 1
    ((request, _response),) = httpserver_ipv4.log
    assert request.headers[webhooks.DELIVERY_HEADER] == str(delivery.pk)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_resubmitted_stuck_article_is_fetched_and_extracted(celery_worker):
    with serve({"/stuck": Reply(body=PAGE)}) as server:
        stuck = lost_article(server.url("/stuck"))
        backdate(Article, stuck.pk, seconds=ingest.RESUBMIT_AFTER + 1)
        ingest.article_submit_url(url=stuck.url)
        article = wait_for(
            lambda: Article.objects.filter(pk=stuck.pk, status="extracted").first(), timeout=60
        )
    assert "unemployment fell to 4%" in article.body
