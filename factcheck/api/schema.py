"""OpenAPI generation: every operation documents the error responses it can give."""

import copy

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema

from factcheck.api.serializers import ErrorSerializer

ERROR_DESCRIPTIONS = {
    "400": "Invalid input or filter; nothing was written. `errors` names each field and reason.",
    "401": "No or invalid credentials.",
    "403": "Your role does not allow this.",
    "404": "No such object (or not visible to you).",
    "409": "Edit conflict (stale `revision`) or a transition the workflow refuses.",
    "429": "Too many requests; see the Retry-After header.",
}


class ApiSchema(AutoSchema):
    """AutoSchema plus the shared error body on the statuses each operation can answer."""

    def _get_response_bodies(self, direction: str = "response") -> dict:
        bodies = super()._get_response_bodies(direction)
        for code in self._error_codes():
            response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
            response["description"] = ERROR_DESCRIPTIONS[code]
            bodies.setdefault(code, response)
        if self._is_list_view() and self.method == "GET":
            bodies.setdefault("304", {"description": "Not modified (the If-None-Match ETag)."})
        return bodies

    def _error_codes(self) -> list[str]:
        codes = ["400", "401", "403", "429"]
        if "{" in self.path:
            codes.append("404")
        if getattr(self.view, "may_conflict", False) and self.method == "POST":
            codes.append("409")
        return codes


def exact_responses(result: dict, **kwargs: object) -> dict:
    """Response bodies as sent: every key of an output component required and no other allowed
    (``additionalProperties: false``), so a client can rely on the keys and an answer that loses
    or gains one fails ``tests/test_api_responses.py``. Input components (``*Request``) stay
    open; hand-written components that say what they allow (ClaimReview) are kept as written."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") or "properties" not in component:
            continue
        if "additionalProperties" not in component:
            component["required"] = list(component["properties"])
            component["additionalProperties"] = False
    return result


def _object(properties: dict, required: tuple[str, ...] = ()) -> dict:
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    return {**schema, "required": list(required)} if required else schema


_STRING = {"type": "string"}
_URI = {"type": "string", "format": "uri"}
_DATE = {"type": "string", "format": "date"}
_CREATIVE_WORK = _object(
    {
        "@type": _STRING,
        "url": _URI,
        "headline": _STRING,
        "publisher": _object({"@type": _STRING, "name": _STRING}),
    },
    ("@type", "url"),
)
CLAIMREVIEW_SCHEMA = _object(
    {
        "@context": _STRING,
        "@type": {"type": "string", "enum": ["ClaimReview"]},
        "url": _URI,
        "claimReviewed": _STRING,
        "reviewBody": _STRING,
        "datePublished": _DATE,
        "dateModified": {"type": "string", "format": "date-time"},
        "correction": _STRING,
        "author": _object(
            {
                "@type": _STRING,
                "name": _STRING,
                "url": _URI,
                "logo": _object({"@type": _STRING, "url": _URI}),
            },
            ("@type", "name"),
        ),
        "reviewRating": _object(
            {
                "@type": _STRING,
                "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5},
                "bestRating": {"type": "integer"},
                "worstRating": {"type": "integer"},
                "alternateName": _STRING,
            },
            ("@type", "alternateName"),
        ),
        "itemReviewed": _object(
            {
                "@type": _STRING,
                "author": _object({"@type": _STRING, "name": _STRING}),
                "datePublished": _DATE,
                "appearance": {"type": "array", "items": _CREATIVE_WORK},
                "firstAppearance": _CREATIVE_WORK,
            },
            ("@type",),
        ),
    },
    ("@context", "@type", "url", "claimReviewed", "reviewRating", "author", "itemReviewed"),
)


class ClaimReviewSchema(OpenApiSerializerExtension):
    """ClaimReviewSerializer builds JSON-LD by hand; this is its documented shape."""

    target_class = "factcheck.api.serializers.ClaimReviewSerializer"

    def map_serializer(self, auto_schema: AutoSchema, direction: str) -> dict:
        # A copy: drf-spectacular's enum hook replaces enums in place with $refs, which emptied
        # the shared dict's "@typeEnum" component from every schema after the first.
        return copy.deepcopy(CLAIMREVIEW_SCHEMA)
