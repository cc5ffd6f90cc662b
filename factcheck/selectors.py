"""Reads shaped for the admin's review pages, the API and the command line: joins and
prefetches are decided once, here.

Each page costs a fixed number of queries however many claims, evidence or history rows exist.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.contrib.auth import get_user_model
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.urls import reverse

from factcheck import extraction, highlight, outputs, review
from factcheck.models import (
    Article,
    Claim,
    ClaimNote,
    Evidence,
    ExternalFactCheck,
    Source,
    Verdict,
)

HISTORY_LIMIT = 60
CLAIM_FIELDS_IN_HISTORY = {
    "status": "status",
    "assignee_id": "assignee",
    "dismiss_reason": "dismiss reason",
    "source_changed": "source changed",
}


def claim_queue() -> QuerySet[Claim]:
    """Claims with their article title, assignee, tags and evidence flags, ordered for review."""
    evidence = Evidence.objects.filter(claim=OuterRef("pk"))
    return (
        Claim.objects.select_related("assignee")
        .select_related("article")
        .only(*_QUEUE_FIELDS)
        .annotate(
            has_evidence=Exists(evidence),
            has_number_conflict=Exists(
                evidence.filter(number_check=Evidence.NumberCheck.CONFLICTS)
            ),
            sources_fetched=_source_count(Source.Status.FETCHED),
            sources_pending=_source_count(Source.Status.QUEUED, Source.Status.FETCHING),
            sources_failed=_source_count(Source.Status.FAILED),
        )
        .prefetch_related("tags")
        .order_by("-score", "created_at")
    )


def _source_count(*statuses: str) -> Coalesce:
    """How many of a claim's sources are in these states (a subquery per row of the page)."""
    counted = (
        Evidence.objects.filter(claim=OuterRef("pk"), source__status__in=statuses)
        .order_by()
        .values("claim")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


_QUEUE_FIELDS = (
    "text", "claimant", "kind", "score", "status", "source_changed", "created_at", "revision",
    "article__id", "article__title", "article__url", "assignee__id", "assignee__username",
)  # fmt: skip


def claim_export_rows(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """The queue's rows with what the CSV export needs and nothing else."""
    return claims.select_related(None).select_related("article", "assignee").defer("article__body")


@dataclass(frozen=True)
class HistoryEntry:
    when: object
    who: object
    what: str


@dataclass(frozen=True)
class ClaimPage:
    claim: Claim
    paragraph: str
    context: list  # the claim's paragraph (claim marked) with one paragraph either side
    evidence: list[Evidence]
    draft: Verdict | None
    published: Verdict | None
    verdicts: list[Verdict]
    notes: list[ClaimNote]
    editors: list
    history: list[HistoryEntry]
    why: list[tuple[str, float]]  # the features behind the check-worthiness score


def claim_page(*, claim_id: int) -> ClaimPage:
    """Everything the claim page shows, in a fixed number of queries."""
    claim = (
        Claim.objects.select_related("article", "assignee")
        .prefetch_related("tags")
        .get(pk=claim_id)
    )
    body = claim.article.body
    text, span = highlight.paragraph_around(body, claim.start, claim.end)
    evidence = list(
        claim.evidence.select_related("source")
        .defer("source__text")
        .order_by("-cited", "-score", "pk")
    )
    for item in evidence:
        item.marked_passages = _marked_passages(item, claim.text)
    verdicts = list(
        claim.verdicts.select_related("editor", "approved_by")
        .prefetch_related(Prefetch("cited_evidence", Evidence.objects.only("pk", "claim_id")))
        .order_by("-version")
    )
    return ClaimPage(
        claim=claim,
        paragraph=highlight.mark(text, [span]) if text.strip() else highlight.mark(claim.text, []),
        context=highlight.paragraphs_around(body, claim.start, claim.end)
        or [highlight.mark(claim.text, [(0, len(claim.text))])],
        evidence=evidence,
        draft=next((v for v in verdicts if v.status == Verdict.Status.DRAFT), None),
        published=next((v for v in verdicts if v.status == Verdict.Status.PUBLISHED), None),
        verdicts=verdicts,
        notes=list(claim.notes.select_related("author")),
        editors=list(editors()),
        history=claim_history(claim=claim),
        why=extraction.checkworthiness_explain(claim.text),
    )


def editors() -> QuerySet:
    """Users who may be assigned claims (members of the editor roles), by name."""
    roles = [review.ROLE_EDITOR, review.ROLE_SENIOR_EDITOR]
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=roles)
        .distinct()
        .order_by("username")
        .only("pk", "username")
    )


