"""Page-number pages for the editors' lists; cursor pages for the feeds API clients sync from."""

from rest_framework.pagination import CursorPagination, PageNumberPagination


class PagePagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100


class FeedPagination(CursorPagination):
    """Stable under inserts: a cursor names a position, not an offset."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("-updated_at", "-id")
