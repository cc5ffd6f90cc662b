"""Articles, claims, sources, evidence and verdicts: data and invariants only.

Workflow lives in plain modules (``ingest``, ``review``, ``sources``); nothing here has side
effects in ``save()`` or signals.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from simple_history.models import HistoricalRecords


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


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
        WITHDRAWN = "withdrawn", "Withdrawn draft"

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


# Imported fact-checks, rating mappings, match suggestions and article fingerprints.
from factcheck.models_matching import (  # noqa: E402, F401
    ArticleFingerprint,
    ExternalFactCheck,
    MatchSuggestion,
    RatingMapping,
)
