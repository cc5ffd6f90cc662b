"""Evidence for claims: find candidate sources, fetch each source once, rank it for every claim.

The flow, one Celery task per step (see ``factcheck.tasks``):

    claim_find_sources ──▶ evidence rows + one Source per normalised URL
    source_fetch (fetch queue) ──▶ SourceDocument, status "fetched" or "failed" with a reason
    source_rank (analyse queue) ──▶ main text, SourceSnapshot, passages and number checks

A source cited by many claims is fetched once; it is fetched again only when older than
SOURCE_REFETCH_AGE. Evidence cited by a published verdict is never re-ranked: a changed page is
recorded beside it instead (``recheck``), so the verdict's evidence reads as it did.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from factcheck import extraction, http, queue, review
from factcheck.errors import InputRefused, TransientFailure
from factcheck.http import backoff, netsafety
from factcheck.models import Claim, Evidence, Source, SourceDocument, SourceSnapshot, Verdict
from factcheck.redact import redact
from factcheck.sources import numbers, ranking, recheck
from factcheck.sources.domains import registered_domain
from factcheck.sources.providers import Candidate, search

logger = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PENDING = (Source.Status.QUEUED, Source.Status.FETCHING)


def source_policy() -> http.FetchPolicy:
    """Evidence pages: HTML, plain text or PDF up to SOURCE_MAX_BYTES, robots.txt, host spacing."""
    return http.configured_policy(
        max_bytes=settings.SOURCE_MAX_BYTES,
        respect_robots=settings.SOURCE_RESPECT_ROBOTS,
        per_host_interval=settings.FETCH_PER_HOST_INTERVAL,
        trusted_origins=frozenset(settings.FETCH_TRUSTED_ORIGINS),
    )


def retry_delay(retries: int, retry_after: float | None = None) -> float:
    """Seconds before attempt retries+2: exponential with jitter, never before Retry-After.

    Both are capped at SOURCE_RETRY_MAX_DELAY, so a server asking for a day waits the cap.
    """
    return backoff.retry_delay(
        retries,
        base=settings.SOURCE_RETRY_BASE_DELAY,
        cap=settings.SOURCE_RETRY_MAX_DELAY,
        at_least=retry_after or 0.0,
    )


# --- Finding ----------------------------------------------------------------------------------


def claim_find_sources(*, claim_id: int) -> list[Evidence]:
    """Ask every enabled provider for candidates and store them as evidence. Safe to run twice.

    No transaction is held while the providers are asked (they are HTTP calls).
    """
    claim = Claim.objects.select_related("article").filter(pk=claim_id).first()
    if claim is None:
        return []  # deleted since the task was queued
    candidates, report = search(claim)
    try:
        added = evidence_add_many(claim=claim, candidates=candidates)
    except IntegrityError:  # a source or evidence row stored meanwhile by another worker
        added = [e for c in candidates if (e := _evidence_from_candidate(claim, c)) is not None]
    Claim.objects.filter(pk=claim_id).update(
        sources_searched_at=timezone.now(), source_search=report
    )
    evidence_rank_ready(evidence=added)
    return added


def evidence_rank_ready(*, evidence: list[Evidence]) -> None:
    """Rank, now, the unranked evidence whose source's text is ready (fetched, fresh, extracted
    from its last fetch): a source cited again needs no ranking task of its own (the default
    pipeline cites its 40 bench sources thousands of times). Called after commit."""
    unranked = [e for e in evidence if not e.source_hash]
    ready = _ready_texts({e.source_id for e in unranked})
    _ranked_store(
        [_rank(item, *ready[item.source_id]) for item in unranked if item.source_id in ready]
    )


def _ranked_store(ranked: list[Evidence]) -> None:
    """Write ranked evidence (`_rank`) in one transaction, an UPDATE a row (bulk_update's CASE
    expressions cost more than that), and one insert of history rows for them all."""
    if ranked:
        with transaction.atomic():
            for evidence in ranked:
                fields = {name: getattr(evidence, name) for name in (*RANKED_FIELDS, "updated_at")}
                Evidence.objects.filter(pk=evidence.pk).update(**fields)
            Evidence.history.bulk_history_create(ranked, update=True, batch_size=500)


def _ready_texts(source_ids: set[int]) -> dict[int, tuple[str, str]]:
    """source id: (text, hash) of those sources whose stored text may be ranked against as it is."""
    stale = timezone.now() - timedelta(seconds=settings.SOURCE_REFETCH_AGE)
    sources = (
        Source.objects.filter(
            pk__in=source_ids, status=Source.Status.FETCHED, fetched_at__gte=stale
        )
        .exclude(content_hash="")
        .values_list("pk", "text", "content_hash", "fetched_at")
    )
    rows = {pk: (text, digest, fetched_at) for pk, text, digest, fetched_at in sources}
    current = set(
        SourceSnapshot.objects.filter(
            source_id__in=rows, content_hash__in={digest for _, digest, _ in rows.values()}
        ).values_list("source_id", "content_hash", "fetched_at")
    )
    return {
        pk: (text, digest)
        for pk, (text, digest, fetched_at) in rows.items()
        if (pk, digest, fetched_at) in current
    }


def _evidence_from_candidate(claim: Claim, candidate: Candidate) -> Evidence | None:
    try:
        return evidence_add(
            claim=claim,
            url=candidate.url,
            provider=candidate.provider,
            title=candidate.title,
            snippet=candidate.snippet,
            external_rating=candidate.external_rating,
            external_publisher=candidate.external_publisher,
        )
    except InputRefused as exc:
        logger.info("Skipped %s for claim %s: %s", redact(candidate.url), claim.pk, exc)
        return None


@transaction.atomic
def evidence_add(
    *,
    claim: Claim,
    url: str,
    provider: str = Evidence.Provider.EDITOR,
    actor: review.User | None = None,
    title: str = "",
    snippet: str = "",
    external_rating: str = "",
    external_publisher: str = "",
) -> Evidence:
    """The one way a source is added to a claim: by a provider's search, or by an editor
    (``actor``: they must hold "add_source" and the claim be open). One evidence row for (claim,
    source of url); a URL already attached returns its evidence. Queues the fetch or ranking
    after commit. Raises InputRefused (field "url") for a URL that cannot be fetched."""
    if actor is not None:
        url = review.evidence_add_check(claim=claim, actor=actor, url=url)
    source, new_source = source_get_or_create(url=url, title=title)
    evidence, created = Evidence.objects.get_or_create(
        claim=claim,
        source=source,
        defaults={
            "provider": provider,
            "snippet": snippet[:5000],
            "external_rating": external_rating[:200],
            "external_publisher": external_publisher[:300],
            "added_by": actor,
        },
    )
    if new_source:
        queue.source_fetch_enqueue(source.pk)
    elif created:
        source_schedule(source=source)
    return evidence


@transaction.atomic
def evidence_add_many(*, claim: Claim, candidates: list[Candidate]) -> list[Evidence]:
    """`evidence_add` for a provider search's candidates, in one batch: one query for their
    sources and one for the claim's evidence, one insert of the new sources, one of the new
    evidence rows and one of their history rows; each source's fetch or ranking queued once,
    except for sources whose text is ready: the caller ranks those (`evidence_rank_ready`).

    A URL that cannot be fetched is skipped (logged). Raises IntegrityError, having stored
    nothing, when another worker stored one of the rows meanwhile (the caller adds one by one).
    """
    wanted: dict[str, Candidate] = {}
    for candidate in candidates:
        try:
            wanted.setdefault(_normalised_source_url(candidate.url), candidate)
        except InputRefused as exc:
            logger.info("Skipped %s for claim %s: %s", redact(candidate.url), claim.pk, exc)
    sources = {s.url: s for s in Source.objects.filter(url__in=list(wanted))}
    new_sources = Source.objects.bulk_create(
        [
            Source(url=url, domain=registered_domain(url)[:255], title=c.title[:500])
            for url, c in wanted.items()
            if url not in sources
        ]
    )
    sources.update((s.url, s) for s in new_sources)
    existing = {
        e.source_id: e for e in Evidence.objects.filter(claim=claim, source__in=sources.values())
    }
    new_evidence = bulk_create_with_history(
        [
            Evidence(
                claim=claim,
                source=sources[url],
                provider=c.provider,
                snippet=c.snippet[:5000],
                external_rating=c.external_rating[:200],
                external_publisher=c.external_publisher[:300],
            )
            for url, c in wanted.items()
            if sources[url].pk not in existing
        ],
        Evidence,
    )
    for source in new_sources:
        queue.source_fetch_enqueue(source.pk)
    cited_again = {e.source_id for e in new_evidence} - {s.pk for s in new_sources}
    ready = _ready_texts(cited_again)  # ranked by the caller after commit (evidence_rank_ready)
    for evidence in new_evidence:
        if evidence.source_id in cited_again and evidence.source_id not in ready:
            source_schedule(source=evidence.source)
    existing.update((e.source_id, e) for e in new_evidence)
    return [existing[sources[url].pk] for url in wanted]


def _normalised_source_url(url: str) -> str:
    try:
        normalised = netsafety.normalise_url(url.strip())
    except netsafety.RefusedURL as exc:
        raise InputRefused(exc.reason) from exc
    if len(normalised) > 2000:
        raise InputRefused("The link is longer than 2,000 characters.")
    return normalised


def source_get_or_create(*, url: str, title: str = "") -> tuple[Source, bool]:
    """(the one Source for a URL's normalised form, created). Raises InputRefused for a URL we
    cannot fetch."""
    normalised = _normalised_source_url(url)
    defaults = {"domain": registered_domain(normalised)[:255], "title": title[:500]}
    try:
        with transaction.atomic():
            return Source.objects.get_or_create(url=normalised, defaults=defaults)
    except IntegrityError:
        # Another worker stored the same URL at the same moment: that row is the source.
        return Source.objects.get(url=normalised), False


def source_schedule(*, source: Source) -> None:
    """Make sure a source will be (re)fetched or ranked, once the caller's transaction commits."""
    stale = timezone.now() - timedelta(seconds=settings.SOURCE_REFETCH_AGE)
    if source.status in PENDING:
        return  # the pending fetch ends in a ranking of every claim citing the source
    requeued = (
        Source.objects.filter(pk=source.pk)
        .filter(
            Q(status=Source.Status.FAILED, updated_at__lt=stale)
            | Q(status=Source.Status.FETCHED, fetched_at__lt=stale)
        )
        .update(status=Source.Status.QUEUED, attempts=0, requeues=0, updated_at=timezone.now())
    )
    if requeued:
        queue.source_fetch_enqueue(source.pk)
    elif source.status == Source.Status.FETCHED:
        queue.source_rank_enqueue(source.pk)


# --- Fetching ---------------------------------------------------------------------------------


def source_fetch(*, source_id: int, final_attempt: bool = True) -> bool:
    """Fetch a queued source, keep the document and queue its ranking. True when it is ready to
    rank.

    Raises TransientFailure when the fetch may succeed later and this is not the final
    attempt. A redelivered task (worker lost mid-fetch) finds the source "fetching" and fetches
    again; the conditional updates make sure only one result is stored.
    """
    started = Source.objects.filter(pk=source_id, status__in=PENDING).update(
        status=Source.Status.FETCHING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    if not started:
        return False
    url, attempts = Source.objects.values_list("url", "attempts").get(pk=source_id)
    # Counted on the row: a fetch queued again by the reconciler starts Celery's count afresh.
    final_attempt = final_attempt or attempts >= settings.SOURCE_FETCH_MAX_ATTEMPTS
    # No transaction or row lock is held across the HTTP call.
    try:
        result = http.fetch(url, policy=source_policy())
    except http.FetchError as exc:
        if exc.transient and not final_attempt:
            _note_attempt(source_id, exc)
            raise TransientFailure(exc.reason, exc.retry_after) from exc
        source_fail(source_id=source_id, reason=exc.reason, status=exc.status)
        if not exc.transient:
            recheck.source_gone(source_id=source_id, reason=exc.reason)
        return False
    return _store_document(source_id, result)


def _note_attempt(source_id: int, exc: http.FetchError) -> None:
    """Keep the latest transient reason visible while the retry waits."""
    Source.objects.filter(pk=source_id, status=Source.Status.FETCHING).update(
        failure_reason=f"Retrying: {exc.reason}"[:2000],
        http_status=exc.status,
        updated_at=timezone.now(),  # the reconciler's clock starts again from this attempt
    )


def _store_document(source_id: int, result: http.FetchResult) -> bool:
    with transaction.atomic():
        stored = Source.objects.filter(pk=source_id, status=Source.Status.FETCHING).update(
            status=Source.Status.FETCHED,
            failure_reason="",
            http_status=result.status,
            content_type=result.content_type[:100],
            fetched_at=result.fetched_at,
            updated_at=timezone.now(),
        )
        if stored:
            # One INSERT … ON CONFLICT: update_or_create took five statements and two savepoints.
            SourceDocument.objects.bulk_create(
                [
                    SourceDocument(
                        source_id=source_id,
                        content=result.text,
                        content_type=result.content_type[:100],
                        final_url=result.url[:2000],
                        fetched_at=result.fetched_at,
                    )
                ],
                update_conflicts=True,
                unique_fields=["source"],
                update_fields=["content", "content_type", "final_url", "fetched_at"],
            )
            queue.source_rank_enqueue(source_id)
    return bool(stored)


def source_fail(*, source_id: int, reason: str, status: int | None = None) -> None:
    """Mark one source failed with a reason an editor can read."""
    Source.objects.filter(pk=source_id).exclude(status=Source.Status.FETCHED).update(
        status=Source.Status.FAILED,
        failure_reason=reason[:2000],
        http_status=status,
        updated_at=timezone.now(),
    )


def source_text_fail(*, source_id: int, reason: str) -> None:
    """Mark a fetched source failed because its text cannot be used (none, or ranking crashed);
    ``updated_at`` moves, so the refetch rule (SOURCE_REFETCH_AGE) counts from now."""
    Source.objects.filter(pk=source_id, status=Source.Status.FETCHED).update(
        status=Source.Status.FAILED, failure_reason=reason[:2000], updated_at=timezone.now()
    )


# --- Ranking ----------------------------------------------------------------------------------


def source_rank(*, source_id: int) -> None:
    """Extract a fetched source's main text, snapshot it, and rank it for every citing claim."""
    source = Source.objects.select_related("document").filter(pk=source_id).first()
    document = getattr(source, "document", None)
    if source is None or source.status != Source.Status.FETCHED or document is None:
        return
    if _text_is_current(source):  # extracted once per fetched document, not once a ranking
        text, digest = source.text, source.content_hash
    else:
        text, title, publisher = main_text(document)
        if not text:
            source_text_fail(source_id=source_id, reason="The page has no readable text.")
            return
        digest = source_text_store(source=source, text=text, title=title, publisher=publisher)
    pinned = set(
        Verdict.objects.filter(status=Verdict.Status.PUBLISHED, cited_evidence__source=source)
        .values_list("cited_evidence", flat=True)
        .distinct()
    )
    # Only evidence not ranked against this text yet: a source cited by thousands of claims
    # gets a ranking for each new citing claim, which must not walk all the others again.
    unranked = ~Q(source_hash=digest) | Q(suggested_stance=Evidence.Stance.PENDING)
    ranked = []
    for evidence in source.evidence.filter(unranked).select_related("claim"):
        if evidence.pk in pinned and evidence.source_hash:
            recheck.evidence_compare(
                evidence=evidence, new_text=text, new_hash=digest, bands=number_bands()
            )
        else:
            ranked.append(_rank(evidence, text, digest))
    _ranked_store(ranked)


def _text_is_current(source: Source) -> bool:
    """The source's stored text was extracted from the document fetched last (its snapshot
    carries that fetch's time)."""
    return bool(source.content_hash) and (
        SourceSnapshot.objects.filter(
            source=source, content_hash=source.content_hash, fetched_at=source.fetched_at
        ).exists()
    )


def main_text(document: SourceDocument) -> tuple[str, str, str]:
    """(main text, title, publisher) of a fetched document; plain text and PDF text as they are."""
    if document.content_type in HTML_TYPES:
        article = extraction.extract_from_html(document.content, url=document.final_url or None)
        return article.text.strip(), article.title, article.publisher
    return "\n\n".join(p.strip() for p in document.content.split("\n\n") if p.strip()), "", ""


@transaction.atomic
def source_text_store(*, source: Source, text: str, title: str, publisher: str) -> str:
    """Store the source's current text and a snapshot of it; return its content hash."""
    digest = extraction.content_hash(text)
    SourceSnapshot.objects.get_or_create(
        source=source,
        content_hash=digest,
        defaults={"text": text, "fetched_at": source.fetched_at or timezone.now()},
    )
    Source.objects.filter(pk=source.pk).update(
        text=text,
        content_hash=digest,
        title=title[:500] or source.title,
        publisher=publisher[:300] or source.publisher,
    )
    return digest


RANKED_FIELDS = ("passages", "score", "suggested_stance", "number_check", "source_hash")


def evidence_rank(*, evidence: Evidence, text: str, digest: str) -> Evidence:
    """Rank the source text's passages for the evidence's claim and store the top ones."""
    _rank(evidence, text, digest).save(update_fields=[*RANKED_FIELDS, "updated_at"])
    return evidence


def _rank(evidence: Evidence, text: str, digest: str) -> Evidence:
    """Set the evidence's ranked fields (not saved)."""
    ranked = ranking.rank_passages(evidence.claim.text, text, top_k=3, tolerance=number_bands())
    checks = [p.number_check for p in ranked if p.number_check != "none"]
    evidence.passages = [passage_json(p) for p in ranked]
    evidence.score = round(ranked[0].score, 4) if ranked else 0.0
    evidence.suggested_stance = ranking.suggest_stance(ranked)
    evidence.number_check = checks[0] if checks else Evidence.NumberCheck.NONE
    evidence.source_hash = digest
    evidence.updated_at = timezone.now()
    return evidence


def number_bands() -> numbers.Bands:
    """The number check's agrees/close bands from the NUMBER_* settings."""
    return numbers.Bands(
        relative=settings.NUMBER_TOLERANCE,
        points=settings.NUMBER_POINTS_TOLERANCE,
        close_factor=settings.NUMBER_CLOSE_FACTOR,
    )


def passage_json(passage: ranking.RankedPassage) -> dict:
    """A ranked passage as stored in Evidence.passages, with the number pairs its ranking compared
    (``found_span``: where the passage's figure is in ``text``, for the claim page to mark)."""
    return {
        "text": passage.text,
        "start": passage.start,
        "end": passage.end,
        "score": round(passage.score, 4),
        "number_check": passage.number_check,
        "matched_terms": list(passage.matched_terms),
        "pairs": [
            {
                "claimed": claimed.text,
                "found": found.text,
                "found_span": list(found.span),
                "result": result,
            }
            for claimed, found, result in passage.number_pairs
        ],
    }
