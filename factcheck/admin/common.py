"""What every admin page shares: running one review call and showing its refusal."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from factcheck import review
from factcheck.errors import InputRefused


def refusals(request: HttpRequest, call: Callable[[], object], done: str = "") -> bool:
    """Run one review call; show its refusal as a message. True when it went through."""
    try:
        call()
    except (review.WorkflowError, InputRefused, PermissionDenied) as exc:
        messages.error(request, str(exc) or "You may not do that.")
        return False
    if done:
        messages.success(request, done)
    return True


MAX_SEARCH = 500  # characters; SQLite refuses LIKE patterns over 50,000 bytes (a server error)


class BoundedSearch:
    """Admin search with the term cut to MAX_SEARCH characters, as the API's ``q`` is."""

    def get_search_results(self, request: HttpRequest, queryset, search_term: str):
        return super().get_search_results(request, queryset, search_term[:MAX_SEARCH])
