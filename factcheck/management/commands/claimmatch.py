"""`manage.py claimmatch --index FILE.tsv < queries.tsv`: the five best matches of each query."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from factcheck.management.commands.extract import read_stdin
from factcheck.matching import files
from factcheck.matching.index import Matcher


class Command(BaseCommand):
    help = (
        "Index FILE.tsv (id<TAB>claim[<TAB>headline] lines), read id<TAB>text queries on stdin and "
        "print query_id<TAB>doc_id<TAB>rank<TAB>score for the best matches of each."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser) -> None:  # noqa: ANN001 - argparse parser
        parser.add_argument("--index", required=True, type=Path, help="the claims to match against")
        parser.add_argument("--limit", type=int, default=5, help="matches per query (default 5)")

    def handle(self, *args, **options) -> None:
        if not options["index"].is_file():
            raise CommandError(f"--index: no such file: {options['index']}")
        if options["limit"] < 1:
            raise CommandError("--limit must be at least 1")
        matcher = Matcher(files.read_index(options["index"]))
        for query_id, text in files.queries(read_stdin(options.get("stdin") or sys.stdin)):
            for rank, match in enumerate(matcher.search(text, limit=options["limit"]), start=1):
                self.stdout.write(f"{query_id}\t{match.document_id}\t{rank}\t{match.score:.4f}")
