"""Importing other publishers' ClaimReview: shapes, rating mapping, dedup by URL, command, API."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from factcheck import checked_before, factchecks
from factcheck.claimreview import incoming, ratings
from factcheck.models import ExternalFactCheck, RatingMapping
from tests.api_fixtures import error_fields
from tests.httpservers import Reply, serve

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "claimreview"
SAMPLES = Path(__file__).resolve().parent / "fixtures" / "providers"


def _page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_it_reads_every_shape_of_claimreview():
    found = incoming.read(_page("current_single.html"), "https://checker.example/x")
    found += incoming.read(_page("graph_and_list.html"))
    found += incoming.read(_page("legacy_creativework.json"))
    by_url = {f.url: f for f in found}
    assert len(found) == 5
    current = by_url["https://checker.example/turkey-refugees/?utm_source=feed"]
    assert current.claimant == "Social media posts"
    assert current.publisher == "Another Checker"
    assert (current.rating_value, current.best_rating, current.worst_rating) == (2, 5, 1)
    assert current.published_at.isoformat() == "2020-01-09T00:00:00+00:00"
    assert by_url["https://politi.example/fire"].rating_text == "Pants on Fire!"
    assert by_url["https://tjek.example/maalinger"].publisher == "TjekDet Eksempel"
    legacy = by_url["https://old.example/2017/eiffel"]
    assert legacy.claim_text == "The Eiffel Tower was sold twice by a con man."
    assert legacy.claimant == "Trivia site"
    assert legacy.publisher == "Old Checker"


@pytest.mark.parametrize(
    ("text", "value", "best", "worst", "rating"),
    [
        ("Mostly False", 2, 5, 1, "mostly_false"),
        ("Pants on Fire!", None, None, None, "false"),
        ("Vildledende", None, None, None, "misleading"),
        ("Unproven", 4, 5, 1, "unverifiable"),  # the name wins over the number
        ("", -1, 2, -2, "mostly_false"),  # negative scale: a quarter of the way up
        ("", 2, 2, -2, "true"),
        ("", 1, 1, 5, "true"),  # a scale where lower is better
        ("", 3, None, None, "mixed"),  # schema.org's default 1..5
    ],
)
def test_ratings_map_by_name_then_by_scale(text, value, best, worst, rating):
    placed = ratings.place(
        publisher="X", text=text, value=value, best=best, worst=worst, mappings={}
    )
    assert (placed.rating, placed.unmapped) == (rating, False)


def test_an_unknown_rating_is_kept_verbatim_and_flagged():
    placed = ratings.place(
        publisher="X", text="Wobbly-ish", value=None, best=None, worst=None, mappings={}
    )
    assert (placed.rating, placed.unmapped) == ("", True)


@pytest.mark.django_db
def test_the_publishers_own_mapping_comes_first_and_editing_it_remaps():
    factchecks.external_factchecks_store_document(document=_page("unmapped.html"))
    stored = ExternalFactCheck.objects.get()
    assert (stored.rating, stored.rating_text, stored.rating_unmapped) == ("", "Wobbly-ish", True)
    mapping = RatingMapping(publisher="Odd Checks", alternate_name="wobbly ish", rating="mixed")
    factchecks.rating_mapping_save(mapping=mapping)
    stored.refresh_from_db()
    assert (stored.rating, stored.rating_unmapped) == ("mixed", False)
    factchecks.rating_mapping_delete(mapping=mapping)
    stored.refresh_from_db()
    assert (stored.rating, stored.rating_unmapped) == ("", True)
    assert stored.history.count() == 3


@pytest.mark.django_db
def test_import_by_url_goes_through_the_safe_fetcher_and_dedups_by_url(allow_loopback):
    with serve({"/check": Reply(body=_page("current_single.html").encode())}) as server:
        first = factchecks.external_factchecks_import(location=server.url("/check"))
        again = factchecks.external_factchecks_import(location=server.url("/check"))
    assert [f.pk for f in first] == [f.pk for f in again]
    stored = ExternalFactCheck.objects.get()
    assert stored.url == "https://checker.example/turkey-refugees/"  # tracking parameter dropped
    assert (stored.rating, stored.origin) == ("mostly_false", "import")
    assert stored.claimreview["claimReviewed"] == "Turkey hosts 5 million Syrian refugees."


@pytest.mark.django_db
def test_the_safe_fetcher_refuses_private_addresses_for_imports(settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False
    with (
        serve({"/check": Reply(body=_page("current_single.html").encode())}) as server,
        pytest.raises(factchecks.ImportFailure),
    ):
        factchecks.external_factchecks_import(location=server.url("/check"))
    assert not ExternalFactCheck.objects.exists()


@pytest.mark.django_db
def test_the_command_imports_files_and_names_what_failed(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_claimreview",
        str(FIXTURES / "graph_and_list.html"),
        str(FIXTURES / "legacy_creativework.json"),
        stdout=out,
        stderr=err,
    )
    assert "3 fact-checks stored" in out.getvalue()
    assert ExternalFactCheck.objects.count() == 4
    assert (
        ExternalFactCheck.objects.get(url="https://tjek.example/maalinger").rating == "misleading"
    )
    with pytest.raises(CommandError, match="1 of 1"):
        call_command("import_claimreview", str(tmp_path / "missing.json"), stdout=out, stderr=err)


@pytest.mark.django_db
def test_fact_check_tools_results_are_stored_the_same_way():
    data = json.loads((SAMPLES / "factchecktools-claims-search.json").read_text())
    stored = factchecks.external_factchecks_from_factcheck_tools(data)
    assert {s.origin for s in stored} == {"factcheck_tools"}
    turkey = ExternalFactCheck.objects.get(url="https://checker.example/turkey-refugee-number/")
    assert (turkey.publisher, turkey.claimant, turkey.rating) == (
        "Another Checker",
        "Social media posts",
        "mostly_false",
    )


def test_the_api_imports_for_editors_and_refuses_api_clients(
    api, editor, api_client_user, allow_loopback
):
    checked_before.forget_indexes()
    with serve({"/check": Reply(body=_page("graph_and_list.html").encode())}) as server:
        refused = api(api_client_user).post(
            "/api/v1/factchecks/import/", {"url": server.url("/check")}, format="json"
        )
        response = api(editor).post(
            "/api/v1/factchecks/import/", {"url": server.url("/check")}, format="json"
        )
        empty = api(editor).post(
            "/api/v1/factchecks/import/", {"url": server.url("/missing")}, format="json"
        )
    assert refused.status_code == 403
    assert response.status_code == 201
    assert {r["rating"] for r in response.json()} == {"false", "misleading", "mostly_false"}
    assert empty.status_code == 400
    assert error_fields(empty.json()) == ["url"]
    # Imported fact-checks are matched as "external", never as our verdicts.
    match = api(editor).post(
        "/api/v1/matches/", {"text": "Hot water cures flu in three days"}, format="json"
    )
    assert [(r["kind"], r["verdict"]) for r in match.json()["results"]] == [("external", None)]
    checked_before.forget_indexes()
