"""The matcher: find the documents (claims, verdicts, fact-checks) that check a query text. Pure.

Two stages. Retrieval gathers candidates from BM25 over the claim, the headline and both fields
(lexical.py) and from dense cosine similarity (dense.py). Fusion then scores every candidate from a
row of features (features.py) with the weights learned on the CLEF-2020 training tweets
(fusion.py): the score is a probability-like number in [0, 1]. A match is the *same claim* only
above the same-claim threshold and when numbers and named entities agree.
"""

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from factcheck.matching import agreement, dense, features, fusion, lexical
from factcheck.matching import text as mtext

CANDIDATES = 30
EMBED_BATCH = 2000
MAX_QUERY_CHARS = 20_000  # a query past this is cut: an article, not a claim
_NO_HEADLINE = features.Stored(terms=(), quantities=features.NOTHING, entities=features.NOTHING)


@dataclass(frozen=True)
class Document:
    """What can be matched: an id, the claim as checked, optionally the fact-check's headline."""

    id: str
    claim: str
    headline: str = ""


@dataclass(frozen=True)
class Thresholds:
    """suggest: worth showing an editor. same_claim: the same claim, numbers and names agreeing."""

    suggest: float = 0.5
    same_claim: float = 0.85

    def __post_init__(self) -> None:
        if not 0 <= self.suggest <= self.same_claim <= 1:
            raise ValueError("Thresholds need 0 <= suggest <= same_claim <= 1.")


@dataclass(frozen=True)
class Query:
    """A text analysed and embedded once, to search several indexes with (see `queries`)."""

    cleaned: str
    prepared: features.Prepared
    vector: np.ndarray


def queries(texts: list[str]) -> list[Query]:
    """Analyse and embed query texts together (one embedding batch for all of them)."""
    cleaned = [mtext.clean(text[:MAX_QUERY_CHARS]) for text in texts]
    vectors = dense.embed(cleaned)
    return [
        Query(c, features.prepare(c), vector) for c, vector in zip(cleaned, vectors, strict=True)
    ]


@dataclass(frozen=True)
class Match:
    document_id: str
    score: float
    same_claim: bool
    numbers_agree: bool
    entities_agree: bool


