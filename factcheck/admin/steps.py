"""The claim page's buttons: each step reads its form fields and returns one review call."""

from django.core.exceptions import BadRequest
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from factcheck import review, selectors
from factcheck.admin import match_steps
from factcheck.models import Claim, Evidence
from factcheck.sources import pipeline


def _id(request: HttpRequest, name: str) -> int | None:
    """A posted whole number in ASCII digits ("¹" passes isdigit() but is no number), else None."""
    raw = request.POST.get(name, "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 18 else None


def _revision(request: HttpRequest) -> int:
    """The form's ``revision``, required on every write: a 400 naming it when missing or bad."""
    revision = _id(request, "revision")
    if revision is None:
        raise BadRequest("The form field 'revision' is required: a whole number (0 for none).")
    return revision


def _evidence(request: HttpRequest, claim: Claim, name: str) -> list[Evidence]:
    ids = [int(v) for v in request.POST.getlist(name) if v.isascii() and v.isdigit()]
    return list(claim.evidence.filter(pk__in=ids))


def _refuse(message: str):
    def call() -> None:
        raise review.ReviewInputError(message, field="form")

    return call


def draft_cites(page: selectors.ClaimPage) -> set[int]:
    """Evidence ticked in the verdict form: the draft's citations, else the cited evidence."""
    if page.draft is not None:
        return {e.pk for e in page.draft.cited_evidence.all()}
    return {e.pk for e in page.evidence if e.cited}


def _step_assign(request, claim):
    """``assignee`` is "me" or an editor's id; anything else is refused, never read as "me"."""
    revision, choice = _revision(request), request.POST.get("assignee", "")
    if choice == "me":
        assignee = request.user
    elif (chosen := _id(request, "assignee")) is not None:
        assignee = get_object_or_404(selectors.editors(), pk=chosen)
    else:
        return _refuse("Choose who to assign the claim to."), ""
    return lambda: review.claim_assign(
        claim=claim, assignee=assignee, actor=request.user, revision=revision
    ), f"Assigned to {assignee}."


def _step_unassign(request, claim):
    revision = _revision(request)
    call = lambda: review.claim_unassign(  # noqa: E731
        claim=claim, actor=request.user, revision=revision
    )
    return call, "Unassigned."


def _step_dismiss(request, claim):
    revision = _revision(request)
    call = lambda: review.claim_dismiss(  # noqa: E731
        claim=claim,
        actor=request.user,
        reason=request.POST.get("reason", ""),
        revision=revision,
    )
    return call, "Claim dismissed."


def _step_reopen(request, claim):
    revision = _revision(request)
    call = lambda: review.claim_reopen(  # noqa: E731
        claim=claim, actor=request.user, revision=revision
    )
    return call, "Claim reopened."


def _step_cite(request, claim):
    evidence = get_object_or_404(claim.evidence, pk=_id(request, "evidence") or 0)
    cited = request.POST.get("cited") == "1"
    call = lambda: review.evidence_cite(evidence=evidence, actor=request.user, cited=cited)  # noqa: E731
    return call, ("Cited " if cited else "No longer citing ") + str(evidence.source)


def _step_add_source(request, claim):
    url = request.POST.get("url", "")
    call = lambda: pipeline.evidence_add(claim=claim, actor=request.user, url=url)  # noqa: E731
    return call, "Source added; it is fetched and ranked in the background."


def _step_draft(request, claim):
    revision = _revision(request)
    call = lambda: review.verdict_draft(  # noqa: E731
        claim=claim,
        actor=request.user,
        rating=request.POST.get("rating", ""),
        summary=request.POST.get("summary", ""),
        cited_evidence=_evidence(request, claim, "cite"),
        revision=revision,
        claim_reviewed=request.POST.get("claim_reviewed", ""),
    )
    return call, "Draft saved."


def _step_publish(request, claim):
    revision = _revision(request)
    verdict = get_object_or_404(claim.verdicts, pk=_id(request, "verdict") or 0)
    call = lambda: review.verdict_publish(  # noqa: E731
        verdict=verdict,
        approver=request.user,
        revision=revision,
        unfetched_reason=request.POST.get("unfetched_reason", ""),
    )
    return call, "Verdict approved and published."


def _step_correct(request, claim):
    revision = _revision(request)
    verdict = get_object_or_404(claim.verdicts, pk=_id(request, "verdict") or 0)
    call = lambda: review.verdict_correct(  # noqa: E731
        verdict=verdict,
        actor=request.user,
        rating=request.POST.get("rating", ""),
        summary=request.POST.get("summary", ""),
        correction_note=request.POST.get("correction_note", ""),
        cited_evidence=_evidence(request, claim, "cite"),
        revision=revision,
        claim_reviewed=request.POST.get("claim_reviewed", ""),
    )
    return call, "Correction drafted; another senior editor publishes it."


def _step_note(request, claim):
    text = request.POST.get("text", "")
    return lambda: review.claim_note_add(claim=claim, actor=request.user, text=text), "Note added."


def _step_tags(request, claim):
    revision = _revision(request)
    tags = request.POST.get("tags", "").split(",")
    call = lambda: review.claim_tag(  # noqa: E731
        claim=claim, actor=request.user, tags=tags, revision=revision
    )
    return call, "Tags saved."


CLAIM_STEPS = {
    "assign": _step_assign,
    "unassign": _step_unassign,
    "dismiss": _step_dismiss,
    "reopen": _step_reopen,
    "cite": _step_cite,
    "add-source": _step_add_source,
    "draft": _step_draft,
    "publish": _step_publish,
    "correct": _step_correct,
    "note": _step_note,
    "tags": _step_tags,
    **match_steps.STEPS,
}
