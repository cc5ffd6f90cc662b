"""The public fact-check pages: no login, published verdicts only, ClaimReview embedded safely."""

import json
import re

import pytest
from django.urls import reverse

from factcheck import claimreview, review
from factcheck.models import Source
from tests.api_fixtures import publish
from tests.personas import make_article, make_claim, make_evidence

pytestmark = pytest.mark.django_db
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def page_url(claim) -> str:
    return reverse("public:factcheck", args=[claim.pk, claim.slug])


def json_ld(html: str) -> dict:
    found = LD_JSON.findall(html)
    assert len(found) == 1, found
    return json.loads(found[0])


@pytest.fixture
def checked(editor, senior_editor):
    """The seed's UN claim, published False with a short claimReviewed and one cited source."""
    article = make_article(
        title="Idlib talks", url="https://news.example.org/idlib", publisher="The Levant Ledger",
        body="The United Nations says more than 900,000 people have fled since December.",
    )  # fmt: skip
    claim = make_claim(article, claimant="The United Nations")
    evidence = make_evidence(
        claim, source=Source.objects.create(
            url="https://unhcr.example.org/idlib", domain="unhcr.example.org",
            title="UNHCR: Idlib update", status=Source.Status.FETCHED,
        ),
    )  # fmt: skip
    draft = review.verdict_draft(
        claim=claim, actor=editor, rating="true", summary="UNHCR counts 948,000.",
        cited_evidence=[evidence], claim_reviewed="UN: over 900,000 fled Idlib since December",
    )  # fmt: skip
    return review.verdict_publish(verdict=draft, approver=senior_editor)


def test_an_anonymous_reader_sees_the_whole_fact_check(client, checked):
    response = client.get(page_url(checked.claim))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert '<main id="main">' in html
    assert "<h1>UN: over 900,000 fled Idlib since December</h1>" in html
    assert "The United Nations says more than 900,000 people have fled since December." in html
    assert "The United Nations (organisation)" in html
    assert 'href="https://news.example.org/idlib"' in html
    assert "The Levant Ledger" in html
    assert 'class="rating rating-true">True</span>' in html
    assert "UNHCR counts 948,000." in html
    link = '<a href="https://unhcr.example.org/idlib" rel="noopener noreferrer">'
    assert link + "UNHCR: Idlib update</a>" in html


def test_the_page_embeds_its_claimreview_with_its_own_url(client, checked):
    html = client.get(page_url(checked.claim)).content.decode()
    document = json_ld(html)
    assert document["@type"] == "ClaimReview"
    assert document["url"] == "http://testserver" + page_url(checked.claim)
    assert document["claimReviewed"] == "UN: over 900,000 fled Idlib since December"
    assert document["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "The United Nations",
    }
    assert f'<link rel="canonical" href="{document["url"]}">' in html


def test_site_url_sets_the_claimreview_url(client, checked, settings):
    settings.SITE_URL = "https://checks.example.org"
    document = json_ld(client.get(page_url(checked.claim)).content.decode())
    assert document["url"] == "https://checks.example.org" + page_url(checked.claim)


def test_the_json_ld_cannot_end_its_script(client, editor, senior_editor):
    hostile = "</script><script>alert(1)</script> & <!-- said the minister"
    claim = make_claim(make_article(body=hostile), claimant="<b>Minister</b>")
    verdict = publish(claim, drafter=editor, approver=senior_editor)
    html = client.get(page_url(verdict.claim)).content.decode()
    script = LD_JSON.findall(html)[0]
    assert "<" not in script
    assert ">" not in script
    assert "&" not in script
    assert json.loads(script)["claimReviewed"] == hostile
    assert "<script>alert(1)" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html


def test_drafts_are_never_public(client, claim, draft):
    assert client.get(page_url(claim)).status_code == 404
    assert draft.summary not in client.get(reverse("public:index")).content.decode()
    assert draft.summary not in client.get(reverse("public:feed")).content.decode()


def test_a_pending_correction_and_internal_notes_stay_private(
    client, checked, senior_editor, second_senior_editor, editor
):
    claim = checked.claim
    review.claim_note_add(claim=claim, actor=editor, text="Internal: call the UNHCR desk")
    review.verdict_correct(
        verdict=checked, actor=senior_editor, rating="mostly_true",
        summary="Secret draft wording.", correction_note="Not yet public",
    )  # fmt: skip
    html = client.get(page_url(claim)).content.decode()
    assert "UNHCR counts 948,000." in html
    for private in ("Internal: call the UNHCR desk", "Secret draft wording.", "Not yet public"):
        assert private not in html


def test_the_correction_history_shows_every_published_version_with_its_note(
    client, checked, senior_editor, second_senior_editor
):
    correction = review.verdict_correct(
        verdict=checked, actor=senior_editor, rating="mostly_true",
        summary="UNHCR later revised the count to 890,000.",
        correction_note="The count was revised by UNHCR on 3 March.",
    )  # fmt: skip
    review.verdict_publish(verdict=correction, approver=second_senior_editor)
    html = client.get(page_url(checked.claim)).content.decode()
    assert "<h2>Corrections</h2>" in html
    assert "Version 1" in html
    assert "Version 2" in html
    assert "Correction: The count was revised by UNHCR on 3 March." in html
    assert "UNHCR later revised the count to 890,000." in html
    assert json_ld(html)["reviewRating"]["alternateName"] == "Mostly true"


def test_a_wrong_slug_redirects_to_the_right_one(client, checked):
    response = client.get(f"/factchecks/{checked.claim_id}-something-else/")
    assert response.status_code == 301
    assert response["Location"] == page_url(checked.claim)


def test_the_index_and_the_atom_feed_list_published_fact_checks(client, checked, claim, draft):
    index = client.get(reverse("public:index")).content.decode()
    assert page_url(checked.claim) in index
    assert "UN: over 900,000 fled Idlib since December" in index
    assert page_url(claim) not in index
    feed = client.get(reverse("public:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "<title>True: UN: over 900,000 fled Idlib since December</title>" in body
    assert page_url(checked.claim) in body
    assert page_url(claim) not in body


def test_claimant_types_follow_the_claim_or_a_simple_rule():
    from factcheck.models import Claim

    assert claimreview.claimant_type(Claim(claimant="The Ministry of Health")) == "Organization"
    assert claimreview.claimant_type(Claim(claimant="UNHCR")) == "Organization"
    assert claimreview.claimant_type(Claim(claimant="Roshan Amiri")) == "Person"
    person = Claim(claimant="The Bank")
    person.claimant_type = "person"
    assert claimreview.claimant_type(person) == "Person"