class Matcher:
    """An in-memory index; `add` takes new documents one by one, `search` ranks them for a text."""

    def __init__(
        self, documents: Iterable[Document] = (), *, thresholds: Thresholds | None = None
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        self.ids: list[str] = []
        self.positions: dict[str, int] = {}
        # Each text's terms, numbers and names, in flat arrays: a worker forked from the process
        # that built the index reads them without copying their memory (features.Analyses).
        self.claims = features.Analyses()
        self.headlines = features.Analyses()  # empty where the headline is the claim
        self.has_headline = array("b")
        self.fields = {name: lexical.Field() for name in ("claim", "headline", "all")}
        self.vectors = dense.Vectors()
        self.alive = np.zeros(0, dtype=bool)
        self.count = 0
        self.own_headlines = 0  # documents whose headline is not their claim
        self.add_many(list(documents))

    def __len__(self) -> int:
        return len(self.positions)

    def __contains__(self, document_id: str) -> bool:
        return document_id in self.positions

    def remove(self, document_id: str) -> None:
        """Stop matching a document (a superseded verdict); unknown ids are ignored."""
        position = self.positions.pop(document_id, None)
        if position is not None:
            self.alive[position] = False

    def add(self, document: Document) -> None:
        """Index one more document. Ids are unique: a document is added once."""
        self.add_many([document])

    def add_many(self, documents: list[Document]) -> None:
        """Index documents in one batch (embeddings computed together, BM25 rebuilt once).

        A document whose id is already indexed is skipped: ids are unique.
        """
        documents = list({d.id: d for d in documents if d.id not in self.positions}.values())
        if not documents:
            return
        claims = [mtext.clean(d.claim) for d in documents]
        # A document without a headline is its own headline: every field has text to compare.
        headlines = [mtext.clean(d.headline) or c for d, c in zip(documents, claims, strict=True)]
        self._grow(*self._embed(claims, headlines))
        added: dict[str, list[tuple[str, ...]]] = {name: [] for name in self.fields}
        start = self.count
        for claim, headline in zip(claims, headlines, strict=True):
            claim_stored = features.store(claim)
            # A document that is its own headline keeps one analysis (memory at 100,000).
            headline_stored = claim_stored if headline == claim else features.store(headline)
            self.claims.append(claim_stored)
            self.headlines.append(_NO_HEADLINE if headline == claim else headline_stored)
            self.has_headline.append(headline != claim)
            self.own_headlines += headline != claim
            added["claim"].append(claim_stored.terms)
            added["headline"].append(headline_stored.terms)
            added["all"].append(claim_stored.terms + headline_stored.terms)
            self.count += 1
        # Positions made in one burst, not between each text's passing objects: long-lived small
        # objects strewn among short-lived ones keep the allocator's arenas from being freed.
        self.ids.extend(d.id for d in documents)
        self.positions.update(zip(self.ids[start:], range(start, self.count), strict=True))
        for name, field in self.fields.items():
            if len(documents) == 1:
                field.add(added[name][0])
            else:
                field.extend(added[name])

    def search(self, text: str | Query, limit: int = 5) -> list[Match]:
        """The best `limit` documents for a text, best first, each with its score in [0, 1]."""
        return self.search_many([text if isinstance(text, Query) else queries([text])[0]], limit)[0]

    def search_many(self, many: list[Query], limit: int = 5) -> list[list[Match]]:
        """`search` for each query, the stored vectors scanned once for all of them."""
        scans = self._scans(many)
        return [
            [
                self._match(position, score, query.prepared)
                for position, score in self.score_candidates(query, scan)[:limit]
            ]
            for query, scan in zip(many, scans, strict=True)
        ]

    def _scans(self, many: list[Query]) -> list[np.ndarray | None]:
        if not self.positions or not many:
            return [None] * len(many)
        return list(self.vectors.scan_many(np.stack([query.vector for query in many])))

    def score_candidates(
        self, text: str | Query, scan: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """(position, fused score) of every retrieved candidate, best first."""
        positions, rows = self.candidate_rows(text, scan)
        if not positions:
            return []
        scores = fusion.score(rows)
        order = np.argsort(-scores, kind="stable")
        return self._earliest_twin_first([(positions[i], float(scores[i])) for i in order])

    def _earliest_twin_first(self, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Documents with the same claim text rank together, the earliest indexed first.

        A fact-check imported twice, or re-published with other quotation marks, should not push
        the original down: the original takes the best score of its twins, the others follow it.
        """
        groups: dict[bytes | int, list[tuple[int, float]]] = {}
        for position, score in ranked:
            groups.setdefault(self.claims.terms.key(position) or position, []).append(
                (position, score)
            )
        result = []
        for twins in groups.values():
            best = twins[0][1]
            twins.sort()
            result.extend((p, best - 1e-6 * i) for i, (p, _) in enumerate(twins))
        result.sort(key=lambda item: -item[1])
        return result

    def candidate_rows(
        self, text: str | Query, scan: np.ndarray | None = None
    ) -> tuple[list[int], np.ndarray]:
        """Candidate positions and their feature rows (the rows fusion is trained on); `scan` is
        the query's approximate cosines when `search_many` made them."""
        if not self.positions:
            return [], np.zeros((0, len(features.NAMES)))
        search = text if isinstance(text, Query) else queries([text])[0]
        if not search.cleaned:
            return [], np.zeros((0, len(features.NAMES)))
        query, vector = search.prepared, search.vector
        terms = list(query.terms)
        bm25 = {
            name: field.scores(terms)
            for name, field in self.fields.items()
            if name != "headline" or self.own_headlines
        }
        bm25.setdefault("headline", bm25["claim"])  # every headline is its claim: same scores
        bm25_all, cosine = bm25["all"], self.vectors.scan(vector) if scan is None else scan
        if len(self.positions) < self.count:  # some removed: out of the race (two passes)
            alive = self.alive[: self.count]
            bm25_all, cosine = np.where(alive, bm25_all, -1.0), np.where(alive, cosine, -2.0)
        picked = self._candidates(bm25_all, cosine)
        if not picked:
            return [], np.zeros((0, len(features.NAMES)))
        cos_claim, cos_headline = self.vectors.cosines(picked, vector)
        # Candidates in order of BM25 + exact cosine (the scan's 64 dimensions only chose them).
        combined = bm25_all[picked] / (bm25_all.max(initial=0.0) or 1.0)
        combined += np.maximum(cos_claim, cos_headline)
        order = np.argsort(-combined, kind="stable")
        positions = [picked[i] for i in order]
        cos_claim, cos_headline = cos_claim[order], cos_headline[order]
        signals = [
            features.Signals(
                bm25_claim=float(bm25["claim"][p]),
                bm25_headline=float(bm25["headline"][p]),
                bm25_all=float(bm25["all"][p]),
                cos_claim=float(cos_claim[rank]),
                cos_headline=float(cos_headline[rank]),
                rank=rank,
            )
            for rank, p in enumerate(positions)
        ]
        best = features.Signals(
            bm25_claim=max(s.bm25_claim for s in signals),
            bm25_headline=max(s.bm25_headline for s in signals),
            bm25_all=max(s.bm25_all for s in signals),
            cos_claim=max(s.cos_claim for s in signals),
            cos_headline=max(s.cos_headline for s in signals),
            rank=0,
        )
        top_two = sorted((s.cos_claim for s in signals), reverse=True)[:2] + [0.0]
        query_pairs = mtext.bigrams(list(query.terms))
        rows = []
        for p, s in zip(positions, signals, strict=True):
            claim = self.claims.prepared(p)
            headline = self.headlines.prepared(p) if self.has_headline[p] else claim
            runner_up = top_two[1] if s.cos_claim >= top_two[0] else top_two[0]
            rows.append(
                features.row(query, claim, headline, s, best, runner_up, query_pairs=query_pairs)
            )
        rows = np.stack(rows)
        return positions, rows

    def _candidates(self, bm25_all: np.ndarray, cosine: np.ndarray) -> list[int]:
        """Union of the best by BM25, by cosine and by both (alive documents only)."""
        top = bm25_all.max(initial=0.0) or 1.0
        combined = bm25_all / top + cosine
        picked: dict[int, None] = {}
        for values, k in ((combined, CANDIDATES), (bm25_all, 10), (cosine, 10)):
            k = min(k, self.count)
            best = np.argpartition(-values, k - 1)[:k]
            picked.update(dict.fromkeys(best.tolist()))
        return [p for p in picked if self.alive[p]]

    def _match(self, position: int, score: float, query: features.Prepared) -> Match:
        claim = self.claims[position]
        headline = self.headlines[position] if self.has_headline[position] else claim
        numbers_agree = not agreement.numbers_conflict(
            query.quantities, claim.quantities | headline.quantities
        )
        entities_agree = agreement.entities_missing(claim.entities, query.term_set) == 0
        return Match(
            document_id=self.ids[position],
            score=round(score, 4),
            same_claim=score >= self.thresholds.same_claim and numbers_agree and entities_agree,
            numbers_agree=numbers_agree,
            entities_agree=entities_agree,
        )

    @staticmethod
    def _embed(claims: list[str], headlines: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Claim and headline vectors, in batches (a bulk build's peak memory stays small); a
        document that is its own headline is embedded once."""
        claim_vectors = np.zeros((len(claims), 256), dtype=np.float32)
        headline_vectors = np.zeros((len(claims), 256), dtype=np.float32)
        for start in range(0, len(claims), EMBED_BATCH):
            end = min(start + EMBED_BATCH, len(claims))
            claim_vectors[start:end] = dense.embed(claims[start:end])
            headline_vectors[start:end] = claim_vectors[start:end]
            own = [i for i in range(start, end) if headlines[i] != claims[i]]
            if own:
                headline_vectors[own] = dense.embed([headlines[i] for i in own])
        return claim_vectors, headline_vectors

    def _grow(self, claim_vectors: np.ndarray, headline_vectors: np.ndarray) -> None:
        self.vectors.append(claim_vectors, headline_vectors)
        if self.vectors.count > len(self.alive):
            alive = np.zeros(len(self.vectors.full), dtype=bool)
            alive[: len(self.alive)] = self.alive
            self.alive = alive
        self.alive[self.count : self.vectors.count] = True
