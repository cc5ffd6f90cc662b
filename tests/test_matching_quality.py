"""Matcher quality floor on CLEF-2020 CheckThat! Task 2 dev tweets (held out from the fitting).

Fast: the dev tweets' own verified claims plus 3,000 others, not all 10,375 (eval/matching.py
reports the full index). The floor sits a little under the measured value so noise does not trip it.
"""

from factcheck.matching import clef
from factcheck.matching.index import Matcher

FLOOR = 0.82


def test_dev_map_at_5_stays_above_the_floor():
    tweets, wanted = clef.queries("dev"), clef.relevant("dev")
    gold = set().union(*wanted.values())
    claims = clef.verified_claims()
    matcher = Matcher(
        [d for d in claims if d.id in gold] + [d for d in claims[:3000] if d.id not in gold]
    )
    ap = [
        clef.average_precision(
            [m.document_id for m in matcher.search(text)], wanted.get(tweet_id, set())
        )
        for tweet_id, text in tweets.items()
    ]
    assert sum(ap) / len(ap) >= FLOOR
