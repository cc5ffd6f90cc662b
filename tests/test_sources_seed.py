"""The seed article end to end: `manage.py ingest … --wait` with real workers and local sites.

A local SearxNG (the fixture's real JSON) points the providers at two local news pages: one says
900,000 people fled Idlib (the claim's figure), the other 700,000.
"""

import io

import pytest
from django.core.management import call_command

from factcheck.models import Claim, Evidence, Source
from tests.httpservers import Reply
from tests.sources_fixtures import json_reply, provider_json
from tests.test_sources_tasks import unique_path

RELIEF = (
    "<html><head><title>UN: 900,000 displaced in northwest Syria</title></head><body><article>"
    "<h1>UN: 900,000 displaced in northwest Syria since early December</h1>"
    "<p>More than 900,000 people, most of them women and children, have fled their homes in Idlib "
    "and Aleppo since early December, the United Nations said on Monday.</p>"
    "<p>Aid workers describe families sleeping in fields and olive groves near the border.</p>"
    "</article></body></html>"
)
WIRE = (
    "<html><head><title>700,000 flee Idlib fighting, UN says</title></head><body><article>"
    "<h1>700,000 flee Idlib fighting, UN says</h1>"
    "<p>Some 700,000 people, mostly women and children, have escaped their homes in Idlib since "
    "early December, the United Nations said on Feb. 11.</p>"
    "<p>The offensive by government forces has continued despite calls for a ceasefire.</p>"
    "</article></body></html>"
)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_seed_claim_gets_an_agreeing_and_a_conflicting_source(
    sources_worker, site, fixture_path
):
    relief, wire = unique_path("relief"), unique_path("wire")
    site.route(relief, Reply(body=RELIEF.encode()))
    site.route(wire, Reply(body=WIRE.encode()))
    results = provider_json(
        "searxng-search.json",
        **{
            "https://reliefnews.example/2020/02/17/idlib-displacement-900000/": site.url(relief),
            "https://wirewire.example/world/idlib-700000": site.url(wire),
        },
    )
    site.route("/search", json_reply(results))
    out = io.StringIO()
    seed = fixture_path("000_e9fef7baff8a209e.html")
    call_command("ingest", str(seed), "--wait", "--timeout", "120", stdout=out)

    claim = Claim.objects.get(text__contains="more than 900,000")
    by_url = {e.source.url: e for e in claim.evidence.select_related("source")}
    assert by_url[site.url(relief)].number_check == Evidence.NumberCheck.AGREES
    assert by_url[site.url(wire)].number_check == Evidence.NumberCheck.CONFLICTS
    assert by_url[site.url(relief)].suggested_stance == Evidence.Stance.SUPPORTS
    assert by_url[site.url(wire)].suggested_stance == Evidence.Stance.CONFLICTS
    assert "900,000" in by_url[site.url(relief)].passages[0]["text"]
    assert "700,000" in by_url[site.url(wire)].passages[0]["text"]
    assert {e.provider for e in by_url.values()} == {Evidence.Provider.SEARXNG}
    # Every claim was searched, and each page fetched once however many claims cite it.
    assert not Claim.objects.filter(sources_searched_at__isnull=True).exists()
    assert Source.objects.filter(status=Source.Status.FETCHED).count() == 2
    assert site.paths().count(relief) == 1
    assert site.paths().count(wire) == 1
    output = out.getvalue()
    total = Evidence.objects.count()
    assert f"Sources [{'#' * 30}] {total}/{total} done" in output
    assert "queued 0  fetching 0  ranking 0" in output
