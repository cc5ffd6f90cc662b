"""Where an article comes in and its claims are born: submit → fetch → extract → store claims.

Pasted text, pasted HTML and files (uploaded or local) are extracted at once (in the caller's
process); a URL is queued (``queue.article_fetch_enqueue``), fetched by a worker
(``article_fetch``, which queues its extraction) and extracted by another (``article_extract``,
which queues the claims' searches for sources). Every failure ends on the article as a readable
reason, and ``article_fail`` sends the ``article.failed`` webhook.
"""

import logging
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from factcheck import dates, extraction, http, near_duplicates, queue, webhooks
from factcheck.errors import InputRefused, TransientFailure
from factcheck.http import netsafety
from factcheck.models import Article, ArticleRaw, Claim

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FILE_SUFFIXES = (".txt", ".html", ".htm", ".pdf")
MAX_FILE_BYTES = 10 * 1024 * 1024
PENDING = (Article.Status.QUEUED, Article.Status.FETCHING)
# A queued or fetching article untouched this long (seconds) is sent again when resubmitted: a
# fetch in progress touches it at least every FETCH_TOTAL_TIMEOUT + retry backoff (30 + 60 s).
RESUBMIT_AFTER = 120


def fetch_policy() -> http.FetchPolicy:
    """The article fetch policy: HTML or plain text only, up to ARTICLE_MAX_BYTES."""
    return http.configured_policy(max_bytes=settings.ARTICLE_MAX_BYTES, allowed_types=ARTICLE_TYPES)


# --- Submitting -------------------------------------------------------------------------


def article_submit_url(*, url: str) -> Article:
    """Queue a URL for fetching. The same URL twice is the same article; a failed one is retried,
    and so is one left queued or fetching for RESUBMIT_AFTER seconds (its task was lost).

    Raises InputRefused (nothing stored) for a URL that is malformed or not http(s).
    """
    try:
        normalised = netsafety.normalise_url(url.strip())
    except netsafety.RefusedURL as exc:
        raise InputRefused(str(exc), field="url") from exc
    with transaction.atomic():
        article, created = Article.objects.select_for_update().get_or_create(url=normalised)
        if created:  # a new article is created queued: one write, one history row
            queue.article_fetch_enqueue(article.pk)
        elif article.status == Article.Status.FAILED:
            article.status, article.failure_reason = Article.Status.QUEUED, ""
            article.requeues = 0
            article.save(update_fields=["status", "failure_reason", "requeues", "updated_at"])
            queue.article_fetch_enqueue(article.pk)
        elif article.status in PENDING and article.updated_at < _resubmit_cutoff():
            # Sent again, not reset: a fetch still running somewhere stores one result anyway.
            Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
            queue.article_fetch_enqueue(article.pk)
    return article


def _resubmit_cutoff() -> datetime:
    return timezone.now() - timedelta(seconds=RESUBMIT_AFTER)


@dataclass(frozen=True)
class Metadata:
    """What the person submitting says about pasted text or a file; blank fields are read from
    the document itself where it has them (HTML meta tags, JSON-LD)."""

    title: str = ""
    url: str = ""
    publisher: str = ""
    published_at: datetime | None = None  # timezone-aware


def article_ingest_text(
    *, text: str, title: str = "", url: str = "", meta: Metadata | None = None
) -> Article:
    """Store pasted plain text as an article with its claims. The same text twice is one article."""
    meta = meta or Metadata(title=title, url=url)
    extracted = extraction.extract_from_text(text)
    return _ingest_extracted(extracted, raw=text, origin=Article.Origin.TEXT, meta=meta)


def article_ingest_html(*, html: str, url: str = "", meta: Metadata | None = None) -> Article:
    """Store pasted HTML: its main text (no navigation, bios, comments) and claims."""
    meta = meta or Metadata(url=url)
    extracted = extraction.extract_from_html(html, url=meta.url or None)
    return _ingest_extracted(extracted, raw=html, origin=Article.Origin.HTML, meta=meta)


def article_ingest_upload(*, name: str, content: bytes, meta: Metadata | None = None) -> Article:
    """Store an uploaded .txt, .html or .pdf file (origin ``file``) with its claims."""
    suffix = Path(name).suffix.lower()
    if suffix not in FILE_SUFFIXES:
        raise InputRefused(
            f"Only .txt, .html and .pdf files can be ingested, not {name!r}.", field="file"
        )
    if len(content) > MAX_FILE_BYTES:
        raise InputRefused(f"{name} is larger than 10 MB.", field="file")
    meta = meta or Metadata()
    if suffix == ".pdf":
        text = _pdf_text(content)
        extracted = extraction.extract_from_text(text)
    else:
        text = content.decode("utf-8", errors="replace")
        if suffix == ".txt":
            extracted = extraction.extract_from_text(text)
        else:
            extracted = extraction.extract_from_html(text, url=meta.url or None)
    return _ingest_extracted(extracted, raw=text, origin=Article.Origin.FILE, meta=meta)


