"""Checked before? The workbench side of matching: per-process indexes kept fresh from the database.

Each process (a gunicorn worker answering the match API, a Celery worker matching new claims)
holds its indexes in memory. The first search loads them; later searches first pick up what
changed since (at most once every MATCH_REFRESH_SECONDS), so a newly published verdict or imported
fact-check is matched within a second or so, and a superseded one stops being matched.
"""

import threading
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from factcheck.matching import dense, features
from factcheck.matching.index import Document, Match, Matcher, Query, Thresholds, queries
from factcheck.models import Claim, ExternalFactCheck, MatchSuggestion, Verdict

# A change committed this long after its updated_at was stamped is still picked up: within
# RECENT_LAG by the next refresh, later (up to COMMIT_LAG) by the next look back, which comes
# every LOOK_BACK_SECONDS. Looking back a minute at every refresh re-read every row of a bulk import
# (100,000 fact-checks) each second in every process for a minute after it.
COMMIT_LAG = timedelta(seconds=60)
RECENT_LAG = timedelta(seconds=2)
LOOK_BACK_SECONDS = 15.0


def thresholds() -> Thresholds:
    """The configured thresholds (MATCH_SUGGEST_THRESHOLD, MATCH_SAME_CLAIM_THRESHOLD)."""
    return Thresholds(
        suggest=settings.MATCH_SUGGEST_THRESHOLD, same_claim=settings.MATCH_SAME_CLAIM_THRESHOLD
    )


@dataclass(frozen=True)
class Found:
    """A match with what it points at: kind is "claim", "verdict" or "external"."""

    kind: str
    object_id: int
    match: Match


def _document_id(kind: str, object_id: int) -> str:
    return f"{kind}:{object_id}"


def _found(match: Match) -> Found:
    kind, _, object_id = match.document_id.partition(":")
    return Found(kind=kind, object_id=int(object_id), match=match)


class LiveIndex(ABC):
    """A Matcher over some rows of the database, refreshed incrementally. Thread-safe."""

    def __init__(self) -> None:
        self.matcher = Matcher(thresholds=thresholds())
        self.lock = threading.Lock()
        self.synced_to = None
        self.checked_at = self.looked_back_at = float("-inf")
        # Which text each document was indexed with, as a hash: the texts themselves took 36 MB
        # at 100,000 fact-checks (a collision would only miss one edit of one text).
        self.texts: dict[str, int] = {}

    def search(self, text: str | Query, limit: int = 5) -> list[Found]:
        """The best matches for a text (or a query made once by `queries`), refreshing first
        when the last refresh is old."""
        self.refresh()
        with self.lock:
            return [_found(m) for m in self.matcher.search(text, limit=limit)]

    def search_many(self, many: list[Query], limit: int = 5) -> list[list[Found]]:
        """`search` for each query, the index read once for all of them."""
        self.refresh()
        with self.lock:
            return [[_found(m) for m in ms] for ms in self.matcher.search_many(many, limit=limit)]

    def refresh(self, force: bool = False) -> None:
        """Pick up rows changed since the last refresh (all rows the first time)."""
        if not force and time.monotonic() - self.checked_at < settings.MATCH_REFRESH_SECONDS:
            return
        with self.lock:
            started, now = timezone.now(), time.monotonic()
            look_back = now - self.looked_back_at >= LOOK_BACK_SECONDS
            since = (
                self.synced_to - (COMMIT_LAG if look_back else RECENT_LAG)
                if self.synced_to
                else None
            )
            present, absent = self.changes(since)
            for document_id in absent:
                self.matcher.remove(document_id)
                self.texts.pop(document_id, None)
            hashes = [hash((d.claim, d.headline)) for d in present]
            fresh = [
                (d, h) for d, h in zip(present, hashes, strict=True) if self.texts.get(d.id) != h
            ]
            for document, text_hash in fresh:  # new, or its text changed since it was indexed
                self.matcher.remove(document.id)
                self.texts[document.id] = text_hash
            self.matcher.add_many([d for d, _ in fresh])
            self.synced_to, self.checked_at = started, now
            if look_back:
                self.looked_back_at = now

    @abstractmethod
    def changes(self, since: object) -> tuple[list[Document], list[str]]:
        """Documents to match and ids to stop matching among rows changed since `since` (None:
        all rows). A document already indexed with the same text is left as it is."""


