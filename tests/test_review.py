"""The review state machine and permission table (factcheck.review), role by role."""

import pytest
from django.core.exceptions import PermissionDenied

from factcheck import review
from factcheck.models import Article, Claim, Verdict, WebhookDelivery, WebhookSubscription
from tests.personas import make_claim, make_evidence

ACTIONS = list(review.ACTION_PERMISSIONS)
EDITOR_CANNOT = {"publish", "correct"}
API_CLIENT_CAN = {"view_published"}


def _refused_and_unchanged(call, claim: Claim, exc_type: type[Exception]) -> None:
    before = Claim.objects.values().get(pk=claim.pk)
    history = claim.history.count()
    with pytest.raises(exc_type):
        call()
    assert Claim.objects.values().get(pk=claim.pk) == before
    assert claim.history.count() == history


# --- The permission table ---------------------------------------------------------------


@pytest.mark.parametrize("action", ACTIONS)
def test_it_gives_each_role_its_actions(
    action, editor, senior_editor, api_client_user, outsider, superuser
):
    assert review.can(editor, action) is (action not in EDITOR_CANNOT)
    assert review.can(senior_editor, action) is True
    assert review.can(api_client_user, action) is (action in API_CLIENT_CAN)
    assert review.can(outsider, action) is False
    assert review.can(superuser, action) is True
    assert review.can(None, action) is False


def test_it_refuses_inactive_users(senior_editor):
    senior_editor.is_active = False
    assert review.can(senior_editor, "publish") is False


def test_it_refuses_an_unknown_action(editor):
    with pytest.raises(ValueError, match="Unknown review action"):
        review.can(editor, "delete_everything")


def test_it_refuses_publishing_ones_own_draft_in_the_table(draft, editor, superuser):
    draft.editor = superuser
    assert review.can(superuser, "publish", draft) is False


# --- Assigning, dismissing, reopening ---------------------------------------------------


def test_assign_moves_a_new_claim_into_review(claim, editor, second_editor):
    claim = review.claim_assign(claim=claim, assignee=second_editor, actor=editor, revision=1)
    claim.refresh_from_db()
    assert (claim.status, claim.assignee, claim.revision) == ("in_review", second_editor, 2)
    assert claim.history.first().history_user == editor


@pytest.mark.parametrize("persona", ["api_client_user", "outsider"])
def test_assign_refuses_people_without_the_editor_role(request, persona, claim, editor):
    actor = request.getfixturevalue(persona)
    call = lambda: review.claim_assign(claim=claim, assignee=editor, actor=actor)  # noqa: E731
    _refused_and_unchanged(call, claim, PermissionDenied)


def test_assign_refuses_an_assignee_who_is_not_an_editor(claim, editor, api_client_user):
    call = lambda: review.claim_assign(claim=claim, assignee=api_client_user, actor=editor)  # noqa: E731
    _refused_and_unchanged(call, claim, review.ReviewInputError)


@pytest.mark.parametrize("status", ["verified", "disputed", "unverifiable", "dismissed"])
def test_assign_refuses_closed_claims(status, editor):
    claim = make_claim(status=status)
    call = lambda: review.claim_assign(claim=claim, assignee=editor, actor=editor)  # noqa: E731
    _refused_and_unchanged(call, claim, review.WorkflowError)


def test_unassign_sends_the_claim_back_to_new(claim, editor):
    review.claim_assign(claim=claim, assignee=editor, actor=editor)
    claim = review.claim_unassign(claim=claim, actor=editor, revision=2)
    assert (claim.status, claim.assignee, claim.revision) == ("new", None, 3)


def test_dismiss_needs_a_reason(claim, editor):
    call = lambda: review.claim_dismiss(claim=claim, actor=editor, reason="  ")  # noqa: E731
    _refused_and_unchanged(call, claim, review.ReviewInputError)


def test_dismiss_closes_the_claim_with_its_reason(claim, editor):
    claim = review.claim_dismiss(claim=claim, actor=editor, reason="Opinion, not a claim.")
    claim.refresh_from_db()
    assert (claim.status, claim.dismiss_reason) == ("dismissed", "Opinion, not a claim.")
    assert claim.history.first().history_user == editor


@pytest.mark.parametrize("persona", ["api_client_user", "outsider"])
def test_dismiss_refuses_people_without_the_editor_role(request, persona, claim):
    actor = request.getfixturevalue(persona)
    call = lambda: review.claim_dismiss(claim=claim, actor=actor, reason="No.")  # noqa: E731
    _refused_and_unchanged(call, claim, PermissionDenied)


