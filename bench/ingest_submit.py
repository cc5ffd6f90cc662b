"""Submit URLs (one a line on stdin) through the real ingestion path and wait until every article has settled.

Prints one JSON object: seconds until every article settled (`elapsed`) and, with
BENCH_WAIT_SOURCES=1, until its claims' source finding, the sources' fetches and their rankings
were done too (`sources_elapsed`); counts; `cpu` (this process's CPU seconds). Run by
bench/ingest.py with its environment. With BENCH_TIMELINE=path it also writes, per article, the
seconds from the first submission to its creation, its fetch and its extraction (diagnostics:
which stage was behind).
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workbench.settings")

import django  # noqa: E402

django.setup()

from django.db.models import F  # noqa: E402

from factcheck import ingest  # noqa: E402
from factcheck.models import Article, ArticleRaw, Claim, Evidence, Source  # noqa: E402

TIMEOUT = 1800


def main(urls: list[str]) -> None:
    started, started_at = time.perf_counter(), time.time()
    ids = [ingest.article_submit_url(url=url).pk for url in urls]
    done = (Article.Status.EXTRACTED, Article.Status.FAILED)
    pending = set(ids)  # only unsettled ids are asked about, so each poll gets cheaper
    while pending:
        if time.perf_counter() - started > TIMEOUT:
            sys.exit(f"articles did not settle within {TIMEOUT} s")
        time.sleep(0.05)
        pending -= set(
            Article.objects.filter(pk__in=pending, status__in=done).values_list("pk", flat=True)
        )
    elapsed = time.perf_counter() - started
    sources_elapsed = elapsed
    if os.environ.get("BENCH_WAIT_SOURCES") == "1":
        while sources_pending(ids):
            if time.perf_counter() - started > TIMEOUT:
                sys.exit(f"sources were not found, fetched and ranked within {TIMEOUT} s")
            time.sleep(0.1)
        sources_elapsed = time.perf_counter() - started
    articles = Article.objects.filter(pk__in=ids)
    extracted = articles.filter(status=Article.Status.EXTRACTED).count()
    failed = articles.filter(status=Article.Status.FAILED).count()
    for reason in articles.filter(status=Article.Status.FAILED).values_list(
        "failure_reason", flat=True
    )[:3]:
        print(reason, file=sys.stderr)
    claims = Claim.objects.filter(article_id__in=ids).count()
    cpu = time.process_time()
    if os.environ.get("BENCH_TIMELINE"):
        write_timeline(Path(os.environ["BENCH_TIMELINE"]), ids)
    evidence = Evidence.objects.filter(claim__article_id__in=ids)
    print(
        json.dumps(
            {
                "started_at": started_at,
                "elapsed": elapsed,
                "sources_elapsed": sources_elapsed,
                "extracted": extracted,
                "failed": failed,
                "claims": claims,
                "evidence": evidence.count(),
                "ranked": evidence.exclude(source_hash="").count(),
                "sources_fetched": Source.objects.filter(status=Source.Status.FETCHED).count(),
                "cpu": cpu,
            }
        )
    )


def sources_pending(ids: list[int]) -> bool:
    """Some claim not yet searched, some source not yet fetched, or some fetched source's
    evidence not yet ranked against its current text."""
    claims = Claim.objects.filter(article_id__in=ids)
    return (
        claims.filter(sources_searched_at__isnull=True).exists()
        or Source.objects.filter(status__in=[Source.Status.QUEUED, Source.Status.FETCHING]).exists()
        or Source.objects.filter(status=Source.Status.FETCHED, content_hash="").exists()
        or Evidence.objects.filter(claim__in=claims, source__status=Source.Status.FETCHED)
        .exclude(source_hash=F("source__content_hash"))
        .exists()
    )


def write_timeline(path: Path, ids: list[int]) -> None:
    """[created, fetched, extracted] seconds per article, from the first one's creation."""
    rows = Article.objects.filter(pk__in=ids).values_list("pk", "created_at", "updated_at")
    fetched = dict(
        ArticleRaw.objects.filter(article_id__in=ids).values_list("article_id", "received_at")
    )
    zero = min(created for _, created, _ in rows)
    seconds = lambda moment: moment and (moment - zero).total_seconds()  # noqa: E731
    path.write_text(
        json.dumps([[seconds(c), seconds(fetched.get(pk)), seconds(u)] for pk, c, u in rows])
    )


if __name__ == "__main__":
    main(sys.stdin.read().split())
