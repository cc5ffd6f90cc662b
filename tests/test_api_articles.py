"""POST articles (URL, text, HTML) → 202 with a status URL; GET list and detail with claims."""

import pytest

from factcheck.models import Article, Claim
from tests.api_fixtures import cache_queries, error_fields
from tests.personas import make_article, make_claim

pytestmark = pytest.mark.django_db
# Token, permissions (2), throttle bucket in the database cache (6 without Redis), count, rows.
LIST_QUERIES = 2  # exactly: count, rows; plus cache_queries()

HOSTILE = [
    "Zero\u200bwidth\u200d joiners: unemployment rose to 12% in 2023, the minister said.",
    "\u202eRight-to-left override: the budget grew by 40% in 2022, officials said.",
    "Emoji 🚀🔥: the city planted 10,000 trees in 2021, the mayor said.",
    "<script>alert(1)</script> The report said 3 million people moved in 2020.",
]


def test_it_accepts_pasted_text_with_its_claims_and_a_status_url(api, editor, seed_text):
    response = api(editor).post("/api/v1/articles/", {"text": seed_text, "title": "Seed"})
    assert response.status_code == 202
    body = response.json()
    article = Article.objects.get(pk=body["id"])
    assert article.status == Article.Status.EXTRACTED
    assert article.title == "Seed"
    assert body["status_url"].endswith(f"/api/v1/articles/{article.pk}/")
    assert response["Location"] == body["status_url"]
    detail = api(editor).get(body["status_url"]).json()
    assert detail["status"] == "extracted"
    assert len(detail["claims"]) == article.claims.count() > 0


def test_it_accepts_pasted_html(api, editor, seed_html):
    response = api(editor).post("/api/v1/articles/", {"html": seed_html})
    assert response.status_code == 202
    assert Article.objects.get(pk=response.json()["id"]).origin == Article.Origin.HTML


def test_it_queues_a_url_for_the_workers(api, editor):
    response = api(editor).post("/api/v1/articles/", {"url": "https://news.example.org/a?utm_x=1"})
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "queued"
    assert body["url"] == "https://news.example.org/a"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "url"),
        ({"text": "a", "url": "https://example.org/"}, "url"),
        ({"url": "ftp://example.org/file"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"text": "   \u200b  "}, "text"),
        ({"html": "<html><nav>menu</nav></html>"}, "text"),
        ({"text": 42, "title": "x" * 501}, "title"),
    ],
)
def test_it_refuses_bad_input_naming_the_field_and_writes_nothing(api, editor, payload, field):
    response = api(editor).post("/api/v1/articles/", payload, format="json")
    assert response.status_code == 400
    assert field in error_fields(response.json())
    assert not Article.objects.exists()


def test_it_refuses_text_longer_than_the_article_limit(api, editor, settings):
    settings.ARTICLE_MAX_BYTES = 1000
    response = api(editor).post("/api/v1/articles/", {"text": "x" * 1001})
    assert response.status_code == 400
    assert error_fields(response.json()) == ["text"]


@pytest.mark.parametrize("text", HOSTILE)
def test_it_stores_hostile_text_verbatim(api, editor, text):
    response = api(editor).post("/api/v1/articles/", {"text": text})
    assert response.status_code == 202
    article = Article.objects.get(pk=response.json()["id"])
    assert "<script>" not in response.content.decode().replace("\\u003c", "<") or text.startswith(
        "<script>"
    )
    assert article.raw.content == text


def test_it_takes_a_megabyte_of_text(api, editor):
    text = ("The council said 40% of roads were repaired in 2022. " * 20_000)[:1_000_000]
    response = api(editor).post("/api/v1/articles/", {"text": text})
    assert response.status_code == 202


def test_it_refuses_a_body_that_is_not_utf8(api, editor):
    response = api(editor).generic(
        "POST", "/api/v1/articles/", b'{"text": "\xff\xfe bad"}', content_type="application/json"
    )
    assert response.status_code == 400
    assert not Article.objects.exists()


@pytest.mark.parametrize("persona", ["api_client_user", "outsider"])
def test_it_refuses_ingest_to_roles_without_it(api, request, persona):
    user = request.getfixturevalue(persona)
    response = api(user).post("/api/v1/articles/", {"text": "The sky was green in 2020."})
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_it_lists_articles_newest_first_without_their_bodies(api, editor):
    older, newer = make_article(), make_article(status=Article.Status.FAILED)
    body = api(editor).get("/api/v1/articles/").json()
    assert [row["id"] for row in body["results"]] == [newer.pk, older.pk]
    assert "body" not in body["results"][0]
    failed = api(editor).get("/api/v1/articles/", {"status": "failed"}).json()
    assert [row["id"] for row in failed["results"]] == [newer.pk]


@pytest.mark.parametrize("rows", [10, 200])
def test_the_article_list_takes_constant_queries(api, editor, rows, django_assert_num_queries):
    for _ in range(rows):
        make_claim(make_article())
    client = api(editor)
    client.get("/api/v1/articles/")  # the first request also fills the token cache
    with django_assert_num_queries(LIST_QUERIES + cache_queries()):
        assert client.get("/api/v1/articles/", {"page_size": 100}).status_code == 200


def test_the_article_detail_lists_claims_in_reading_order(api, editor):
    article = make_article(body="One. Two said 5% in 2020. Three said 7% in 2021.")
    second = make_claim(article, text="Three said 7% in 2021.")
    first = make_claim(article, text="Two said 5% in 2020.")
    detail = api(editor).get(f"/api/v1/articles/{article.pk}/").json()
    assert [claim["id"] for claim in detail["claims"]] == [first.pk, second.pk]
    assert Claim.objects.count() == 2
