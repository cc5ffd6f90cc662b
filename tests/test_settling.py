"""Nothing stuck: every failure of an article, a source, a robots.txt or a webhook delivery ends
``failed`` with a reason, whatever the origin answers (real servers on 127.0.0.1)."""

from collections.abc import Iterator

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError, transaction
from django.utils import timezone

from factcheck import ingest, settling, webhooks
from factcheck.http import (
    FetchPolicy,
    TransientFetchError,
    UnsafeURL,
    fetch,
    parse_retry_after,
)
from factcheck.models import Article, Source, WebhookDelivery, WebhookSubscription
from factcheck.sources import pipeline
from tests.conftest import wait_for
from tests.httpservers import LocalServer, Reply, redirect, serve
from tests.personas import make_article, make_claim

LOCAL = FetchPolicy(allow_private=True)
# A Location with a scheme but no host: httpx raises InvalidURL reading it, even unfollowed.
NOWHERE = [
    "javascript:alert(1)",
    "mailto:x",
    "about:blank",
    "http:127.0.0.1:8212/",
    "http:\\\\127.0.0.1\\page",
    "https:\\\\evil.example\\",
]
# Charsets Python knows but cannot decode text with (bytes-to-bytes codecs, strict-only codecs).
NO_TEXT_CODEC = ["base64", "rot13", "zlib", "hex", "idna", "uu", "undefined", "punycode"]
PAGE = "<html><body><article><p>Unemployment fell to 4% in 2019.</p></article></body></html>"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        yield running


@pytest.mark.parametrize("location", NOWHERE)
def test_a_redirect_to_a_location_without_a_host_fails_with_a_reason(server, location):
    server.route("/moved", redirect(location))
    with pytest.raises(UnsafeURL, match="redirected to an address that is not a web link"):
        fetch(server.url("/moved"), policy=LOCAL)


@pytest.mark.parametrize("charset", NO_TEXT_CODEC)
def test_a_declared_charset_that_is_no_text_codec_is_read_as_utf8(server, charset):
    server.route("/header", Reply(body=PAGE.encode(), content_type=f"text/html; charset={charset}"))
    meta = f'<html><head><meta charset="{charset}"></head>{PAGE[6:]}'
    server.route("/meta", Reply(body=meta.encode(), content_type="text/html"))
    for path in ("/header", "/meta"):
        result = fetch(server.url(path), policy=LOCAL)
        assert "Unemployment fell to 4%" in result.text
        assert result.charset is None


@pytest.mark.parametrize("value", ["³", "٣", "¹⁰", "3³", "𝟗"])
def test_unicode_digits_are_no_retry_after(value):
    assert parse_retry_after(value) is None


@pytest.mark.parametrize("value", ["³", "¹", "3³"])  # a header carries Latin-1 at most
def test_a_retry_after_with_a_non_ascii_digit_is_no_delay(server, value):
    server.route("/busy", Reply(status=503, headers={"Retry-After": value}))
    with pytest.raises(TransientFetchError) as caught:
        fetch(server.url("/busy"), policy=LOCAL)
    assert (caught.value.status, caught.value.retry_after) == (503, None)


@pytest.mark.django_db
@pytest.mark.parametrize("location", NOWHERE[:2])
def test_a_robots_txt_redirecting_nowhere_fails_the_page_with_a_reason(server, location):
    server.route("/robots.txt", redirect(location))
    server.route("/page", Reply(body=PAGE.encode()))
    with pytest.raises(UnsafeURL, match="not a web link"):
        fetch(server.url("/page"), policy=FetchPolicy(allow_private=True, respect_robots=True))
    assert server.paths() == ["/robots.txt"]


@pytest.mark.django_db
def test_a_robots_txt_declaring_a_bytes_codec_is_still_obeyed(server):
    robots = Reply(
        body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain; charset=zlib"
    )
    server.route("/robots.txt", robots)
    server.route("/private/page", Reply(body=PAGE.encode()))
    with pytest.raises(Exception, match="robots.txt"):
        fetch(
            server.url("/private/page"), policy=FetchPolicy(allow_private=True, respect_robots=True)
        )


