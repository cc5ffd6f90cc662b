"""The review workflow: one state machine and one permission table, for the admin and the API.

A claim goes ``new`` → ``in_review`` (assigned) → a verdict is drafted → a senior editor who did
not write the draft publishes it → the claim becomes ``verified``, ``disputed`` or
``unverifiable``. Claims not worth checking are ``dismissed`` with a reason. Published verdicts
are never edited: a correction is a new draft version that another senior editor publishes.

Every change to a claim or a verdict locks its row, checks ``can``, validates, bumps
``revision`` and records the actor in the history. Writes that only add (``claim_note_add``, a
new note) or flip one evidence flag (``evidence_cite``: locked and recorded in the history; evidence
rows carry no revision) take no revision. Refusals raise ``PermissionDenied`` (who) or
``WorkflowError`` (what). Publishing sends its webhooks by name (``webhooks.verdict_published``)
once its transaction has committed.

Lock order, everywhere: the claim first, then its verdicts (then evidence). Two writers taking
them in opposite orders deadlock; what deadlocks remain are retried (``atomic_with_retry``).
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from factcheck import guards, ingest, queue, webhooks
from factcheck.dbretry import atomic_with_retry
from factcheck.errors import EditConflict, ReviewInputError, WorkflowError
from factcheck.models import Article, Claim, ClaimNote, Evidence, Tag, Verdict

User = AbstractBaseUser | AnonymousUser

ROLE_EDITOR = "Editor"
ROLE_SENIOR_EDITOR = "Senior editor"
ROLE_API_CLIENT = "API client"
ROLE_ADMIN = "Admin"

# The one permission table: action → the model permission a role grants (see the roles migration).
ACTION_PERMISSIONS: dict[str, str] = {
    "ingest": "factcheck.add_article",
    "triage": "factcheck.change_claim",
    "assign": "factcheck.change_claim",
    "dismiss": "factcheck.change_claim",
    "add_source": "factcheck.add_evidence",
    "cite": "factcheck.change_evidence",
    "draft": "factcheck.add_verdict",
    "publish": "factcheck.publish_verdict",
    "correct": "factcheck.correct_verdict",
    "note": "factcheck.add_claimnote",
    "view_drafts": "factcheck.view_claim",
    "view_published": "factcheck.view_verdict",
}

RATING_TO_STATUS: dict[str, str] = {
    Verdict.Rating.TRUE: Claim.Status.VERIFIED,
    Verdict.Rating.MOSTLY_TRUE: Claim.Status.VERIFIED,
    Verdict.Rating.MIXED: Claim.Status.DISPUTED,
    Verdict.Rating.MOSTLY_FALSE: Claim.Status.DISPUTED,
    Verdict.Rating.FALSE: Claim.Status.DISPUTED,
    Verdict.Rating.MISLEADING: Claim.Status.DISPUTED,
    Verdict.Rating.UNVERIFIABLE: Claim.Status.UNVERIFIABLE,
}

MAX_TEXT = 20_000
MAX_TAGS = 20

STALE_CLAIM = "Someone else saved this claim since you opened it; reload to see their changes."
STALE_DRAFT = "Someone else saved this verdict since you opened it; reload to see their changes."
STALE_VERDICT = "This verdict changed since you opened it; reload to see the current version."


# --- Permissions -------------------------------------------------------------------------


def can(user: User | None, action: str, obj: object = None) -> bool:
    """Whether ``user`` may do ``action`` (to ``obj``). Nobody, superusers included, may publish
    a verdict they drafted or edited."""
    if action not in ACTION_PERMISSIONS:
        raise ValueError(f"Unknown review action {action!r}.")
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm(ACTION_PERMISSIONS[action]):
        return False
    if action == "publish" and isinstance(obj, Verdict):
        return not wrote_draft(user, obj)
    return True


def wrote_draft(user: User, verdict: Verdict) -> bool:
    """True when ``user`` drafted ``verdict`` or saved any version of it."""
    if verdict.editor_id == user.pk:
        return True
    return verdict.history.filter(history_user_id=user.pk).exists()


def _require_can(user: User, action: str, message: str, obj: object = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(message)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise WorkflowError(message)


def _check_revision(current: int, seen: int | None, message: str) -> None:
    if seen is not None and seen != current:
        raise EditConflict(message)


def _save(instance: models.Model, actor: User, *fields: str) -> None:
    """Bump the revision and save the given fields, recording ``actor`` in the history."""
    instance.revision += 1
    instance._history_user = actor
    instance.save(update_fields=[*fields, "revision", "updated_at"])


def _lock_claim(claim: Claim, revision: int | None = None) -> Claim:
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    _check_revision(locked.revision, revision, STALE_CLAIM)
    return locked


def _clean_text(value: str, *, field: str, label: str, required: bool = True) -> str:
    text = (value or "").strip()
    if "\x00" in text:  # PostgreSQL cannot store it (a server error, not a refusal)
        raise ReviewInputError(f"{label} contains a NUL character.", field=field)
    if required and not text:
        raise ReviewInputError(f"{label} is required.", field=field)
    if len(text) > MAX_TEXT:
        raise ReviewInputError(f"{label} is longer than {MAX_TEXT} characters.", field=field)
    return text


# --- Claims ------------------------------------------------------------------------------


@atomic_with_retry
def claim_assign(
    *, claim: Claim, assignee: User, actor: User, revision: int | None = None
) -> Claim:
    """Assign an open claim to an editor; a new claim moves to ``in_review``."""
    _require_can(actor, "assign", "Only editors assign claims.")
    claim = _lock_claim(claim, revision)
    _require(
        claim.status in Claim.OPEN_STATUSES, f"A {claim.get_status_display()} claim is closed."
    )
    if not can(assignee, "draft"):
        raise ReviewInputError(f"{assignee} is not an editor.", field="assignee")
    claim.assignee, claim.status = assignee, Claim.Status.IN_REVIEW
    _save(claim, actor, "assignee", "status")
    return claim


@atomic_with_retry
def claim_unassign(*, claim: Claim, actor: User, revision: int | None = None) -> Claim:
    """Take an open claim off its editor's desk; it goes back to ``new``."""
    _require_can(actor, "assign", "Only editors assign claims.")
    claim = _lock_claim(claim, revision)
    _require(
        claim.status in Claim.OPEN_STATUSES, f"A {claim.get_status_display()} claim is closed."
    )
    claim.assignee, claim.status = None, Claim.Status.NEW
    _save(claim, actor, "assignee", "status")
    return claim


