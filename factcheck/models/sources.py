"""Sources fetched for claims, their snapshots and the evidence passages cited."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from factcheck.models.articles import Claim
from factcheck.models.base import TimeStamped


class Source(TimeStamped):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        FETCHING = "fetching", "Fetching"
        FETCHED = "fetched", "Fetched"
        FAILED = "failed", "Failed"

    url = models.URLField(max_length=2000, unique=True, help_text="Normalised URL.")
    domain = models.CharField(max_length=255, db_index=True)
    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    failure_reason = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    requeues = models.PositiveIntegerField(
        default=0, editable=False, help_text="Times the reconciler queued its work again."
    )
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "fetched_at"], name="source_status_idx")]

    def __str__(self) -> str:
        return self.title or self.url


class SourceSnapshot(models.Model):
    """What a source said at one fetch, so a verdict's evidence can always be read as it was."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="snapshots")
    content_hash = models.CharField(max_length=64)
    text = models.TextField()
    fetched_at = models.DateTimeField()

    class Meta:
        ordering = ["-fetched_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "content_hash"], name="snapshot_unique_hash")
        ]

    def __str__(self) -> str:
        return f"{self.source_id} at {self.fetched_at:%Y-%m-%d %H:%M}"


class SourceDocument(models.Model):
    """The last document fetched for a source, as received; the analyse queue extracts it."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="document")
    content = models.TextField()
    content_type = models.CharField(max_length=100, blank=True)
    final_url = models.URLField(max_length=2000, blank=True)
    fetched_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Document of source {self.source_id}"


class Evidence(TimeStamped):
    class Provider(models.TextChoices):
        ARTICLE_LINK = "article_link", "Article link"
        WIKIPEDIA = "wikipedia", "Wikipedia"
        FACTCHECK = "factcheck", "Existing fact-check"
        SEARXNG = "searxng", "Web search"
        EDITOR = "editor", "Editor"

    class Stance(models.TextChoices):
        PENDING = "pending", "Not ranked yet"
        SUPPORTS = "supports", "Supports"
        CONFLICTS = "conflicts", "Conflicts"
        RELATED = "related", "Related"

    class NumberCheck(models.TextChoices):
        NONE = "none", "No numbers to compare"
        AGREES = "agrees", "Agrees"
        CLOSE = "close", "Close"
        CONFLICTS = "conflicts", "Conflicts"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="evidence")
    provider = models.CharField(max_length=12, choices=Provider.choices)
    snippet = models.TextField(blank=True, help_text="What the provider said about the source.")
    passages = models.JSONField(default=list, blank=True)
    score = models.FloatField(default=0)
    suggested_stance = models.CharField(
        max_length=10, choices=Stance.choices, default=Stance.PENDING
    )
    number_check = models.CharField(
        max_length=10, choices=NumberCheck.choices, default=NumberCheck.NONE
    )
    external_rating = models.CharField(
        max_length=200, blank=True, help_text="An existing fact-check's textual rating."
    )
    external_publisher = models.CharField(max_length=300, blank=True)
    source_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="Content hash of the source text the passages came from.",
    )
    cited = models.BooleanField(default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-score"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["claim", "source"], name="evidence_unique_source")
        ]

    def __str__(self) -> str:
        return f"{self.source} for claim {self.claim_id}"


class SourceChange(models.Model):
    """A cited passage that changed or vanished after the verdict: old and new text side by side."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="source_changes")
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="changes")
    old_hash = models.CharField(max_length=64, help_text="Source text hash the verdict cited.")
    new_hash = models.CharField(max_length=64, blank=True, help_text="Blank when the page is gone.")
    old_text = models.TextField()
    new_text = models.TextField(blank=True)
    reason = models.TextField()
    detected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-detected_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["evidence", "old_hash", "new_hash"], name="source_change_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Source change for claim {self.claim_id}"
