"""Verdicts: drafted, published, corrected; each version kept."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from factcheck.models.articles import Claim
from factcheck.models.base import TimeStamped
from factcheck.models.sources import Evidence


class Verdict(TimeStamped):
    class Rating(models.TextChoices):
        TRUE = "true", "True"
        MOSTLY_TRUE = "mostly_true", "Mostly true"
        MIXED = "mixed", "Mixed"
        MOSTLY_FALSE = "mostly_false", "Mostly false"
        FALSE = "false", "False"
        MISLEADING = "misleading", "Misleading"
        UNVERIFIABLE = "unverifiable", "Unverifiable"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded by a correction"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    version = models.PositiveIntegerField(default=1)
    rating = models.CharField(max_length=12, choices=Rating.choices)
    summary = models.TextField()
    claim_reviewed = models.CharField(
        max_length=200,
        blank=True,
        help_text="A short wording of the claim for ClaimReview (75 characters or fewer).",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_current = models.BooleanField(default=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="drafted_verdicts"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_verdicts",
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    correction_note = models.TextField(blank=True)
    unfetched_citation_reason = models.TextField(
        blank=True,
        help_text="Why a senior editor published although no cited source was fetched.",
    )
    cited_evidence = models.ManyToManyField(Evidence, blank=True, related_name="verdicts")
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[cited_evidence])

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("publish_verdict", "Can approve and publish verdicts"),
            ("correct_verdict", "Can issue corrections to published verdicts"),
        ]
        indexes = [
            models.Index(fields=["status", "updated_at"], name="verdict_feed_idx"),
            # The API's cursor feed: newest change first, ties broken by id.
            models.Index(fields=["status", "-updated_at", "-id"], name="verdict_feed_order_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"], condition=Q(is_current=True), name="verdict_one_current"
            ),
            models.UniqueConstraint(fields=["claim", "version"], name="verdict_unique_version"),
            models.UniqueConstraint(
                fields=["claim"], condition=Q(status="draft"), name="verdict_one_draft"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} (v{self.version}) for claim {self.claim_id}"