@dataclass(frozen=True)
class ComparedFigures:
    """One pair the number check compared: the claim's figure, the passage's, and the grade."""

    claimed: str
    found: str
    result: str  # agrees | close | conflicts
    label: str  # the grade as the page words it
    found_span: object = None  # where ``found`` is in the passage, as stored (older rows: none)


@dataclass(frozen=True)
class MarkedPassage:
    text: str  # escaped, with the matched terms and the compared figures marked
    compared: list[ComparedFigures]


def _marked_passages(evidence: Evidence, claim_text: str, top: int = 3) -> list[MarkedPassage]:
    passages = [p for p in (evidence.passages or []) if isinstance(p, dict) and p.get("text")]
    marked = []
    for passage in passages[:top]:
        text = str(passage["text"])
        terms = passage.get("matched_terms") or _content_words(claim_text)
        compared = _compared(passage)
        figures = [s for c in compared for s in highlight.figure_spans(text, c.found, c.found_span)]
        spans = highlight.term_spans(text, map(str, terms))
        marked.append(MarkedPassage(highlight.mark(text, spans, figures=figures), compared))
    return marked


def _compared(passage: dict) -> list[ComparedFigures]:
    """The figures the number check compared in this passage; passages ranked before the pairs
    were kept have none, and a malformed pair is left out."""
    pairs = passage.get("pairs")
    out = []
    for pair in pairs if isinstance(pairs, list) else []:
        if not isinstance(pair, dict) or pair.get("result") not in _GRADES:
            continue
        claimed, found = str(pair.get("claimed") or ""), str(pair.get("found") or "")
        if claimed and found:
            grade = Evidence.NumberCheck(pair["result"])
            out.append(
                ComparedFigures(claimed, found, grade.value, grade.label, pair.get("found_span"))
            )
    return out


_GRADES = ("agrees", "close", "conflicts")  # a tuple: a stored result may be unhashable JSON


def _content_words(text: str) -> list[str]:
    return [word for word in text.replace(",", " ").split() if len(word) > 3]


def claim_history(*, claim: Claim) -> list[HistoryEntry]:
    """Who changed what on the claim, its verdicts and its evidence, newest first."""
    entries = _claim_changes(claim) + _verdict_changes(claim) + _evidence_changes(claim)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)[:HISTORY_LIMIT]


def _claim_changes(claim: Claim) -> list[HistoryEntry]:
    rows = list(
        claim.history.select_related("history_user", "assignee").order_by("history_date")[
            :HISTORY_LIMIT
        ]
    )
    entries = [_first_claim_entry(rows[0])] if rows else []
    for before, after in pairwise(rows):
        changed = [
            f"{label}: {_value(after, field)}"
            for field, label in CLAIM_FIELDS_IN_HISTORY.items()
            if getattr(before, field) != getattr(after, field)
        ]
        if after.history_type == "~" and before.revision == after.revision and not changed:
            changed = ["tags changed"]
        if changed:
            entries.append(HistoryEntry(after.history_date, after.history_user, "; ".join(changed)))
    return entries


def _first_claim_entry(row: object) -> HistoryEntry:
    # Ingestion bulk-creates claims without history, so the first row may already be a change.
    if row.history_type == "+":
        return HistoryEntry(row.history_date, row.history_user, "Claim created")
    state = "; ".join(f"{label}: {_value(row, f)}" for f, label in CLAIM_FIELDS_IN_HISTORY.items())
    return HistoryEntry(row.history_date, row.history_user, state)


