"""Serializers translate between models and JSON; they hold no workflow. Explicit fields only."""

import zoneinfo
from datetime import UTC, datetime, tzinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from factcheck import claimreview as claimreview_builder
from factcheck.http.netsafety import web_url
from factcheck.models import (
    Article,
    Claim,
    Evidence,
    Source,
    Verdict,
    WebhookDelivery,
    WebhookSubscription,
)

User = get_user_model()


class WebURLField(serializers.CharField):
    """A stored link as served: only an http(s) URL, else "" (never a javascript: link)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: str) -> str:
        return web_url(str(value or ""))


class ErrorReasonSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text="The input at fault, or null.")
    reason = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """The one error body of the API."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    errors = ErrorReasonSerializer(many=True)


# --- Articles ------------------------------------------------------------------------------


class ClaimBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Claim
        fields = ("id", "text", "start", "end", "score", "claimant", "kind", "status")


class ArticleSerializer(serializers.ModelSerializer):
    url = WebURLField()
    canonical_url = WebURLField()
    status_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = (
            "id", "url", "canonical_url", "origin", "title", "authors", "publisher",
            "published_at", "language", "status", "failure_reason", "status_url",
            "created_at", "updated_at",
        )  # fmt: skip

    def get_status_url(self, article: Article) -> str:
        return reverse("api:article-detail", args=[article.pk], request=self.context.get("request"))


class ArticleDetailSerializer(ArticleSerializer):
    claims = ClaimBriefSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = (*ArticleSerializer.Meta.fields, "claims")


class OffsetDateTimeField(serializers.DateTimeField):
    """A datetime input that keeps the offset it was given in (19:45-05:00 stays -05:00)."""

    def enforce_timezone(self, value):
        return value if value.tzinfo is not None else super().enforce_timezone(value)


class ArticleSubmitSerializer(serializers.Serializer):
    """Exactly one of url, text or html."""

    url = serializers.CharField(required=False, max_length=2048, allow_blank=False)
    text = serializers.CharField(required=False, allow_blank=False, trim_whitespace=False)
    html = serializers.CharField(required=False, allow_blank=False, trim_whitespace=False)
    # Whitespace only is no title: the article's own is used, as when none is given.
    title = serializers.CharField(required=False, max_length=500, default="", allow_blank=True)
    original_url = serializers.CharField(
        required=False, max_length=2000, default="",
        help_text="Where pasted text or HTML was published (not fetched).",
    )  # fmt: skip
    publisher = serializers.CharField(required=False, max_length=300, default="")
    published_at = OffsetDateTimeField(
        required=False, default=None, help_text="With its offset, e.g. 2024-03-03T19:45:00-05:00."
    )

    def validate(self, attrs: dict) -> dict:
        given = [name for name in ("url", "text", "html") if attrs.get(name)]
        if len(given) != 1:
            raise serializers.ValidationError({"url": ["Give exactly one of url, text or html."]})
        for name in ("text", "html"):
            if len(attrs.get(name, "")) > settings.ARTICLE_MAX_BYTES:
                limit = settings.ARTICLE_MAX_BYTES
                raise serializers.ValidationError({name: [f"Longer than {limit} characters."]})
        return attrs


# --- Claims --------------------------------------------------------------------------------


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ("id", "url", "domain", "title", "publisher", "status", "fetched_at")


class EvidenceSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True)

    class Meta:
        model = Evidence
        fields = (
            "id", "source", "provider", "snippet", "passages", "score", "suggested_stance",
            "number_check", "external_rating", "external_publisher", "cited", "created_at",
        )  # fmt: skip


class VerdictVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Verdict
        fields = (
            "id", "version", "status", "rating", "summary", "is_current", "published_at",
            "corrects", "correction_note", "revision",
        )  # fmt: skip

    def to_representation(self, verdict: Verdict) -> dict:
        """The declared fields, built directly (the declarations still make the schema)."""
        return {
            "id": verdict.pk,
            "version": int(verdict.version),
            "status": str(verdict.status),
            "rating": str(verdict.rating),
            "summary": str(verdict.summary),
            "is_current": verdict.is_current,
            "published_at": _when(verdict.published_at),
            "corrects": verdict.corrects_id,
            "correction_note": str(verdict.correction_note),
            "revision": int(verdict.revision),
        }


class ClaimSerializer(serializers.ModelSerializer):
    article_url = serializers.SerializerMethodField()
    assignee_name = serializers.SerializerMethodField()
    tags = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    has_number_conflict = serializers.BooleanField(read_only=True)

    class Meta:
        model = Claim
        fields = (
            "id", "article", "article_url", "text", "score", "claimant", "kind", "status",
            "assignee", "assignee_name", "tags", "has_number_conflict", "source_changed",
            "dismiss_reason", "revision", "created_at", "updated_at",
        )  # fmt: skip

    def get_article_url(self, claim: Claim) -> str:
        return web_url(claim.article.canonical_url) or web_url(claim.article.url)

    def get_assignee_name(self, claim: Claim) -> str | None:
        return claim.assignee.get_username() if claim.assignee else None


