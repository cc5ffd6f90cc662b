"""ClaimReview safe to embed: only http(s) links stored and served, and every JSON-LD we emit
has ``<``, ``>`` and ``&`` escaped so ``</script>`` in a claim cannot end a script element."""

import json

import pytest

from factcheck import ingest, webhooks
from factcheck.claimreview import claimreview_json
from factcheck.models import Article, WebhookDelivery, WebhookSubscription
from tests.api_fixtures import client_for, publish
from tests.personas import make_article, make_claim

HOSTILE = 'He said </script><script>alert("x")</script> & <!-- 40% -->'
PAGE = """<html><head><title>Harbour</title>
<link rel="canonical" href="{href}"></head><body><article><h1>Harbour</h1>
<p>The minister said that 40% of the harbour's cranes stood idle in 2023.</p>
<p>Officials said the port handled 1.2 million containers last year.</p></article></body></html>"""


def test_claimreview_json_escapes_what_ends_a_script_and_parses_back():
    document = {"claimReviewed": HOSTILE, "n": 1, "nested": [{"a": "x&y>z"}], "l": "\u2028"}

    text = claimreview_json(document)

    assert not set("<>&\u2028") & set(text)
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == document


@pytest.mark.django_db
@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "mailto:a@b.c"]
)
def test_a_canonical_link_that_is_not_http_is_not_stored(href):
    article = ingest.article_ingest_html(html=PAGE.format(href=href))

    assert article.status == Article.Status.EXTRACTED
    assert article.canonical_url == ""


def test_a_relative_canonical_link_is_made_absolute_and_others_dropped():
    page = "https://news.example/world/harbour?x=1"
    assert ingest._canonical_url(page, "/harbour") == "https://news.example/harbour"
    assert ingest._canonical_url(page, "https://news.example/h") == "https://news.example/h"
    assert ingest._canonical_url("", "/harbour") == ""
    assert ingest._canonical_url(page, "javascript:alert(1)") == ""
    assert ingest._canonical_url("http://[::1", "x") == ""


@pytest.fixture
def hostile_verdict(editor, senior_editor):
    """A published verdict whose article was stored (before this fix) with a javascript: link
    and whose claim, title and publisher hold markup."""
    article = make_article(
        body=HOSTILE, canonical_url="javascript:alert(1)", url="javascript:alert(2)",
        title="<b>Title</b>", publisher="A & B <i>",
    )  # fmt: skip
    return publish(make_claim(article), drafter=editor, approver=senior_editor)


@pytest.mark.django_db
def test_the_claimreview_endpoints_serve_escaped_json_ld_without_javascript_links(
    hostile_verdict, api_client_user
):
    client = client_for(api_client_user)
    for path in (f"/api/v1/claimreviews/{hostile_verdict.pk}/", "/api/v1/claimreviews/"):
        response = client.get(path)

        assert response.status_code == 200
        assert response["Content-Type"] == "application/ld+json"
        assert b"<" not in response.content
        assert b">" not in response.content
        assert b"&" not in response.content
        assert b"javascript" not in response.content.lower()
    document = json.loads(client.get(f"/api/v1/claimreviews/{hostile_verdict.pk}/").content)
    assert document["claimReviewed"] == HOSTILE
    assert "appearance" not in document["itemReviewed"]
    as_json = client.get("/api/v1/claimreviews/", HTTP_ACCEPT="application/json")
    assert as_json["Content-Type"] == "application/json"


@pytest.mark.django_db
def test_the_api_never_serves_a_javascript_article_url(hostile_verdict, api_client_user, editor):
    client, claim_id = client_for(api_client_user), hostile_verdict.claim_id
    bodies = [
        client.get(f"/api/v1/verdicts/{hostile_verdict.pk}/").content,
        client.get("/api/v1/verdicts/").content,
        client_for(editor).get(f"/api/v1/claims/{claim_id}/").content,
        client_for(editor).get("/api/v1/claims/").content,
        client_for(editor).get("/api/v1/articles/").content,
        client_for(editor).get(f"/api/v1/articles/{hostile_verdict.claim.article_id}/").content,
    ]
    for body in bodies:
        assert b"javascript" not in body.lower(), body[:300]


@pytest.mark.django_db
def test_a_webhook_body_embedding_the_claimreview_is_escaped(hostile_verdict, senior_editor):
    subscription = WebhookSubscription.objects.create(
        owner=senior_editor, url="https://hooks.example/x", events=["verdict.published"],
        secret="s" * 32,
    )  # fmt: skip
    delivery = WebhookDelivery.objects.create(
        subscription=subscription, event="verdict.published",
        payload={"data": webhooks.verdict_data(hostile_verdict.pk)},
    )  # fmt: skip

    body = webhooks.delivery_body(delivery)

    assert not set(b"<>&") & set(body)
    document = json.loads(body)
    assert document["data"]["claimreview"]["claimReviewed"] == HOSTILE
    assert "javascript" not in body.decode().lower()