def _value(row: object, field: str) -> str:
    if field == "assignee_id":
        return str(row.assignee) if row.assignee_id else "nobody"
    if field == "status":
        return row.get_status_display()
    return str(getattr(row, field)) or "—"


def _verdict_changes(claim: Claim) -> list[HistoryEntry]:
    rows = Verdict.history.filter(claim_id=claim.pk).select_related("history_user")
    entries: list[HistoryEntry] = []
    for row in rows.order_by("history_date")[:HISTORY_LIMIT]:
        what = f"Verdict v{row.version} {row.get_status_display().lower()}: "
        what += f"{row.get_rating_display()}"
        previous = entries[-1] if entries else None
        if previous and (previous.who, previous.what) == (row.history_user, what):
            continue  # saving the citations records the same state again
        entries.append(HistoryEntry(row.history_date, row.history_user, what))
    return entries


def _evidence_changes(claim: Claim) -> list[HistoryEntry]:
    rows = (
        Evidence.history.filter(claim_id=claim.pk, history_user__isnull=False)
        .select_related("history_user", "source")
        .defer("source__text")
        .order_by("-history_date")[:HISTORY_LIMIT]
    )
    return [
        HistoryEntry(
            row.history_date,
            row.history_user,
            f"{'Cited' if row.cited else 'Not citing'} {row.source.title or row.source.url}"
            if row.history_type == "~"
            else f"Source added: {row.source.title or row.source.url}",
        )
        for row in rows
    ]


def article_reading(*, article_id: int) -> tuple[Article, list]:
    """An article and its body as paragraphs with every claim linked in place (two queries)."""
    article = Article.objects.get(pk=article_id)
    claims = list(article.claims.only("pk", "start", "end", "status", "score", "text"))
    for claim in claims:
        claim.url = reverse("admin:factcheck_claim_change", args=[claim.pk])
        claim.label = f"{claim.get_status_display()} · check-worthiness {claim.score:.2f}"
    return article, highlight.marked_body(article.body, claims)


# --- How far the workers are with an article's sources (manage.py ingest --wait) -------------


