"""Editors' decisions on "checked before?" suggestions: confirm, reject, apply a verdict.

Every decision is recorded with who and when (and the suggestion's history). Applying a confirmed
match to one of our published verdicts drafts a new verdict on the new claim that cites the
original and its evidence; it is published like any other draft, by a second (senior) editor.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from factcheck import review
from factcheck.claimreview import publisher_from_settings, verdict_url
from factcheck.models import Evidence, MatchSuggestion, Verdict


def _decide(suggestion: MatchSuggestion, actor: User, status: str) -> MatchSuggestion:
    review._require_can(actor, "triage", "Only editors confirm or reject matches.")
    suggestion = MatchSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    suggestion.status, suggestion.decided_by = status, actor
    suggestion.decided_at = timezone.now()
    suggestion._history_user = actor
    suggestion.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return suggestion


@transaction.atomic
def match_confirm(*, suggestion: MatchSuggestion, actor: User) -> MatchSuggestion:
    """The claims are the same: recorded with who and when (a later decision replaces it)."""
    return _decide(suggestion, actor, MatchSuggestion.Status.CONFIRMED)


@transaction.atomic
def match_reject(*, suggestion: MatchSuggestion, actor: User) -> MatchSuggestion:
    """The claims differ: recorded with who and when (a later decision replaces it)."""
    return _decide(suggestion, actor, MatchSuggestion.Status.REJECTED)


@transaction.atomic
def match_apply_verdict(*, suggestion: MatchSuggestion, actor: User) -> Verdict:
    """Draft a verdict on the suggestion's claim from the confirmed, still published verdict it
    matched: same rating, a summary citing the original, the original's cited sources as evidence.
    The draft is then published through review.verdict_publish (a second editor signs off)."""
    suggestion = MatchSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    review._require(suggestion.kind == MatchSuggestion.Kind.VERDICT, "Only our verdicts apply.")
    review._require(
        suggestion.status == MatchSuggestion.Status.CONFIRMED, "Confirm the match before applying."
    )
    original = Verdict.objects.select_related("claim").get(pk=suggestion.verdict_id)
    review._require(
        original.status == Verdict.Status.PUBLISHED and original.is_current,
        "The matched verdict is no longer the published one; match the correction instead.",
    )
    draft = review.verdict_draft(
        claim=suggestion.claim,
        actor=actor,
        rating=original.rating,
        summary=_citing_summary(original),
        cited_evidence=_evidence_from(original, suggestion.claim_id, actor),
    )
    suggestion.applied_verdict, suggestion._history_user = draft, actor
    suggestion.save(update_fields=["applied_verdict", "updated_at"])
    return draft


def _citing_summary(original: Verdict) -> str:
    url = verdict_url(original, publisher_from_settings())
    return (
        f"{original.summary}\n\nThe same claim was checked in our verdict #{original.pk} "
        f"(published {original.published_at:%Y-%m-%d}): {url}"
    )


def _evidence_from(original: Verdict, claim_id: int, actor: User) -> list[Evidence]:
    cited = []
    for evidence in original.cited_evidence.select_related("source"):
        copy, _ = Evidence.objects.get_or_create(
            claim_id=claim_id,
            source=evidence.source,
            defaults={
                "provider": evidence.provider,
                "snippet": f"Cited by verdict #{original.pk}. {evidence.snippet}"[:5000],
                "passages": evidence.passages,
                "score": evidence.score,
                "suggested_stance": evidence.suggested_stance,
                "number_check": evidence.number_check,
                "source_hash": evidence.source_hash,
                "cited": True,
                "added_by": actor,
            },
        )
        cited.append(copy)
    return cited


@dataclass(frozen=True)
class ThresholdPrecision:
    threshold: float
    decided: int
    confirmed: int

    @property
    def precision(self) -> float | None:
        return self.confirmed / self.decided if self.decided else None


def precision_by_threshold(thresholds: tuple[float, ...] | None = None) -> list[ThresholdPrecision]:
    """Of the decided suggestions scoring at least each threshold, the share editors confirmed."""
    steps = thresholds or tuple(
        sorted({0.5, 0.6, 0.7, 0.8, 0.9, settings.MATCH_SUGGEST_THRESHOLD,
                settings.MATCH_SAME_CLAIM_THRESHOLD})
    )  # fmt: skip
    decided = MatchSuggestion.objects.exclude(status=MatchSuggestion.Status.PENDING)
    counts = decided.aggregate(
        **{f"d{i}": Count("pk", filter=Q(score__gte=t)) for i, t in enumerate(steps)},
        **{
            f"c{i}": Count("pk", filter=Q(score__gte=t, status=MatchSuggestion.Status.CONFIRMED))
            for i, t in enumerate(steps)
        },
    )
    return [ThresholdPrecision(t, counts[f"d{i}"], counts[f"c{i}"]) for i, t in enumerate(steps)]
