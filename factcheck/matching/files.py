"""Index and query files of `manage.py claimmatch`: tab-separated, as CLEF CheckThat! ships them."""

import csv
import io
from pathlib import Path

from factcheck.matching.index import Document

HEADER_IDS = {"", "id", "vclaim_id", "tweet_id", "query_id"}


def read_index(path: Path) -> list[Document]:
    """`id<TAB>claim[<TAB>headline]` rows; a header row and rows without a claim are skipped.

    Fields may be quoted CSV-style (CLEF's vclaims.tsv quotes claims that span lines).
    """
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return documents(handle.read())


def documents(data: str) -> list[Document]:
    """The documents of an index file's text (see read_index)."""
    found = []
    for row in csv.reader(io.StringIO(data), delimiter="\t"):
        if len(row) < 2 or row[0].strip() in HEADER_IDS or not row[1].strip():
            continue
        headline = row[2] if len(row) > 2 else ""
        found.append(Document(id=row[0].strip(), claim=row[1], headline=headline))
    return found


def queries(data: str) -> list[tuple[str, str]]:
    """`id<TAB>text` lines (tweets are never quoted: a quote mark is text); header skipped."""
    found = []
    for line in data.splitlines():
        query_id, tab, text = line.partition("\t")
        if tab and query_id.strip() not in HEADER_IDS and text.strip():
            found.append((query_id.strip(), text))
    return found