class PublishedIndex(LiveIndex):
    """Our current published verdicts and the fact-checks imported from other publishers."""

    def changes(self, since: object) -> tuple[list[Document], list[str]]:
        changed = Q(updated_at__gte=since) if since else Q()
        add, remove = [], []
        verdicts = (
            Verdict.objects.filter(changed)
            .select_related("claim")
            .only("id", "status", "is_current", "claim__text")
        )
        if since is None:
            verdicts = verdicts.filter(status=Verdict.Status.PUBLISHED, is_current=True)
        for verdict in verdicts.iterator(chunk_size=2000):
            document_id = _document_id("verdict", verdict.pk)
            if verdict.status == Verdict.Status.PUBLISHED and verdict.is_current:
                add.append(Document(document_id, verdict.claim.text))
            else:
                remove.append(document_id)
        externals = ExternalFactCheck.objects.filter(changed).values_list(
            "id", "claim_text", "headline"
        )
        rows = list(externals.iterator(chunk_size=2000))
        # The ids, which the index keeps, made in one burst after the rows, which it does not:
        # see Matcher.add_many.
        ids = [_document_id("external", pk) for pk, _, _ in rows]
        add += [Document(i, c, h) for i, (_, c, h) in zip(ids, rows, strict=True)]
        return add, remove


class ClaimIndex(LiveIndex):
    """Every claim the workbench has taken in (for "the same claim came in before").

    New claims are found by id through the primary key's index, not by a scan of every claim's
    creation time: ids above the highest seen, and ids below it not seen yet (a transaction that
    took its ids first may commit last), asked about again for COMMIT_LAG.
    """

    def __init__(self) -> None:
        super().__init__()
        self.highest = 0
        self.gaps: dict[int, float] = {}  # id not seen yet: when it was first missed

    def changes(self, since: object) -> tuple[list[Document], list[str]]:
        now = time.monotonic()
        lag = COMMIT_LAG.total_seconds()
        self.gaps = {pk: at for pk, at in self.gaps.items() if now - at < lag}
        wanted = Q(pk__gt=self.highest)
        if len(self.gaps) > MAX_GAPS:  # many at once: one range instead of a long IN list
            wanted |= Q(pk__gte=min(self.gaps))
        elif self.gaps:
            wanted |= Q(pk__in=list(self.gaps))
        rows = Claim.objects.filter(wanted).values_list("pk", "text").order_by("pk")
        documents, first_load = [], since is None
        for pk, text in rows.iterator(chunk_size=5000):
            self.gaps.pop(pk, None)
            if pk > self.highest:
                # The first load sees every committed claim: its holes are deletions.
                if not first_load and pk - self.highest <= MAX_GAP_RUN:
                    self.gaps.update(dict.fromkeys(range(self.highest + 1, pk), now))
                self.highest = pk
            documents.append(Document(_document_id("claim", pk), text))
        return documents, []


MAX_GAPS = 500
MAX_GAP_RUN = 10_000  # a longer jump between ids is a sequence's cache, not transactions


_published: PublishedIndex | None = None
_claims: ClaimIndex | None = None
_create = threading.Lock()


def published_index() -> PublishedIndex:
    """This process's index of published verdicts and imported fact-checks."""
    global _published
    with _create:
        if _published is None:
            _published = PublishedIndex()
        return _published


def preload() -> None:
    """Load the matcher's model and background statistics and build this process's published
    index now: in a server's master before it forks, so that every worker shares them (an empty
    index too: each worker would otherwise load the 60 MB model on its first match request)."""
    dense.model()
    features.idf("")
    published_index().refresh(force=True)


def claim_index() -> ClaimIndex:
    """This process's index of claims."""
    global _claims
    with _create:
        if _claims is None:
            _claims = ClaimIndex()
        return _claims


def forget_indexes() -> None:
    """Drop this process's indexes (tests empty the tables between cases)."""
    global _published, _claims
    with _create:
        _published = _claims = None


