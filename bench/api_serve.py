"""What bench/api.py serves with gunicorn (``api_serve:application``): the app's URLs plus the
bare ceiling views, which do the least any view serving the same rows must do."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import path  # noqa: E402

import workbench.urls  # noqa: E402

LIST_FIELDS = (
    "id", "claim_id", "claim__text", "claim__claimant", "claim__article__url",
    "claim__article__canonical_url", "claim__article__publisher", "version", "rating", "summary",
    "status", "is_current", "published_at", "corrects_id", "correction_note", "updated_at",
)  # fmt: skip


def authenticated(request) -> bool:
    """The app's token check: DRF's TokenAuthentication with the cached lookup."""
    from rest_framework.exceptions import AuthenticationFailed

    from factcheck.api.authentication import CachedTokenAuthentication

    try:
        return CachedTokenAuthentication().authenticate(request) is not None
    except AuthenticationFailed:
        return False


def as_json(data: object, status: int = 200):
    """An HttpResponse written by the app's JSON renderer (orjson)."""
    from django.http import HttpResponse

    from factcheck.api.renderers import JSONRenderer

    return HttpResponse(JSONRenderer().render(data), status=status, content_type="application/json")


def ceiling(request):
    """The same rows as the verdict list page, straight from .values(), same token, same writer."""
    from factcheck.models import Verdict

    if not authenticated(request):
        return as_json({"detail": "Authentication credentials were not provided."}, 401)
    size = min(int(request.GET.get("page_size", 100)), 100)
    rows = Verdict.objects.filter(status=Verdict.Status.PUBLISHED)
    if "updated_since" in request.GET:
        rows = rows.filter(updated_at__gte=request.GET["updated_since"])
    page = list(rows.order_by("-updated_at", "-id").values(*LIST_FIELDS)[:size])
    return as_json({"next": None, "previous": None, "results": page})


def ceiling_detail(request, pk: int):
    """One published verdict's row, straight from .values(), same token, same writer."""
    from factcheck.models import Verdict

    if not authenticated(request):
        return as_json({"detail": "Authentication credentials were not provided."}, 401)
    rows = Verdict.objects.filter(pk=pk, status=Verdict.Status.PUBLISHED).values(*LIST_FIELDS)
    row = rows.first()
    if row is None:
        return as_json({"detail": "Not found."}, 404)
    return as_json(row)


settings.ROOT_URLCONF = __name__
urlpatterns = [
    path("bench/ceiling/", ceiling),
    path("bench/ceiling/<int:pk>/", ceiling_detail),
    *workbench.urls.urlpatterns,
]
application = get_wsgi_application()
