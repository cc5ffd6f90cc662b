"""Sources, evidence, verdicts, tags and notes: lists for looking things up."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from factcheck.admin.common import BoundedSearch
from factcheck.admin.guards import ReadOnlyHistoryAdmin, WorkflowOnlyAdmin
from factcheck.models import ClaimNote, Evidence, Source, SourceChange, SourceSnapshot, Tag, Verdict


@admin.register(Source)
class SourceAdmin(BoundedSearch, WorkflowOnlyAdmin):
    """Sources are added from the claim page and the providers, and fetched by the workers."""

    list_display = ("__str__", "domain", "status", "http_status", "attempts", "fetched_at")
    list_filter = ("status",)
    search_fields = ("url", "title", "domain")
    raw_editable_fields = ("title", "publisher")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).defer("text")


@admin.register(Evidence)
class EvidenceAdmin(WorkflowOnlyAdmin, ReadOnlyHistoryAdmin):
    """Evidence is found by the providers or added and cited on the claim page (review.py)."""

    list_display = (
        "source", "claim", "provider", "score", "suggested_stance", "number_check", "cited",
    )  # fmt: skip
    list_filter = ("provider", "suggested_stance", "number_check", "cited")
    list_select_related = ("source", "claim")
    raw_id_fields = ("claim", "source", "added_by")
    raw_editable_fields = ("snippet",)

    def protected_from_deletion(self, obj: Evidence) -> bool:
        return obj.verdicts.exists()  # a verdict's citations change only through review.py


@admin.register(Verdict)
class VerdictAdmin(WorkflowOnlyAdmin, ReadOnlyHistoryAdmin):
    """Drafted, published and corrected on the claim page (review.py); here only to read."""

    list_display = ("claim", "rating", "status", "version", "editor", "approved_by", "published_at")
    list_filter = ("rating", "status")
    list_select_related = ("claim", "editor", "approved_by")
    raw_id_fields = ("claim", "editor", "approved_by", "corrects")

    def protected_from_deletion(self, obj: Verdict) -> bool:
        return True  # drafts are edited, published verdicts corrected, through review.py


@admin.register(SourceSnapshot)
class SourceSnapshotAdmin(WorkflowOnlyAdmin):
    """What a source said at each fetch; written by the fetch worker only."""

    list_display = ("source", "fetched_at", "content_hash")
    list_select_related = ("source",)
    raw_id_fields = ("source",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[SourceSnapshot]:
        return super().get_queryset(request).defer("text")


@admin.register(SourceChange)
class SourceChangeAdmin(WorkflowOnlyAdmin):
    """A cited passage that changed after the verdict; written by the recheck only."""

    list_display = ("claim", "evidence", "reason", "detected_at")
    list_select_related = ("claim", "evidence")
    raw_id_fields = ("claim", "evidence")


admin.site.register(Tag)


@admin.register(ClaimNote)
class ClaimNoteAdmin(admin.ModelAdmin):
    list_display = ("claim", "author", "created_at")
    list_select_related = ("claim", "author")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
