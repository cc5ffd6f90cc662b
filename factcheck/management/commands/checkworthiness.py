"""`manage.py checkworthiness < sentences.txt`: one check-worthiness score per input line."""

import sys

from django.core.management.base import BaseCommand

from factcheck import extraction
from factcheck.management.commands.extract import read_stdin


class Command(BaseCommand):
    help = "Read one sentence per line on stdin and print its check-worthiness score (%.3f)."
    stealth_options = ("stdin",)

    def handle(self, *args, **options) -> None:
        for line in read_stdin(options.get("stdin") or sys.stdin).splitlines():
            self.stdout.write(f"{extraction.checkworthiness(line):.3f}")
