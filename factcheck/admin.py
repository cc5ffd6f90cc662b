"""The editors' UI (Django admin)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from factcheck.models import Article, Claim, ClaimNote, Evidence, Source, Tag, Verdict


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("text", "score", "claimant", "kind", "status")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "publisher", "published_at", "status", "origin", "created_at")
    list_filter = ("status", "origin", "publisher")
    search_fields = ("title", "url", "authors", "publisher")
    readonly_fields = ("content_hash", "created_at", "updated_at", "failure_reason")
    inlines = [ClaimInline]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body")


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "claimant", "kind", "score", "status", "assignee", "article")
    list_filter = ("status", "kind", "assignee", "tags")
    search_fields = ("text", "claimant")
    list_select_related = ("article", "assignee")
    raw_id_fields = ("article", "assignee")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "domain", "status", "http_status", "attempts", "fetched_at")
    list_filter = ("status",)
    search_fields = ("url", "title", "domain")


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = (
        "source",
        "claim",
        "provider",
        "score",
        "suggested_stance",
        "number_check",
        "cited",
    )
    list_filter = ("provider", "suggested_stance", "number_check", "cited")
    list_select_related = ("source", "claim")
    raw_id_fields = ("claim", "source", "added_by")


@admin.register(Verdict)
class VerdictAdmin(SimpleHistoryAdmin):
    list_display = ("claim", "rating", "status", "version", "editor", "approved_by", "published_at")
    list_filter = ("rating", "status")
    list_select_related = ("claim", "editor", "approved_by")
    raw_id_fields = ("claim", "editor", "approved_by", "corrects")


admin.site.register(Tag)
admin.site.register(ClaimNote)
