"""`manage.py numbercheck < pairs.jsonl`: one number-check result per claim/passage pair."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from factcheck.management.commands.extract import read_stdin
from factcheck.sources import numbers
from factcheck.sources.pipeline import number_bands


class Command(BaseCommand):
    help = (
        'Read JSON lines {"claim": ..., "passage": ...} on stdin and print one result a line: '
        "agrees, close, conflicts or none. Blank lines are skipped."
    )
    stealth_options = ("stdin",)

    def handle(self, *args, **options) -> None:
        bands = number_bands()
        lines = read_stdin(options.get("stdin") or sys.stdin).splitlines()
        for number, line in enumerate(lines, start=1):
            if line.strip():
                claim, passage = _pair(line, number)
                self.stdout.write(numbers.check_numbers(claim, passage, bands).result)


def _pair(line: str, number: int) -> tuple[str, str]:
    """The claim and passage of one input line; a CommandError names the line otherwise."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise CommandError(f"Line {number} is not JSON: {error.msg}.") from None
    if not isinstance(row, dict):
        raise CommandError(f"Line {number} is not a JSON object.")
    for field in ("claim", "passage"):
        if not isinstance(row.get(field), str):
            raise CommandError(f'Line {number}: "{field}" must be a string.')
    return row["claim"], row["passage"]