def test_dismiss_refuses_a_claim_with_a_published_verdict(published, editor):
    claim = published.claim
    call = lambda: review.claim_dismiss(claim=claim, actor=editor, reason="Late.")  # noqa: E731
    _refused_and_unchanged(call, claim, review.WorkflowError)


def test_reopen_brings_a_dismissed_claim_back(claim, editor):
    review.claim_dismiss(claim=claim, actor=editor, reason="Opinion.")
    claim = review.claim_reopen(claim=claim, actor=editor)
    assert (claim.status, claim.dismiss_reason) == ("new", "")


def test_reopen_refuses_a_claim_that_is_not_dismissed(published, editor):
    call = lambda: review.claim_reopen(claim=published.claim, actor=editor)  # noqa: E731
    _refused_and_unchanged(call, published.claim, review.WorkflowError)


def test_reopen_refuses_the_api_client(claim, editor, api_client_user):
    review.claim_dismiss(claim=claim, actor=editor, reason="Opinion.")
    call = lambda: review.claim_reopen(claim=claim, actor=api_client_user)  # noqa: E731
    _refused_and_unchanged(call, claim, PermissionDenied)


def test_a_stale_revision_is_refused_and_nothing_changes(claim, editor, second_editor):
    review.claim_assign(claim=claim, assignee=editor, actor=editor, revision=1)
    claim.refresh_from_db()
    call = lambda: review.claim_dismiss(claim=claim, actor=second_editor, reason="x", revision=1)  # noqa: E731
    _refused_and_unchanged(call, claim, review.EditConflict)
    with pytest.raises(review.EditConflict) as refused:
        call()
    assert str(refused.value) == review.STALE_CLAIM


# --- Tags, notes, evidence --------------------------------------------------------------


def test_tags_are_set_deduplicated_and_recorded(claim, editor):
    review.claim_tag(claim=claim, actor=editor, tags=["Syria", " migration ", "syria", ""])
    assert sorted(claim.tags.values_list("name", flat=True)) == ["Syria", "migration"]
    assert claim.history.first().history_user == editor
    review.claim_tag(claim=claim, actor=editor, tags=["SYRIA"])
    assert list(claim.tags.values_list("name", flat=True)) == ["Syria"]


def test_tags_refuse_the_api_client(claim, api_client_user):
    call = lambda: review.claim_tag(claim=claim, actor=api_client_user, tags=["x"])  # noqa: E731
    _refused_and_unchanged(call, claim, PermissionDenied)


def test_notes_are_kept_with_their_author(claim, editor):
    note = review.claim_note_add(claim=claim, actor=editor, text="<script>alert(1)</script>")
    assert (note.author, note.text) == (editor, "<script>alert(1)</script>")


@pytest.mark.parametrize("persona", ["api_client_user", "outsider"])
def test_notes_refuse_people_without_the_editor_role(request, persona, claim):
    with pytest.raises(PermissionDenied):
        review.claim_note_add(claim=claim, actor=request.getfixturevalue(persona), text="hi")
    assert not claim.notes.exists()


def test_an_empty_note_is_refused(claim, editor):
    with pytest.raises(review.ReviewInputError):
        review.claim_note_add(claim=claim, actor=editor, text=" \n")


def test_citing_evidence_is_recorded_with_its_editor(evidence, editor):
    review.evidence_cite(evidence=evidence, actor=editor)
    evidence.refresh_from_db()
    assert evidence.cited is True
    assert evidence.history.first().history_user == editor
    review.evidence_cite(evidence=evidence, actor=editor, cited=False)
    evidence.refresh_from_db()
    assert evidence.cited is False


def test_citing_refuses_the_api_client(evidence, api_client_user):
    with pytest.raises(PermissionDenied):
        review.evidence_cite(evidence=evidence, actor=api_client_user)
    evidence.refresh_from_db()
    assert evidence.cited is False


def test_citing_refuses_evidence_of_a_dismissed_claim(evidence, editor):
    review.claim_dismiss(claim=evidence.claim, actor=editor, reason="Opinion.")
    with pytest.raises(review.WorkflowError):
        review.evidence_cite(evidence=evidence, actor=editor)


# --- Drafting ---------------------------------------------------------------------------


def test_drafting_creates_the_current_draft_and_takes_the_claim_into_review(
    claim, evidence, editor
):
    review.evidence_cite(evidence=evidence, actor=editor)
    verdict = review.verdict_draft(claim=claim, actor=editor, rating="true", summary="Ok.")
    claim.refresh_from_db()
    assert (verdict.status, verdict.version, verdict.is_current) == ("draft", 1, True)
    assert list(verdict.cited_evidence.all()) == [evidence]
    assert (claim.status, claim.assignee) == ("in_review", editor)
    assert verdict.history.first().history_user == editor


