"""Read-only viewsets for what clients pull, one small view per editorial action.

Views check the role (``ReviewPermission``), find the object, validate input, then call the one
domain function that writes; errors become HTTP in ``exceptions.api_exception_handler``.
"""

import hashlib

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck import claimreview, errors, ingest, review, selectors, webhooks
from factcheck.api import serializers
from factcheck.api.filters import ClaimFilter, VerdictFilter
from factcheck.api.pagination import FeedPagination
from factcheck.api.permissions import ManagesWebhooks, ReviewPermission
from factcheck.api.renderers import JSONLDRenderer, JSONRenderer
from factcheck.models import Article, Claim, Verdict, WebhookSubscription
from factcheck.sources import pipeline


class ETagListMixin:
    """Lists answer If-None-Match with 304 when the page they would send is unchanged."""

    etag_actions: tuple[str, ...] = ("list",)

    def finalize_response(self, request: Request, response: Response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if getattr(self, "action", None) not in self.etag_actions:
            return response
        response.render()
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = etag
        response["Vary"] = "Accept, Authorization, Cookie"
        if etag in _etags(request.headers.get("If-None-Match", "")):
            not_modified = HttpResponse(status=304)
            not_modified["ETag"], not_modified["Vary"] = etag, response["Vary"]
            return not_modified
        return response


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _hidden_in_schema(view: object) -> bool:
    return getattr(view, "swagger_fake_view", False)


# --- Articles ------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="List articles"),
    retrieve=extend_schema(summary="An article with its claims (also its status URL)"),
)
class ArticleViewSet(ETagListMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[0-9]{1,18}"
    permission_classes = [IsAuthenticated, ReviewPermission]
    review_action = {"POST": "ingest", "*": "view_drafts"}
    filterset_fields = ("status", "origin")

    def get_queryset(self) -> QuerySet:
        return selectors.api_articles(with_claims=self.action == "retrieve")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        if self.action == "create":
            return serializers.ArticleSubmitSerializer
        return serializers.ArticleSerializer

    @extend_schema(
        summary="Submit a URL, text or HTML",
        request=serializers.ArticleSubmitSerializer,
        responses={202: serializers.ArticleSerializer},
    )
    def create(self, request: Request, *args, **kwargs) -> Response:
        """URLs are fetched by workers; poll ``status_url`` until ``status`` is extracted/failed."""
        submitted = serializers.ArticleSubmitSerializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        article = _submit(submitted.validated_data)
        body = serializers.ArticleSerializer(article, context={"request": request}).data
        return Response(
            body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["status_url"]}
        )


def _submit(data: dict) -> Article:
    meta = ingest.Metadata(
        title=data.get("title", ""),
        url=data.get("original_url", ""),
        publisher=data.get("publisher", ""),
        published_at=data.get("published_at"),
    )
    try:
        return ingest.article_submit(
            url=data.get("url", ""), text=data.get("text", ""), html=data.get("html", ""), meta=meta
        )
    except errors.InputRefused as exc:
        raise ValidationError({exc.field: [str(exc)]}) from exc


# --- Claims --------------------------------------------------------------------------------


def claim_detail(pk: int) -> Claim:
    claim = selectors.api_claim_detail(claim_id=int(pk))
    if claim is None:
        raise Http404
    return claim


