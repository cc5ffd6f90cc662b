"""`manage.py checkworthiness_train`: rebuild the shipped check-worthiness model from the data
in the repository (same data, same file: the splits and the solver are fixed)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from factcheck.extraction import training
from factcheck.extraction.model import MODEL_PATH


class Command(BaseCommand):
    help = "Train the check-worthiness model on data/checkworthiness/ and write its JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, default=MODEL_PATH, help="Where to write it.")

    def handle(self, *args, output: Path, **options) -> None:
        document = training.train()
        training.write_document(document, output)
        meta = document["meta"]
        self.stdout.write(
            f"Wrote {output} ({output.stat().st_size:,} bytes, {len(document['features']):,} "
            f"features; fit {meta['fit_rows']:,}, calibration {meta['calibration_rows']:,}, "
            f"dev {meta['dev_rows']:,} sentences held out)."
        )