@pytest.mark.django_db
@pytest.mark.parametrize("location", NOWHERE[:3])
def test_a_webhook_receiver_redirecting_nowhere_fails_the_delivery(
    httpserver_ipv4, allow_loopback, senior_editor, location
):
    httpserver_ipv4.expect_request("/hook").respond_with_data(
        "", status=302, headers={"Location": location}
    )
    WebhookSubscription.objects.create(
        owner=senior_editor, url=httpserver_ipv4.url_for("/hook"), secret="s" * 32,
        events=["article.failed"],
    )  # fmt: skip
    (delivery,) = webhooks.event_publish(event="article.failed", data={})
    webhooks.delivery_attempt(delivery_id=delivery.pk, final_attempt=False)
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert "not a web link" in delivery.error


# --- The net at each task's boundary --------------------------------------------------------


@pytest.mark.django_db
def test_an_unforeseen_error_ends_the_article_failed_naming_it():
    article = make_article(url="https://news.example.org/a", content_hash="", status="fetching")
    with settling.recorded(ingest.article_fail, article_id=article.pk):
        {}["missing"]  # any exception no domain module expected
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.failure_reason == "Stopped by an unexpected error (KeyError: 'missing')."


@pytest.mark.django_db
def test_an_unforeseen_error_after_extraction_leaves_the_article_extracted():
    article = make_article()
    with settling.recorded(ingest.article_fail, article_id=article.pk):
        raise RuntimeError("the broker hiccuped after commit")
    article.refresh_from_db()
    assert (article.status, article.failure_reason) == (Article.Status.EXTRACTED, "")


@pytest.mark.django_db
def test_an_unforeseen_error_ends_a_fetching_source_failed():
    claim = make_claim()
    with transaction.atomic():
        evidence = pipeline.evidence_add(claim=claim, url="https://example.org/r")
    Source.objects.filter(pk=evidence.source_id).update(status=Source.Status.FETCHING)
    with settling.recorded(pipeline.source_fail, source_id=evidence.source_id):
        raise ValueError("bad thing")
    source = Source.objects.get(pk=evidence.source_id)
    assert source.status == Source.Status.FAILED
    assert "ValueError: bad thing" in source.failure_reason


@pytest.mark.django_db
def test_a_lost_database_connection_is_left_for_the_reconciler():
    article = make_article(url="https://news.example.org/b", content_hash="", status="fetching")
    with (
        pytest.raises(OperationalError),
        settling.recorded(ingest.article_fail, article_id=article.pk),
    ):
        raise OperationalError("server closed the connection unexpectedly")
    article.refresh_from_db()
    assert article.status == Article.Status.FETCHING


# --- In a real worker -----------------------------------------------------------------------


def settled(article: Article) -> Article | None:
    article.refresh_from_db()
    return article if article.status in (Article.Status.EXTRACTED, Article.Status.FAILED) else None


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("location", NOWHERE)
def test_a_worker_fails_an_article_redirected_nowhere_and_carries_on(
    celery_worker, server, location
):
    server.route("/moved", redirect(location))
    article = ingest.article_submit_url(url=server.url("/moved"))
    article = wait_for(lambda: settled(article), timeout=60)
    assert article.status == Article.Status.FAILED
    assert "not a web link" in article.failure_reason
    assert celery_worker.poll() is None


@pytest.mark.django_db
@pytest.mark.parametrize("charset", ["base64", "idna", "undefined"])
def test_an_article_declaring_a_bytes_codec_is_fetched_and_extracted(
    allow_loopback, server, charset
):
    """What the fetch and extract tasks run, in this process (the task boundary is above)."""
    body = f'<html><head><meta charset="{charset}"><title>Jobs</title></head>{PAGE[6:]}'
    server.route(f"/{charset}", Reply(body=body.encode(), content_type="text/html"))
    article = Article.objects.create(url=server.url(f"/{charset}"))
    assert ingest.article_fetch(article_id=article.pk)
    ingest.article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert (article.status, article.failure_reason) == (Article.Status.EXTRACTED, "")
    assert "Unemployment fell to 4%" in article.body


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_ingest_wait_ends_with_the_reason_for_a_hostile_redirect(celery_worker, server):
    server.route("/js", redirect("javascript:alert(1)"))
    started = timezone.now()
    with pytest.raises(CommandError, match="not a web link"):
        call_command("ingest", server.url("/js"), "--wait", "--timeout", "30")
    assert (timezone.now() - started).total_seconds() < 30
