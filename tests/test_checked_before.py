"""Checked before? New claims matched in a worker; editors confirm, reject and apply verdicts."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from factcheck import checked_before, ingest, match_review, review
from factcheck.models import Claim, ExternalFactCheck, MatchSuggestion, Verdict
from tests.api_fixtures import publish
from tests.conftest import wait_for
from tests.personas import make_article, make_claim, make_user

MEASLES = "Only 91% of children got their second measles vaccine dose in 2022."
PARAPHRASE = "WHO and UNICEF said only 91% of children got their second measles shot in 2022."


@pytest.fixture(autouse=True)
def fresh_indexes():
    checked_before.forget_indexes()
    yield
    checked_before.forget_indexes()


@pytest.fixture
def measles_verdict(make_published) -> Verdict:
    article = make_article(body=f"Health news. {MEASLES} Other news.")
    return make_published(make_claim(article, text=MEASLES), rating="mostly_true")


@pytest.fixture
def suggestion(measles_verdict) -> MatchSuggestion:
    claim = make_claim(make_article(body=PARAPHRASE), text=PARAPHRASE)
    checked_before.article_claims_match(article_id=claim.article_id)
    return MatchSuggestion.objects.get(claim=claim, kind="verdict")


@pytest.mark.django_db(transaction=True)
def test_a_new_claim_is_matched_by_a_worker_against_published_verdicts(celery_worker):
    # Superusers: transactional tests empty the role groups a data migration made.
    drafter = make_user("match-drafter", is_superuser=True, is_staff=True)
    approver = make_user("match-approver", is_superuser=True, is_staff=True)
    claim = make_claim(make_article(body=MEASLES), text=MEASLES)
    verdict = publish(claim, drafter=drafter, approver=approver)
    article = ingest.article_ingest_text(
        text=f"Vaccination slipped last year. {PARAPHRASE} Officials blamed the pandemic.",
        title="Measles",
    )
    claim = Claim.objects.get(article=article, text__contains="measles")
    found = wait_for(
        lambda: MatchSuggestion.objects.filter(claim=claim, kind="verdict").first(), timeout=60
    )
    assert found.verdict_id == verdict.pk
    assert 0.5 <= found.score <= 1
    assert found.status == "pending"


@pytest.mark.django_db
def test_earlier_claims_in_other_articles_are_suggested_too(measles_verdict):
    earlier = make_claim(make_article(body=PARAPHRASE), text=PARAPHRASE)
    later = make_claim(make_article(body=PARAPHRASE + " "), text=PARAPHRASE)
    checked_before.article_claims_match(article_id=later.article_id)
    kinds = dict(MatchSuggestion.objects.filter(claim=later).values_list("kind", "score"))
    assert set(kinds) == {"verdict", "claim"}
    assert MatchSuggestion.objects.get(claim=later, kind="claim").matched_claim == earlier
    # The verdict's own claim is never suggested to itself, and running twice stores nothing new.
    assert checked_before.article_claims_match(article_id=later.article_id) == 0
    assert not MatchSuggestion.objects.filter(claim=measles_verdict.claim, verdict=measles_verdict)


@pytest.mark.django_db
def test_an_articles_suggestions_are_stored_in_one_batch_each_with_its_history(
    measles_verdict, django_assert_num_queries
):
    earlier = make_claim(make_article(body=PARAPHRASE), text=PARAPHRASE)
    article = make_article(body=f"{PARAPHRASE} {MEASLES}")
    claims = [make_claim(article, text=PARAPHRASE), make_claim(article, text=MEASLES)]
    checked_before.claim_index().refresh(force=True)
    checked_before.published_index().refresh(force=True)
    # The claims; the verdicts' and claims' targets (no imported fact-check is asked about);
    # existing suggestions; one insert of the suggestions and one of their history rows, in a
    # savepoint here (the test's transaction) and released.
    with django_assert_num_queries(8):
        stored = checked_before.article_claims_match(article_id=article.pk)
    suggestions = MatchSuggestion.objects.filter(claim__in=claims)
    assert stored == suggestions.count() >= 3
    assert {(s.claim_id, s.kind) for s in suggestions} >= {
        (claims[0].pk, "verdict"),
        (claims[0].pk, "claim"),
        (claims[1].pk, "verdict"),
    }
    assert suggestions.get(claim=claims[0], kind="claim").matched_claim == earlier
    history = MatchSuggestion.history.filter(claim_id__in=[c.pk for c in claims])
    assert sorted(h.id for h in history if h.history_type == "+") == sorted(
        s.pk for s in suggestions
    )


@pytest.mark.django_db
def test_the_claim_index_reads_new_claims_by_id_and_one_committed_late_too(
    django_assert_num_queries,
):
    first = make_claim(text=MEASLES)
    index = checked_before.claim_index()
    index.refresh(force=True)
    # A transaction that took the next id commits after one that took the id after it.
    later = make_claim(make_article(body=PARAPHRASE), text=PARAPHRASE, pk=first.pk + 2)
    with django_assert_num_queries(1):
        index.refresh(force=True)
    assert set(index.gaps) == {first.pk + 1}
    late = make_claim(make_article(body="Late. " + MEASLES), text=MEASLES, pk=first.pk + 1)
    index.refresh(force=True)
    assert not index.gaps
    assert {f"claim:{c.pk}" for c in (first, later, late)} <= set(index.matcher.positions)
    with django_assert_num_queries(1):  # nothing new: one query by id, nothing indexed again
        index.refresh(force=True)
    assert len(index.matcher) == 3


@pytest.mark.django_db
def test_an_unrelated_claim_gets_no_suggestion(measles_verdict):
    claim = make_claim(text="The council approved a new bus lane on Main Street in 2023.")
    assert checked_before.article_claims_match(article_id=claim.article_id) == 0


@pytest.mark.django_db
def test_confirm_and_reject_record_who_and_when(suggestion, editor, second_editor):
    confirmed = match_review.match_confirm(suggestion=suggestion, actor=editor)
    assert (confirmed.status, confirmed.decided_by) == ("confirmed", editor)
    assert confirmed.decided_at is not None
    rejected = match_review.match_reject(suggestion=suggestion, actor=second_editor)
    assert (rejected.status, rejected.decided_by) == ("rejected", second_editor)
    history = list(rejected.history.order_by("history_date"))
    assert [h.status for h in history] == ["pending", "confirmed", "rejected"]
    assert [h.history_user for h in history[1:]] == [editor, second_editor]


@pytest.mark.django_db
def test_api_clients_may_not_decide_and_nothing_changes(suggestion, api_client_user):
    with pytest.raises(PermissionDenied):
        match_review.match_confirm(suggestion=suggestion, actor=api_client_user)
    suggestion.refresh_from_db()
    assert suggestion.status == "pending"


@pytest.mark.django_db
def test_an_applied_verdict_is_a_draft_citing_the_original_published_by_a_second_editor(
    suggestion, measles_verdict, senior_editor, second_senior_editor
):
    with pytest.raises(review.WorkflowError, match="Confirm"):
        match_review.match_apply_verdict(suggestion=suggestion, actor=senior_editor)
    match_review.match_confirm(suggestion=suggestion, actor=senior_editor)
    draft = match_review.match_apply_verdict(suggestion=suggestion, actor=senior_editor)
    assert (draft.status, draft.rating, draft.claim_id) == (
        "draft",
        "mostly_true",
        suggestion.claim_id,
    )
    assert f"verdict #{measles_verdict.pk}" in draft.summary
    sources = {e.source_id for e in draft.cited_evidence.all()}
    assert sources == {e.source_id for e in measles_verdict.cited_evidence.all()}
    with pytest.raises(PermissionDenied, match="second editor"):
        review.verdict_publish(verdict=draft, approver=senior_editor)  # the drafter cannot
    published = review.verdict_publish(verdict=draft, approver=second_senior_editor)
    assert published.status == "published"
    suggestion.refresh_from_db()
    assert suggestion.applied_verdict == draft


@pytest.mark.django_db
def test_precision_at_each_threshold_comes_from_editors_decisions(measles_verdict, editor: User):
    claims = [make_claim(text=f"Claim {n} about measles in 2022.") for n in range(4)]
    for claim, score, decision in zip(
        claims,
        (0.95, 0.8, 0.6, 0.55),
        ("confirmed", "confirmed", "rejected", "pending"),
        strict=True,
    ):
        MatchSuggestion.objects.create(
            claim=claim, kind="verdict", verdict=measles_verdict, score=score, status=decision
        )
    rows = {r.threshold: r for r in match_review.precision_by_threshold((0.5, 0.7, 0.9))}
    assert (rows[0.5].decided, rows[0.5].confirmed) == (3, 2)
    assert rows[0.7].precision == 1.0
    assert (rows[0.9].decided, rows[0.9].precision) == (1, 1.0)


@pytest.mark.django_db
def test_the_claim_page_and_queue_show_checked_before(client, editor, suggestion, plain_static):
    client.force_login(editor)
    page = client.get(f"/admin/factcheck/claim/{suggestion.claim_id}/change/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="checked-before"' in body
    assert "Mostly true" in body
    assert f"match {suggestion.score:.2f}" in body
    queue = client.get("/admin/factcheck/claim/", {"checked_before": "yes", "status": "all"})
    text = queue.content.decode()
    assert "Published verdict: &#x27;Only 91% of children" in text
    assert f"match {suggestion.score:.2f}" in text
    none = client.get("/admin/factcheck/claim/", {"checked_before": "no", "status": "all"})
    assert "Published verdict:" not in none.content.decode()


@pytest.mark.django_db
def test_the_claim_page_buttons_confirm_and_apply(client, editor, suggestion, plain_static):
    client.force_login(editor)
    step = f"/admin/factcheck/claim/{suggestion.claim_id}/do/"
    client.post(step + "match-confirm/", {"suggestion": suggestion.pk})
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == ("confirmed", editor)
    client.post(step + "match-apply/", {"suggestion": suggestion.pk})
    suggestion.refresh_from_db()
    assert suggestion.applied_verdict.status == "draft"


@pytest.mark.django_db
def test_the_precision_command_prints_a_row_per_threshold(suggestion, editor):
    import io

    from django.core.management import call_command

    match_review.match_confirm(suggestion=suggestion, actor=editor)
    out = io.StringIO()
    call_command("match_precision", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "threshold\tdecided\tconfirmed\tprecision"
    assert "0.50\t1\t1\t1.000" in lines


@pytest.mark.django_db
def test_a_fact_check_committed_late_is_picked_up_by_the_next_look_back_not_every_refresh():
    index = checked_before.published_index()
    index.refresh(force=True)
    late = ExternalFactCheck.objects.create(
        url="https://checks.example/late", claim_text=MEASLES, publisher="Checks", rating="true"
    )
    # Stamped half a minute before it committed (a long transaction, a bulk import).
    stamped = timezone.now() - timedelta(seconds=30)
    ExternalFactCheck.objects.filter(pk=late.pk).update(updated_at=stamped)
    index.refresh(force=True)  # reads the last seconds only: a bulk import is not read again
    assert f"external:{late.pk}" not in index.matcher
    index.looked_back_at -= checked_before.LOOK_BACK_SECONDS
    index.refresh(force=True)
    assert f"external:{late.pk}" in index.matcher
