"""/api/v1/ (the API), /api/schema/ (OpenAPI 3) and /api/docs/ (Swagger UI, served locally)."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny
from rest_framework.routers import DefaultRouter

from factcheck.api import matches, views

app_name = "api"

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("verdicts", views.VerdictViewSet, basename="verdict")
router.register("claimreviews", views.ClaimReviewViewSet, basename="claimreview")
router.register("webhooks", views.WebhookSubscriptionViewSet, basename="webhook")

claim_actions = [
    path("assign/", views.ClaimAssignView.as_view(), name="claim-assign"),
    path("dismiss/", views.ClaimDismissView.as_view(), name="claim-dismiss"),
    path("sources/", views.ClaimSourceAddView.as_view(), name="claim-sources"),
    path("verdict/", views.ClaimVerdictDraftView.as_view(), name="claim-verdict"),
    path("publish/", views.ClaimPublishView.as_view(), name="claim-publish"),
    path("correct/", views.ClaimCorrectView.as_view(), name="claim-correct"),
]

urlpatterns = [
    re_path(r"^v1/claims/(?P<pk>[0-9]{1,18})/", include(claim_actions)),
    path("v1/matches/", matches.MatchView.as_view(), name="matches"),
    path("v1/factchecks/import/", matches.FactCheckImportView.as_view(), name="factcheck-import"),
    path("v1/", include(router.urls)),
    path(
        "schema/",
        SpectacularAPIView.as_view(
            permission_classes=[AllowAny], authentication_classes=[], throttle_classes=[]
        ),
        name="schema",
    ),
    path(
        "docs/",
        # The split view serves its start-up script as a file, as the Content-Security-Policy
        # (no inline scripts) needs.
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema",
            permission_classes=[AllowAny],
            authentication_classes=[],
            throttle_classes=[],
        ),
        name="docs",
    ),
]
