"""BM25 over one field of the indexed documents, with cheap additions between rebuilds.

bm25s builds a fast sparse index but cannot add a document to it; documents added since the last
build are scored here with the same Lucene BM25 formula and the live document frequencies, and the
index is rebuilt once the newcomers pass a share of the whole (so an addition stays well under 50 ms
while a query never scans more than a few thousand newcomers by hand).
"""

import logging
import math
from collections import Counter

import bm25s
import numpy as np

from factcheck.matching import flat

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG

K1 = 1.2
B = 0.75


class Field:
    """One BM25 field (claim, headline or both) over documents numbered 0..n-1."""

    def __init__(self, rebuild_share: float = 0.05, rebuild_minimum: int = 500) -> None:
        self.rebuild_share = rebuild_share
        self.rebuild_minimum = rebuild_minimum
        self.documents = flat.TermLists()  # not copied by forked workers (flat.py)
        self.frequency: Counter[str] = Counter()
        self.total_length = 0
        self.index: bm25s.BM25 | None = None
        self.indexed = 0
        self.newcomers: list[int] = []  # lengths of the documents added since the last build
        self.postings: dict[str, list[tuple[int, int]]] = {}  # term: (newcomer, count) pairs

    def __len__(self) -> int:
        return len(self.documents)

    def add(self, terms: tuple[str, ...]) -> None:
        """Add the next document's terms; rebuild the sparse index when newcomers grow many."""
        self.extend([terms])

    def extend(self, documents: list[tuple[str, ...]]) -> None:
        """Add documents' terms: as newcomers while they stay few (a live index takes in an
        article's claims every second or so), else with one rebuild."""
        limit = max(self.rebuild_minimum, self.rebuild_share * self.indexed)
        rebuild = len(self.newcomers) + len(documents) > limit
        for terms in documents:
            self.documents.append(terms)
            self.frequency.update(set(terms))
            self.total_length += len(terms)
            if not rebuild:
                for term, count in Counter(terms).items():
                    self.postings.setdefault(term, []).append((len(self.newcomers), count))
                self.newcomers.append(len(terms))
        if rebuild:
            self.rebuild()

    def rebuild(self) -> None:
        """Index every document with bm25s (an empty document gets a placeholder term)."""
        corpus = [list(self.documents[i]) or ["\x00"] for i in range(len(self.documents))]
        self.index = None
        if corpus:
            self.index = bm25s.BM25(k1=K1, b=B, method="lucene")
            self.index.index(corpus, show_progress=False)
        self.indexed = len(corpus)
        self.newcomers, self.postings = [], {}

    def scores(self, query: list[str]) -> np.ndarray:
        """BM25 score of every document for the query terms (zeros where nothing is shared)."""
        result = np.zeros(len(self.documents), dtype=np.float32)
        if self.index is not None:
            ids = self.index.get_tokens_ids(list(dict.fromkeys(query)))
            if ids:
                result[: self.indexed] = self.index.get_scores(ids)
        if self.newcomers:
            result[self.indexed :] = self._newcomer_scores(query)
        return result

    def _newcomer_scores(self, query: list[str]) -> np.ndarray:
        """Newcomers' scores from their postings: only those sharing a query term are touched.

        Each query term counts once, as in bm25s."""
        count = len(self.documents)
        average = (self.total_length / count if count else 1.0) or 1.0
        lengths = np.asarray(self.newcomers, dtype=np.float32)
        norms = K1 * (1 - B + B * lengths / average)
        scores = np.zeros(len(self.newcomers), dtype=np.float32)
        for term in dict.fromkeys(query):
            postings = self.postings.get(term)
            if not postings:
                continue
            seen = self.frequency[term]
            idf = math.log(1 + (count - seen + 0.5) / (seen + 0.5))
            rows = np.fromiter((i for i, _ in postings), dtype=np.int64, count=len(postings))
            tf = np.fromiter((c for _, c in postings), dtype=np.float32, count=len(postings))
            scores[rows] += idf * tf / (tf + norms[rows])
        return scores
