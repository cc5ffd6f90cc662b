"""The claim page: what it shows, and what happens when one of its buttons is pressed.

A step that goes through redirects back to the section it came from, with its message shown in
that section (not above the fold). A step that is refused renders the page again at once with
everything the editor typed still in the forms; when the refusal is an edit conflict, the form
carries the newer saved version's revision beside that version, so saving again puts the
editor's text on top knowingly — nothing is overwritten silently.
"""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from factcheck import claimreview, guards, review, selectors
from factcheck.admin.steps import CLAIM_STEPS, draft_cites
from factcheck.errors import InputRefused
from factcheck.models import Claim, Verdict
from factcheck.sources import providers

_ANCHOR = re.compile(r"^#[a-z0-9-]{1,40}$")
TOP = "top"
ARTICLE_LINKS = "Article links"  # the one provider that searches nothing beyond the article


def render(
    request: HttpRequest, model_admin, pk: int, *, typed=None, step="", conflict="", status=200
):
    """The claim page; ``typed`` (the POST of ``step``) refills the forms after a refusal."""
    page = selectors.claim_page(claim_id=pk)
    user = request.user
    by_anchor = _messages_by_anchor(request)
    for item in page.evidence:
        item.messages = by_anchor.pop(f"evidence-{item.pk}", [])
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": "Review claim",
        "page": page,
        "claim": page.claim,
        "ratings": Verdict.Rating.choices,
        "may": {action: review.can(user, action) for action in review.ACTION_PERMISSIONS},
        "may_publish_draft": bool(page.draft) and review.can(user, "publish", page.draft),
        "form": _form_values(page, typed, step),
        "conflict": conflict,
        "section_messages": by_anchor,
        "top_messages": by_anchor.pop(TOP, []),
        "publish_check": _publish_check(page),
        "published_warnings": _warnings(page.published),
        "search": _search_rows(page.claim),
        "public_slug": page.claim.slug,
        "has_view_permission": True,
    }
    template = model_admin.change_form_template
    return TemplateResponse(request, template, context, status=status)


def step(request: HttpRequest, model_admin, claim: Claim, name: str) -> HttpResponse:
    """Run one button's review call. Done: back to its section. Refused: the page again, typed
    text kept (409 for an edit conflict, 400 otherwise)."""
    handler = CLAIM_STEPS.get(name)
    if handler is None:
        raise PermissionDenied
    anchor = request.POST.get("anchor", "")
    anchor = anchor if _ANCHOR.match(anchor) else ""
    where = anchor.lstrip("#") or TOP
    call, done = handler(request, claim)
    try:
        call()
    except review.EditConflict as exc:
        messages.error(request, _conflict_message(name, exc), extra_tags=where)
        return render(
            request, model_admin, claim.pk, typed=request.POST, step=name, conflict=name, status=409
        )
    except (review.WorkflowError, InputRefused, PermissionDenied) as exc:
        messages.error(request, str(exc) or "You may not do that.", extra_tags=where)
        return render(request, model_admin, claim.pk, typed=request.POST, step=name, status=400)
    if done:
        messages.success(request, done, extra_tags=where)
    back = reverse("admin:factcheck_claim_change", args=[claim.pk])
    return HttpResponseRedirect(back + anchor)


def _conflict_message(name: str, exc: Exception) -> str:
    if name in ("draft", "publish"):
        return (
            "Someone else saved this verdict since you opened it. Your text is kept in the form "
            "below, beside their saved version: compare, then save again to put yours on top."
        )
    return f"{exc} What you typed is kept below; save again to replace theirs."


def _messages_by_anchor(request: HttpRequest) -> dict[str, list]:
    """Every pending message, under the section it belongs to ("top" when none)."""
    found: dict[str, list] = {}
    for message in messages.get_messages(request):
        where = message.extra_tags.split()[0] if message.extra_tags else TOP
        found.setdefault(where, []).append(message)
    return found


def _form_values(page: selectors.ClaimPage, typed, step: str) -> dict:
    """What the verdict, tag and note forms show: the saved draft, or what was just typed."""
    draft = page.draft
    values = {
        "rating": draft.rating if draft else "",
        "summary": draft.summary if draft else "",
        "claim_reviewed": draft.claim_reviewed if draft else "",
        "cites": draft_cites(page),
        "tags": ", ".join(tag.name for tag in page.claim.tags.all()),
        "note": "",
        "reason": "",
        "url": "",
        "correction_note": "",
        "unfetched_reason": "",
        "step": step,
    }
    if typed is None:
        return values
    for key in ("rating", "summary", "claim_reviewed", "tags", "note", "reason", "url"):
        values[key] = typed.get("text" if key == "note" else key, values[key])
    values["correction_note"] = typed.get("correction_note", "")
    values["unfetched_reason"] = typed.get("unfetched_reason", "")
    if step in ("draft", "correct"):  # what was ticked, even nothing
        values["cites"] = {int(v) for v in typed.getlist("cite") if v.isdigit()}
    return values


def _publish_check(page: selectors.ClaimPage) -> dict:
    """What the approver reads before publishing the draft: ClaimReview warnings and whether
    the citations stand on a fetched source."""
    if page.draft is None:
        return {}
    return {"warnings": _warnings(page.draft), "unfetched": guards.unfetched_citations(page.draft)}


def _warnings(verdict: Verdict | None) -> list[str]:
    return claimreview.claimreview_warnings(verdict) if verdict is not None else []


def _search_rows(claim: Claim) -> dict:
    """The last search for sources, per provider, and the settings that would turn one on."""
    rows = claim.source_search or []
    on = [row for row in rows if row.get("outcome") != "off"]
    off = [row for row in rows if row.get("outcome") == "off"]
    if not rows:  # not searched yet: say which providers are on now
        on = [
            {"provider": p.NAME, "outcome": "waiting"} for p in providers.registry() if p.enabled()
        ]
        off = [
            {"provider": p.NAME, "setting": providers.SETTINGS.get(p.__name__.rsplit(".", 1)[-1])}
            for p in providers.registry()
            if not p.enabled()
        ]
    searching = [row for row in on if row.get("provider") != ARTICLE_LINKS]
    return {"searched_at": claim.sources_searched_at, "ran": on, "off": off, "none": not searching}
