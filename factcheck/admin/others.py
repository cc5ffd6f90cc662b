"""Sources, evidence, verdicts, tags and notes: lists for looking things up."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from factcheck.admin.guards import ReadOnlyHistoryAdmin
from factcheck.models import ClaimNote, Evidence, Source, Tag, Verdict


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "domain", "status", "http_status", "attempts", "fetched_at")
    list_filter = ("status",)
    search_fields = ("url", "title", "domain")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).defer("text")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyHistoryAdmin):
    list_display = (
        "source", "claim", "provider", "score", "suggested_stance", "number_check", "cited",
    )  # fmt: skip
    list_filter = ("provider", "suggested_stance", "number_check", "cited")
    list_select_related = ("source", "claim")
    raw_id_fields = ("claim", "source", "added_by")

    def has_change_permission(self, request: HttpRequest, obj: Evidence | None = None) -> bool:
        return request.user.is_superuser  # editors cite from the claim page (review.py)


@admin.register(Verdict)
class VerdictAdmin(ReadOnlyHistoryAdmin):
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