def article_ingest_file(*, path: Path) -> Article:
    """Ingest a local .txt, .html or .pdf file."""
    if path.suffix.lower() not in FILE_SUFFIXES:
        raise InputRefused(
            f"Only .txt, .html and .pdf files can be ingested, not {path.name!r}.", field="file"
        )
    if not path.is_file():
        raise InputRefused(f"No such file: {path}.", field="file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputRefused(f"{path.name} is larger than 10 MB.", field="file")
    return article_ingest_upload(name=path.name, content=path.read_bytes())


def article_submit(
    *,
    url: str = "",
    text: str = "",
    html: str = "",
    file: tuple[str, bytes] | None = None,
    meta: Metadata | None = None,
) -> Article:
    """One door for the admin's intake page and the API: exactly one of a URL to fetch, pasted
    text, pasted HTML or a file (name, content). ``meta`` describes pasted text, HTML or a file
    (its ``url`` is where it was published, never fetched)."""
    given = [
        name
        for name, value in (("url", url), ("text", text), ("html", html), ("file", file))
        if value
    ]
    if len(given) != 1:
        raise InputRefused("Give exactly one of a URL, pasted text, pasted HTML or a file.")
    if url:
        return article_submit_url(url=url)
    if text:
        return article_ingest_text(text=text, meta=meta)
    if html:
        return article_ingest_html(html=html, meta=meta)
    return article_ingest_upload(name=file[0], content=file[1], meta=meta)


def _pdf_text(content: bytes) -> str:
    try:
        return http.pdf_text(content)
    except http.UnsupportedContent as exc:
        raise InputRefused(str(exc), field="file") from exc


def _with_meta(
    extracted: extraction.ExtractedArticle, meta: Metadata
) -> extraction.ExtractedArticle:
    """The document's own metadata, overridden by what the submitter typed."""
    given = {
        "title": meta.title.strip(),
        "publisher": meta.publisher.strip(),
        "published_at": meta.published_at,
    }
    return replace(extracted, **{key: value for key, value in given.items() if value})


def _ingest_extracted(
    extracted: extraction.ExtractedArticle, *, raw: str, origin: str, meta: Metadata
) -> Article:
    extracted = _with_meta(extracted, meta)
    if not extracted.text.strip():
        raise InputRefused("No article text could be found in what was given.", field="text")
    digest = extraction.content_hash(extracted.text)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        return existing
    url = _normalised_or_blank(meta.url)
    candidates = claim_candidates(extracted.text)
    try:
        with transaction.atomic():
            article = Article.objects.create(origin=origin, url=url)
            ArticleRaw.objects.create(article=article, content=raw)
            _store(article, extracted, candidates)
    except IntegrityError:
        # Another request stored the same text (or URL) at the same moment: that one wins.
        found = Article.objects.filter(content_hash=digest).first()
        if found is None:
            raise
        return found
    return article


def _normalised_or_blank(url: str) -> str:
    if not url.strip():
        return ""
    try:
        return netsafety.normalise_url(url.strip())
    except netsafety.RefusedURL as exc:
        raise InputRefused(str(exc), field="url") from exc


# --- The worker side ----------------------------------------------------------------------


def article_fetch(*, article_id: int, final_attempt: bool = True) -> bool:
    """Fetch a queued URL article, keep the raw document and queue its extraction. True when it
    is ready to extract.

    Raises TransientFailure when the fetch may succeed later and this is not the final attempt.
    """
    updated = Article.objects.filter(
        pk=article_id, status__in=[Article.Status.QUEUED, Article.Status.FETCHING]
    ).update(status=Article.Status.FETCHING, updated_at=timezone.now())
    if not updated:
        return False
    article = Article.objects.only("url").get(pk=article_id)
    # No transaction or row lock is held across the HTTP call.
    try:
        result = http.fetch(article.url, policy=fetch_policy())
    except http.FetchError as exc:
        if exc.transient and not final_attempt:
            raise TransientFailure(exc.reason, exc.retry_after) from exc
        article_fail(article_id=article_id, reason=exc.reason)
        return False
    # One INSERT … ON CONFLICT statement: a fetch worker's threads share the GIL, and on SQLite
    # a select-then-write transaction kept the one write lock while its thread waited for it.
    raw = ArticleRaw(
        article_id=article_id,
        content=result.text,
        content_type=result.content_type,
        http_status=result.status,
        final_url=result.url,
    )
    ArticleRaw.objects.bulk_create(
        [raw],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["content", "content_type", "http_status", "final_url"],
    )
    queue.article_extract_enqueue(article_id)
    return True


def article_extract(*, article_id: int) -> None:
    """Extract the main text and claims of a fetched article, or mark it failed with the reason."""
    article = Article.objects.select_related("raw").filter(pk=article_id).first()
    if article is None or article.status == Article.Status.EXTRACTED:
        return
    raw = getattr(article, "raw", None)
    if raw is None:
        article_fail(article_id=article_id, reason="Nothing was fetched for this article.")
        return
    try:
        if raw.content_type == "text/plain":
            extracted = extraction.extract_from_text(raw.content)
        else:
            extracted = extraction.extract_from_html(raw.content, url=raw.final_url or article.url)
    except Exception as exc:  # noqa: BLE001 - any parser failure ends as a reason, not a crash
        logger.exception("Extraction failed for article %s", article_id)
        article_fail(article_id=article_id, reason=f"The page could not be read: {exc}.")
        return
    if not extracted.text.strip():
        article_fail(article_id=article_id, reason="The page has no article text to extract.")
        return
    duplicate = (
        Article.objects.filter(content_hash=extraction.content_hash(extracted.text))
        .exclude(pk=article_id)
        .first()
    )
    if duplicate is not None:
        reason = f"Same text as article #{duplicate.pk} ({duplicate.title or duplicate.url})."
        article_fail(article_id=article_id, reason=reason)
        return
    # Sentences are found and scored before the transaction: on SQLite a write transaction
    # holds the database's one write lock, which the fetch worker and the other analyse
    # processes wait for.
    candidates = claim_candidates(extracted.text)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article_id)
        if article.status != Article.Status.EXTRACTED:  # another delivery of this task won
            _store(article, extracted, candidates)


