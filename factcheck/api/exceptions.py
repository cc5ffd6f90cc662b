"""One error shape for the whole API, and the one place domain errors become HTTP statuses.

Every error body is ``{"status", "code", "detail", "errors": [{"field", "reason"}]}``; ``field``
names the input at fault (dotted for nested input) or is null when no single field is.
"""

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from factcheck.errors import EditConflict, InputRefused, WorkflowError

SUMMARIES = {
    400: "The request is not valid; nothing was changed.",
    401: "Authentication is needed: send 'Authorization: Token <key>' or sign in.",
    403: "You are not allowed to do this.",
    404: "Not found.",
    405: "This method is not allowed here.",
    406: "The requested format is not available.",
    409: "The change conflicts with the current state; nothing was changed.",
    415: "The request body has an unsupported media type.",
    429: "Too many requests; retry after the number of seconds in Retry-After.",
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler, plus the review module's errors (bad input → 400, stale revision or refused
    transition → 409, PermissionDenied → 403), reshaped to the one body."""
    exc = _translated(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = _code(exc)
    response.data = error_body(response.status_code, code, _reasons(response.data))
    return response


def error_body(status_code: int, code: str, errors: list[dict[str, Any]]) -> dict[str, Any]:
    detail = SUMMARIES.get(status_code) or (errors[0]["reason"] if errors else "Error.")
    return {"status": status_code, "code": code, "detail": detail, "errors": errors}


def _translated(exc: Exception) -> Exception:
    if isinstance(exc, InputRefused):  # ReviewInputError is one too
        return exceptions.ValidationError({exc.field: [str(exc)]})
    if isinstance(exc, EditConflict):
        return Conflict({"revision": [str(exc)]}, code="edit_conflict")
    if isinstance(exc, WorkflowError):
        return Conflict(str(exc), code="refused_transition")
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(_django_messages(exc))
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    return exc


def _django_messages(exc: DjangoValidationError) -> dict | list:
    if hasattr(exc, "error_dict"):
        return {field or None: messages for field, messages in exc.message_dict.items()}
    return list(exc.messages)


def _code(exc: Exception) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    if isinstance(exc, Conflict):
        codes = exc.get_codes()
        return "edit_conflict" if isinstance(codes, dict) else str(codes)
    return getattr(exc, "default_code", "error")


def _reasons(data: Any, field: str | None = None) -> list[dict[str, Any]]:
    """Flatten DRF's nested error data into [{"field": "a.0.b", "reason": "..."}]."""
    if isinstance(data, dict):
        if set(data) == {"detail"} and field is None:
            return _reasons(data["detail"], None)
        return [
            reason for key, value in data.items() for reason in _reasons(value, _join(field, key))
        ]
    if isinstance(data, list):
        if all(not isinstance(item, dict | list) for item in data):
            return [{"field": field, "reason": str(item)} for item in data]
        return [
            reason
            for index, item in enumerate(data)
            for reason in _reasons(item, _join(field, index))
        ]
    return [{"field": field, "reason": str(data)}]


def _join(field: str | None, key: object) -> str | None:
    if key in (None, "non_field_errors", "__all__"):
        return field
    return f"{field}.{key}" if field else str(key)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 handler: under /api/ the API's one error body as JSON, elsewhere Django's."""
    if not request.path.startswith("/api/"):
        return defaults.page_not_found(request, exception)
    reasons = [{"field": None, "reason": "No such API path; see /api/schema/."}]
    body = error_body(status.HTTP_404_NOT_FOUND, "not_found", reasons)
    return JsonResponse(body, status=status.HTTP_404_NOT_FOUND)
