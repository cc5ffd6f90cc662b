"""Top-level URL map: the editors' admin, the API, the public fact-checks and the health checks."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from workbench import health

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("healthz", health.live, name="healthz"),
    path("livez", health.live, name="livez"),
    path("readyz", health.ready, name="readyz"),
    path("api/", include("factcheck.api.urls")),
    path("factchecks/", include("factcheck.public.urls")),
]

# Unknown paths under /api/ answer the API's JSON error body; others Django's page.
handler404 = "factcheck.api.exceptions.page_not_found"
