"""Page-number pages for the editors' lists; cursor pages for the feeds API clients sync from.

A malformed ``page``, ``page_size`` or ``cursor`` (or a page past the last) is a 400 naming it."""

from datetime import datetime

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination, PageNumberPagination

from factcheck.api.params import as_utc, positive_int


def _page_size(pagination, request) -> int:
    raw = request.query_params.get(pagination.page_size_query_param)
    if raw is None:
        return pagination.page_size
    name = pagination.page_size_query_param
    try:
        return min(positive_int(raw, name=name), pagination.max_page_size)
    except ValueError as exc:
        raise ValidationError({name: [str(exc)]}) from exc


class PagePagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request) -> int:
        return _page_size(self, request)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and raw not in self.last_page_strings:
            try:
                positive_int(raw, name=self.page_query_param)
            except ValueError as exc:
                raise ValidationError({self.page_query_param: [str(exc)]}) from exc
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:  # past the last page
            raise ValidationError({self.page_query_param: [str(exc.detail)]}) from exc


class FeedPagination(CursorPagination):
    """Stable under inserts: a cursor names a position, not an offset."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("-updated_at", "-id")

    def get_page_size(self, request) -> int:
        return _page_size(self, request)

    def decode_cursor(self, request):
        """DRF's cursor, refused with a 400 naming ``cursor`` when it is not one we wrote."""
        try:
            cursor = super().decode_cursor(request)
            if cursor is not None and cursor.position is not None:
                as_utc(datetime.fromisoformat(cursor.position))
        except (NotFound, ValueError, UnicodeError) as exc:
            message = "Invalid cursor: pass back the next or previous link as given."
            raise ValidationError({self.cursor_query_param: [message]}) from exc
        return cursor
