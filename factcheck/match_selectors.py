"""Reads for "checked before?": the review queue's column and filter, the claim page's panel."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf

from factcheck.models import Claim, MatchSuggestion


def _best() -> QuerySet[MatchSuggestion]:
    return (
        MatchSuggestion.objects.filter(claim=OuterRef("pk"))
        .exclude(status=MatchSuggestion.Status.REJECTED)
        .order_by("-score", "pk")
    )


def with_checked_before(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Annotate each claim with its best not-rejected suggestion (subqueries: no extra query)."""
    best = _best().annotate(
        target_text=Coalesce("verdict__claim__text", "external__claim_text", "matched_claim__text"),
        target_rating=Coalesce(
            NullIf("verdict__rating", Value("")),
            NullIf("external__rating", Value("")),
            NullIf("external__rating_text", Value("")),
            output_field=CharField(),
        ),
        target_published=Coalesce("verdict__published_at", "external__published_at"),
    )
    return claims.annotate(
        checked_score=Subquery(best.values("score")[:1]),
        checked_kind=Subquery(best.values("kind")[:1]),
        checked_text=Subquery(best.values("target_text")[:1]),
        checked_rating=Subquery(best.values("target_rating")[:1]),
        checked_published=Subquery(best.values("target_published")[:1]),
    )


def checked_before_filter(claims: QuerySet[Claim], value: str) -> QuerySet[Claim]:
    """ "yes": a suggestion not rejected; "confirmed": a confirmed one; "no": none not rejected."""
    live = Exists(_best())
    if value == "yes":
        return claims.filter(live)
    if value == "confirmed":
        confirmed = MatchSuggestion.objects.filter(
            claim=OuterRef("pk"), status=MatchSuggestion.Status.CONFIRMED
        )
        return claims.filter(Exists(confirmed))
    if value == "no":
        return claims.exclude(live)
    return claims


@dataclass(frozen=True)
class Panel:
    suggestions: list[MatchSuggestion]
    suggest: float
    same_claim: float


def claim_panel(claim_id: int) -> Panel:
    """A claim's suggestions, best first, with what each points at, in one query."""
    suggestions = list(
        MatchSuggestion.objects.filter(claim_id=claim_id)
        .select_related(
            "verdict__claim", "external", "matched_claim__article", "decided_by", "applied_verdict"
        )
        .order_by("-score", "pk")
    )
    return Panel(
        suggestions=suggestions,
        suggest=settings.MATCH_SUGGEST_THRESHOLD,
        same_claim=settings.MATCH_SAME_CLAIM_THRESHOLD,
    )
