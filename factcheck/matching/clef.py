"""The CLEF-2020 CheckThat! Task 2 data shipped in data/clef2020 (see its PROVENANCE.md)."""

import csv
import gzip
from collections import defaultdict
from pathlib import Path

from factcheck.matching.index import Document

DATA = Path(__file__).with_name("data") / "clef2020"


def _rows(path: Path, quoted: bool = False) -> list[list[str]]:
    """Tab-separated rows; the claims file quotes fields that span lines, the tweets never do."""
    opener = gzip.open if path.suffix == ".gz" else open
    quoting = csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=quoting))


def verified_claims() -> list[Document]:
    """The 10,375 Snopes-checked claims with their fact-check headlines."""
    return [
        Document(id=r[0], claim=r[1], headline=r[2])
        for r in _rows(DATA / "vclaims.tsv.gz", quoted=True)[1:]
    ]


def queries(split: str) -> dict[str, str]:
    """Tweets of a split ("train" or "dev") by tweet id."""
    return {r[0]: r[1] for r in _rows(DATA / split / "tweets.queries.tsv")[1:]}


def relevant(split: str) -> dict[str, set[str]]:
    """The verified claim ids that check each tweet of a split."""
    qrels: dict[str, set[str]] = defaultdict(set)
    for r in _rows(DATA / split / "tweet-vclaim-pairs.qrels"):
        if r and r[-1] == "1":
            qrels[r[0]].add(r[2])
    return dict(qrels)


def average_precision(ranked: list[str], wanted: set[str], depth: int = 5) -> float:
    """Average precision within the top `depth` (CLEF's MAP@5 averages this over tweets)."""
    hits, total = 0, 0.0
    for rank, doc in enumerate(ranked[:depth], start=1):
        if doc in wanted:
            hits += 1
            total += hits / rank
    return total / min(len(wanted), depth) if wanted else 0.0
