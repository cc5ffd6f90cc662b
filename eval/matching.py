"""MAP@5 of the claim matcher on the CLEF-2020 CheckThat! Task 2 dev tweets (and train, for scale).

The fusion weights were fitted on train only; dev is the held-out measure. Prints a table.
"""

import sys
import time
from pathlib import Path

# Run as a script, eval/ would come first on sys.path, and eval/numbers.py would shadow the
# standard library's numbers module: the repository root takes its place.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from factcheck.matching import clef  # noqa: E402
from factcheck.matching.index import Matcher  # noqa: E402

THRESHOLDS = (0.3, 0.5, 0.7, 0.85, 0.95)


def evaluate(matcher: Matcher, split: str, tops: list | None = None) -> dict[str, float]:
    """MAP@5, precision at 1 and recall at 5 over a split's tweets; (score, right) of each top
    match is appended to `tops`."""
    tweets, wanted = clef.queries(split), clef.relevant(split)
    ap, p1, r5 = [], [], []
    for tweet_id, text in tweets.items():
        matches = matcher.search(text, limit=5)
        ranked = [m.document_id for m in matches]
        relevant = wanted.get(tweet_id, set())
        if matches and tops is not None:
            tops.append((matches[0].score, matches[0].document_id in relevant))
        ap.append(clef.average_precision(ranked, relevant))
        p1.append(float(bool(ranked) and ranked[0] in relevant))
        r5.append(len(relevant & set(ranked)) / (len(relevant) or 1))
    n = len(ap) or 1
    return {"tweets": len(ap), "MAP@5": sum(ap) / n, "P@1": sum(p1) / n, "R@5": sum(r5) / n}


def main() -> None:
    started = time.perf_counter()
    matcher = Matcher(clef.verified_claims())
    built = time.perf_counter() - started
    print(
        f"claim matching, CLEF-2020 CheckThat! Task 2 ({len(matcher)} verified claims, "
        f"index built in {built:.1f} s)"
    )
    print(f"{'split':6s} {'tweets':>6s} {'MAP@5':>6s} {'P@1':>6s} {'R@5':>6s}")
    tops: list[tuple[float, bool]] = []
    for split in ("train", "dev"):
        r = evaluate(matcher, split, tops if split == "dev" else None)
        print(f"{split:6s} {r['tweets']:6d} {r['MAP@5']:6.3f} {r['P@1']:6.3f} {r['R@5']:6.3f}")
    print("dev top matches at or above a threshold: how many, and the share that is right")
    for threshold in THRESHOLDS:
        kept = [right for score, right in tops if score >= threshold]
        share = f"{sum(kept) / len(kept):.3f}" if kept else "-"
        print(
            f"  score >= {threshold:.2f}: {len(kept):3d} of {len(tops)} tweets, precision {share}"
        )


if __name__ == "__main__":
    main()
