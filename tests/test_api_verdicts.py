"""Verdicts: only published ones for API clients; filters; detail with sources and versions."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from rest_framework.fields import DateTimeField

from factcheck import review
from factcheck.models import Verdict
from factcheck.outputs import iso_datetime
from tests.api_fixtures import cache_queries, error_fields
from tests.personas import make_article, make_claim, make_evidence

pytestmark = pytest.mark.django_db
LIST_QUERIES = 1  # exactly: the page's rows, joined; plus cache_queries()
DETAIL_QUERIES = 2  # the claim's visible versions (joined to claim and article), cited sources


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_api_clients_see_only_published_verdicts(api, api_client_user, published, editor):
    draft_claim = make_claim()
    draft = review.verdict_draft(claim=draft_claim, actor=editor, rating="false", summary="No.")
    client = api(api_client_user)
    assert ids(client.get("/api/v1/verdicts/")) == [published.pk]
    assert client.get(f"/api/v1/verdicts/{draft.pk}/").status_code == 404
    assert ids(client.get("/api/v1/verdicts/", {"status": "draft"})) == []


def test_editors_see_drafts_too(api, editor, published):
    draft = review.verdict_draft(claim=make_claim(), actor=editor, rating="false", summary="No.")
    assert set(ids(api(editor).get("/api/v1/verdicts/"))) == {published.pk, draft.pk}
    assert ids(api(editor).get("/api/v1/verdicts/", {"status": "draft"})) == [draft.pk]


def test_it_filters_by_rating_claim_article_url_publisher_and_updated_since(
    api, api_client_user, make_published
):
    ledger = make_published(
        make_claim(make_article(url="https://ledger.example/a", publisher="Ledger")),
        rating="false",
    )
    herald = make_published(make_claim(make_article(publisher="Herald")), rating="true")
    Verdict.objects.filter(pk=herald.pk).update(updated_at=timezone.now() - timedelta(days=5))
    client = api(api_client_user)
    assert ids(client.get("/api/v1/verdicts/", {"rating": "true"})) == [herald.pk]
    assert ids(client.get("/api/v1/verdicts/", {"claim": ledger.claim_id})) == [ledger.pk]
    assert ids(client.get("/api/v1/verdicts/", {"article_url": "https://LEDGER.example/a"})) == [
        ledger.pk
    ]
    assert ids(client.get("/api/v1/verdicts/", {"publisher": "herald"})) == [herald.pk]
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert ids(client.get("/api/v1/verdicts/", {"updated_since": since})) == [ledger.pk]
    bad = client.get("/api/v1/verdicts/", {"rating": "pants_on_fire"})
    assert error_fields(bad.json()) == ["rating"]


def test_the_feed_pages_by_cursor_and_is_stable_under_inserts(api, api_client_user, make_published):
    verdicts = [make_published() for _ in range(5)]
    client = api(api_client_user)
    first = client.get("/api/v1/verdicts/", {"page_size": 2}).json()
    assert [row["id"] for row in first["results"]] == [verdicts[4].pk, verdicts[3].pk]
    make_published()  # a new verdict arrives between pages
    second = client.get(first["next"]).json()
    assert [row["id"] for row in second["results"]] == [verdicts[2].pk, verdicts[1].pk]
    bad = client.get("/api/v1/verdicts/", {"cursor": "garbage"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "cursor"


def test_the_detail_has_claim_article_sources_and_corrections(
    api, api_client_user, published, second_senior_editor, senior_editor, evidence
):
    correction = review.verdict_correct(
        verdict=published, actor=second_senior_editor, rating="mostly_true", summary="Revised.",
        correction_note="A newer survey.",
    )  # fmt: skip
    review.verdict_publish(verdict=correction, approver=senior_editor)
    body = api(api_client_user).get(f"/api/v1/verdicts/{correction.pk}/").json()
    assert body["claim"]["id"] == published.claim_id
    assert body["article"]["id"] == published.claim.article_id
    assert [item["source"]["url"] for item in body["cited_sources"]] == [evidence.source.url]
    assert body["cited_sources"][0]["passages"] == evidence.passages
    versions = [(v["id"], v["status"], v["corrects"]) for v in body["versions"]]
    assert versions == [
        (published.pk, "superseded", None),
        (correction.pk, "published", published.pk),
    ]
    assert body["versions"][1]["correction_note"] == "A newer survey."
    old = api(api_client_user).get(f"/api/v1/verdicts/{published.pk}/")
    assert old.json()["status"] == "superseded"


def test_the_detail_hides_a_pending_correction_from_api_clients(
    api, api_client_user, editor, published, second_senior_editor
):
    review.verdict_correct(
        verdict=published, actor=second_senior_editor, rating="true", summary="Maybe.",
        correction_note="Pending.",
    )  # fmt: skip
    client_view = api(api_client_user).get(f"/api/v1/verdicts/{published.pk}/").json()
    assert [v["status"] for v in client_view["versions"]] == ["published"]
    editor_view = api(editor).get(f"/api/v1/verdicts/{published.pk}/").json()
    assert [v["status"] for v in editor_view["versions"]] == ["published", "draft"]


@pytest.mark.parametrize("rows", [10, 200])
def test_the_verdict_list_takes_constant_queries(
    api, api_client_user, editor, senior_editor, rows, django_assert_num_queries
):
    for _ in range(rows):
        claim = make_claim()
        evidence = make_evidence(claim)
        draft = review.verdict_draft(
            claim=claim, actor=editor, rating="false", summary="No.", cited_evidence=[evidence]
        )
        review.verdict_publish(verdict=draft, approver=senior_editor)
    client = api(api_client_user)
    since = (timezone.now() - timedelta(days=1)).isoformat()
    client.get("/api/v1/verdicts/")  # the first request also fills the token cache
    with django_assert_num_queries(LIST_QUERIES + cache_queries()):
        response = client.get("/api/v1/verdicts/", {"page_size": 100, "updated_since": since})
    assert len(response.json()["results"]) == min(rows, 100)
    with django_assert_num_queries(LIST_QUERIES + cache_queries()):
        response = client.get("/api/v1/claimreviews/", {"page_size": 100})
    assert len(response.json()["results"]) == min(rows, 100)


@pytest.mark.parametrize("zone", ["UTC", "Europe/Istanbul", "America/New_York"])
@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 11, 25, 12, 0, 0, tzinfo=UTC),
        datetime(2026, 11, 25, 12, 0, 0, 120000, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 30, 0, 5, tzinfo=ZoneInfo("Europe/London")),
        datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC),
    ],
)
def test_feed_timestamps_are_written_as_drf_writes_them(value, zone):
    with timezone.override(ZoneInfo(zone)):
        expected = DateTimeField().to_representation(value)
        assert iso_datetime(value, timezone.get_current_timezone()) == expected


def test_the_api_client_feed_hides_superseded_versions(
    api, api_client_user, editor, published, second_senior_editor, senior_editor
):
    correction = review.verdict_correct(
        verdict=published, actor=second_senior_editor, rating="mostly_true", summary="Revised.",
        correction_note="A newer survey.",
    )  # fmt: skip
    review.verdict_publish(verdict=correction, approver=senior_editor)
    client = api(api_client_user)
    assert ids(client.get("/api/v1/verdicts/")) == [correction.pk]
    assert ids(client.get("/api/v1/verdicts/", {"claim": published.claim_id})) == [correction.pk]
    assert set(ids(api(editor).get("/api/v1/verdicts/"))) == {published.pk, correction.pk}


# What clients sync from: a key dropped from the declaration (factcheck.outputs) is a breaking
# change even though the schema and the answers would still agree.
FEED_KEYS = [
    "id", "url", "claim", "claim_text", "claimant", "article_url", "publisher", "version",
    "rating", "rating_label", "summary", "status", "is_current", "published_at", "corrects",
    "correction_note", "updated_at",
]  # fmt: skip
DETAIL_KEYS = [*FEED_KEYS, "article", "cited_sources", "versions"]


def test_the_feed_row_and_the_detail_keep_every_key_clients_read(api, api_client_user, published):
    client = api(api_client_user)
    assert list(client.get("/api/v1/verdicts/").json()["results"][0]) == FEED_KEYS
    assert list(client.get(f"/api/v1/verdicts/{published.pk}/").json()) == DETAIL_KEYS


def test_the_detail_takes_two_queries_however_many_versions_and_sources(
    api, api_client_user, editor, published, second_senior_editor, senior_editor,
    django_assert_num_queries,
):  # fmt: skip
    for n in range(3):
        correction = review.verdict_correct(
            verdict=published, actor=second_senior_editor, rating="true", summary=f"v{n}",
            correction_note="Newer.", cited_evidence=[make_evidence(published.claim)],
        )  # fmt: skip
        published = review.verdict_publish(verdict=correction, approver=senior_editor)
    client = api(api_client_user)
    client.get("/api/v1/verdicts/")  # the first request also fills the token cache
    with django_assert_num_queries(DETAIL_QUERIES + cache_queries()):
        body = client.get(f"/api/v1/verdicts/{published.pk}/").json()
    assert len(body["versions"]) == 4
    assert len(body["cited_sources"]) == 1
