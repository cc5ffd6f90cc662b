"""`manage.py match_precision`: how often editors confirmed suggestions at each threshold."""

from django.core.management.base import BaseCommand

from factcheck import match_review


class Command(BaseCommand):
    help = (
        "Print, per threshold, the decided suggestions scoring at least that and their precision."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write("threshold\tdecided\tconfirmed\tprecision")
        for row in match_review.precision_by_threshold():
            precision = "-" if row.precision is None else f"{row.precision:.3f}"
            self.stdout.write(f"{row.threshold:.2f}\t{row.decided}\t{row.confirmed}\t{precision}")
