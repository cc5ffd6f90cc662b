"""`manage.py ingest <url-or-path> [--wait]`: ingest one article and print it with its claims."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck import ingest
from factcheck.models import Article

DONE = {Article.Status.EXTRACTED, Article.Status.FAILED}


class Command(BaseCommand):
    help = "Ingest an article from a URL (fetched by the workers) or a local .txt/.html file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", help="An http(s) URL or a path to a .txt or .html file.")
        parser.add_argument("--wait", action="store_true", help="Wait for the workers to finish.")
        parser.add_argument("--timeout", type=float, default=120.0, help="Seconds to wait.")

    def handle(self, *args, target: str, wait: bool, timeout: float, **options) -> None:
        try:
            article = self._ingest(target)
        except ingest.IngestError as exc:
            raise CommandError(str(exc)) from exc
        if wait:
            article = self._wait(article, timeout)
        self._print(article)
        if article.status == Article.Status.FAILED:
            raise CommandError(f"Article {article.pk} failed: {article.failure_reason}")

    def _ingest(self, target: str) -> Article:
        if "://" in target or target.startswith(("www.", "http")):
            return ingest.article_submit_url(url=target)
        return ingest.article_ingest_file(path=Path(target))

    def _wait(self, article: Article, timeout: float) -> Article:
        deadline = time.monotonic() + timeout
        while article.status not in DONE:
            if time.monotonic() > deadline:
                raise CommandError(
                    f"Article {article.pk} is still {article.status} after {timeout:.0f}s; "
                    "is a worker running (make run)?"
                )
            self.stdout.write(f"\r{article.get_status_display()}…", ending="")
            time.sleep(0.25)
            article.refresh_from_db()
        self.stdout.write("\r", ending="")
        return article

    def _print(self, article: Article) -> None:
        out = self.stdout.write
        out(f"Article {article.pk}: {article.title or article.url or '(untitled)'}")
        out(f"  status:    {article.get_status_display()} {article.failure_reason}".rstrip())
        for label, value in (
            ("url", article.url or article.canonical_url),
            ("author", article.authors),
            ("publisher", article.publisher),
            ("published", article.published_at.isoformat() if article.published_at else ""),
        ):
            if value:
                out(f"  {label + ':':<10} {value}")
        claims = list(article.claims.order_by("start"))
        out(f"\n{len(claims)} claims")
        out(f"{'#':>4}  {'score':>5}  {'kind':<9}  {'claimant':<24}  claim")
        for claim in claims:
            text = claim.text if len(claim.text) <= 90 else claim.text[:89] + "…"
            claimant = claim.claimant[:24]
            out(f"{claim.pk:>4}  {claim.score:>5.2f}  {claim.kind:<9}  {claimant:<24}  {text}")
