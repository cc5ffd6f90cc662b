"""Verdicts out: the feed's rows, the detail, and ClaimReview JSON-LD. Declared in
``factcheck.outputs``; these classes name them for the schema."""

from rest_framework import serializers

from factcheck import claimreview as claimreview_builder
from factcheck import outputs
from factcheck.api.serializers.base import OutputSerializer
from factcheck.models import Verdict


class VerdictSerializer(OutputSerializer):
    """A feed row: takes a ``values()`` dict of ``outputs.VERDICT.columns()`` (or a verdict)."""

    output = outputs.VERDICT


class VerdictClaimSerializer(OutputSerializer):
    output = outputs.VERDICT_CLAIM


class VerdictArticleSerializer(OutputSerializer):
    output = outputs.VERDICT_ARTICLE


class CitedSourceSerializer(OutputSerializer):
    """One piece of evidence a verdict cites: the source and the passages that mattered."""

    output = outputs.CITED_SOURCE


class VerdictDetailSerializer(OutputSerializer):
    """A verdict as ``selectors.verdict_detail`` reads it (with ``visible_versions``)."""

    output = outputs.VERDICT_DETAIL


class ClaimReviewSerializer(serializers.BaseSerializer):
    """A published verdict as schema.org ClaimReview JSON-LD."""

    def to_representation(self, verdict: Verdict) -> dict:
        return claimreview_builder.claimreview(verdict, self.context["publisher"])