@atomic_with_retry
def claim_dismiss(*, claim: Claim, actor: User, reason: str, revision: int | None = None) -> Claim:
    """Close an open claim as not worth checking. The reason is required and kept."""
    _require_can(actor, "dismiss", "Only editors dismiss claims.")
    reason = _clean_text(reason, field="reason", label="A reason for dismissing")
    claim = _lock_claim(claim, revision)
    _require(
        claim.status in Claim.OPEN_STATUSES,
        f"Only open claims can be dismissed; this one is {claim.get_status_display()}.",
    )
    claim.status, claim.dismiss_reason = Claim.Status.DISMISSED, reason
    _save(claim, actor, "status", "dismiss_reason")
    return claim


@atomic_with_retry
def claim_reopen(*, claim: Claim, actor: User, revision: int | None = None) -> Claim:
    """Reopen a dismissed claim: ``in_review`` if it still has an editor, else ``new``."""
    _require_can(actor, "dismiss", "Only editors reopen claims.")
    claim = _lock_claim(claim, revision)
    _require(
        claim.status == Claim.Status.DISMISSED,
        "Only dismissed claims can be reopened; a published verdict is changed by a correction.",
    )
    claim.status = Claim.Status.IN_REVIEW if claim.assignee_id else Claim.Status.NEW
    claim.dismiss_reason = ""
    _save(claim, actor, "status", "dismiss_reason")
    return claim


