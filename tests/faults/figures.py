"""What each fault test injected and what it left behind, printed at the end of the run."""

FIGURES: list[dict[str, object]] = []
