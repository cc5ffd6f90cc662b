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

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG

K1 = 1.2
B = 0.75


class Field:
    """One BM25 field (claim, headline or both) over documents numbered 0..n-1."""

    def __init__(self, rebuild_share: float = 0.05, rebuild_minimum: int = 500) -> None:
        self.rebuild_share = rebuild_share
        self.rebuild_minimum = rebuild_minimum
        self.documents: list[tuple[str, ...]] = []
        self.frequency: Counter[str] = Counter()
        self.total_length = 0
        self.index: bm25s.BM25 | None = None
        self.indexed = 0
        self.newcomers: list[Counter[str]] = []

    def __len__(self) -> int:
        return len(self.documents)

    def add(self, terms: tuple[str, ...]) -> None:
        """Add the next document's terms; rebuild the sparse index when newcomers grow many."""
        self.documents.append(terms)
        self.frequency.update(set(terms))
        self.total_length += len(terms)
        self.newcomers.append(Counter(terms))
        if len(self.newcomers) > max(self.rebuild_minimum, self.rebuild_share * self.indexed):
            self.rebuild()

    def extend(self, documents: list[tuple[str, ...]]) -> None:
        """Add many documents' terms and rebuild once."""
        for terms in documents:
            self.documents.append(terms)
            self.frequency.update(set(terms))
            self.total_length += len(terms)
        self.rebuild()

    def rebuild(self) -> None:
        """Index every document with bm25s (an empty document gets a placeholder term)."""
        corpus = [list(terms) or ["\x00"] for terms in self.documents]
        self.index = None
        if corpus:
            self.index = bm25s.BM25(k1=K1, b=B, method="lucene")
            self.index.index(corpus, show_progress=False)
        self.indexed = len(corpus)
        self.newcomers = []

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
        count = len(self.documents)
        average = self.total_length / count if count else 1.0
        idf = {
            t: math.log(1 + (count - self.frequency[t] + 0.5) / (self.frequency[t] + 0.5))
            for t in set(query)
            if self.frequency[t]
        }
        scores = np.zeros(len(self.newcomers), dtype=np.float32)
        for i, counts in enumerate(self.newcomers):
            length = sum(counts.values())
            norm = K1 * (1 - B + B * length / (average or 1.0))
            scores[i] = sum(
                idf[t] * counts[t] / (counts[t] + norm) for t in query if t in idf and counts[t]
            )
        return scores