@transaction.atomic
def article_fail(*, article_id: int, reason: str) -> None:
    """Mark one queued or fetching article failed with a reason an editor can read.

    An extracted article stays extracted (its claims exist, whatever failed after them), and one
    already failed keeps its first reason and sends no second ``article.failed`` webhook. The
    webhook's deliveries are recorded in the same transaction: a connection lost before the
    commit loses neither the failure nor its event alone (the article stays pending for the
    reconciler).
    """
    failed = Article.objects.filter(pk=article_id, status__in=PENDING).update(
        status=Article.Status.FAILED, failure_reason=reason[:2000], updated_at=timezone.now()
    )
    if failed:
        webhooks.article_failed(article_id)


def _store(
    article: Article,
    extracted: extraction.ExtractedArticle,
    candidates: list[extraction.ClaimCandidate],
) -> None:
    """Save the extracted fields and create the claims. Caller holds a transaction."""
    article.body = extracted.text
    article.content_hash = extraction.content_hash(extracted.text)
    article.title = extracted.title[:500]
    article.authors = extracted.authors[:500]
    article.publisher = extracted.publisher[:300]
    article.published_at = extracted.published_at
    article.published_offset = dates.offset_text(extracted.published_at)
    article.language = extracted.language[:16]
    article.canonical_url = _canonical_url(article.url, extracted.canonical_url)
    article.links = [[link.url, link.text, link.paragraph] for link in extracted.links]
    article.status, article.failure_reason = Article.Status.EXTRACTED, ""
    article.save()
    claims_create(article=article, candidates=candidates)
    near_duplicates.article_fingerprint(article=article)


def _canonical_url(page_url: str, canonical: str) -> str:
    """The page's canonical link made absolute, kept only when it is an http(s) URL."""
    try:
        canonical = netsafety.web_url(urljoin(page_url or "", canonical or ""))
    except ValueError:  # an unbalanced IPv6 bracket
        return ""
    return canonical if len(canonical) <= 2000 else ""


def claim_candidates(body: str) -> list[extraction.ClaimCandidate]:
    """The check-worthy sentences of `body` to store, a sentence repeated word for word once."""
    candidates = extraction.extract_claims(body, threshold=settings.CHECKWORTHINESS_THRESHOLD)
    first_of_each = {" ".join(c.text.split()).casefold(): c for c in reversed(candidates)}
    return sorted(first_of_each.values(), key=lambda c: c.start)


def claims_create(*, article: Article, candidates: list[extraction.ClaimCandidate]) -> None:
    """Store a claim for every candidate, `claim_candidates(article.body)` (found by the caller
    before its transaction). Safe to run twice."""
    rows = [
        Claim(
            article=article,
            text=candidate.text,
            start=candidate.start,
            end=candidate.end,
            score=round(candidate.score, 4),
            claimant=candidate.claimant[:300],
            claimant_type=candidate.claimant_type,
            kind=candidate.kind,
        )
        for candidate in candidates
    ]
    Claim.objects.bulk_create(rows, ignore_conflicts=True)
    if settings.MATCH_ON_INGEST:
        queue.article_match_enqueue(article.pk)
    if settings.SOURCES_FIND_ON_INGEST:
        unsearched = list(
            article.claims.filter(sources_searched_at__isnull=True)
            .order_by("start")
            .values_list("pk", flat=True)
        )
        for claim_id in unsearched:
            queue.claim_find_sources_enqueue(claim_id)
