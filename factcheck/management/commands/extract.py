"""`manage.py extract [--url URL] < page.html`: print the article text ingestion would store."""

import sys
from typing import IO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck import extraction


class Command(BaseCommand):
    help = "Read an HTML page or pasted text on stdin and print its main article text."
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--url", default=None, help="The page's address, if known.")

    def handle(self, *args, url: str | None, **options) -> None:
        raw = read_stdin(options.get("stdin") or sys.stdin)
        if extraction.looks_like_html(raw):
            article = extraction.extract_from_html(raw, url=url)
        else:
            article = extraction.extract_from_text(raw)
        if not article.text:
            raise CommandError("No article text could be found in the input.")
        self.stdout.write(article.text)


def read_stdin(stream: IO) -> str:
    """All of `stream` as text; bytes are decoded as UTF-8, invalid sequences replaced."""
    data = getattr(stream, "buffer", stream).read()
    return data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
