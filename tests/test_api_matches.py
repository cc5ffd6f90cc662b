"""POST /api/v1/matches/: published verdicts and imported fact-checks only, best first."""

import gc
import runpy
from pathlib import Path

import pytest

from factcheck import checked_before, review
from factcheck.models import ExternalFactCheck
from tests.api_fixtures import error_fields
from tests.personas import make_article, make_claim

ROOT = Path(__file__).resolve().parent.parent
MEASLES = "Only 91% of children got their second measles vaccine dose in 2022."


@pytest.fixture(autouse=True)
def fresh_indexes():
    """Each test starts from an empty per-process index (the tables are emptied between tests)."""
    checked_before.forget_indexes()
    yield
    checked_before.forget_indexes()


@pytest.fixture
def measles_verdict(make_published):
    article = make_article(body=f"Health news. {MEASLES} Other news.")
    return make_published(make_claim(article, text=MEASLES), rating="mostly_true")


def _match(client, **body):
    return client.post("/api/v1/matches/", body, format="json")


def test_a_paraphrase_finds_the_published_verdict_first(api, api_client_user, measles_verdict):
    make_claim(text="Only 91% of children got their second measles vaccine dose in 2022, he said.")
    response = _match(
        api(api_client_user),
        text="WHO and UNICEF: only 91% of children got their second measles shot in 2022",
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 1  # the unpublished twin claim is not a result
    best = results[0]
    assert best["kind"] == "verdict"
    assert best["verdict"] == measles_verdict.pk
    assert best["rating"] == "mostly_true"
    assert best["claim_text"] == MEASLES
    assert best["publisher"] == "Factcheck Workbench"
    assert best["url"] == best["claimreview"]["url"]  # our public fact-check page
    assert best["claimreview"]["@type"] == "ClaimReview"
    assert best["published_at"]
    assert 0.5 <= best["score"] <= 1


def test_an_unrelated_text_scores_the_verdict_lower(api, editor, measles_verdict):
    client = api(editor)
    related = _match(client, text="91% of children got a second measles shot in 2022", min_score=0)
    unrelated = _match(client, text="The council approved a new bus lane downtown", min_score=0)
    best = related.json()["results"][0]["score"]
    assert all(r["score"] < best for r in unrelated.json()["results"])
    assert _match(client, text="The council approved a new bus lane downtown").json() == {
        "results": []
    }


def test_imported_fact_checks_are_results_of_their_own_kind(api, editor, measles_verdict):
    ExternalFactCheck.objects.create(
        url="https://factcheck.example.net/refugees",
        claim_text="3.7 million refugees live in Turkey.",
        publisher="Example Checks",
        rating_text="Mostly True",
        rating="mostly_true",
        claimreview={"@type": "ClaimReview", "url": "https://factcheck.example.net/refugees"},
    )
    results = _match(api(editor), text="Turkey hosts 3.7 million refugees").json()["results"]
    assert [r["kind"] for r in results] == ["external"]
    assert results[0]["verdict"] is None
    assert results[0]["publisher"] == "Example Checks"
    assert results[0]["url"] == "https://factcheck.example.net/refugees"


def test_a_superseded_verdict_is_replaced_by_its_correction(
    api, editor, senior_editor, second_senior_editor, measles_verdict
):
    client = api(editor)
    assert _match(client, text=MEASLES).json()["results"][0]["verdict"] == measles_verdict.pk
    correction = review.verdict_correct(
        verdict=measles_verdict,
        actor=senior_editor,
        rating="true",
        summary="Re-checked.",
        correction_note="The figure is confirmed.",
    )
    correction = review.verdict_publish(verdict=correction, approver=second_senior_editor)
    checked_before.published_index().refresh(force=True)
    results = _match(client, text=MEASLES).json()["results"]
    assert [r["verdict"] for r in results] == [correction.pk]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": "ok", "limit": 0}, "limit"),
        ({"text": "ok", "limit": 21}, "limit"),
        ({"text": "ok", "limit": "five"}, "limit"),
        ({"text": "ok", "min_score": 2}, "min_score"),
        ({"text": ["a", "list"]}, "text"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(api, editor, body, field):
    response = _match(api(editor), **body)
    assert response.status_code == 400
    assert error_fields(response.json()) == [field]


@pytest.mark.parametrize(
    "text", ["\u200b\u202e", "🦁🔥🇺🇸", "<script>alert(1)</script>", "\ufffd\ufffd", "x" * 5000]
)
def test_hostile_text_is_answered(api, editor, measles_verdict, text):
    response = _match(api(editor), text=text)
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_anonymous_and_outsiders_are_refused(api, outsider):
    assert _match(api(None), text=MEASLES).status_code == 401
    assert _match(api(outsider), text=MEASLES).status_code == 403


def test_it_is_throttled_like_the_rest(api, api_client_user, settings):
    settings.API_THROTTLE_RATE = "2/minute"
    client = api(api_client_user)
    statuses = [_match(client, text=MEASLES).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_it_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/matches/"]["post"]
    assert "400" in operation["responses"]
    assert "MatchResponse" in schema["components"]["schemas"]
    result = schema["components"]["schemas"]["MatchResult"]["properties"]
    assert {"score", "kind", "verdict", "claim_text", "rating", "publisher", "url"} <= set(result)
    assert {"published_at", "claimreview"} <= set(result)


@pytest.mark.django_db(transaction=True)
def test_gunicorn_builds_the_index_in_the_master_before_the_workers_fork():
    # workbench/gunicorn.conf.py, as deployed: the app is preloaded and when_ready (run in the
    # master before the first fork) builds the index the workers then share.
    external = ExternalFactCheck.objects.create(
        url="https://checks.example/measles", claim_text=MEASLES, publisher="Checks", rating="true"
    )
    config = runpy.run_path(str(ROOT / "workbench" / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    config["when_ready"](None)
    try:
        assert f"external:{external.pk}" in checked_before.published_index().matcher
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
