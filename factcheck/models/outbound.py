"""What leaves the desk: webhook subscriptions and deliveries, API tokens."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from factcheck.models.base import TimeStamped


class WebhookSubscription(TimeStamped):
    """Where to POST signed event notifications. The URL passed the network-safety checks."""

    class Event(models.TextChoices):
        VERDICT_PUBLISHED = "verdict.published", "Verdict published"
        VERDICT_CORRECTED = "verdict.corrected", "Verdict corrected"
        ARTICLE_FAILED = "article.failed", "Article failed"

    url = models.URLField(max_length=2000)
    secret = models.CharField(max_length=128, help_text="Shared key of the HMAC-SHA256 signature.")
    events = models.JSONField(default=list, help_text="Event names this subscription receives.")
    active = models.BooleanField(default=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="webhook_subscriptions"
    )
    revision = models.PositiveIntegerField(
        default=0, help_text="Bumped by every change; a change must name the revision it read."
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.url


class WebhookDelivery(TimeStamped):
    """One event sent (or being sent) to one subscription, with the outcome of the last attempt."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40, choices=WebhookSubscription.Event.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    requeues = models.PositiveIntegerField(
        default=0, editable=False, help_text="Times the reconciler queued its work again."
    )
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["subscription", "-created_at"], name="delivery_sub_idx")]

    def __str__(self) -> str:
        return f"{self.event} to {self.subscription_id} ({self.status})"


class ApiToken(models.Model):
    """A named API key. Only its SHA-256 digest is stored; the key is shown once, at creation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the key is for, e.g. 'newsroom CMS'.")
    prefix = models.CharField(
        max_length=8, help_text="The key's first characters, to tell keys apart."
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API token"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"], condition=Q(revoked_at=None), name="apitoken_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
