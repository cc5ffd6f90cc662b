"""The editors' UI (Django admin): the review queue, the claim page and the article page.

Every button here calls a function in ``factcheck.review``; this module only reads (through
``factcheck.selectors``), renders, and turns refusals into messages.
"""

import csv
from collections.abc import Callable, Iterator

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from factcheck import review, selectors
from factcheck.models import Article, Claim, ClaimNote, Evidence, Source, Tag, Verdict

admin.site.site_header = "Factcheck Workbench"
admin.site.site_title = "Factcheck Workbench"
admin.site.index_title = "Review desk"


# --- Review queue filters ------------------------------------------------------------------


class StatusFilter(admin.SimpleListFilter):
    """Open claims unless told otherwise."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", "Open (new or in review)"), ("all", "All")] + list(Claim.Status.choices)

    def value(self) -> str:
        return super().value() or "open"

    def choices(self, changelist):
        for lookup, label in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": label,
            }

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(status__in=Claim.OPEN_STATUSES)
        if self.value() in Claim.Status.values:
            return queryset.filter(status=self.value())
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        return [("mine", "Mine"), ("nobody", "Unassigned")]

    def queryset(self, request, queryset):
        if self.value() == "mine":
            return queryset.filter(assignee=request.user)
        if self.value() == "nobody":
            return queryset.filter(assignee__isnull=True)
        return queryset


class ScoreBandFilter(admin.SimpleListFilter):
    title = "check-worthiness"
    parameter_name = "score"
    BANDS = {"high": (0.8, 1.01), "medium": (0.6, 0.8), "low": (0.0, 0.6)}

    def lookups(self, request, model_admin):
        return [("high", "High (0.8+)"), ("medium", "Medium (0.6–0.8)"), ("low", "Low (< 0.6)")]

    def queryset(self, request, queryset):
        if self.value() in self.BANDS:
            low, high = self.BANDS[self.value()]
            return queryset.filter(score__gte=low, score__lt=high)
        return queryset


class ArticleFilter(admin.SimpleListFilter):
    """The 30 most recent articles (one query); any article by its id in the URL."""

    title = "article"
    parameter_name = "article"

    def lookups(self, request, model_admin):
        rows = Article.objects.filter(status=Article.Status.EXTRACTED).values_list("pk", "title")
        return [(str(pk), title or f"Article {pk}") for pk, title in rows[:30]]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(article_id=int(self.value()))
        return queryset


class _YesNoFilter(admin.SimpleListFilter):
    annotation = ""

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(**{self.annotation: self.value() == "yes"})
        return queryset


class HasEvidenceFilter(_YesNoFilter):
    title = "has evidence"
    parameter_name = "evidence"
    annotation = "has_evidence"


class NumberConflictFilter(_YesNoFilter):
    title = "number conflicts"
    parameter_name = "conflicts"
    annotation = "has_number_conflict"


# --- Forms --------------------------------------------------------------------------------


class DismissForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


# --- Claims: the queue and the claim page ---------------------------------------------------


def _refusals(request: HttpRequest, call: Callable[[], object], done: str = "") -> bool:
    """Run one review call; show its refusal as a message. True when it went through."""
    try:
        call()
    except (review.WorkflowError, PermissionDenied) as exc:
        messages.error(request, str(exc) or "You may not do that.")
        return False
    if done:
        messages.success(request, done)
    return True


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = (
        "short_text", "claimant", "kind", "score", "status", "assignee", "article_link",
        "source_progress", "tag_list",
    )  # fmt: skip
    list_filter = (
        StatusFilter, AssigneeFilter, ScoreBandFilter, ArticleFilter, HasEvidenceFilter,
        NumberConflictFilter, "tags", "source_changed",
    )  # fmt: skip
    search_fields = ("text", "claimant")
    ordering = ("-score", "created_at")
    list_per_page = 50
    show_full_result_count = False
    actions = ("assign_to_me", "dismiss_with_reason", "find_sources")
    change_list_template = "admin/factcheck/claim/change_list.html"
    change_form_template = "admin/factcheck/claim/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return selectors.claim_queue()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # claims are born in ingestion

    def has_delete_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return request.user.is_superuser

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        wanted = {"assign_to_me": "assign", "dismiss_with_reason": "dismiss"}
        wanted["find_sources"] = "add_source"
        return {
            name: action
            for name, action in actions.items()
            if name not in wanted or review.can(request.user, wanted[name])
        }

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim: Claim) -> str:
        return claim.text if len(claim.text) <= 140 else claim.text[:139] + "…"

    @admin.display(description="article", ordering="article__title")
    def article_link(self, claim: Claim) -> str:
        url = reverse("admin:factcheck_article_change", args=[claim.article_id])
        return format_html('<a href="{}">{}</a>', url, claim.article.title or claim.article_id)

    @admin.display(description="sources")
    def source_progress(self, claim: Claim) -> str:
        """What the workers have done with the claim's sources so far."""
        parts = [
            f"{n} {label}"
            for n, label in (
                (claim.sources_fetched, "fetched"),
                (claim.sources_pending, "pending"),
                (claim.sources_failed, "failed"),
            )
            if n
        ]
        return " · ".join(parts) or "—"

    @admin.display(description="tags")
    def tag_list(self, claim: Claim) -> str:
        return ", ".join(tag.name for tag in claim.tags.all())

    # Bulk actions ------------------------------------------------------------------------

    @admin.action(description="Assign to me")
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        user = request.user
        done = sum(
            _refusals(request, lambda c=c: review.claim_assign(claim=c, assignee=user, actor=user))
            for c in queryset
        )
        messages.info(request, f"{done} claim(s) assigned to you.")

    @admin.action(description="Dismiss with a reason…")
    def dismiss_with_reason(self, request: HttpRequest, queryset: QuerySet[Claim]):
        form = DismissForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            done = sum(
                _refusals(
                    request,
                    lambda c=c: review.claim_dismiss(claim=c, actor=request.user, reason=reason),
                )
                for c in queryset
            )
            messages.info(request, f"{done} claim(s) dismissed.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Dismiss claims",
            "claims": queryset,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/factcheck/claim/dismiss.html", context)

    @admin.action(description="Find sources again")
    def find_sources(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        def call() -> None:
            count = review.claims_find_sources(claims=list(queryset), actor=request.user)
            messages.info(request, f"A new search for sources was queued for {count} claim(s).")

        _refusals(request, call)

    # The CSV export ----------------------------------------------------------------------

    def export_csv(self, request: HttpRequest) -> StreamingHttpResponse:
        """The current changelist (its filters and search, all pages) as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        claims = selectors.claim_export_rows(changelist.get_queryset(request))
        response = StreamingHttpResponse(_csv_rows(claims), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="claims.csv"'
        return response

    # The claim page ----------------------------------------------------------------------

    def get_urls(self) -> list:
        view = self.admin_site.admin_view
        routes = [
            path("export.csv", view(self.export_csv), name="factcheck_claim_export"),
            path("<int:pk>/do/<str:step>/", view(self.claim_step), name="factcheck_claim_step"),
        ]
        return routes + super().get_urls()

    def change_view(self, request: HttpRequest, object_id: str, form_url="", extra_context=None):
        """The claim page. It shows; its forms post to ``claim_step``."""
        claim = self.get_object(request, object_id)
        if claim is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, claim):
            raise PermissionDenied
        page = selectors.claim_page(claim_id=claim.pk)
        user = request.user
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Review claim",
            "page": page,
            "claim": page.claim,
            "ratings": Verdict.Rating.choices,
            "may": {action: review.can(user, action) for action in review.ACTION_PERMISSIONS},
            "may_publish_draft": bool(page.draft) and review.can(user, "publish", page.draft),
            "tag_text": ", ".join(tag.name for tag in page.claim.tags.all()),
            "draft_cites": _draft_cites(page),
            "has_view_permission": True,
        }
        return TemplateResponse(request, self.change_form_template, context)

    def claim_step(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        """One button on the claim page: POST only, one review call, back to the page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        claim = get_object_or_404(Claim, pk=pk)
        handler = CLAIM_STEPS.get(step)
        if handler is None:
            raise PermissionDenied
        call, done = handler(request, claim)
        _refusals(request, call, done)
        back = reverse("admin:factcheck_claim_change", args=[pk])
        return HttpResponseRedirect(back + request.POST.get("anchor", ""))


def _revision(request: HttpRequest, name: str = "revision") -> int | None:
    raw = request.POST.get(name, "")
    return int(raw) if raw.isdigit() else None


def _evidence(request: HttpRequest, claim: Claim, name: str) -> list[Evidence]:
    ids = [int(v) for v in request.POST.getlist(name) if v.isdigit()]
    return list(claim.evidence.filter(pk__in=ids))


def _draft_cites(page: selectors.ClaimPage) -> set[int]:
    """Evidence ticked in the verdict form: the draft's citations, else the cited evidence."""
    if page.draft is not None:
        return {e.pk for e in page.draft.cited_evidence.all()}
    return {e.pk for e in page.evidence if e.cited}


def _step_assign(request, claim):
    assignee = request.user
    if request.POST.get("assignee", "").isdigit():
        assignee = get_object_or_404(selectors.editors(), pk=int(request.POST["assignee"]))
    return lambda: review.claim_assign(
        claim=claim, assignee=assignee, actor=request.user, revision=_revision(request)
    ), f"Assigned to {assignee}."


def _step_unassign(request, claim):
    call = lambda: review.claim_unassign(  # noqa: E731
        claim=claim, actor=request.user, revision=_revision(request)
    )
    return call, "Unassigned."


def _step_dismiss(request, claim):
    call = lambda: review.claim_dismiss(  # noqa: E731
        claim=claim,
        actor=request.user,
        reason=request.POST.get("reason", ""),
        revision=_revision(request),
    )
    return call, "Claim dismissed."


def _step_reopen(request, claim):
    call = lambda: review.claim_reopen(  # noqa: E731
        claim=claim, actor=request.user, revision=_revision(request)
    )
    return call, "Claim reopened."


def _step_cite(request, claim):
    evidence = get_object_or_404(claim.evidence, pk=_revision(request, "evidence") or 0)
    cited = request.POST.get("cited") == "1"
    call = lambda: review.evidence_cite(evidence=evidence, actor=request.user, cited=cited)  # noqa: E731
    return call, ("Cited " if cited else "No longer citing ") + str(evidence.source)


def _step_add_source(request, claim):
    url = request.POST.get("url", "")
    call = lambda: review.evidence_add_by_url(claim=claim, actor=request.user, url=url)  # noqa: E731
    return call, "Source added; it is fetched and ranked in the background."


def _step_draft(request, claim):
    call = lambda: review.verdict_draft(  # noqa: E731
        claim=claim,
        actor=request.user,
        rating=request.POST.get("rating", ""),
        summary=request.POST.get("summary", ""),
        cited_evidence=_evidence(request, claim, "cite"),
        revision=_revision(request),
    )
    return call, "Draft saved."


def _step_publish(request, claim):
    verdict = get_object_or_404(claim.verdicts, pk=_revision(request, "verdict") or 0)
    call = lambda: review.verdict_publish(  # noqa: E731
        verdict=verdict, approver=request.user, revision=_revision(request)
    )
    return call, "Verdict approved and published."


def _step_correct(request, claim):
    verdict = get_object_or_404(claim.verdicts, pk=_revision(request, "verdict") or 0)
    call = lambda: review.verdict_correct(  # noqa: E731
        verdict=verdict,
        actor=request.user,
        rating=request.POST.get("rating", ""),
        summary=request.POST.get("summary", ""),
        correction_note=request.POST.get("correction_note", ""),
        cited_evidence=_evidence(request, claim, "cite"),
    )
    return call, "Correction drafted; another senior editor publishes it."


def _step_note(request, claim):
    text = request.POST.get("text", "")
    return lambda: review.claim_note_add(claim=claim, actor=request.user, text=text), "Note added."


def _step_tags(request, claim):
    tags = request.POST.get("tags", "").split(",")
    call = lambda: review.claim_tag(  # noqa: E731
        claim=claim, actor=request.user, tags=tags, revision=_revision(request)
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
}

CSV_HEADER = ["id", "claim", "claimant", "kind", "score", "status", "assignee", "article", "url"]


def _csv_rows(claims: QuerySet[Claim]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_HEADER)
    for claim in claims.iterator(chunk_size=500):
        row = [
            claim.pk, claim.text, claim.claimant, claim.kind, claim.score, claim.status,
            claim.assignee.username if claim.assignee else "", claim.article.title,
            claim.article.url,
        ]  # fmt: skip
        yield writer.writerow([_csv_safe(value) for value in row])


def _csv_safe(value: object) -> object:
    # A cell starting with = + - @ is a formula in spreadsheets; claim text is untrusted.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


# --- Articles -------------------------------------------------------------------------------


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("text", "score", "claimant", "kind", "status", "assignee")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).select_related("assignee").order_by("start")

    def has_add_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "publisher", "published_at", "status", "origin", "created_at")
    list_filter = ("status", "origin", "publisher")
    search_fields = ("title", "url", "authors", "publisher")
    fields = (
        "title", "url", "canonical_url", "origin", "authors", "publisher", "published_at",
        "language", "status", "failure_reason", "content_hash", "created_at", "updated_at",
    )  # fmt: skip
    readonly_fields = fields
    inlines = [ClaimInline]
    change_form_template = "admin/factcheck/article/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).defer("body")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles come in through ingestion (API, `manage.py ingest`)

    def get_urls(self) -> list:
        view = self.admin_site.admin_view(self.reingest)
        return [
            path("<int:pk>/reingest/", view, name="factcheck_article_reingest")
        ] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra = {**(extra_context or {}), "reingest_refusal": _reingest_refusal(article)}
        return super().change_view(request, object_id, form_url, extra)

    def reingest(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = get_object_or_404(Article.objects.defer("body"), pk=pk)
        _refusals(
            request,
            lambda: review.article_reingest(article=article, actor=request.user),
            "The article is queued to be fetched again.",
        )
        return HttpResponseRedirect(reverse("admin:factcheck_article_change", args=[pk]))


def _reingest_refusal(article: Article | None) -> str:
    """Why the article cannot be fetched again, or "" when it can."""
    if article is None:
        return ""
    if article.origin != Article.Origin.URL or not article.url:
        return "This article was pasted or uploaded; there is no URL to fetch again."
    if article.status != Article.Status.FAILED:
        return (
            f"Only a failed article is fetched again; this one is {article.get_status_display()}."
        )
    return ""


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "domain", "status", "http_status", "attempts", "fetched_at")
    list_filter = ("status",)
    search_fields = ("url", "title", "domain")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).defer("text")


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = (
        "source", "claim", "provider", "score", "suggested_stance", "number_check", "cited",
    )  # fmt: skip
    list_filter = ("provider", "suggested_stance", "number_check", "cited")
    list_select_related = ("source", "claim")
    raw_id_fields = ("claim", "source", "added_by")

    def has_change_permission(self, request: HttpRequest, obj: Evidence | None = None) -> bool:
        return request.user.is_superuser  # editors cite from the claim page (review.py)


@admin.register(Verdict)
class VerdictAdmin(SimpleHistoryAdmin):
    list_display = ("claim", "rating", "status", "version", "editor", "approved_by", "published_at")
    list_filter = ("rating", "status")
    list_select_related = ("claim", "editor", "approved_by")
    raw_id_fields = ("claim", "editor", "approved_by", "corrects")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # verdicts are drafted and published on the claim page (review.py)

    def has_change_permission(self, request: HttpRequest, obj: Verdict | None = None) -> bool:
        return False


admin.site.register(Tag)


@admin.register(ClaimNote)
class ClaimNoteAdmin(admin.ModelAdmin):
    list_display = ("claim", "author", "created_at")
    list_select_related = ("claim", "author")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