def test_drafting_again_updates_the_same_draft(draft, second_editor):
    updated = review.verdict_draft(
        claim=draft.claim, actor=second_editor, rating="mostly_true", summary="Nearly.",
        revision=draft.revision,
    )  # fmt: skip
    assert updated.pk == draft.pk
    assert (updated.rating, updated.editor, updated.revision) == ("mostly_true", second_editor, 2)
    assert Verdict.objects.filter(claim=draft.claim).count() == 1


def test_drafting_over_someone_elses_newer_draft_is_refused(draft, second_editor):
    for seen in (0, draft.revision + 5):
        with pytest.raises(review.EditConflict, match="Someone else saved this verdict"):
            review.verdict_draft(
                claim=draft.claim, actor=second_editor, rating="false", summary="No.",
                revision=seen,
            )  # fmt: skip
    draft.refresh_from_db()
    assert (draft.rating, draft.revision) == ("true", 1)


@pytest.mark.parametrize("persona", ["api_client_user", "outsider"])
def test_drafting_refuses_people_without_the_editor_role(request, persona, claim):
    with pytest.raises(PermissionDenied):
        review.verdict_draft(
            claim=claim, actor=request.getfixturevalue(persona), rating="true", summary="x"
        )
    assert not claim.verdicts.exists()


def test_drafting_refuses_an_unknown_rating(claim, editor):
    with pytest.raises(review.ReviewInputError) as refused:
        review.verdict_draft(claim=claim, actor=editor, rating="pants_on_fire", summary="x")
    assert refused.value.field == "rating"


def test_drafting_refuses_evidence_of_another_claim(claim, editor):
    other = make_evidence(make_claim())
    with pytest.raises(review.ReviewInputError):
        review.verdict_draft(
            claim=claim, actor=editor, rating="true", summary="x", cited_evidence=[other]
        )
    assert not claim.verdicts.exists()


def test_drafting_refuses_a_claim_with_a_published_verdict(published, editor):
    with pytest.raises(review.WorkflowError, match="correct the published one"):
        review.verdict_draft(claim=published.claim, actor=editor, rating="false", summary="x")


def test_drafting_refuses_a_dismissed_claim(claim, editor):
    review.claim_dismiss(claim=claim, actor=editor, reason="Opinion.")
    with pytest.raises(review.WorkflowError, match="dismissed"):
        review.verdict_draft(claim=claim, actor=editor, rating="true", summary="x")


# --- Publishing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rating", "status"),
    [
        ("true", "verified"),
        ("mostly_true", "verified"),
        ("mixed", "disputed"),
        ("mostly_false", "disputed"),
        ("false", "disputed"),
        ("misleading", "disputed"),
        ("unverifiable", "unverifiable"),
    ],
)
def test_publishing_sets_the_claim_status_from_the_rating(
    rating, status, claim, evidence, editor, senior_editor
):
    draft = review.verdict_draft(
        claim=claim, actor=editor, rating=rating, summary="Because.", cited_evidence=[evidence]
    )
    verdict = review.verdict_publish(verdict=draft, approver=senior_editor, revision=1)
    claim.refresh_from_db()
    assert (verdict.status, verdict.approved_by, verdict.is_current) == (
        "published",
        senior_editor,
        True,
    )
    assert verdict.published_at is not None
    assert claim.status == status
    assert verdict.history.first().history_user == senior_editor
    assert claim.history.first().history_user == senior_editor


@pytest.mark.parametrize("persona", ["editor", "second_editor", "api_client_user", "outsider"])
def test_publishing_refuses_everyone_but_senior_editors(request, persona, draft):
    with pytest.raises(PermissionDenied, match="Only senior editors"):
        review.verdict_publish(verdict=draft, approver=request.getfixturevalue(persona))
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_publish_refuses_the_drafters_own_verdict(claim, evidence, senior_editor):
    own = review.verdict_draft(
        claim=claim, actor=senior_editor, rating="true", summary="x", cited_evidence=[evidence]
    )
    with pytest.raises(PermissionDenied, match="second editor"):
        review.verdict_publish(verdict=own, approver=senior_editor)
    own.refresh_from_db()
    assert own.status == "draft"


