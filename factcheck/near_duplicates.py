"""The same story twice is one story: near-duplicate articles linked, their claims paired.

When an article's extracted text is a near-duplicate (MinHash, factcheck/matching/fingerprint.py)
of an earlier article's, it is linked to that article (``ArticleFingerprint.duplicate_of``) and
each of its claims is paired one to one with the earlier article's same claim: the pair is stored
as a confirmed "same claim" match and the newcomer is dismissed with a reason naming the original,
so the review queue holds each claim once. Claims without a partner stay as they are.
"""

import threading

from django.db.models import Q
from django.utils import timezone

from factcheck.matching import agreement, fingerprint
from factcheck.matching import text as mtext
from factcheck.models import Article, ArticleFingerprint, Claim, MatchSuggestion

PAIR_SIMILARITY = 0.7  # share of content words two claims have in common to be one claim


class _Fingerprints:
    """This process's LSH index of stored fingerprints, read incrementally by id."""

    def __init__(self) -> None:
        self.index = fingerprint.NearDuplicates()
        self.last_id = 0
        self.lock = threading.Lock()

    def similar(self, minhash: fingerprint.MinHash) -> list[tuple[int, float]]:
        with self.lock:
            rows = ArticleFingerprint.objects.filter(pk__gt=self.last_id).order_by("pk")
            for pk, article_id, signature in rows.values_list("pk", "article_id", "signature"):
                self.index.add(str(article_id), fingerprint.from_bytes(signature))
                self.last_id = pk
            return [(int(key), score) for key, score in self.index.similar(minhash)]


_fingerprints = _Fingerprints()
_fingerprints_lock = threading.Lock()


def forget_fingerprints() -> None:
    """Drop this process's index (tests empty the tables between cases)."""
    global _fingerprints
    with _fingerprints_lock:
        _fingerprints = _Fingerprints()


def article_fingerprint(*, article: Article) -> Article | None:
    """Fingerprint an extracted article and link it to the earlier article it duplicates, if any
    (the first of a chain); then pair its claims. Returns that article. Caller holds a transaction.
    """
    minhash = fingerprint.signature(article.body)
    candidates = dict(_fingerprints.similar(minhash))
    candidates.pop(article.pk, None)
    earlier = [pk for pk in candidates if pk < article.pk]
    fingerprints = ArticleFingerprint.objects.filter(article_id__in=earlier).select_related(
        "article", "duplicate_of"
    )
    best = max(fingerprints, key=lambda f: (candidates[f.article_id], -f.article_id), default=None)
    original = (best.duplicate_of or best.article) if best else None
    # One upsert: an article extracted again (re-ingest) replaces its fingerprint.
    ArticleFingerprint.objects.bulk_create(
        [
            ArticleFingerprint(
                article=article,
                signature=fingerprint.to_bytes(minhash),
                duplicate_of=original,
                similarity=round(candidates[best.article_id], 4) if best else None,
            )
        ],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["signature", "duplicate_of", "similarity"],
    )
    if original is not None:
        claims_pair_duplicates(article=article, original=original)
    return original


def _similarity(a: Claim, b: Claim) -> float:
    ta, tb = set(mtext.terms(a.text)), set(mtext.terms(b.text))
    if not ta or not tb:
        return float(mtext.clean(a.text).casefold() == mtext.clean(b.text).casefold())
    if agreement.numbers_conflict(agreement.quantities(a.text), agreement.quantities(b.text)):
        return 0.0
    return len(ta & tb) / len(ta | tb)


def claims_pair_duplicates(*, article: Article, original: Article) -> int:
    """Pair each open claim of `article` with its most similar claim of `original` (one to one,
    best pairs first); record the pair and dismiss the newcomer. Returns how many were paired."""
    new = list(article.claims.filter(status__in=Claim.OPEN_STATUSES).order_by("start"))
    old = list(original.claims.order_by("start"))
    pairs = sorted(
        ((_similarity(n, o), n.pk, o.pk) for n in new for o in old),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    claims, used_new, used_old = {c.pk: c for c in new + old}, set(), set()
    for score, new_id, old_id in pairs:
        if score < PAIR_SIMILARITY:
            break
        if new_id in used_new or old_id in used_old:
            continue
        used_new.add(new_id)
        used_old.add(old_id)
        _pair(claims[new_id], claims[old_id], score, original)
    return len(used_new)


def _pair(claim: Claim, original_claim: Claim, score: float, original: Article) -> None:
    MatchSuggestion.objects.update_or_create(
        claim=claim,
        kind=MatchSuggestion.Kind.CLAIM,
        matched_claim=original_claim,
        defaults={
            "score": round(min(score, 1.0), 4),
            "same_claim": True,
            "status": MatchSuggestion.Status.CONFIRMED,
            "decided_at": timezone.now(),
        },
    )
    claim.status = Claim.Status.DISMISSED
    claim.dismiss_reason = (
        f"Same claim as claim {original_claim.pk} of article {original.pk}, "
        "of which this article is a near-duplicate."
    )
    claim.revision += 1
    claim.save(update_fields=["status", "dismiss_reason", "revision", "updated_at"])


def near_duplicates_of(article: Article) -> list[Article]:
    """Articles linked to this one as near-duplicates (either way round)."""
    return list(
        Article.objects.filter(
            Q(fingerprint__duplicate_of=article) | Q(near_duplicates__article=article)
        ).distinct()
    )
