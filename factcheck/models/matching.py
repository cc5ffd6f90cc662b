"""Fact-checks imported from other publishers, their rating mappings, and match suggestions.

Data and invariants only (imported by ``factcheck.models``); the workflow is in
``factcheck.factchecks`` (import) and ``factcheck.checked_before`` (suggestions).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from factcheck.models.articles import Claim
from factcheck.models.base import TimeStamped
from factcheck.models.verdicts import Verdict


class ExternalFactCheck(TimeStamped):
    """Another publisher's ClaimReview, kept as found. Never shown as one of our verdicts."""

    class Origin(models.TextChoices):
        IMPORT = "import", "Imported ClaimReview"
        FACTCHECK_TOOLS = "factcheck_tools", "Google Fact Check Tools"

    url = models.URLField(max_length=2000, unique=True, help_text="The fact-check's page.")
    claim_text = models.TextField(help_text="claimReviewed: the claim as the publisher wrote it.")
    headline = models.TextField(blank=True)
    claimant = models.CharField(max_length=300, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    publisher_url = models.URLField(max_length=2000, blank=True)
    rating_text = models.CharField(
        max_length=300, blank=True, help_text="reviewRating.alternateName, verbatim."
    )
    rating_value = models.FloatField(null=True, blank=True)
    best_rating = models.FloatField(null=True, blank=True)
    worst_rating = models.FloatField(null=True, blank=True)
    rating = models.CharField(
        max_length=12,
        choices=Verdict.Rating.choices,
        blank=True,
        help_text="On our scale; empty when no mapping or scale says which.",
    )
    rating_unmapped = models.BooleanField(
        default=False, db_index=True, help_text="No mapping knew this rating: kept verbatim."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.IMPORT)
    claimreview = models.JSONField(default=dict, help_text="The ClaimReview block as found.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "imported fact-check"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.publisher or 'Unknown publisher'}: {self.claim_text[:70]}"


class RatingMapping(TimeStamped):
    """An editable rule: this publisher's textual rating means this rating on our scale.

    An empty publisher applies to every publisher that has no rule of its own.
    """

    publisher = models.CharField(max_length=300, blank=True)
    alternate_name = models.CharField(
        max_length=300, help_text="The publisher's rating text, compared without case."
    )
    rating = models.CharField(max_length=12, choices=Verdict.Rating.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["publisher", "alternate_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "alternate_name"], name="rating_mapping_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.publisher or 'any publisher'}: {self.alternate_name} -> {self.rating}"


class MatchSuggestion(TimeStamped):
    """A claim that may have been checked before: an earlier claim, our verdict or another's."""

    class Kind(models.TextChoices):
        CLAIM = "claim", "Earlier claim"
        VERDICT = "verdict", "Published verdict"
        EXTERNAL = "external", "Other publisher's fact-check"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="match_suggestions")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    matched_claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="matched_by"
    )
    verdict = models.ForeignKey(
        Verdict, null=True, blank=True, on_delete=models.CASCADE, related_name="matched_by"
    )
    external = models.ForeignKey(
        ExternalFactCheck,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="matched_by",
    )
    score = models.FloatField()
    same_claim = models.BooleanField(default=False)
    numbers_agree = models.BooleanField(default=True)
    entities_agree = models.BooleanField(default=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="match_decisions",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    applied_verdict = models.ForeignKey(
        Verdict, null=True, blank=True, on_delete=models.SET_NULL, related_name="applied_from"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="match_score_range"
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="claim", matched_claim__isnull=False, verdict__isnull=True)
                    | Q(kind="verdict", verdict__isnull=False, matched_claim__isnull=True)
                    | Q(kind="external", external__isnull=False, verdict__isnull=True)
                ),
                name="match_target_of_kind",
            ),
            models.UniqueConstraint(
                fields=["claim", "matched_claim"],
                condition=Q(kind="claim"),
                name="match_unique_claim",
            ),
            models.UniqueConstraint(
                fields=["claim", "verdict"],
                condition=Q(kind="verdict"),
                name="match_unique_verdict",
            ),
            models.UniqueConstraint(
                fields=["claim", "external"],
                condition=Q(kind="external"),
                name="match_unique_external",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for claim {self.claim_id} ({self.score:.2f})"


class ArticleFingerprint(models.Model):
    """An article's MinHash signature and, for a near-duplicate text, the earlier article."""

    article = models.OneToOneField(
        "factcheck.Article", on_delete=models.CASCADE, related_name="fingerprint"
    )
    signature = models.BinaryField(help_text="MinHash hash values (datasketch), as uint64 bytes.")
    duplicate_of = models.ForeignKey(
        "factcheck.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="near_duplicates",
    )
    similarity = models.FloatField(null=True, blank=True, help_text="Estimated Jaccard similarity.")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Fingerprint of article {self.article_id}"