def test_publish_refuses_a_superusers_own_draft_too(claim, evidence, superuser, editor):
    own = review.verdict_draft(
        claim=claim, actor=superuser, rating="true", summary="x", cited_evidence=[evidence]
    )
    with pytest.raises(PermissionDenied, match="second editor"):
        review.verdict_publish(verdict=own, approver=superuser)
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_publish_refuses_a_senior_editor_who_edited_someone_elses_draft(draft, senior_editor):
    review.verdict_draft(
        claim=draft.claim, actor=senior_editor, rating="true", summary="Tweaked.", revision=1
    )
    with pytest.raises(PermissionDenied, match="second editor"):
        review.verdict_publish(verdict=draft, approver=senior_editor)


def test_publish_by_a_superuser_of_someone_elses_draft_works(draft, superuser):
    assert review.verdict_publish(verdict=draft, approver=superuser).status == "published"


def test_publish_needs_a_summary(claim, evidence, editor, senior_editor):
    draft = review.verdict_draft(
        claim=claim, actor=editor, rating="true", summary="", cited_evidence=[evidence]
    )
    with pytest.raises(review.ReviewInputError, match="summary"):
        review.verdict_publish(verdict=draft, approver=senior_editor)
    claim.refresh_from_db()
    assert claim.status == "in_review"


@pytest.mark.parametrize("rating", ["true", "false", "mixed", "misleading"])
def test_publish_needs_cited_evidence(rating, claim, editor, senior_editor):
    draft = review.verdict_draft(claim=claim, actor=editor, rating=rating, summary="x")
    with pytest.raises(review.ReviewInputError, match="Cite at least one"):
        review.verdict_publish(verdict=draft, approver=senior_editor)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_publish_without_evidence_is_allowed_for_unverifiable(claim, editor, senior_editor):
    draft = review.verdict_draft(claim=claim, actor=editor, rating="unverifiable", summary="x")
    review.verdict_publish(verdict=draft, approver=senior_editor)
    claim.refresh_from_db()
    assert claim.status == "unverifiable"


def test_publish_with_a_stale_revision_is_refused(draft, senior_editor, second_editor):
    review.verdict_draft(
        claim=draft.claim, actor=second_editor, rating="false", summary="No.", revision=1
    )
    with pytest.raises(review.EditConflict):
        review.verdict_publish(verdict=draft, approver=senior_editor, revision=1)
    draft.refresh_from_db()
    assert (draft.status, draft.rating) == ("draft", "false")


def test_publish_refuses_a_verdict_that_is_not_a_draft(published, second_senior_editor):
    with pytest.raises(review.WorkflowError, match="Published"):
        review.verdict_publish(verdict=published, approver=second_senior_editor)


def test_publish_refuses_a_draft_on_a_dismissed_claim(draft, editor, senior_editor):
    review.claim_dismiss(claim=draft.claim, actor=editor, reason="Opinion.")
    with pytest.raises(review.WorkflowError, match="dismissed"):
        review.verdict_publish(verdict=draft, approver=senior_editor)


def _subscribe_to_every_event(owner) -> None:
    events = list(WebhookSubscription.Event.values)
    WebhookSubscription.objects.create(owner=owner, url="https://93.184.215.14/h", events=events)


def _events() -> list[tuple[str, int]]:
    deliveries = WebhookDelivery.objects.order_by("pk")
    return [(d.event, d.payload["data"]["verdict"]["id"]) for d in deliveries]


def test_publishing_clears_source_changed(draft, senior_editor):
    review.claim_source_changed(claim_id=draft.claim_id)
    draft.claim.refresh_from_db()
    assert draft.claim.source_changed is True
    review.verdict_publish(verdict=draft, approver=senior_editor)
    draft.claim.refresh_from_db()
    assert draft.claim.source_changed is False
    assert draft.claim.history.first().source_changed is False


def test_a_changed_source_flags_the_claim_with_a_revision_and_a_history_row(claim):
    revision, versions = claim.revision, claim.history.count()
    review.claim_source_changed(claim_id=claim.pk)
    claim.refresh_from_db()
    assert (claim.source_changed, claim.revision) == (True, revision + 1)
    assert claim.history.count() == versions + 1
    assert claim.history.first().source_changed is True


def test_publish_records_its_webhook_only_after_commit(
    draft, senior_editor, django_capture_on_commit_callbacks
):
    _subscribe_to_every_event(senior_editor)
    with django_capture_on_commit_callbacks() as callbacks:
        review.verdict_publish(verdict=draft, approver=senior_editor)
    assert _events() == []
    for callback in callbacks:
        callback()
    assert _events() == [("verdict.published", draft.pk)]


# --- Corrections ------------------------------------------------------------------------