class ClaimDetailSerializer(ClaimSerializer):
    evidence = EvidenceSerializer(many=True, read_only=True)
    verdicts = VerdictVersionSerializer(many=True, read_only=True)

    class Meta(ClaimSerializer.Meta):
        fields = (*ClaimSerializer.Meta.fields, "evidence", "verdicts")


class RevisionField(serializers.IntegerField):
    """Required on every write: the revision of what the writer read (0 when there was none)."""

    def __init__(self, **kwargs: object) -> None:
        help_text = kwargs.pop(
            "help_text", "The revision you read; a stale one is refused with 409 edit_conflict."
        )
        super().__init__(required=True, min_value=0, help_text=help_text, **kwargs)


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


class EvidenceIdsField(serializers.PrimaryKeyRelatedField):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(queryset=Evidence.objects.all(), many=False, **kwargs)


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


# --- Verdicts ------------------------------------------------------------------------------


# The columns of a feed row, as ``values()`` names them: the list reads rows as dicts, without
# building three model instances per row (half the CPU of a 100-row page).
VERDICT_ROW_VALUES = (
    "id", "claim_id", "claim__text", "claim__claimant", "claim__article__url",
    "claim__article__canonical_url", "claim__article__publisher", "version", "rating", "summary",
    "status", "is_current", "published_at", "corrects_id", "correction_note", "updated_at",
)  # fmt: skip


def verdict_row(verdict: Verdict) -> dict:
    """A verdict (with its claim and article loaded) as the row the feed reads with values()."""
    claim, article = verdict.claim, verdict.claim.article
    return {
        **{name: getattr(verdict, name) for name in VERDICT_ROW_VALUES if "__" not in name},
        "claim__text": claim.text, "claim__claimant": claim.claimant,
        "claim__article__url": article.url, "claim__article__canonical_url": article.canonical_url,
        "claim__article__publisher": article.publisher,
    }  # fmt: skip


