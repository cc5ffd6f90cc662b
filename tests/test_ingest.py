"""Ingestion end to end: submit → real worker fetches from a local server → extract → claims."""

import json

import pytest
from django.core.management import call_command
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factcheck import errors, ingest
from factcheck.models import Article, ArticleRaw, Claim
from tests.conftest import FIXTURES, wait_for

CLAIMS = json.loads((FIXTURES / "claims.json").read_text())
DONE = (Article.Status.EXTRACTED, Article.Status.FAILED)

pytestmark = pytest.mark.worker


@pytest.fixture(scope="module")
def threaded_server():
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def httpserver(threaded_server: HTTPServer):
    """A threaded local server, so a stalled response does not hold up the others."""
    yield threaded_server
    threaded_server.clear()


def settled(article: Article) -> Article | None:
    article.refresh_from_db()
    return article if article.status in DONE else None


def submit_and_wait(url: str, timeout: float = 40) -> Article:
    article = ingest.article_submit_url(url=url)
    return wait_for(lambda: settled(article), timeout=timeout)


def serve(httpserver, path: str, body: bytes | str, content_type: str, status: int = 200) -> str:
    httpserver.expect_request(path).respond_with_data(
        body, status=status, content_type=content_type
    )
    return httpserver.url_for(path)


def assert_seed_claims(article: Article) -> None:
    claims = list(article.claims.all())
    for expected in CLAIMS["check_worthy"]:
        found = [c for c in claims if expected["contains"] in c.text]
        assert found, f"no claim contains {expected['contains']!r}"
        if expected["claimant"]:
            assert expected["claimant"].lower() in found[0].claimant.lower()
    for never in CLAIMS["never_claims"]:
        assert not [c for c in claims if never in c.text], f"{never!r} became a claim"


@pytest.mark.django_db(transaction=True)
def test_a_url_is_fetched_by_a_worker_and_its_claims_extracted(
    celery_worker, httpserver, seed_html
):
    url = serve(httpserver, "/2020/idlib", seed_html, "text/html; charset=utf-8")

    article = submit_and_wait(url)

    assert article.status == Article.Status.EXTRACTED, article.failure_reason
    assert article.title.startswith("Turkey and Russia having talks")
    assert article.authors == "Roshan Amiri"
    assert article.publisher == "The Levant Ledger"
    assert article.published_at.isoformat() == "2020-02-20T09:14:00+00:00"
    assert "Leave a Reply" not in article.body
    assert "Markets fall" not in article.body
    assert ArticleRaw.objects.get(article=article).http_status == 200
    assert_seed_claims(article)
    for claim in article.claims.all():
        assert article.body[claim.start : claim.end] == claim.text


@pytest.mark.django_db(transaction=True)
def test_the_same_url_twice_is_one_article_without_duplicate_claims(
    celery_worker, httpserver, seed_html
):
    url = serve(httpserver, "/same", seed_html, "text/html")
    first = submit_and_wait(url)
    count = first.claims.count()

    second = submit_and_wait(url + "#comments")

    assert second.pk == first.pk
    assert Article.objects.count() == 1
    assert Claim.objects.count() == count > 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("status", "body", "content_type", "reason"),
    [
        (404, "gone", "text/html", "404"),
        (200, b"%PDF-1.4 binary", "application/pdf", "application/pdf"),
        (200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "image/png"),
        (200, b"\x00\x01\x02\x03", "application/octet-stream", "application/octet-stream"),
        (200, "", "text/html", "no article text"),
        (
            200,
            "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "text/html",
            "no article text",
        ),
    ],
    ids=["404", "pdf", "image", "binary", "empty", "no-text"],
)
def test_a_bad_page_fails_that_article_with_a_reason(
    celery_worker, httpserver, status, body, content_type, reason
):
    url = serve(httpserver, "/bad", body, content_type, status=status)

    article = submit_and_wait(url)

    assert article.status == Article.Status.FAILED
    assert reason.lower() in article.failure_reason.lower()
    assert celery_worker.poll() is None, "the worker must survive bad input"