@atomic_with_retry
def claim_tag(*, claim: Claim, actor: User, tags: list[str], revision: int | None = None) -> Claim:
    """Replace a claim's topic tags (case-insensitively deduplicated, created as needed)."""
    _require_can(actor, "triage", "Only editors tag claims.")
    names = _tag_names(tags)
    claim = _lock_claim(claim, revision)
    rows = [_tag(name) for name in names]
    claim._history_user = actor
    claim.tags.set(rows)
    _save(claim, actor)
    return claim


def _tag(name: str) -> Tag:
    """The tag of that name in any letter case, created if new: "syria" is the "Syria" tag."""
    return Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)


def _tag_names(tags: Iterable[str]) -> list[str]:
    names: dict[str, str] = {}
    for raw in tags:
        name = " ".join(str(raw).replace("\x00", "").split())
        if len(name) > 80:
            raise ReviewInputError(
                f"Tag {name[:20]!r}… is longer than 80 characters.", field="tags"
            )
        if name:
            names.setdefault(name.casefold(), name)
    if len(names) > MAX_TAGS:
        raise ReviewInputError(f"A claim takes at most {MAX_TAGS} tags.", field="tags")
    return list(names.values())


@atomic_with_retry
def claim_note_add(*, claim: Claim, actor: User, text: str) -> ClaimNote:
    """Add an internal (never published) note to a claim."""
    _require_can(actor, "note", "Only editors write notes on claims.")
    text = _clean_text(text, field="text", label="The note")
    return ClaimNote.objects.create(claim=claim, author=actor, text=text)


@transaction.atomic
def claim_source_changed(*, claim_id: int) -> Claim:
    """Flag a claim whose published verdict cites a source that changed or is gone (a worker's
    write: no actor in the history). Publishing the claim's next verdict clears the flag."""
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    claim.source_changed = True
    _save(claim, None, "source_changed")
    return claim


# --- Evidence ----------------------------------------------------------------------------


@atomic_with_retry
def evidence_cite(*, evidence: Evidence, actor: User, cited: bool = True) -> Evidence:
    """Mark (or unmark) evidence as cited; a new draft cites the claim's cited evidence."""
    _require_can(actor, "cite", "Only editors cite evidence.")
    evidence = Evidence.objects.select_for_update().select_related("claim").get(pk=evidence.pk)
    _require(
        evidence.claim.status != Claim.Status.DISMISSED,
        "This claim is dismissed; reopen it before citing evidence.",
    )
    if evidence.cited != cited:
        evidence.cited = cited
        evidence._history_user = actor
        evidence.save(update_fields=["cited", "updated_at"])
    return evidence


def evidence_add_check(*, claim: Claim, actor: User, url: str) -> str:
    """The URL, tidied, that ``actor`` may add as a source to ``claim`` (an open claim, an
    editor); ``pipeline.evidence_add`` calls this before it adds an editor's source."""
    _require_can(actor, "add_source", "Only editors add sources.")
    url = _clean_text(url, field="url", label="The source URL")
    _require(claim.status in Claim.OPEN_STATUSES, "Sources are added to open claims only.")
    return url


def claims_find_sources(*, claims: Iterable[Claim], actor: User) -> int:
    """Queue a new search for sources for each claim, after commit. Returns how many."""
    _require_can(actor, "add_source", "Only editors look for sources.")
    ids = [claim.pk for claim in claims]
    for claim_id in ids:
        queue.claim_find_sources_enqueue(claim_id)
    return len(ids)


# --- Verdicts ----------------------------------------------------------------------------