class VerdictSerializer(serializers.ModelSerializer):
    """A feed row: takes a dict of VERDICT_ROW_VALUES (or a verdict). ``to_representation``
    builds the declared fields directly: DRF's per-field machinery cost ~1 ms a row, most of a
    100-row page. The declarations still make the schema, which the schema tests check the
    responses against."""

    claim_text = serializers.CharField(source="claim.text", read_only=True)
    claimant = serializers.CharField(source="claim.claimant", read_only=True)
    article_url = serializers.SerializerMethodField()
    publisher = serializers.CharField(source="claim.article.publisher", read_only=True)
    rating_label = serializers.CharField(source="get_rating_display", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Verdict
        fields = (
            "id", "url", "claim", "claim_text", "claimant", "article_url", "publisher", "version",
            "rating", "rating_label", "summary", "status", "is_current", "published_at",
            "corrects", "correction_note", "updated_at",
        )  # fmt: skip

    def to_representation(self, verdict: Verdict | dict) -> dict:
        row = verdict if isinstance(verdict, dict) else verdict_row(verdict)
        if "_zone" not in self.__dict__:  # a list shares one child serializer
            self._zone = timezone.get_current_timezone()
        return {
            "id": row["id"],
            "url": self.get_url(row),
            "claim": row["claim_id"],
            "claim_text": str(row["claim__text"]),
            "claimant": str(row["claim__claimant"]),
            "article_url": self.get_article_url(row),
            "publisher": str(row["claim__article__publisher"]),
            "version": int(row["version"]),
            "rating": str(row["rating"]),
            "rating_label": str(RATING_LABELS.get(row["rating"], row["rating"])),
            "summary": str(row["summary"]),
            "status": str(row["status"]),
            "is_current": row["is_current"],
            "published_at": _when(row["published_at"], self._zone),
            "corrects": row["corrects_id"],
            "correction_note": str(row["correction_note"]),
            "updated_at": _when(row["updated_at"], self._zone),
        }

    def get_article_url(self, row: dict) -> str:
        canonical, url = row["claim__article__canonical_url"], row["claim__article__url"]
        return web_url(str(canonical or "")) or web_url(str(url or ""))

    def get_url(self, row: dict) -> str:
        """Reversed once per serializer (a list shares one child), then filled in per row."""
        if "_url_parts" not in self.__dict__:
            request = self.context.get("request")
            url = reverse("api:verdict-detail", args=[_PK_MARK], request=request)
            head, _, tail = url.partition(str(_PK_MARK))
            self._url_parts = (head, tail)
        head, tail = self._url_parts
        return f"{head}{row['id']}{tail}"


class VerdictClaimSerializer(serializers.ModelSerializer):
    class Meta:
        model = Claim
        fields = ("id", "text", "claimant", "kind", "status", "score")


class VerdictArticleSerializer(serializers.ModelSerializer):
    url = WebURLField()
    canonical_url = WebURLField()

    class Meta:
        model = Article
        fields = ("id", "url", "canonical_url", "title", "authors", "publisher", "published_at")


class CitedSourceSerializer(serializers.ModelSerializer):
    """One piece of evidence a verdict cites: the source and the passages that mattered."""

    source = SourceSerializer(read_only=True)

    class Meta:
        model = Evidence
        fields = ("id", "source", "passages", "suggested_stance", "number_check")


class VerdictDetailSerializer(VerdictSerializer):
    """Needs ``context["versions"]``: the verdicts of the claim the reader may see, by version."""

    claim = VerdictClaimSerializer(read_only=True)
    article = VerdictArticleSerializer(source="claim.article", read_only=True)
    cited_sources = CitedSourceSerializer(source="cited_evidence", many=True, read_only=True)
    versions = serializers.SerializerMethodField()

    class Meta(VerdictSerializer.Meta):
        fields = (*VerdictSerializer.Meta.fields, "article", "cited_sources", "versions")

    def to_representation(self, verdict: Verdict) -> dict:
        body = super().to_representation(verdict)
        body["claim"] = _verdict_claim(verdict.claim)
        body["article"] = _verdict_article(verdict.claim.article)
        body["cited_sources"] = [_cited_source(item) for item in verdict.cited_evidence.all()]
        body["versions"] = self.get_versions(verdict)
        return body

    @extend_schema_field(VerdictVersionSerializer(many=True))
    def get_versions(self, verdict: Verdict) -> list[dict]:
        """Every version of this claim's verdict the reader may see, oldest first."""
        return VerdictVersionSerializer(self.context["versions"], many=True).data


RATING_LABELS = dict(Verdict.Rating.choices)
_PK_MARK = 987654321987654321  # a placeholder id, replaced by each row's own
_DATETIME = serializers.DateTimeField(read_only=True)
_UTC_ZONE = zoneinfo.ZoneInfo("UTC")  # the one instance get_current_timezone() returns for UTC


def _when(value: datetime | None, zone: tzinfo | None = None) -> str | None:
    """A datetime as DRF's DateTimeField writes it (ISO 8601 in the current time zone, UTC as
    "Z"). Pass ``zone`` (the current time zone) in loops: looking it up per value cost more
    than the rest of a feed row."""
    if value is None:
        return None
    if value.tzinfo is UTC and zone is _UTC_ZONE:  # as the database reads it, the usual case
        return value.isoformat()[:-6] + "Z"
    if zone is None or timezone.is_naive(value):
        return _DATETIME.to_representation(value)
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _verdict_claim(claim: Claim) -> dict:
    return {
        "id": claim.pk, "text": str(claim.text), "claimant": str(claim.claimant),
        "kind": str(claim.kind), "status": str(claim.status), "score": float(claim.score),
    }  # fmt: skip


def _verdict_article(article: Article) -> dict:
    return {
        "id": article.pk, "url": web_url(article.url),
        "canonical_url": web_url(article.canonical_url),
        "title": str(article.title), "authors": str(article.authors),
        "publisher": str(article.publisher), "published_at": _when(article.published_at),
    }  # fmt: skip


def _cited_source(evidence: Evidence) -> dict:
    source = evidence.source
    return {
        "id": evidence.pk,
        "source": {
            "id": source.pk, "url": str(source.url), "domain": str(source.domain),
            "title": str(source.title), "publisher": str(source.publisher),
            "status": str(source.status), "fetched_at": _when(source.fetched_at),
        },
        "passages": evidence.passages,
        "suggested_stance": str(evidence.suggested_stance),
        "number_check": str(evidence.number_check),
    }  # fmt: skip


class ClaimReviewSerializer(serializers.BaseSerializer):
    """A published verdict as schema.org ClaimReview JSON-LD."""

    def to_representation(self, verdict: Verdict) -> dict:
        return claimreview_builder.claimreview(verdict, self.context["publisher"])


# --- Webhooks ------------------------------------------------------------------------------


class WebhookSubscriptionSerializer(serializers.ModelSerializer):
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookSubscription.Event.choices),
        allow_empty=False,
        max_length=len(WebhookSubscription.Event.choices),
    )
    secret = serializers.CharField(
        write_only=True,
        required=False,
        trim_whitespace=False,  # refused with a reason by webhooks._checked_secret, not trimmed
        min_length=16,
        max_length=128,
        help_text="Signing key; generated (and returned once, on creation) when omitted.",
    )
    url = serializers.CharField(max_length=2000)

    class Meta:
        model = WebhookSubscription
        fields = (
            "id", "url", "events", "active", "secret", "owner", "revision", "created_at",
            "updated_at",
        )  # fmt: skip
        read_only_fields = ("owner", "revision")


class WebhookSubscriptionUpdateSerializer(WebhookSubscriptionSerializer):
    """A change (PUT or PATCH) names the revision it read, even a partial one."""

    revision = RevisionField()

    class Meta(WebhookSubscriptionSerializer.Meta):
        read_only_fields = ("owner",)

    def validate(self, attrs: dict) -> dict:
        if "revision" not in attrs:
            raise serializers.ValidationError({"revision": ["This field is required."]})
        return attrs


class WebhookSubscriptionCreatedSerializer(WebhookSubscriptionSerializer):
    secret = serializers.CharField(read_only=True, help_text="Shown only in this response.")


class WebhookDeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = (
            "id", "event", "payload", "status", "attempts", "response_status", "error",
            "last_attempt_at", "delivered_at", "created_at",
        )  # fmt: skip