@pytest.mark.django_db(transaction=True)
def test_a_server_error_is_retried_then_fails_with_a_reason(celery_worker, httpserver):
    httpserver.expect_request("/down").respond_with_data("oops", status=500)

    article = submit_and_wait(httpserver.url_for("/down"), timeout=60)

    assert article.status == Article.Status.FAILED
    assert "500" in article.failure_reason
    assert len([r for r, _ in httpserver.log if r.path == "/down"]) == 4, "one try and 3 retries"


@pytest.mark.django_db(transaction=True)
def test_a_server_error_then_success_ends_extracted(celery_worker, httpserver, seed_html):
    httpserver.expect_ordered_request("/flaky").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/flaky").respond_with_data(
        seed_html, content_type="text/html"
    )

    article = submit_and_wait(httpserver.url_for("/flaky"), timeout=60)

    assert article.status == Article.Status.EXTRACTED, article.failure_reason


@pytest.mark.django_db(transaction=True)
def test_a_page_larger_than_the_cap_fails(celery_worker, httpserver, settings):
    big = "<html><body><p>" + "word " * (11 * 1024 * 1024 // 5) + "</p></body></html>"
    url = serve(httpserver, "/huge", big, "text/html")

    article = submit_and_wait(url)

    assert article.status == Article.Status.FAILED
    assert "mb" in article.failure_reason.lower() or "large" in article.failure_reason.lower()


@pytest.mark.django_db(transaction=True)
def test_a_timeout_fails_the_article_and_not_the_others(celery_worker, httpserver, seed_html):
    def slow(request: Request) -> Response:
        import time

        time.sleep(4)
        return Response("late", content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    good_url = serve(httpserver, "/good", seed_html, "text/html")

    slow_article = ingest.article_submit_url(url=httpserver.url_for("/slow"))
    good = submit_and_wait(good_url)
    slow_article = wait_for(lambda: settled(slow_article), timeout=90)

    assert good.status == Article.Status.EXTRACTED
    assert slow_article.status == Article.Status.FAILED
    assert (
        "answer" in slow_article.failure_reason.lower()
        or "time" in slow_article.failure_reason.lower()
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "file:///etc/passwd",
        "ftp://example.com/article",
        "gopher://example.com/1",
        "javascript:alert(1)",
        "http://",
    ],
)
def test_an_invalid_or_unsupported_url_is_refused_before_anything_is_stored(url):
    with pytest.raises(errors.InputRefused) as refused:
        ingest.article_submit_url(url=url)

    assert str(refused.value)
    assert refused.value.field == "url"
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_a_fetched_page_is_extracted_in_a_pinned_number_of_queries(
    seed_html, settings, django_assert_num_queries
):
    settings.SOURCES_FIND_ON_INGEST = False  # no claim ids to read back for the providers
    article = Article.objects.create(url="https://news.example/idlib")
    ArticleRaw.objects.create(article=article, content=seed_html, content_type="text/html")

    # article and raw, duplicate text, then in the transaction: the locked article, its update,
    # its history row, the claims, the fingerprints stored since this process last looked and
    # the article's own fingerprint (near-duplicates).
    with django_assert_num_queries(10):  # + SAVEPOINT and RELEASE inside the test's transaction
        ingest.article_extract(article_id=article.pk)
    ingest.article_extract(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == Article.Status.EXTRACTED
    assert_seed_claims(article)
    assert len({(c.start, c.end) for c in article.claims.all()}) == article.claims.count()


@pytest.mark.django_db
def test_a_second_fetch_of_an_article_replaces_its_raw_document(httpserver, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = True
    url = serve(httpserver, "/again", "<html><body><p>First.</p></body></html>", "text/html")
    article = Article.objects.create(url=url)
    assert ingest.article_fetch(article_id=article.pk)
    httpserver.clear()
    serve(httpserver, "/again", "Second.", "text/plain")

    assert ingest.article_fetch(article_id=article.pk)  # a redelivered task: still fetching

    raw = ArticleRaw.objects.get(article=article)
    assert (raw.content, raw.content_type) == ("Second.", "text/plain")


@pytest.mark.django_db
def test_pasted_text_yields_the_seed_claims_and_twice_is_one_article(seed_text):
    first = ingest.article_ingest_text(text=seed_text)
    second = ingest.article_ingest_text(text=seed_text)

    assert first.pk == second.pk
    assert first.status == Article.Status.EXTRACTED
    assert first.origin == Article.Origin.TEXT
    assert_seed_claims(first)
    assert "advocate for the truth" not in first.body


@pytest.mark.django_db
def test_pasted_html_and_text_of_the_seed_give_the_same_claims(seed_html, seed_text):
    from_html = ingest.article_ingest_html(html=seed_html)
    from_text = ingest.article_ingest_text(text=seed_text)

    assert from_html.pk == from_text.pk or sorted(c.text for c in from_html.claims.all()) == sorted(
        c.text for c in from_text.claims.all()
    )
    assert_seed_claims(from_html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\u200b\u200f  ",
    ],
    ids=["empty", "only-invisible-marks"],
)
def test_pasted_text_with_nothing_in_it_is_refused(text):
    with pytest.raises(errors.InputRefused):
        ingest.article_ingest_text(text=text)
    assert Article.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "hostile",
    [
        "The U.N. says 900,000 people fled\u200b\u202e since December, officials said.",
        "<script>alert('x')</script> The ministry said 3.7 million refugees arrived in 2019.",
        "🔥🔥 The agency reported 45% growth in 2023, according to Reuters. 🔥",
        "The ministry said 12 percent of 4,000 homes were hit. " * 20_000,
        b"The ministry said \xff\xfe 300 homes were damaged.".decode("utf-8", errors="replace"),
    ],
    ids=["invisible-marks", "script", "emoji", "one-megabyte", "invalid-utf8"],
)
def test_hostile_text_is_stored_safely_with_exact_spans(hostile):
    article = ingest.article_ingest_text(text=hostile)

    assert article.status == Article.Status.EXTRACTED
    for claim in article.claims.all():
        assert article.body[claim.start : claim.end] == claim.text
        assert 0 <= claim.score <= 1


@pytest.mark.django_db
def test_files_are_ingested_and_other_suffixes_refused(tmp_path, seed_html):
    page = tmp_path / "page.html"
    page.write_text(seed_html)
    other = tmp_path / "page.docx"
    other.write_bytes(b"PK\x03\x04")

    article = ingest.article_ingest_file(path=page)
    with pytest.raises(errors.InputRefused, match=".txt, .html and .pdf"):
        ingest.article_ingest_file(path=other)

    assert article.origin == Article.Origin.FILE
    assert_seed_claims(article)


@pytest.mark.django_db
def test_the_ingest_command_prints_the_article_and_its_claims(capsys):
    call_command("ingest", str(FIXTURES / "000_e9fef7baff8a209e.txt"))

    out = capsys.readouterr().out
    assert "Turkey and Russia having talks" in out
    assert "The United Nations" in out
    assert f"{Claim.objects.count()} claims" in out


@pytest.mark.django_db
def test_bootstrap_twice_creates_one_admin_and_one_seed_article(monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_ADMIN_PASSWORD", "correct horse battery staple")
    call_command("bootstrap")
    call_command("bootstrap")

    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("correct horse battery staple")
    assert Article.objects.count() == 1
    assert "correct horse" not in capsys.readouterr().out


@pytest.mark.django_db
def test_a_sentence_repeated_word_for_word_is_one_claim(seed_text):
    first = ingest.article_ingest_text(text=seed_text).claims.order_by("start").first()
    doubled = ingest.article_ingest_text(text=f"{seed_text}\n\n{first.text}\n")
    assert doubled.claims.filter(text=first.text).count() == 1
    assert doubled.claims.count() == first.article.claims.count()
