"""The claim page's "Checked before?" buttons: each returns one match_review call."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from factcheck import match_review
from factcheck.models import Claim, MatchSuggestion


def _suggestion(request: HttpRequest, claim: Claim) -> MatchSuggestion:
    raw = request.POST.get("suggestion", "")
    return get_object_or_404(MatchSuggestion, pk=int(raw) if raw.isdigit() else 0, claim=claim)


def _step_confirm(request, claim):
    suggestion = _suggestion(request, claim)
    call = lambda: match_review.match_confirm(suggestion=suggestion, actor=request.user)  # noqa: E731
    return call, "Recorded: the same claim."


def _step_reject(request, claim):
    suggestion = _suggestion(request, claim)
    call = lambda: match_review.match_reject(suggestion=suggestion, actor=request.user)  # noqa: E731
    return call, "Recorded: not the same claim."


def _step_apply(request, claim):
    suggestion = _suggestion(request, claim)
    call = lambda: match_review.match_apply_verdict(suggestion=suggestion, actor=request.user)  # noqa: E731
    return call, "Verdict applied as a draft; a senior editor publishes it."


STEPS = {"match-confirm": _step_confirm, "match-reject": _step_reject, "match-apply": _step_apply}
