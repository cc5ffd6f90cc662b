"""Claims out (list, detail with evidence and verdict versions) and the editorial actions' input."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from factcheck import outputs
from factcheck.api.serializers.base import OutputSerializer, RevisionField
from factcheck.models import Claim, Evidence, Verdict

User = get_user_model()


class SourceSerializer(OutputSerializer):
    output = outputs.SOURCE


class EvidenceSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True)

    class Meta:
        model = Evidence
        fields = (
            "id", "source", "provider", "snippet", "passages", "score", "suggested_stance",
            "number_check", "external_rating", "external_publisher", "cited", "created_at",
        )  # fmt: skip
        extra_kwargs = {"passages": {"help_text": outputs.PASSAGES_HELP}}  # noqa: RUF012


class VerdictVersionSerializer(OutputSerializer):
    output = outputs.VERDICT_VERSION


class ClaimSerializer(serializers.ModelSerializer):
    article_url = serializers.SerializerMethodField()
    assignee_name = serializers.SerializerMethodField()
    tags = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    has_number_conflict = serializers.BooleanField(read_only=True)

    class Meta:
        model = Claim
        fields = (
            "id", "article", "article_url", "text", "score", "claimant", "claimant_type", "kind",
            "status", "assignee", "assignee_name", "tags", "has_number_conflict", "source_changed",
            "dismiss_reason", "revision", "created_at", "updated_at",
        )  # fmt: skip

    def get_article_url(self, claim: Claim) -> str:
        return outputs.article_link(claim.article.canonical_url, claim.article.url)

    def get_assignee_name(self, claim: Claim) -> str | None:
        return claim.assignee.get_username() if claim.assignee else None


class ClaimDetailSerializer(ClaimSerializer):
    evidence = EvidenceSerializer(many=True, read_only=True)
    verdicts = VerdictVersionSerializer(many=True, read_only=True)

    class Meta(ClaimSerializer.Meta):
        fields = (*ClaimSerializer.Meta.fields, "evidence", "verdicts")


class ClaimAssignSerializer(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True),
        allow_null=True,
        help_text="User id of the editor; null takes the claim off its editor's desk.",
    )
    revision = RevisionField()


class ClaimDismissSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=20_000)
    revision = RevisionField()


class SourceAddSerializer(serializers.Serializer):
    url = serializers.CharField(max_length=2048)


class VerdictDraftSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=Verdict.Rating.choices)
    summary = serializers.CharField(max_length=20_000, allow_blank=True)
    cited_evidence = serializers.PrimaryKeyRelatedField(
        queryset=Evidence.objects.all(),
        many=True,
        required=False,
        help_text="Evidence ids of this claim; omitted cites the claim's cited evidence.",
    )
    claim_reviewed = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="Short wording of the claim for ClaimReview's claimReviewed (75 characters or "
        "fewer suggested); omitted keeps the draft's.",
    )
    revision = RevisionField(
        help_text="The draft's revision you read, or 0 when the claim had no draft; a stale one "
        "is refused with 409 edit_conflict."
    )


class VerdictPublishSerializer(serializers.Serializer):
    revision = RevisionField()
    unfetched_reason = serializers.CharField(
        max_length=20_000,
        required=False,
        allow_blank=True,
        help_text="Required when none of the cited sources has been fetched: why publishing on "
        "them is sound (kept on the verdict).",
    )


class VerdictCorrectSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=Verdict.Rating.choices)
    summary = serializers.CharField(max_length=20_000)
    correction_note = serializers.CharField(max_length=20_000)
    cited_evidence = serializers.PrimaryKeyRelatedField(
        queryset=Evidence.objects.all(),
        many=True,
        required=False,
        help_text="Evidence ids of this claim; omitted keeps the corrected verdict's.",
    )
    revision = RevisionField(
        help_text="The published verdict's revision you read; a stale one is refused with 409."
    )
