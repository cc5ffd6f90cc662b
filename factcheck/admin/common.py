"""What every admin page shares: running one review call and showing its refusal."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from factcheck import review


def refusals(request: HttpRequest, call: Callable[[], object], done: str = "") -> bool:
    """Run one review call; show its refusal as a message. True when it went through."""
    try:
        call()
    except (review.WorkflowError, PermissionDenied) as exc:
        messages.error(request, str(exc) or "You may not do that.")
        return False
    if done:
        messages.success(request, done)
    return True
