"""Articles out (list, detail with its claims) and in (a URL, text or HTML)."""

from django.conf import settings
from rest_framework import serializers
from rest_framework.reverse import reverse

from factcheck.api.serializers.base import OffsetDateTimeField, WebURLField
from factcheck.models import Article, Claim


class ClaimBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Claim
        fields = (
            "id",
            "text",
            "start",
            "end",
            "score",
            "claimant",
            "claimant_type",
            "kind",
            "status",
        )


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
