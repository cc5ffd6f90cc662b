"""Reading an article with its claims, seeing what the source search did, and the small things:
queue heading and columns, read-only article pages, link titles, time zones, piped output."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from factcheck import review
from factcheck.extraction import extract_from_html
from factcheck.models import Article, Claim
from factcheck.sources import pipeline
from tests.conftest import ROOT
from tests.httpservers import Reply, serve
from tests.personas import make_article, make_claim
from tests.sources_fixtures import json_reply, provider_json

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]
BODY = (
    "Talks went on in Ankara.\n"
    "The minister said 40% of schools closed in 2020. Parents <b>protested</b>.\n"
    "Officials said 12 clinics reopened in March."
)


def read(article: Article) -> str:
    return reverse("admin:factcheck_article_read", args=[article.pk])


def test_the_reading_page_highlights_every_claim_in_place(client, editor):
    article = make_article(body=BODY)
    first = make_claim(article, text="The minister said 40% of schools closed in 2020.", score=0.91)
    second = make_claim(article, text="Officials said 12 clinics reopened in March.")
    review.claim_dismiss(claim=second, actor=editor, reason="Not check-worthy")
    client.force_login(editor)
    html = client.get(read(article)).content.decode()
    body = html[html.index('id="article-body"') :]
    assert "<p>Talks went on in Ankara.</p>" in body
    assert (
        f'<a class="claim status-new" id="claim-{first.pk}" '
        f'href="{reverse("admin:factcheck_claim_change", args=[first.pk])}" '
        'title="New · check-worthiness 0.91" data-score="0.91">'
        "The minister said 40% of schools closed in 2020.</a> Parents &lt;b&gt;protested&lt;/b&gt;."
    ) in body
    assert f'class="claim status-dismissed" id="claim-{second.pk}"' in body


@pytest.mark.parametrize(
    ("status", "reason", "shown"),
    [
        ("failed", "The server answered 404.", "This article failed: The server answered 404."),
        ("queued", "", "This article is queued: its text is not read yet."),
    ],
)
def test_the_reading_page_explains_failed_and_pending_articles(
    client, editor, status, reason, shown
):
    article = Article.objects.create(
        url="https://a.example/x", status=status, failure_reason=reason
    )
    client.force_login(editor)
    html = client.get(read(article)).content.decode()
    assert shown in html
    assert 'id="article-body"' not in html


def test_article_pages_are_read_only_without_save_or_delete(client, editor, article):
    client.force_login(editor)
    html = client.get(reverse("admin:factcheck_article_change", args=[article.pk])).content
    html = html.decode()
    assert 'name="_save"' not in html
    assert "deletelink" not in html
    assert read(article) in html


def test_the_queue_is_titled_and_its_article_column_is_one_line(client, editor):
    headline = "Turkey and Russia having talks on Idlib as more than 900,000 flee the fighting"
    make_claim(make_article(title=headline))
    client.force_login(editor)
    html = client.get(reverse("admin:factcheck_claim_changelist")).content.decode()
    assert "Select claim to change" not in html
    assert "<h1>Review queue</h1>" in html
    assert f'title="{headline}">Turkey and Russia having talks on Idlib…</a>' in html


# --- Evidence you can see --------------------------------------------------------------------


def test_the_claim_page_says_what_each_provider_did(client, editor, settings, allow_loopback):
    claim = make_claim(make_article(body="The United Nations says more than 900,000 fled."))
    settings.SOURCES_ARTICLE_LINKS = True
    settings.SOURCES_SEARXNG_URL = ""
    settings.SOURCES_FACTCHECK_API_KEY = ""
    with serve({"/w/api.php": json_reply(provider_json("mediawiki-search.json"))}) as wiki:
        settings.SOURCES_WIKIPEDIA_URL = wiki.origin
        pipeline.claim_find_sources(claim_id=claim.pk)
    client.force_login(editor)
    html = client.get(reverse("admin:factcheck_claim_change", args=[claim.pk])).content.decode()
    search = html[html.index('id="source-search"') :]
    assert "<strong>Wikipedia</strong>:\n      found 3 sources" in search
    assert "<strong>Article links</strong>:\n      found 0 sources" in search
    assert "Web search" not in search
    assert "SearxNG (set <code>SOURCES_SEARXNG_URL</code>)" in search
    assert "No search provider is configured" not in search


def test_an_unreachable_provider_is_named_with_its_reason(client, editor, settings, allow_loopback):
    claim = make_claim()
    with serve({"/w/api.php": Reply(status=503, content_type="text/plain")}) as wiki:
        settings.SOURCES_WIKIPEDIA_URL = wiki.origin
    pipeline.claim_find_sources(claim_id=claim.pk)  # the server is gone: nothing answers
    claim.refresh_from_db()
    row = next(r for r in claim.source_search if r["provider"] == "Wikipedia")
    assert row["outcome"] == "failed"
    assert row["reason"]
    client.force_login(editor)
    html = client.get(reverse("admin:factcheck_claim_change", args=[claim.pk])).content.decode()
    assert "could not be reached or answered wrongly" in html


def test_with_no_search_provider_the_page_says_which_setting_turns_one_on(client, editor, settings):
    settings.SOURCES_WIKIPEDIA_URL = settings.SOURCES_SEARXNG_URL = ""
    settings.SOURCES_FACTCHECK_API_KEY = ""
    claim = make_claim()
    pipeline.claim_find_sources(claim_id=claim.pk)
    client.force_login(editor)
    html = client.get(reverse("admin:factcheck_claim_change", args=[claim.pk])).content.decode()
    assert "No search provider is configured" in html
    assert "Wikipedia (set <code>SOURCES_WIKIPEDIA_URL</code>)" in html
    assert "No evidence yet: nothing was found" in html


def test_make_run_turns_on_the_wikipedia_provider():
    makefile = (ROOT / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:") : makefile.index("\nlint:")]
    assert "SOURCES_WIKIPEDIA_URL=$${SOURCES_WIKIPEDIA_URL-https://en.wikipedia.org}" in run


# --- Times keep their zone; piped progress is lines ---------------------------------------


def test_a_time_element_keeps_its_time_and_zone():
    html = (
        "<html><body><article><h1>T</h1><time datetime='2024-03-03T19:45:00-05:00'>3 Mar</time>"
        + "<p>The minister said more than 40 percent of schools closed in 2020 in the region.</p>"
        * 4
        + "</article></body></html>"
    )
    published = extract_from_html(html).published_at
    assert published.isoformat() == "2024-03-03T19:45:00-05:00"


def test_the_article_list_shows_the_time_in_its_own_zone(client, editor):
    from datetime import UTC, datetime

    make_article(published_at=datetime(2024, 3, 4, 0, 45, tzinfo=UTC), published_offset="-05:00")
    client.force_login(editor)
    html = client.get(reverse("admin:factcheck_article_changelist")).content.decode()
    assert "3 March 2024, 19:45 (UTC-05:00)" in html


@pytest.mark.django_db(transaction=True)
def test_ingest_wait_piped_to_a_file_prints_lines_without_carriage_returns(
    tmp_path, seed_text, celery_worker
):
    path = tmp_path / "story.txt"
    path.write_text(seed_text)
    out = io.StringIO()  # not a terminal, like a pipe or a log file
    call_command("ingest", str(path), "--wait", "--timeout", "60", stdout=out)
    text = out.getvalue()
    assert "\r" not in text
    lines = text.splitlines()
    first_article_line = next(i for i, line in enumerate(lines) if line.startswith("Article "))
    assert all(line.startswith("Sources [") for line in lines[:first_article_line])
    assert Claim.objects.filter(text__contains="900,000").exists()
