"""The article page: metadata, claims, and fetching a failed article again."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from factcheck import dates, review
from factcheck.admin import intake
from factcheck.admin.common import BoundedSearch, refusals
from factcheck.admin.guards import ReadOnlyHistoryAdmin
from factcheck.models import Article, Claim


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
class ArticleAdmin(BoundedSearch, ReadOnlyHistoryAdmin):
    list_display = ("__str__", "publisher", "published", "status", "origin", "created_at")
    list_filter = ("status", "origin", "publisher")
    search_fields = ("title", "url", "authors", "publisher")
    fields = (
        "title", "url", "canonical_url", "origin", "authors", "publisher", "published",
        "language", "status", "failure_reason", "content_hash", "created_at", "updated_at",
    )  # fmt: skip
    readonly_fields = fields
    inlines = [ClaimInline]
    change_form_template = "admin/factcheck/article/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).defer("body")

    @admin.display(description="published", ordering="published_at")
    def published(self, article: Article) -> str:
        """In the zone it was published in: 19:45 -05:00 stays 19:45 -05:00."""
        return dates.published_text(article.published_at, article.published_offset) or "—"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return review.can(request.user, "ingest")  # the intake page (``add_view``)

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        return False  # an article is what was ingested: read, never edited (no Save)

    def has_delete_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        return request.user.is_superuser

    def get_urls(self) -> list:
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/reingest/", view(self.reingest), name="factcheck_article_reingest"),
            path("<int:pk>/read/", view(self.read_view), name="factcheck_article_read"),
            path("<int:pk>/progress/", view(self.progress_view), name="factcheck_article_progress"),
        ] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        extra = {**(extra_context or {}), "reingest_refusal": _reingest_refusal(article)}
        return super().change_view(request, object_id, form_url, extra)

    def add_view(self, request: HttpRequest, form_url="", extra_context=None) -> HttpResponse:
        """The intake page: a URL, pasted text or HTML, or a file, through ``ingest``."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        return intake.intake_view(request, self)

    def read_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return intake.read_view(request, self, pk)

    def progress_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        return intake.progress_view(request, self, pk)

    def reingest(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = get_object_or_404(Article.objects.defer("body"), pk=pk)
        refusals(
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
