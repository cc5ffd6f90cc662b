"""The article page: metadata, claims, and fetching a failed article again."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from factcheck import review
from factcheck.admin.common import refusals
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
class ArticleAdmin(ReadOnlyHistoryAdmin):
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