def article_source_progress(article_id: int) -> dict[str, int]:
    """Source counts by status over an article's claims, with "total", "searching" (claims not
    yet searched) and "ranking" (fetched evidence not ranked yet)."""
    totals = dict.fromkeys((*Source.Status.values, "total"), 0)
    rows = (
        Evidence.objects.filter(claim__article_id=article_id)
        .values_list("source__status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for status, n in rows:
        totals[status] += n
        totals["total"] += n
    unsearched = Claim.objects.filter(article_id=article_id, sources_searched_at__isnull=True)
    unranked = Evidence.objects.filter(
        claim__article_id=article_id,
        source__status=Source.Status.FETCHED,
        suggested_stance=Evidence.Stance.PENDING,
    )
    return {**totals, "searching": unsearched.count(), "ranking": unranked.count()}


def sources_settled(progress: dict[str, int]) -> bool:
    """True when no claim awaits its search, no source is pending and none awaits ranking."""
    pending = ("searching", "ranking", Source.Status.QUEUED, Source.Status.FETCHING)
    return not any(progress.get(key, 0) for key in pending)


# --- The API's reads -----------------------------------------------------------------------------

PUBLIC_VERDICT_STATUSES = (Verdict.Status.PUBLISHED, Verdict.Status.SUPERSEDED)


def number_conflict_exists() -> Exists:
    """True for a claim with evidence whose numbers conflict with it (an annotation)."""
    return Exists(
        Evidence.objects.filter(claim=OuterRef("pk"), number_check=Evidence.NumberCheck.CONFLICTS)
    )


def api_articles(*, with_claims: bool = False) -> QuerySet[Article]:
    """Articles newest first, without their body; with their claims in reading order if asked."""
    articles = Article.objects.defer("body").order_by("-created_at", "-id")
    if with_claims:
        return articles.prefetch_related(Prefetch("claims", Claim.objects.order_by("start")))
    return articles


def api_claims() -> QuerySet[Claim]:
    """Claims with their article (no body), assignee, tags and number-conflict flag."""
    return (
        Claim.objects.select_related("article", "assignee")
        .defer("article__body")
        .prefetch_related("tags")
        .annotate(has_number_conflict=number_conflict_exists())
    )


def api_claim_detail(*, claim_id: int) -> Claim | None:
    """A claim as ``api_claims`` reads it, with its evidence (and sources) and verdict versions."""
    evidence = Evidence.objects.select_related("source").defer("source__text")
    return (
        api_claims()
        .prefetch_related(
            Prefetch("evidence", evidence),
            Prefetch("verdicts", Verdict.objects.order_by("version")),
        )
        .filter(pk=claim_id)
        .first()
    )


def verdicts_visible(user: object, verdicts: QuerySet[Verdict] | None = None) -> QuerySet[Verdict]:
    """Editors see every verdict; API clients only published ones (and superseded versions)."""
    if verdicts is None:
        verdicts = Verdict.objects.all()
    if review.can(user, "view_drafts"):
        return verdicts
    return verdicts.filter(status__in=PUBLIC_VERDICT_STATUSES)


def verdict_feed(user: object) -> QuerySet[Verdict]:
    """The verdicts a reader's feed lists: an API client's only the current published ones."""
    verdicts = verdicts_visible(user, Verdict.objects.select_related("claim__article"))
    if not review.can(user, "view_drafts"):
        return verdicts.filter(status=Verdict.Status.PUBLISHED)
    return verdicts


def verdict_feed_rows(verdicts: QuerySet[Verdict]) -> QuerySet:
    """The feed's rows as dicts of ``outputs.VERDICT``'s columns: no model instances built (half
    the CPU of a 100-row page)."""
    return verdicts.values(*_FEED_COLUMNS)


_FEED_COLUMNS = outputs.VERDICT.columns()


_VERDICT_DETAIL_COLUMNS = (*outputs.VERDICT_DETAIL.columns(), *outputs.VERDICT_VERSION.columns())
_CITED_COLUMNS = outputs.CITED_SOURCE.columns()


def verdict_detail(
    *, wanted: QuerySet[Verdict], visible: QuerySet[Verdict], verdict_id: int
) -> Verdict | None:
    """The verdict ``verdict_id`` if ``wanted`` holds it, as ``outputs.VERDICT_DETAIL`` writes
    it: with its cited sources, and ``visible_versions``, the versions of its claim in
    ``visible`` by version. Two queries; None when not found."""
    claim = wanted.filter(pk=verdict_id).values("claim_id")
    versions = list(
        visible.filter(claim_id__in=claim)
        .select_related("claim__article")
        .only(*_VERDICT_DETAIL_COLUMNS)
        .order_by("version")
    )
    verdict = next((version for version in versions if version.pk == verdict_id), None)
    if verdict is None:
        return None
    cited = Evidence.objects.select_related("source").only(*_CITED_COLUMNS)
    prefetch_related_objects([verdict], Prefetch("cited_evidence", cited))
    verdict.visible_versions = versions
    return verdict


def claimreviews_published() -> QuerySet[Verdict]:
    """Published verdicts with their claim and article (no body), for ClaimReview."""
    return (
        Verdict.objects.filter(status=Verdict.Status.PUBLISHED)
        .select_related("claim__article")
        .defer("claim__article__body")
    )


def matched_objects(found: list) -> list[tuple]:
    """Each match (a ``checked_before.Found``) with its verdict (claim and article loaded) or
    imported fact-check, in the order given; a match whose row is gone is left out. Two
    queries at most."""
    verdict_ids = [f.object_id for f in found if f.kind == "verdict"]
    external_ids = [f.object_id for f in found if f.kind == "external"]
    objects = {
        "verdict": Verdict.objects.select_related("claim__article").in_bulk(verdict_ids),
        "external": ExternalFactCheck.objects.in_bulk(external_ids),
    }
    return [(f, objects[f.kind][f.object_id]) for f in found if f.object_id in objects[f.kind]]
