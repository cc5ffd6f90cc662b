"""The review queue and the claim page. Each button posts to one step (``steps.py``)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from factcheck import match_selectors, review, selectors
from factcheck.admin import claim_page, match_queue
from factcheck.admin.common import BoundedSearch, refusals
from factcheck.admin.export import csv_rows
from factcheck.admin.filters import (
    ArticleFilter,
    AssigneeFilter,
    HasEvidenceFilter,
    NumberConflictFilter,
    ScoreBandFilter,
    StatusFilter,
)
from factcheck.admin.forms import DismissForm
from factcheck.admin.guards import ReadOnlyHistoryAdmin
from factcheck.models import Claim

ARTICLE_CHARS = 40  # the queue's Article column: one line, not five


@admin.register(Claim)
class ClaimAdmin(BoundedSearch, ReadOnlyHistoryAdmin):
    list_display = (
        "short_text", "claimant", "kind", "score", "status", "assignee", "article_link",
        "source_progress", "tag_list", match_queue.checked_before_column,
    )  # fmt: skip
    list_filter = (
        StatusFilter, AssigneeFilter, ScoreBandFilter, ArticleFilter, HasEvidenceFilter,
        NumberConflictFilter, "tags", "source_changed", match_queue.CheckedBeforeFilter,
    )  # fmt: skip
    search_fields = ("text", "claimant")
    ordering = ("-score", "created_at")
    list_per_page = 50
    show_full_result_count = False
    actions = ("assign_to_me", "dismiss_with_reason", "find_sources")
    change_list_template = "admin/factcheck/claim/change_list.html"
    change_form_template = "admin/factcheck/claim/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return match_selectors.with_checked_before(selectors.claim_queue())

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
        """The headline cut to one line; the whole of it on hover."""
        url = reverse("admin:factcheck_article_change", args=[claim.article_id])
        title = claim.article.title or f"Article {claim.article_id}"
        short = title if len(title) <= ARTICLE_CHARS else title[: ARTICLE_CHARS - 1] + "…"
        return format_html('<a href="{}" title="{}">{}</a>', url, title, short)

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        return super().changelist_view(request, {"title": "Review queue", **(extra_context or {})})

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
            refusals(request, lambda c=c: review.claim_assign(claim=c, assignee=user, actor=user))
            for c in queryset
        )
        messages.info(request, f"{done} claim(s) assigned to you.")

    @admin.action(description="Dismiss with a reason…")
    def dismiss_with_reason(self, request: HttpRequest, queryset: QuerySet[Claim]):
        form = DismissForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            done = sum(
                refusals(
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

        refusals(request, call)

    # The CSV export ----------------------------------------------------------------------

    def export_csv(self, request: HttpRequest) -> StreamingHttpResponse:
        """The current changelist (its filters and search, all pages) as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        claims = selectors.claim_export_rows(changelist.get_queryset(request))
        response = StreamingHttpResponse(csv_rows(claims), content_type="text/csv")
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
        return claim_page.render(request, self, claim.pk)

    def claim_step(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        """One button on the claim page: POST only, one review call (see ``claim_page.step``)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return claim_page.step(request, self, get_object_or_404(Claim, pk=pk), step)