def _correct(published: Verdict, actor) -> Verdict:
    return review.verdict_correct(
        verdict=published, actor=actor, rating="mostly_false", summary="The UN said 700,000.",
        correction_note="We misread the UN figure.",
    )  # fmt: skip


def test_a_correction_is_a_new_draft_version_and_the_old_one_stays_published(
    published, second_senior_editor, evidence
):
    correction = _correct(published, second_senior_editor)
    published.refresh_from_db()
    assert (correction.version, correction.corrects, correction.status) == (2, published, "draft")
    assert correction.is_current is False
    assert list(correction.cited_evidence.all()) == [evidence]
    assert (published.status, published.is_current, published.rating) == ("published", True, "true")


def test_another_senior_editor_publishes_the_correction_and_the_old_one_is_superseded(
    published, senior_editor, second_senior_editor, django_capture_on_commit_callbacks
):
    correction = _correct(published, second_senior_editor)
    _subscribe_to_every_event(senior_editor)
    with django_capture_on_commit_callbacks(execute=True):
        review.verdict_publish(verdict=correction, approver=senior_editor)
    published.refresh_from_db()
    correction.refresh_from_db()
    assert (published.status, published.is_current) == ("superseded", False)
    assert (published.rating, published.summary) == ("true", "The figure matches.")
    assert (correction.status, correction.is_current) == ("published", True)
    assert correction.claim.status == "disputed"
    assert _events() == [("verdict.published", correction.pk), ("verdict.corrected", correction.pk)]


def test_the_corrector_cannot_publish_their_own_correction(published, second_senior_editor):
    correction = _correct(published, second_senior_editor)
    with pytest.raises(PermissionDenied, match="second editor"):
        review.verdict_publish(verdict=correction, approver=second_senior_editor)


@pytest.mark.parametrize("persona", ["editor", "api_client_user", "outsider"])
def test_corrections_refuse_everyone_but_senior_editors(request, persona, published):
    with pytest.raises(PermissionDenied):
        _correct(published, request.getfixturevalue(persona))
    assert published.claim.verdicts.count() == 1


def test_a_correction_needs_a_note(published, second_senior_editor):
    with pytest.raises(review.ReviewInputError) as refused:
        review.verdict_correct(
            verdict=published, actor=second_senior_editor, rating="false", summary="x",
            correction_note="",
        )  # fmt: skip
    assert refused.value.field == "correction_note"


def test_only_a_published_verdict_is_corrected(draft, senior_editor):
    with pytest.raises(review.WorkflowError, match="Only a published verdict"):
        _correct(draft, senior_editor)


def test_a_superseded_verdict_is_not_corrected_again(
    published, senior_editor, second_senior_editor
):
    review.verdict_publish(
        verdict=_correct(published, second_senior_editor), approver=senior_editor
    )
    with pytest.raises(review.WorkflowError, match="Superseded"):
        _correct(published, second_senior_editor)


def test_one_correction_at_a_time(published, senior_editor, second_senior_editor):
    _correct(published, second_senior_editor)
    with pytest.raises(review.WorkflowError, match="already drafted"):
        _correct(published, senior_editor)


def test_a_pending_correction_is_edited_through_the_draft(published, second_senior_editor, editor):
    correction = _correct(published, second_senior_editor)
    edited = review.verdict_draft(
        claim=published.claim, actor=editor, rating="false", summary="Wrong.", revision=1
    )
    assert (edited.pk, edited.rating, edited.corrects) == (correction.pk, "false", published)


# --- Articles ---------------------------------------------------------------------------


def test_reingest_refuses_pasted_articles_with_the_reason(article, editor):
    with pytest.raises(review.WorkflowError, match="nothing to fetch again"):
        review.article_reingest(article=article, actor=editor)


def test_reingest_refuses_an_article_that_did_not_fail(editor):
    article = Article.objects.create(url="https://news.example.org/a", status="extracted")
    with pytest.raises(review.WorkflowError, match="Only a failed article"):
        review.article_reingest(article=article, actor=editor)


def test_reingest_queues_a_failed_url_article_again(editor, django_capture_on_commit_callbacks):
    article = Article.objects.create(
        url="https://news.example.org/a", status="failed", failure_reason="Timed out."
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        review.article_reingest(article=article, actor=editor)
    article.refresh_from_db()
    assert (article.status, article.failure_reason, len(callbacks)) == ("queued", "", 1)


def test_reingest_refuses_the_api_client(api_client_user):
    article = Article.objects.create(url="https://news.example.org/a", status="failed")
    with pytest.raises(PermissionDenied):
        review.article_reingest(article=article, actor=api_client_user)
