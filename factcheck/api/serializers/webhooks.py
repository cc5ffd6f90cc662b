"""Webhook subscriptions in and out, and their delivery log."""

from rest_framework import serializers

from factcheck.api.serializers.base import RevisionField
from factcheck.models import WebhookDelivery, WebhookSubscription


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
