"""`manage.py import_claimreview URL-or-FILE...`: other publishers' ClaimReview fact-checks."""

from django.core.management.base import BaseCommand, CommandError

from factcheck import factchecks


class Command(BaseCommand):
    help = (
        "Import schema.org ClaimReview from pages (their JSON-LD blocks, fetched through the safe "
        "fetcher) or JSON files; a fact-check already stored under its URL is updated."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001 - argparse parser
        parser.add_argument("locations", nargs="+", help="http(s) URLs or local files")

    def handle(self, *args, **options) -> None:
        failed = []
        for location in options["locations"]:
            try:
                stored = factchecks.external_factchecks_import(location=location)
            except factchecks.ImportFailure as exc:
                failed.append(str(exc))
                self.stderr.write(str(exc))
                continue
            unmapped = sum(1 for f in stored if f.rating_unmapped)
            self.stdout.write(
                f"{location}: {len(stored)} fact-checks stored ({unmapped} with an unmapped rating)"
            )
        if failed:
            raise CommandError(f"{len(failed)} of {len(options['locations'])} locations failed.")
