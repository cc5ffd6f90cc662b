"""The review queue as CSV."""

import csv
from collections.abc import Iterator

from django.db.models import QuerySet

from factcheck.models import Claim

CSV_HEADER = ["id", "claim", "claimant", "kind", "score", "status", "assignee", "article", "url"]


def csv_rows(claims: QuerySet[Claim]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_HEADER)
    for claim in claims.iterator(chunk_size=500):
        row = [
            claim.pk, claim.text, claim.claimant, claim.kind, claim.score, claim.status,
            claim.assignee.username if claim.assignee else "", claim.article.title,
            claim.article.url,
        ]  # fmt: skip
        yield writer.writerow([_csv_safe(value) for value in row])


def _csv_safe(value: object) -> object:
    # A cell starting with = + - @ is a formula in spreadsheets; claim text is untrusted.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value