@atomic_with_retry
def verdict_draft(
    *,
    claim: Claim,
    actor: User,
    rating: str,
    summary: str,
    cited_evidence: list[Evidence] | None = None,
    revision: int | None = None,
    claim_reviewed: str | None = None,
) -> Verdict:
    """Create or update the claim's open draft (a first verdict or a pending correction).

    ``revision`` is the draft's revision the caller saw, or 0 when it saw no draft; a
    mismatch raises EditConflict. ``cited_evidence=None`` cites the claim's cited evidence;
    ``claim_reviewed=None`` keeps the draft's short wording of the claim (ClaimReview's).
    """
    _require_can(actor, "draft", "Only editors draft verdicts.")
    _check_rating(rating)
    summary = _clean_text(summary, field="summary", label="The summary", required=False)
    short = guards.short_wording(claim_reviewed)
    claim = _lock_claim(claim)
    _require(claim.status != Claim.Status.DISMISSED, "This claim is dismissed; reopen it first.")
    draft = Verdict.objects.select_for_update().filter(claim=claim, status=Verdict.Status.DRAFT)
    draft = draft.first()
    _check_revision(draft.revision if draft else 0, revision, STALE_DRAFT)
    cited = _cited(claim, cited_evidence)
    if draft is None:
        return _first_draft(claim, actor, rating, summary, cited, short or "")
    draft.rating, draft.summary, draft.editor = rating, summary, actor
    draft.claim_reviewed = draft.claim_reviewed if short is None else short
    _save(draft, actor, "rating", "summary", "editor", "claim_reviewed")
    draft.cited_evidence.set(cited)
    return draft


def _first_draft(
    claim: Claim, actor: User, rating: str, summary: str, cited: list[Evidence], short: str
) -> Verdict:
    _require(
        claim.status in Claim.OPEN_STATUSES,
        f"A {claim.get_status_display()} claim takes no new verdict; correct the published one.",
    )
    verdict = Verdict(
        claim=claim, version=_next_version(claim), rating=rating, summary=summary, editor=actor,
        claim_reviewed=short,
    )  # fmt: skip
    verdict._history_user = actor
    verdict.save()
    verdict.cited_evidence.set(cited)
    if claim.status == Claim.Status.NEW:
        claim.status, claim.assignee = Claim.Status.IN_REVIEW, claim.assignee or actor
        _save(claim, actor, "status", "assignee")
    return verdict


@atomic_with_retry
def verdict_publish(
    *, verdict: Verdict, approver: User, revision: int | None = None, unfetched_reason: str = ""
) -> Verdict:
    """Approve and publish a draft. The approver is a senior editor who did not write it; when no
    cited source is fetched, they must write ``unfetched_reason`` (kept on the verdict)."""
    claim = _lock_claim(Claim(pk=verdict.claim_id))
    verdict = Verdict.objects.select_for_update().get(pk=verdict.pk)
    _require_can(approver, "publish", "Only senior editors approve and publish verdicts.")
    _require_can(
        approver, "publish", "A verdict needs a second editor's sign-off: you wrote this draft.",
        verdict,
    )  # fmt: skip
    _require(
        verdict.status == Verdict.Status.DRAFT, f"This verdict is {verdict.get_status_display()}."
    )
    _check_revision(verdict.revision, revision, STALE_DRAFT)
    verdict.claim = claim
    _require(claim.status != Claim.Status.DISMISSED, "This claim is dismissed; reopen it first.")
    _check_publishable(verdict)
    verdict.unfetched_citation_reason = guards.fetched_or_explained(verdict, unfetched_reason)
    if verdict.corrects_id:
        _supersede(verdict.corrects_id, approver)
    verdict.status, verdict.is_current = Verdict.Status.PUBLISHED, True
    verdict.approved_by, verdict.published_at = approver, timezone.now()
    _save(
        verdict, approver, "status", "is_current", "approved_by", "published_at",
        "unfetched_citation_reason",
    )  # fmt: skip
    claim.status, claim.source_changed = RATING_TO_STATUS[verdict.rating], False
    _save(claim, approver, "status", "source_changed")
    transaction.on_commit(lambda: webhooks.verdict_published(verdict))
    return verdict