@extend_schema_view(
    list=extend_schema(summary="List and search claims"),
    retrieve=extend_schema(summary="A claim with its evidence and verdict versions"),
)
class ClaimViewSet(ETagListMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[0-9]{1,18}"
    permission_classes = [IsAuthenticated, ReviewPermission]
    review_action = "view_drafts"
    filterset_class = ClaimFilter

    def get_queryset(self) -> QuerySet:
        return selectors.api_claims().order_by("-score", "created_at", "id")

    def get_object(self) -> Claim:
        return claim_detail(self.kwargs["pk"])

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ClaimDetailSerializer
        return serializers.ClaimSerializer


class ClaimActionView(GenericAPIView):
    """POST to one claim: role checked, claim found, input validated, one review call."""

    permission_classes = [IsAuthenticated, ReviewPermission]
    may_conflict = True
    queryset = Claim.objects.all()

    def validated(self, request: Request) -> dict:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def claim(self) -> Claim:
        return get_object_or_404(Claim, pk=self.kwargs["pk"])

    def claim_response(self, claim: Claim, code: int = status.HTTP_200_OK) -> Response:
        body = serializers.ClaimDetailSerializer(claim_detail(claim.pk)).data
        return Response(body, status=code)


class ClaimAssignView(ClaimActionView):
    review_action = "assign"
    serializer_class = serializers.ClaimAssignSerializer

    @extend_schema(
        summary="Assign (or unassign) a claim", responses=serializers.ClaimDetailSerializer
    )
    def post(self, request: Request, pk: int) -> Response:
        claim, data = self.claim(), self.validated(request)
        actor, revision = request.user, data["revision"]
        if data["assignee"] is None:
            claim = review.claim_unassign(claim=claim, actor=actor, revision=revision)
        else:
            claim = review.claim_assign(
                claim=claim, assignee=data["assignee"], actor=actor, revision=revision
            )
        return self.claim_response(claim)


class ClaimDismissView(ClaimActionView):
    review_action = "dismiss"
    serializer_class = serializers.ClaimDismissSerializer

    @extend_schema(
        summary="Dismiss a claim with a reason", responses=serializers.ClaimDetailSerializer
    )
    def post(self, request: Request, pk: int) -> Response:
        claim, data = self.claim(), self.validated(request)
        claim = review.claim_dismiss(
            claim=claim, actor=request.user, reason=data["reason"], revision=data["revision"]
        )
        return self.claim_response(claim)


class ClaimSourceAddView(ClaimActionView):
    review_action = "add_source"
    serializer_class = serializers.SourceAddSerializer

    @extend_schema(
        summary="Add a source URL; a worker fetches and ranks it",
        responses={202: serializers.EvidenceSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        claim, data = self.claim(), self.validated(request)
        evidence = pipeline.evidence_add(claim=claim, actor=request.user, url=data["url"])
        body = serializers.EvidenceSerializer(evidence).data
        return Response(body, status=status.HTTP_202_ACCEPTED)


class ClaimVerdictDraftView(ClaimActionView):
    review_action = "draft"
    serializer_class = serializers.VerdictDraftSerializer

    @extend_schema(
        summary="Draft (or update the draft of) the claim's verdict",
        responses=serializers.VerdictVersionSerializer,
    )
    def post(self, request: Request, pk: int) -> Response:
        claim, data = self.claim(), self.validated(request)
        verdict = review.verdict_draft(
            claim=claim,
            actor=request.user,
            rating=data["rating"],
            summary=data["summary"],
            cited_evidence=data.get("cited_evidence"),
            revision=data["revision"],
            claim_reviewed=data.get("claim_reviewed"),
        )
        return Response(serializers.VerdictVersionSerializer(verdict).data)


class ClaimPublishView(ClaimActionView):
    review_action = "publish"
    serializer_class = serializers.VerdictPublishSerializer

    @extend_schema(
        summary="Approve and publish the claim's draft (a second senior editor)",
        responses=serializers.VerdictVersionSerializer,
    )
    def post(self, request: Request, pk: int) -> Response:
        claim, data = self.claim(), self.validated(request)
        draft = claim.verdicts.filter(status=Verdict.Status.DRAFT).first()
        if draft is None:
            raise review.WorkflowError("This claim has no draft verdict to publish.")
        verdict = review.verdict_publish(
            verdict=draft,
            approver=request.user,
            revision=data["revision"],
            unfetched_reason=data.get("unfetched_reason", ""),
        )
        return Response(serializers.VerdictVersionSerializer(verdict).data)


class ClaimCorrectView(ClaimActionView):
    review_action = "correct"
    serializer_class = serializers.VerdictCorrectSerializer

    @extend_schema(
        summary="Draft a correction of the claim's published verdict",
        responses={201: serializers.VerdictVersionSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        claim, data = self.claim(), self.validated(request)
        published = claim.verdicts.filter(status=Verdict.Status.PUBLISHED).first()
        if published is None:
            raise review.WorkflowError("This claim has no published verdict to correct.")
        correction = review.verdict_correct(
            verdict=published,
            actor=request.user,
            rating=data["rating"],
            summary=data["summary"],
            correction_note=data["correction_note"],
            cited_evidence=data.get("cited_evidence"),
            revision=data["revision"],
        )
        body = serializers.VerdictVersionSerializer(correction).data
        return Response(body, status=status.HTTP_201_CREATED)


# --- Verdicts and ClaimReview ----------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Verdicts, newest change first (a cursor feed)"),
    retrieve=extend_schema(summary="A verdict with its claim, article, sources and versions"),
)
class VerdictViewSet(ETagListMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[0-9]{1,18}"
    permission_classes = [IsAuthenticated, ReviewPermission]
    review_action = "view_published"
    filterset_class = VerdictFilter
    pagination_class = FeedPagination

    def get_queryset(self) -> QuerySet:
        if _hidden_in_schema(self):
            return Verdict.objects.none()
        if self.action == "list":
            return selectors.verdict_feed(self.request.user)
        return selectors.verdicts_visible(self.request.user)

    def list(self, request: Request, *args, **kwargs) -> Response:
        """Rows are read as dicts (``values()``) and serialised once, straight to the page."""
        rows = selectors.verdict_feed_rows(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.VerdictDetailSerializer
        return serializers.VerdictSerializer

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        """One query reads the verdict with all the versions of its claim the reader may see
        (the verdict among them, when it passes the filters); a second its cited sources."""
        visible = self.get_queryset()
        verdict = selectors.verdict_detail(
            wanted=self.filter_queryset(visible), visible=visible, verdict_id=int(self.kwargs["pk"])
        )
        if verdict is None:
            raise Http404
        self.check_object_permissions(request, verdict)
        context = self.get_serializer_context()
        return Response(serializers.VerdictDetailSerializer(verdict, context=context).data)


@extend_schema_view(
    list=extend_schema(summary="Published verdicts as schema.org ClaimReview (a cursor feed)"),
    retrieve=extend_schema(summary="One published verdict as schema.org ClaimReview"),
)
class ClaimReviewViewSet(ETagListMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = "[0-9]{1,18}"
    permission_classes = [IsAuthenticated, ReviewPermission]
    review_action = "view_published"
    serializer_class = serializers.ClaimReviewSerializer
    renderer_classes = [JSONLDRenderer, JSONRenderer, BrowsableAPIRenderer]
    pagination_class = FeedPagination
    filterset_class = VerdictFilter

    def get_queryset(self) -> QuerySet:
        return selectors.claimreviews_published()

    def get_serializer_context(self) -> dict:
        return {
            **super().get_serializer_context(),
            "publisher": claimreview.publisher_from_settings(self.request),
        }


# --- Webhooks --------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Webhook subscriptions"),
    retrieve=extend_schema(summary="A webhook subscription"),
    update=extend_schema(summary="Change a subscription"),
    partial_update=extend_schema(summary="Change part of a subscription"),
    destroy=extend_schema(summary="Delete a subscription and its delivery log"),
)
class WebhookSubscriptionViewSet(ETagListMixin, viewsets.ModelViewSet):
    """Admins and senior editors manage where signed event notifications go."""

    lookup_value_regex = "[0-9]{1,18}"

    permission_classes = [IsAuthenticated, ManagesWebhooks]
    etag_actions = ("list", "deliveries")
    serializer_class = serializers.WebhookSubscriptionSerializer
    queryset = WebhookSubscription.objects.order_by("-created_at", "-id")

    @extend_schema(
        summary="Subscribe a URL to events",
        responses={201: serializers.WebhookSubscriptionCreatedSerializer},
    )
    def create(self, request: Request, *args, **kwargs) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription = webhooks.subscription_create(owner=request.user, **serializer.validated_data)
        body = serializers.WebhookSubscriptionCreatedSerializer(subscription).data
        return Response(body, status=status.HTTP_201_CREATED)

    def get_serializer_class(self) -> type:
        if self.action in ("update", "partial_update"):
            return serializers.WebhookSubscriptionUpdateSerializer
        return super().get_serializer_class()

    def perform_update(self, serializer: serializers.WebhookSubscriptionSerializer) -> None:
        serializer.instance = webhooks.subscription_update(
            subscription=serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance: WebhookSubscription) -> None:
        webhooks.subscription_delete(subscription=instance)

    @extend_schema(
        summary="The delivery log of a subscription",
        responses=serializers.WebhookDeliverySerializer(many=True),
    )
    @action(detail=True, methods=["get"], serializer_class=serializers.WebhookDeliverySerializer)
    def deliveries(self, request: Request, pk: int) -> Response:
        subscription = self.get_object()
        page = self.paginate_queryset(subscription.deliveries.order_by("-created_at", "-id"))
        body = serializers.WebhookDeliverySerializer(page, many=True).data
        return self.get_paginated_response(body)
