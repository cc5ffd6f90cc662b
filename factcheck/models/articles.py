"""Articles as received and the claims born in them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from factcheck.models.base import TimeStamped


class Article(TimeStamped):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        FETCHING = "fetching", "Fetching"
        EXTRACTED = "extracted", "Extracted"
        FAILED = "failed", "Failed"

    class Origin(models.TextChoices):
        URL = "url", "URL"
        TEXT = "text", "Pasted text"
        HTML = "html", "Pasted HTML"
        FILE = "file", "File"

    url = models.URLField("source URL", max_length=2000, blank=True)
    canonical_url = models.URLField(max_length=2000, blank=True)
    origin = models.CharField(max_length=8, choices=Origin.choices, default=Origin.URL)
    title = models.CharField(max_length=500, blank=True)
    authors = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_offset = models.CharField(
        max_length=6, blank=True, help_text="The UTC offset the date was given in, e.g. -05:00."
    )
    language = models.CharField(max_length=16, blank=True)
    body = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    failure_reason = models.TextField(blank=True)
    requeues = models.PositiveIntegerField(
        default=0, editable=False, help_text="Times the reconciler queued its work again."
    )
    # The main text's outbound links, worked out once at extraction: [[url, link text, paragraph
    # text], …] (``extraction.links``; none for pasted text). None for an article extracted
    # before links were kept: the article-links provider then reads its raw page.
    links = models.JSONField(null=True, blank=True, default=None, editable=False)
    history = HistoricalRecords(excluded_fields=["body", "links"])

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"], name="article_status_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_unique_url"
            ),
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~Q(content_hash=""),
                name="article_unique_content",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.pk}"


class ArticleRaw(models.Model):
    """The document as received, kept for provenance; never loaded by list views."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="raw")
    content = models.TextField()
    content_type = models.CharField(max_length=100, blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    final_url = models.URLField(max_length=2000, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Raw document of article {self.article_id}"


class Tag(models.Model):
    name = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Claim(TimeStamped):
    class Kind(models.TextChoices):
        STATISTIC = "statistic", "Statistic"
        QUOTE = "quote", "Quote"
        EVENT = "event", "Event"
        FACT = "fact", "Fact"
        OTHER = "other", "Other"

    class ClaimantType(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        UNKNOWN = "unknown", "Unknown"

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "In review"
        VERIFIED = "verified", "Verified"
        DISPUTED = "disputed", "Disputed"
        UNVERIFIABLE = "unverifiable", "Unverifiable"
        DISMISSED = "dismissed", "Dismissed"

    OPEN_STATUSES = (Status.NEW, Status.IN_REVIEW)
    SLUG_WORDS = 10

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    score = models.FloatField(db_index=True)
    claimant = models.CharField(max_length=300, blank=True)
    claimant_type = models.CharField(
        max_length=12, choices=ClaimantType.choices, default=ClaimantType.UNKNOWN
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OTHER)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
    )
    dismiss_reason = models.TextField(blank=True)
    sources_searched_at = models.DateTimeField(
        null=True, blank=True, help_text="When the providers were last asked for sources."
    )
    search_requeues = models.PositiveIntegerField(
        default=0, editable=False, help_text="Times the reconciler queued its search again."
    )
    source_changed = models.BooleanField(
        default=False, help_text="A source cited by the published verdict changed or vanished."
    )
    source_search = models.JSONField(
        default=list,
        blank=True,
        help_text="The last search for sources: each provider asked, what it found or why not.",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="claims")
    revision = models.PositiveIntegerField(
        default=1, help_text="Bumped on every write; a stale revision means someone else saved."
    )
    history = HistoricalRecords(m2m_fields=[tags])

    class Meta:
        ordering = ["-score", "created_at"]
        indexes = [
            models.Index(fields=["status", "-score", "created_at"], name="claim_queue_idx"),
            models.Index(fields=["article", "start"], name="claim_article_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="claim_unique_span"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="claim_score_range"
            ),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="claim_span"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def slug(self) -> str:
        """A short, stable slug from the first words of the text ("un-says-more-than-900000")."""
        words = self.text.split()[: self.SLUG_WORDS]
        return slugify(" ".join(words))[:80].rstrip("-") or "claim"


class ClaimNote(models.Model):
    """An internal note on a claim; never published."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:80]
