"""ClaimReview JSON-LD: Google's required and recommended fields, with their types."""

from datetime import UTC, datetime

import pytest

from factcheck import ingest
from factcheck.claimreview import Publisher, claimreview, claimreview_warnings
from factcheck.models import Article, Claim, Verdict

PUBLISHER = Publisher(
    name="Levant Checks",
    url="https://checks.example.org",
    logo="https://checks.example.org/logo.png",
    verdict_url_template="https://checks.example.org/verdicts/{verdict_id}",
)
# Google's ClaimReview structured data: the required properties and the type each must have.
REQUIRED = {"claimReviewed": str, "reviewRating": dict, "url": str}
RECOMMENDED = {"author": dict, "datePublished": str, "itemReviewed": dict}


def unsaved_verdict(
    rating: str = "false",
    text: str = "Schools closed for 40% of 2020.",
    claimant: str = "The minister",
    url: str = "https://news.example/a",
    claimant_type: str = "person",
) -> Verdict:
    article = Article(
        pk=3, url=url, title="Schools", publisher="Ledger",
        published_at=datetime(2024, 3, 1, 9, tzinfo=UTC),
    )  # fmt: skip
    claim = Claim(
        pk=7, article=article, text=text, claimant=claimant, claimant_type=claimant_type,
        start=0, end=len(text),
    )  # fmt: skip
    return Verdict(
        pk=11, claim=claim, rating=rating, summary="The figure was 14%.", version=1,
        status=Verdict.Status.PUBLISHED, published_at=datetime(2024, 3, 5, 12, tzinfo=UTC),
    )  # fmt: skip


def test_it_has_every_required_and_recommended_field_with_its_type():
    document = claimreview(unsaved_verdict(), PUBLISHER)
    assert document["@context"] == "https://schema.org"
    assert document["@type"] == "ClaimReview"
    for name, kind in {**REQUIRED, **RECOMMENDED}.items():
        assert isinstance(document[name], kind), name
        assert document[name], name
    assert document["url"] == "https://checks.example.org/verdicts/11"
    assert document["claimReviewed"] == "Schools closed for 40% of 2020."
    assert document["datePublished"] == "2024-03-05"


def test_the_rating_carries_its_name_and_our_scale():
    rating = claimreview(unsaved_verdict("mostly_true"), PUBLISHER)["reviewRating"]
    assert rating == {
        "@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1,
        "alternateName": "Mostly true",
    }  # fmt: skip
    for value in Verdict.Rating.values:
        rating = claimreview(unsaved_verdict(value), PUBLISHER)["reviewRating"]
        assert isinstance(rating["alternateName"], str)
        assert rating["alternateName"]
        if "ratingValue" in rating:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


def test_an_unverifiable_claim_has_a_name_but_no_place_on_the_scale():
    rating = claimreview(unsaved_verdict("unverifiable"), PUBLISHER)["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_the_author_is_the_organisation_from_settings():
    author = claimreview(unsaved_verdict(), PUBLISHER)["author"]
    assert author == {
        "@type": "Organization", "name": "Levant Checks", "url": "https://checks.example.org",
        "logo": {"@type": "ImageObject", "url": "https://checks.example.org/logo.png"},
    }  # fmt: skip


def test_the_item_reviewed_is_the_claim_with_claimant_and_appearance():
    item = claimreview(unsaved_verdict(), PUBLISHER)["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "The minister"}
    assert item["datePublished"] == "2024-03-01"
    assert item["appearance"][0]["url"] == "https://news.example/a"
    assert item["firstAppearance"]["url"] == "https://news.example/a"
    assert item["appearance"][0]["@type"] == "CreativeWork"


@pytest.mark.parametrize(
    ("claimant", "claimant_type", "schema_type"),
    [
        ("The World Health Organization", "organisation", "Organization"),
        ("Environment Agency", "organisation", "Organization"),
        ("Hans Kluge", "person", "Person"),
    ],
)
def test_the_claimants_type_gives_the_authors_schema_type(claimant, claimant_type, schema_type):
    verdict = unsaved_verdict(claimant=claimant, claimant_type=claimant_type)
    author = claimreview(verdict, PUBLISHER)["itemReviewed"]["author"]
    assert author == {"@type": schema_type, "name": claimant}


def test_an_ingested_organisations_claim_is_an_organization_in_claimreview(db):
    body = "Kazakhstan accounted for 13,000 of the cases, the World Health Organization said."
    article = ingest.article_ingest_text(text=body)
    claim = article.claims.get()
    assert (claim.claimant, claim.claimant_type) == ("World Health Organization", "organisation")
    verdict = Verdict(pk=1, claim=claim, rating="true", version=1, status="published")
    assert claimreview(verdict, PUBLISHER)["itemReviewed"]["author"]["@type"] == "Organization"


def test_a_pasted_article_without_claimant_or_url_omits_those_fields():
    item = claimreview(unsaved_verdict(claimant="", url=""), PUBLISHER)["itemReviewed"]
    assert item == {"@type": "Claim", "datePublished": "2024-03-01"}


def test_it_warns_when_claim_reviewed_exceeds_75_characters():
    long_text = "The minister said that " + "schools closed " * 5 + "in 2020."
    assert len(long_text) > 75
    warnings = claimreview_warnings(unsaved_verdict(text=long_text), PUBLISHER)
    assert any("75" in warning for warning in warnings)
    assert claimreview_warnings(unsaved_verdict(), PUBLISHER) == []


def test_it_warns_about_missing_claimant_and_appearance():
    warnings = claimreview_warnings(unsaved_verdict(claimant="", url=""), PUBLISHER)
    assert len(warnings) == 2


@pytest.mark.django_db
def test_the_endpoint_serves_published_verdicts_as_claimreview(api, api_client_user, published):
    client = api(api_client_user)
    feed = client.get("/api/v1/claimreviews/").json()
    assert len(feed["results"]) == 1
    assert feed["next"] is None
    document = feed["results"][0]
    assert document["@type"] == "ClaimReview"
    claim = published.claim
    assert document["url"] == f"http://testserver/factchecks/{claim.pk}-{claim.slug}/"
    assert document["reviewRating"]["alternateName"] == "True"
    one = client.get(f"/api/v1/claimreviews/{published.pk}/").json()
    assert one == document


@pytest.mark.django_db
def test_the_endpoint_hides_drafts(api, api_client_user, draft):
    client = api(api_client_user)
    assert client.get("/api/v1/claimreviews/").json()["results"] == []
    assert client.get(f"/api/v1/claimreviews/{draft.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_endpoint_takes_its_author_from_settings(api, api_client_user, published, settings):
    settings.CLAIMREVIEW_AUTHOR_NAME = "Levant Checks"
    document = api(api_client_user).get(f"/api/v1/claimreviews/{published.pk}/").json()
    assert document["author"]["name"] == "Levant Checks"
