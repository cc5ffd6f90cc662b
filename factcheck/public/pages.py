"""Reads for the public pages. Only published verdicts (and the versions they superseded) are
ever read here: drafts, pending corrections and internal notes never leave the desk.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from factcheck.models import Evidence, Verdict

PUBLIC_STATUSES = (Verdict.Status.PUBLISHED, Verdict.Status.SUPERSEDED)


def published() -> QuerySet[Verdict]:
    """Current published verdicts, newest first, with their claim and article."""
    return (
        Verdict.objects.filter(status=Verdict.Status.PUBLISHED)
        .select_related("claim__article")
        .defer("claim__article__body")
        .order_by("-published_at", "-pk")
    )


@dataclass(frozen=True)
class FactCheckPage:
    verdict: Verdict  # the current published version
    versions: list[Verdict]  # every published version, oldest first (the correction history)
    sources: list[Evidence]  # what the current version cites


def factcheck_page(*, claim_id: int) -> FactCheckPage | None:
    """The public page of a claim, or None when it has no published verdict."""
    cited = Evidence.objects.select_related("source").defer("source__text", "passages")
    versions = list(
        Verdict.objects.filter(claim_id=claim_id, status__in=PUBLIC_STATUSES)
        .select_related("claim__article")
        .defer("claim__article__body")
        .prefetch_related(Prefetch("cited_evidence", cited.order_by("-score", "pk")))
        .order_by("version")
    )
    current = next((v for v in versions if v.status == Verdict.Status.PUBLISHED), None)
    if current is None:
        return None
    return FactCheckPage(
        verdict=current, versions=versions, sources=list(current.cited_evidence.all())
    )
