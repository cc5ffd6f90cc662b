"""Keeping verdicts honest: re-fetch the sources published verdicts cite, flag what changed.

Beat runs ``sources_recheck`` every SOURCES_RECHECK_EVERY seconds; it queues a fresh fetch of each
cited source fetched longer ago than VERDICT_SOURCE_RECHECK_AGE. When the new text arrives
(``pipeline.source_rank``), every passage the verdict's evidence showed is looked for in it. A
passage that vanished or changed, or a page that is gone (a non-transient failure such as 404),
sets ``Claim.source_changed`` and stores a SourceChange with the old text (from the snapshot
the evidence was ranked on) beside the new.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from factcheck import queue, review
from factcheck.models import Evidence, Source, SourceChange, SourceSnapshot, Verdict
from factcheck.sources import numbers, ranking

PENDING = (Source.Status.QUEUED, Source.Status.FETCHING)


def sources_recheck() -> list[int]:
    """Queue a re-fetch of stale sources cited by published verdicts; return their ids."""
    cutoff = timezone.now() - timedelta(seconds=settings.VERDICT_SOURCE_RECHECK_AGE)
    stale = (
        Source.objects.filter(
            evidence__verdicts__status=Verdict.Status.PUBLISHED,
            status__in=[Source.Status.FETCHED, Source.Status.FAILED],
        )
        .filter(Q(fetched_at__lt=cutoff) | Q(fetched_at__isnull=True, updated_at__lt=cutoff))
        .values_list("pk", flat=True)
        .distinct()
    )
    return [pk for pk in list(stale) if source_requeue(source_id=pk)]


def source_requeue(*, source_id: int) -> bool:
    """Queue a fetched or failed source for a fresh fetch after commit. False if already pending."""
    requeued = (
        Source.objects.filter(pk=source_id)
        .exclude(status__in=PENDING)
        .update(status=Source.Status.QUEUED, attempts=0, requeues=0, updated_at=timezone.now())
    )
    if requeued:
        queue.source_fetch_enqueue(source_id)
    return bool(requeued)


def cited_evidence(source_id: int):
    """Evidence of the source cited by a published verdict and ranked on some text."""
    return (
        Evidence.objects.filter(source_id=source_id, verdicts__status=Verdict.Status.PUBLISHED)
        .exclude(source_hash="")
        .select_related("claim")
        .distinct()
    )


def evidence_compare(
    *, evidence: Evidence, new_text: str, new_hash: str, bands: numbers.Bands
) -> SourceChange | None:
    """Record a change when a passage the evidence showed is no longer in the source's text;
    ``bands`` are the number check's (``pipeline.number_bands()``)."""
    if new_hash == evidence.source_hash:
        return None
    haystack = _squeezed(new_text)
    vanished = [p for p in evidence.passages if _squeezed(p.get("text", "")) not in haystack]
    if not vanished:
        return None
    best = ranking.rank_passages(evidence.claim.text, new_text, top_k=1, tolerance=bands)
    reason = f"{len(vanished)} of the {len(evidence.passages)} cited passages changed or vanished."
    return source_change_record(
        evidence=evidence,
        old_text=_old_text(evidence, vanished),
        new_text=best[0].text if best else "",
        new_hash=new_hash,
        reason=reason,
    )


def source_gone(*, source_id: int, reason: str) -> list[SourceChange]:
    """Flag every published verdict's evidence from a source that can no longer be fetched."""
    return [
        change
        for evidence in cited_evidence(source_id)
        if (
            change := source_change_record(
                evidence=evidence,
                old_text=_old_text(evidence, evidence.passages),
                new_text="",
                new_hash="",
                reason=f"The page can no longer be fetched: {reason}",
            )
        )
    ]


@transaction.atomic
def source_change_record(
    *, evidence: Evidence, old_text: str, new_text: str, new_hash: str, reason: str
) -> SourceChange | None:
    """Store the change once (per old and new text) and flag the claim; None if already known."""
    change, created = SourceChange.objects.get_or_create(
        evidence=evidence,
        old_hash=evidence.source_hash,
        new_hash=new_hash,
        defaults={
            "claim_id": evidence.claim_id,
            "old_text": old_text,
            "new_text": new_text,
            "reason": reason[:2000],
        },
    )
    if not created:
        return None
    review.claim_source_changed(claim_id=evidence.claim_id)
    return change


def _old_text(evidence: Evidence, passages: list[dict]) -> str:
    """The passages as the snapshot the evidence was ranked on has them (stored text if none)."""
    snapshot = SourceSnapshot.objects.filter(
        source_id=evidence.source_id, content_hash=evidence.source_hash
    ).first()
    texts = [
        snapshot.text[p["start"] : p["end"]] if snapshot and "start" in p else p.get("text", "")
        for p in passages
    ]
    return "\n\n".join(t for t in texts if t)


def _squeezed(text: str) -> str:
    return " ".join(text.split())