def _check_publishable(verdict: Verdict) -> None:
    if not verdict.summary.strip():
        raise ReviewInputError("A verdict needs a summary before it is published.", field="summary")
    unverifiable = verdict.rating == Verdict.Rating.UNVERIFIABLE
    if not unverifiable and not verdict.cited_evidence.exists():
        raise ReviewInputError(
            "Cite at least one piece of evidence before publishing (or rate it unverifiable).",
            field="cited_evidence",
        )


def _supersede(verdict_id: int, actor: User) -> None:
    # The predecessor stops being current first: one current verdict per claim.
    previous = Verdict.objects.select_for_update().get(pk=verdict_id)
    previous.status, previous.is_current = Verdict.Status.SUPERSEDED, False
    _save(previous, actor, "status", "is_current")


@atomic_with_retry
def verdict_correct(
    *,
    verdict: Verdict,
    actor: User,
    rating: str,
    summary: str,
    correction_note: str,
    cited_evidence: list[Evidence] | None = None,
    revision: int | None = None,
    claim_reviewed: str | None = None,
) -> Verdict:
    """Draft a correction of a published verdict: a new version, published by another senior
    editor with ``verdict_publish``. ``cited_evidence=None`` keeps the predecessor's citations,
    ``claim_reviewed=None`` its short wording; ``revision`` is the published verdict's revision
    the caller saw."""
    _require_can(actor, "correct", "Only senior editors issue corrections.")
    _check_rating(rating)
    summary = _clean_text(summary, field="summary", label="The summary")
    note = _clean_text(correction_note, field="correction_note", label="A correction note")
    short = guards.short_wording(claim_reviewed)
    claim = _lock_claim(Claim(pk=verdict.claim_id))
    verdict = Verdict.objects.select_for_update().get(pk=verdict.pk)
    _require(
        verdict.status == Verdict.Status.PUBLISHED,
        f"Only a published verdict can be corrected; this one is {verdict.get_status_display()}.",
    )
    _check_revision(verdict.revision, revision, STALE_VERDICT)
    _require(
        not claim.verdicts.filter(status=Verdict.Status.DRAFT).exists(),
        "A correction of this verdict is already drafted; edit or publish that one.",
    )
    cited = list(verdict.cited_evidence.all()) if cited_evidence is None else cited_evidence
    cited = _cited(claim, cited)
    correction = Verdict(
        claim=claim, version=_next_version(claim), rating=rating, summary=summary, editor=actor,
        is_current=False, corrects=verdict, correction_note=note,
        claim_reviewed=verdict.claim_reviewed if short is None else short,
    )  # fmt: skip
    correction._history_user = actor
    correction.save()
    correction.cited_evidence.set(cited)
    return correction


def _check_rating(rating: str) -> None:
    if rating not in Verdict.Rating.values:
        raise ReviewInputError(f"{rating!r} is not a rating.", field="rating")


def _next_version(claim: Claim) -> int:
    return (claim.verdicts.aggregate(top=Max("version"))["top"] or 0) + 1


def _cited(claim: Claim, evidence: list[Evidence] | None) -> list[Evidence]:
    """The evidence to cite, all of it this claim's; None means the claim's cited evidence."""
    if evidence is None:
        return list(claim.evidence.filter(cited=True))
    if any(item.claim_id != claim.pk for item in evidence):
        raise ReviewInputError("Only this claim's evidence can be cited.", field="cited_evidence")
    return list(evidence)


# --- Articles ----------------------------------------------------------------------------


def article_reingest(*, article: Article, actor: User) -> Article:
    """Fetch a failed URL article again. Pasted or file articles have nothing to re-fetch."""
    _require_can(actor, "ingest", "Only editors ingest articles.")
    _require(
        article.origin == Article.Origin.URL and bool(article.url),
        "This article was pasted or uploaded, so there is nothing to fetch again; "
        "ingest the text again instead.",
    )
    _require(
        article.status == Article.Status.FAILED,
        f"Only a failed article is fetched again; this one is {article.get_status_display()}.",
    )
    return ingest.article_submit_url(url=article.url)
