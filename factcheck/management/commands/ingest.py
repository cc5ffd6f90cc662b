"""`manage.py ingest <url-or-path> [--wait]`: ingest one article and print it with its claims."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck import dates, errors, ingest, selectors
from factcheck.models import Article

DONE = {Article.Status.EXTRACTED, Article.Status.FAILED}
BAR_WIDTH = 30


def progress_bar(counts: dict[str, int]) -> str:
    """Sources [#########.....] 9/15 done  queued 3  fetching 2  fetched 8  failed 1 …"""
    done = counts["fetched"] + counts["failed"] - counts["ranking"]
    total = max(counts["total"], 1)
    filled = round(BAR_WIDTH * done / total) if counts["total"] else 0
    bar = "#" * filled + "." * (BAR_WIDTH - filled)
    states = "  ".join(
        f"{name} {counts[name]}"
        for name in ("searching", "queued", "fetching", "ranking", "fetched", "failed")
    )
    return f"Sources [{bar}] {done}/{counts['total']} done  {states}"


class Command(BaseCommand):
    help = "Ingest an article from a URL (fetched by the workers) or a local .txt/.html file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", help="An http(s) URL or a path to a .txt or .html file.")
        parser.add_argument("--wait", action="store_true", help="Wait for the workers to finish.")
        parser.add_argument("--timeout", type=float, default=120.0, help="Seconds to wait.")

    def handle(self, *args, target: str, wait: bool, timeout: float, **options) -> None:
        try:
            article = self._ingest(target)
        except errors.InputRefused as exc:
            raise CommandError(str(exc)) from exc
        if wait:
            article = self._wait(article, timeout)
            if article.status == Article.Status.EXTRACTED:
                self._wait_for_sources(article, timeout)
        self._print(article)
        if article.status == Article.Status.FAILED:
            raise CommandError(f"Article {article.pk} failed: {article.failure_reason}")

    def _ingest(self, target: str) -> Article:
        """A URL when it has a scheme; otherwise a file, even one named like "www.notes.txt"."""
        if "://" in target:
            return ingest.article_submit_url(url=target)
        path = Path(target)
        if target.startswith("www.") and not path.is_file():
            raise CommandError(
                f"No such file: {target}. For a web page, give its full URL (https://{target})."
            )
        return ingest.article_ingest_file(path=path)

    def _wait(self, article: Article, timeout: float) -> Article:
        deadline = time.monotonic() + timeout
        while article.status not in DONE:
            if time.monotonic() > deadline:
                raise CommandError(
                    f"Article {article.pk} is still {article.status} after {timeout:.0f}s; "
                    "is a worker running (make run)?"
                )
            self._show(f"{article.get_status_display()}…")
            time.sleep(0.25)
            article.refresh_from_db()
        self._show("", done=True)
        return article

    def _wait_for_sources(self, article: Article, timeout: float) -> None:
        """Show a progress bar of the claims' sources until every one is fetched or failed."""
        deadline = time.monotonic() + timeout
        progress = selectors.article_source_progress
        while not selectors.sources_settled(counts := progress(article.pk)):
            if time.monotonic() > deadline:
                self._show("", done=True)
                raise CommandError(
                    f"Sources of article {article.pk} are still pending after {timeout:.0f}s; "
                    "are the fetch and analyse workers running (make run)?"
                )
            self._show(progress_bar(counts))
            time.sleep(0.25)
        self._show(progress_bar(counts))
        self._show("", done=True)

    def _show(self, line: str, *, done: bool = False) -> None:
        """A live line on a terminal (redrawn with a carriage return); elsewhere (a pipe, a log
        file) one plain line per change, so the output reads as lines."""
        live = self.stdout.isatty()
        if done:
            if live and getattr(self, "_shown", ""):
                self.stdout.write("")
            self._shown = ""
            return
        if line == getattr(self, "_shown", ""):
            return
        self._shown = line
        if live:
            self.stdout.write(f"\r{line}", ending="")
            self.stdout.flush()
        else:
            self.stdout.write(line)

    def _print(self, article: Article) -> None:
        out = self.stdout.write
        out(f"Article {article.pk}: {article.title or article.url or '(untitled)'}")
        out(f"  status:    {article.get_status_display()} {article.failure_reason}".rstrip())
        for label, value in (
            ("url", article.url or article.canonical_url),
            ("author", article.authors),
            ("publisher", article.publisher),
            ("published", _published(article)),
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


def _published(article: Article) -> str:
    """ISO 8601 in the zone it was published in (19:45-05:00, not 00:45 UTC)."""
    moment = dates.in_offset(article.published_at, article.published_offset)
    return moment.isoformat() if moment else ""
