"""POST /api/v1/matches/: has this text been fact-checked? Published verdicts and imported
fact-checks only (never drafts, never other claims), best first. POST /api/v1/factchecks/import/:
editors import other publishers' ClaimReview."""

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck import checked_before, claimreview, factchecks, selectors
from factcheck.api.permissions import ReviewPermission
from factcheck.models import ExternalFactCheck, Verdict


class MatchQuerySerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=settings.MATCH_TEXT_MAX_LENGTH,
        help_text="A claim, headline or post; URLs, @handles and tweet signatures are ignored.",
    )
    limit = serializers.IntegerField(min_value=1, max_value=20, default=5)
    min_score = serializers.FloatField(
        min_value=0,
        max_value=1,
        required=False,
        help_text="Leave out weaker matches (default: the suggest threshold).",
    )


class MatchResultSerializer(serializers.Serializer):
    score = serializers.FloatField(help_text="0 to 1; see the thresholds in the README.")
    same_claim = serializers.BooleanField(
        help_text="Above the same-claim threshold with numbers and named entities agreeing."
    )
    kind = serializers.ChoiceField(choices=["verdict", "external"])
    verdict = serializers.IntegerField(allow_null=True, help_text="Our verdict's id, or null.")
    claim_text = serializers.CharField()
    rating = serializers.CharField(help_text="On our scale; an unmapped rating verbatim.")
    publisher = serializers.CharField()
    url = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    claimreview = serializers.DictField(help_text="schema.org ClaimReview (the publisher's own).")


class MatchResponseSerializer(serializers.Serializer):
    results = MatchResultSerializer(many=True)


# Made once: a serializer builds (deep-copies) its fields on first use, a third of a millisecond
# per request; writing a row reads them and changes nothing, so one instance serves every thread.
_RESULT = MatchResultSerializer()


class MatchView(GenericAPIView):
    """Match a text against published verdicts and imported fact-checks."""

    permission_classes = [IsAuthenticated, ReviewPermission]
    review_action = "view_published"
    serializer_class = MatchQuerySerializer
    pagination_class = None
    filter_backends: list = []

    @extend_schema(
        summary="Has this been fact-checked? Best matching verdicts and fact-checks",
        request=MatchQuerySerializer,
        responses=MatchResponseSerializer,
    )
    def post(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        floor = data.get("min_score", settings.MATCH_SUGGEST_THRESHOLD)
        found = checked_before.published_index().search(data["text"], limit=data["limit"])
        rows = results([f for f in found if f.match.score >= floor])
        return Response({"results": [_RESULT.to_representation(row) for row in rows]})


def results(found: list[checked_before.Found]) -> list[dict[str, Any]]:
    """The values of each result's MatchResultSerializer fields (which write them), read in
    two queries at most."""
    publisher = claimreview.publisher_from_settings()
    return [
        _verdict_row(f, matched, publisher) if f.kind == "verdict" else _external_row(f, matched)
        for f, matched in selectors.matched_objects(found)
    ]


def _verdict_row(
    f: checked_before.Found, verdict: Verdict, publisher: claimreview.Publisher
) -> dict[str, Any]:
    return {
        "score": f.match.score,
        "same_claim": f.match.same_claim,
        "kind": "verdict",
        "verdict": verdict.pk,
        "claim_text": verdict.claim.text,
        "rating": verdict.rating,
        "publisher": publisher.name,
        "url": claimreview.verdict_url(verdict, publisher),
        "published_at": verdict.published_at,
        "claimreview": claimreview.claimreview(verdict, publisher),
    }


def _external_row(f: checked_before.Found, external: ExternalFactCheck) -> dict[str, Any]:
    return {
        "score": f.match.score,
        "same_claim": f.match.same_claim,
        "kind": "external",
        "verdict": None,
        "claim_text": external.claim_text,
        "rating": external.rating or external.rating_text,
        "publisher": external.publisher,
        "url": external.url,
        "published_at": external.published_at,
        "claimreview": external.claimreview,
    }


class FactCheckImportSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000, help_text="A fact-check page or JSON document.")


class ExternalFactCheckSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalFactCheck
        fields = [
            "id",
            "url",
            "claim_text",
            "headline",
            "claimant",
            "publisher",
            "rating",
            "rating_text",
            "rating_unmapped",
            "published_at",
            "origin",
        ]


class FactCheckImportView(GenericAPIView):
    """Editors import other publishers' ClaimReview from a page's JSON-LD."""

    permission_classes = [IsAuthenticated, ReviewPermission]
    review_action = "ingest"
    serializer_class = FactCheckImportSerializer
    pagination_class = None
    filter_backends: list = []

    @extend_schema(
        summary="Import another publisher's fact-checks (ClaimReview) from a URL",
        responses={201: ExternalFactCheckSerializer(many=True)},
    )
    def post(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            stored = factchecks.external_factchecks_import(
                location=serializer.validated_data["url"]
            )
        except factchecks.ImportFailure as exc:
            raise ValidationError({"url": [str(exc)]}) from exc
        if not stored:
            raise ValidationError(
                {"url": ["No ClaimReview with a claim and a URL was found there."]}
            )
        body = ExternalFactCheckSerializer(stored, many=True).data
        return Response(body, status=status.HTTP_201_CREATED)
