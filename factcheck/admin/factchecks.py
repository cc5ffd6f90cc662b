"""Other publishers' fact-checks (read-only, as imported) and the editable rating mappings."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from factcheck import factchecks
from factcheck.admin.guards import ReadOnlyHistoryAdmin
from factcheck.models import ExternalFactCheck, RatingMapping


@admin.register(ExternalFactCheck)
class ExternalFactCheckAdmin(ReadOnlyHistoryAdmin):
    list_display = ("claim_text", "publisher", "rating", "rating_text", "rating_unmapped", "origin")
    list_filter = ("rating_unmapped", "rating", "origin")
    search_fields = ("claim_text", "headline", "publisher", "url")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # imported by manage.py import_claimreview or POST /api/v1/factchecks/import/

    def has_change_permission(self, request: HttpRequest, obj: ExternalFactCheck | None = None):
        return False  # kept as the publisher wrote it; its rating follows the mappings


@admin.register(RatingMapping)
class RatingMappingAdmin(ReadOnlyHistoryAdmin):
    list_display = ("publisher", "alternate_name", "rating")
    list_filter = ("rating",)
    search_fields = ("publisher", "alternate_name")

    def save_model(self, request: HttpRequest, obj: RatingMapping, form, change: bool) -> None:
        factchecks.rating_mapping_save(mapping=obj)

    def delete_model(self, request: HttpRequest, obj: RatingMapping) -> None:
        factchecks.rating_mapping_delete(mapping=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[RatingMapping]) -> None:
        for mapping in queryset:
            factchecks.rating_mapping_delete(mapping=mapping)
