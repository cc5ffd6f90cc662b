"""Page-number pages for the editors' lists; cursor pages for the feeds API clients sync from.

A malformed ``page``, ``page_size`` or ``cursor`` (or a page past the last) is a 400 naming it."""

from datetime import datetime

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F
from django.db.models.functions import Coalesce
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


SORT_FEW = 2000  # rows: sorting this many costs a few ms; walking an index may read them all


class SortingPaginator(Paginator):
    """A page of few matching rows is sorted, not read along an ordering index.

    With an index on the first ordering column (claims: score), PostgreSQL walks it and filters
    every row it passes, betting that matches are spread evenly; a search matching 1 % of
    100,000 claims read all of them to fill a page (49 ms; sorted: 5 ms). Once the count is
    known to be small, the first ordering column is wrapped in COALESCE(x, x): the same order,
    which no index serves."""

    def page(self, number):
        if connection.vendor == "postgresql" and self.count <= SORT_FEW:
            self.object_list = _sorted_not_walked(self.object_list)
        return super().page(number)


def _sorted_not_walked(queryset):
    ordering = list(getattr(queryset, "query", None) and queryset.query.order_by or ())
    if not ordering or not isinstance(ordering[0], str):
        return queryset
    name = ordering[0].lstrip("-")
    first = Coalesce(F(name), F(name))
    first = first.desc() if ordering[0].startswith("-") else first.asc()
    return queryset.order_by(first, *ordering[1:])


class PagePagination(PageNumberPagination):
    django_paginator_class = SortingPaginator
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
