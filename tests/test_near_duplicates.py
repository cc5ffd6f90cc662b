"""The same story twice is one story: near-duplicate articles linked, claims paired one to one."""

import pytest

from factcheck import ingest, near_duplicates
from factcheck.models import ArticleFingerprint, Claim, MatchSuggestion


@pytest.fixture(autouse=True)
def fresh_fingerprints():
    near_duplicates.forget_fingerprints()
    yield
    near_duplicates.forget_fingerprints()


@pytest.mark.django_db
def test_the_seed_story_pasted_then_as_html_is_linked_and_its_claims_not_duplicated(
    seed_text, seed_html
):
    pasted = ingest.article_ingest_text(text=seed_text, title="Pasted")
    fetched = ingest.article_ingest_html(
        html=seed_html.replace("Turkish President", "ANKARA (Wire) - Turkish President", 1),
        url="https://wire.example/idlib",
    )
    assert fetched.pk != pasted.pk
    assert ArticleFingerprint.objects.get(article=fetched).duplicate_of == pasted
    assert ArticleFingerprint.objects.get(article=pasted).duplicate_of is None
    original_claims = pasted.claims.count()
    assert original_claims > 5
    open_claims = Claim.objects.filter(status__in=Claim.OPEN_STATUSES).count()
    assert open_claims == original_claims  # the copy's claims are not new work
    pairs = MatchSuggestion.objects.filter(claim__article=fetched, kind="claim", status="confirmed")
    assert pairs.count() == fetched.claims.count() == original_claims
    assert len({p.matched_claim_id for p in pairs}) == pairs.count()  # one to one
    for pair in pairs.select_related("claim", "matched_claim"):
        assert pair.matched_claim.article_id == pasted.pk
        assert pair.claim.status == "dismissed"
        assert f"claim {pair.matched_claim_id} of article {pasted.pk}" in pair.claim.dismiss_reason
    assert near_duplicates.near_duplicates_of(pasted) == [fetched]


@pytest.mark.django_db
def test_a_different_story_is_not_linked(seed_text):
    ingest.article_ingest_text(text=seed_text, title="Seed")
    other = ingest.article_ingest_text(
        text=(
            "The city council voted 7-2 on Tuesday to build 40 kilometres of protected bike "
            "lanes by 2027. The mayor said the plan would cost 12 million euros and cut car "
            "traffic in the centre by a fifth, according to the transport department."
        ),
        title="Bike lanes",
    )
    assert ArticleFingerprint.objects.get(article=other).duplicate_of is None
    assert not MatchSuggestion.objects.filter(claim__article=other, status="confirmed").exists()


@pytest.mark.django_db
def test_a_claim_whose_number_changed_is_not_paired(seed_text):
    original = ingest.article_ingest_text(text=seed_text, title="Seed")
    changed = seed_text.replace("3.7 million", "2.5 million")
    copy = ingest.article_ingest_text(text=changed + " Updated.", title="Seed, updated")
    assert ArticleFingerprint.objects.get(article=copy).duplicate_of == original
    refugees = copy.claims.get(text__contains="2.5 million")
    assert refugees.status == "new"
    assert not MatchSuggestion.objects.filter(claim=refugees, status="confirmed").exists()
