"""Fit the fusion weights on the CLEF-2020 training tweets: `python -m factcheck.matching.train`.

Only the train split is read; the dev split is left for eval/matching.py.
"""

import json

import numpy as np

from factcheck.matching import clef, features, fusion
from factcheck.matching.index import Matcher


def training_rows(matcher: Matcher) -> tuple[np.ndarray, np.ndarray]:
    """Every training tweet's candidate rows, labelled 1 where the candidate checks the tweet."""
    tweets, wanted = clef.queries("train"), clef.relevant("train")
    rows, labels = [], []
    for tweet_id, text in tweets.items():
        positions, candidate_rows = matcher.candidate_rows(text)
        rows.append(candidate_rows)
        labels.extend(float(matcher.ids[p] in wanted.get(tweet_id, ())) for p in positions)
    return np.vstack(rows), np.asarray(labels)


def main() -> None:
    matcher = Matcher(clef.verified_claims())
    rows, labels = training_rows(matcher)
    weights = fusion.fit(rows, labels)
    fusion.WEIGHTS.write_text(
        json.dumps(
            {
                "fitted_on": "CLEF-2020 CheckThat! Task 2 train (800 tweets)",
                "features": list(features.NAMES),
                "weights": [round(float(w), 6) for w in weights],
            },
            indent=2,
        )
        + "\n"
    )
    print(f"{int(labels.sum())} positives among {len(labels)} candidate rows")
    for name, weight in zip(features.NAMES, weights, strict=True):
        print(f"{name:20s} {weight:+.3f}")


if __name__ == "__main__":
    main()