def article_claims_match(*, article_id: int) -> int:
    """Match every claim of an article against earlier claims, our published verdicts and
    imported fact-checks; store the matches above the suggest threshold. Safe to run twice.

    Returns how many suggestions were stored. Runs in a worker, after the claims are committed.
    """
    claims = list(
        Claim.objects.filter(article_id=article_id).order_by("start").values_list("pk", "text")
    )
    claim_index().refresh()
    # Each claim is analysed and embedded once, all of them in one batch, for both indexes.
    analysed = queries([text for _, text in claims])
    floor = settings.MATCH_SUGGEST_THRESHOLD
    published = published_index().search_many(analysed, limit=5)
    earlier = claim_index().search_many(analysed, limit=10)
    found = {
        claim_id: [f for f in ours if f.match.score >= floor]
        + [f for f in before if f.match.score >= floor and f.object_id < claim_id][:5]
        for (claim_id, _), ours, before in zip(claims, published, earlier, strict=True)
    }
    return match_suggestions_store(found=found)


def match_suggestions_store(*, found: dict[int, list[Found]]) -> int:
    """Store suggestions (claim id -> its matches); an existing suggestion keeps its decision."""
    verdict_claims = dict(
        Verdict.objects.filter(
            pk__in=[f.object_id for fs in found.values() for f in fs if f.kind == "verdict"]
        ).values_list("pk", "claim_id")
    )
    articles = dict(
        Claim.objects.filter(
            pk__in=[
                *found,
                *(f.object_id for fs in found.values() for f in fs if f.kind == "claim"),
            ]
        ).values_list("pk", "article_id")
    )
    existing_externals = set(
        ExternalFactCheck.objects.filter(
            pk__in=[f.object_id for fs in found.values() for f in fs if f.kind == "external"]
        ).values_list("pk", flat=True)
    )
    wanted = []
    for claim_id, matches in found.items():
        for f in matches:
            target = {
                "claim": (
                    "matched_claim_id",
                    articles.get(f.object_id, articles.get(claim_id)) != articles.get(claim_id),
                ),
                "verdict": ("verdict_id", verdict_claims.get(f.object_id, claim_id) != claim_id),
                "external": ("external_id", f.object_id in existing_externals),
            }[f.kind]
            if target[1]:
                wanted.append((claim_id, f, target[0]))
    return _suggestions_store(wanted)


def _suggestions_store(wanted: list[tuple[int, Found, str]]) -> int:
    """Store the suggestions a claim does not have yet, with their history, in one batch; when
    a concurrent run stored one first (or a target was deleted) fall back to one at a time."""
    if not wanted:
        return 0
    existing = set(
        MatchSuggestion.objects.filter(claim_id__in={claim_id for claim_id, _, _ in wanted})
        .values_list("claim_id", "kind", "matched_claim_id", "verdict_id", "external_id")
        .iterator()
    )
    fresh = {}
    for claim_id, f, field in wanted:
        key = (claim_id, f.kind, *(f.object_id if field == name else None for name in TARGETS))
        if key not in existing:
            fresh.setdefault(key, _suggestion(claim_id, f, field))
    try:
        with transaction.atomic():
            bulk_create_with_history(list(fresh.values()), MatchSuggestion)
    except IntegrityError:
        return sum(_suggestion_store(claim_id, f, field) for claim_id, f, field in wanted)
    return len(fresh)


TARGETS = ("matched_claim_id", "verdict_id", "external_id")


def _suggestion(claim_id: int, f: Found, target_field: str) -> MatchSuggestion:
    return MatchSuggestion(
        claim_id=claim_id, kind=f.kind, **{target_field: f.object_id}, **_scores(f)
    )


def _scores(f: Found) -> dict[str, object]:
    return {
        "score": min(max(f.match.score, 0.0), 1.0),
        "same_claim": f.match.same_claim,
        "numbers_agree": f.match.numbers_agree,
        "entities_agree": f.match.entities_agree,
    }


def _suggestion_store(claim_id: int, f: Found, target_field: str) -> int:
    """One suggestion, unless the claim already has one for this target (1 when stored)."""
    try:
        with transaction.atomic():
            _, created = MatchSuggestion.objects.get_or_create(
                claim_id=claim_id, kind=f.kind, **{target_field: f.object_id}, defaults=_scores(f)
            )
    except IntegrityError:  # stored by a concurrent run, or its target deleted meanwhile
        return 0
    return int(created)
