"""What the matcher knows about one (query, document) pair: a fixed-length feature row. Pure.

Each feature is a number a reader can check by hand; the learned fusion (fusion.py) weighs them.
"""

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from factcheck.matching import agreement, flat
from factcheck.matching import text as mtext

NAMES = (
    "bias",
    "bm25_claim_rel",
    "bm25_headline_rel",
    "bm25_all_rel",
    "query_covered_idf",
    "claim_covered_idf",
    "cos_claim",
    "cos_headline",
    "cos_claim_margin",
    "query_covered",
    "claim_covered",
    "bigram_overlap",
    "numbers_shared",
    "numbers_conflict",
    "entities_missing",
    "first_stage_rank",
)


BACKGROUND = Path(__file__).with_name("data") / "background_df.json.gz"


@lru_cache(maxsize=1)
def _background() -> tuple[int, dict[str, int]]:
    with gzip.open(BACKGROUND, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return data["documents"], data["frequency"]


@lru_cache(maxsize=200_000)
def idf(term: str) -> float:
    """Inverse document frequency in a fixed background corpus (CLEF-2020's 10,375 claims).

    Fixed, so a score means the same in an index of ten claims and of a hundred thousand.
    """
    documents, frequency = _background()
    seen = frequency.get(term, 0)
    return math.log(1 + (documents - seen + 0.5) / (seen + 0.5))


def _weight(terms: frozenset[str]) -> float:
    return sum(map(idf, terms))


NOTHING: frozenset = frozenset()  # shared by the many texts without numbers or names


@dataclass(frozen=True, slots=True)
class Prepared:
    """A text analysed once: its terms, pairs, numbers and names."""

    terms: tuple[str, ...]
    term_set: frozenset[str]
    weight: float  # summed background IDF of the distinct terms
    quantities: frozenset[agreement.Quantity]
    entities: frozenset[str]


@dataclass(frozen=True, slots=True)
class Stored:
    """What an index keeps of a document's text (in `Analyses`); the rest of its Prepared is
    rebuilt for the few candidates of a query (kept for 100,000 claims and headlines, term sets
    took 200 MB)."""

    terms: tuple[str, ...]
    quantities: frozenset[agreement.Quantity]
    entities: frozenset[str]


class Analyses:
    """The `Stored` analyses of texts numbered 0..n-1, kept in flat arrays (see flat.py):
    `analyses[i]` makes text i's `Stored` again, new objects each time."""

    def __init__(self) -> None:
        self.terms = flat.TermLists()
        self.entities = flat.TermLists()
        self.numbers = flat.Numbers()

    def __len__(self) -> int:
        return len(self.terms)

    def append(self, stored: Stored) -> None:
        self.terms.append(stored.terms)
        self.entities.append(sorted(stored.entities))
        self.numbers.append(sorted((q.value, q.percent) for q in stored.quantities))

    def __getitem__(self, i: int) -> Stored:
        numbers, entities = self.numbers[i], self.entities[i]
        return Stored(
            terms=self.terms[i],
            quantities=frozenset(agreement.Quantity(*n) for n in numbers) if numbers else NOTHING,
            entities=frozenset(entities) if entities else NOTHING,
        )

    def prepared(self, i: int) -> Prepared:
        """`expand(self[i])`, made in one step (it is made for every candidate of a query)."""
        terms = self.terms[i]
        term_set = frozenset(terms)
        numbers, entities = self.numbers[i], self.entities[i]
        return Prepared(
            terms=terms,
            term_set=term_set,
            weight=_weight(term_set),
            quantities=frozenset(agreement.Quantity(*n) for n in numbers) if numbers else NOTHING,
            entities=frozenset(entities) if entities else NOTHING,
        )


def prepare(cleaned: str) -> Prepared:
    """Analyse a cleaned text (see text.clean)."""
    return expand(store(cleaned))


def store(cleaned: str) -> Stored:
    """The part of a cleaned text's analysis an index keeps."""
    return Stored(
        terms=tuple(mtext.terms(cleaned)),
        quantities=agreement.quantities(cleaned) or NOTHING,
        entities=agreement.entities(cleaned) or NOTHING,
    )


def expand(stored: Stored) -> Prepared:
    """A stored analysis with its term set and weight."""
    term_set = frozenset(stored.terms)
    return Prepared(
        terms=stored.terms,
        term_set=term_set,
        weight=_weight(term_set),
        quantities=stored.quantities,
        entities=stored.entities,
    )


@dataclass(frozen=True)
class Signals:
    """Retrieval scores of one candidate, and the best of each over all candidates."""

    bm25_claim: float
    bm25_headline: float
    bm25_all: float
    cos_claim: float
    cos_headline: float
    rank: int


def row(
    query: Prepared,
    claim: Prepared,
    headline: Prepared,
    signals: Signals,
    best: Signals,
    runner_up_cos: float,
    *,
    query_pairs: set[tuple[str, str]] | None = None,
) -> np.ndarray:
    """The feature row of one candidate (order as NAMES); `query_pairs` are the query's word
    pairs when the caller made them once for all its candidates."""
    document_terms = claim.term_set | headline.term_set
    shared = query.term_set & document_terms
    # Word pairs are made for the query and its few candidates only: stored for every indexed
    # document they took more memory than everything else about it.
    if query_pairs is None:
        query_pairs = mtext.bigrams(list(query.terms))
    document_pairs = mtext.bigrams(list(claim.terms))
    if headline is not claim:
        document_pairs |= mtext.bigrams(list(headline.terms))
    numbers = claim.quantities | headline.quantities
    return np.array(
        [
            1.0,
            signals.bm25_claim / (best.bm25_claim or 1.0),
            signals.bm25_headline / (best.bm25_headline or 1.0),
            signals.bm25_all / (best.bm25_all or 1.0),
            _weight(shared) / (query.weight or 1.0),
            _weight(query.term_set & claim.term_set) / (claim.weight or 1.0),
            signals.cos_claim,
            signals.cos_headline,
            signals.cos_claim - runner_up_cos,
            len(shared) / (len(query.term_set) or 1),
            len(query.term_set & claim.term_set) / (len(claim.term_set) or 1),
            len(query_pairs & document_pairs) / (len(query_pairs) or 1),
            min(agreement.numbers_shared(query.quantities, numbers), 3) / 3,
            float(agreement.numbers_conflict(query.quantities, numbers)),
            agreement.entities_missing(claim.entities, query.term_set),
            1.0 / (1 + signals.rank),
        ],
        dtype=np.float64,
    )
