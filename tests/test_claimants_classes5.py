"""Claimants, kinds and furniture for the classes the fifth held-out evaluation missed
(hyphenated fractions and word-number rates are quantities, reported speech is a quote, a
capitalised word after "the" belongs to the name, a body's possessive report, two appositives,
"X, <role>, said the agency had …", "X vetoed …, saying …" after a dateline, a quotation
continuing an uncounted attributed sentence, bracketed transcript stage directions). Sentences
written for these tests; none is taken from an evaluation article."""

import pytest

from factcheck.extraction import extract_claims, find_claimant
from factcheck.extraction.scoring import classify_kind


def claim_of(body: str, start: str):
    """The claim of `body` that starts with `start`."""
    found = [c for c in extract_claims(body) if c.text.startswith(start)]
    assert found, f"no claim starts with {start!r}"
    return found[0]


# --- kinds ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor said the reservoir holds one-third of the city's reserve supply.",
        "Councillor Amy Strand said three-quarters of the new homes lacked solar panels.",
        "Tram drivers reported that the average carriage held six riders per journey.",
        "Mr Oduya said the clinic saw twelve patients a day before the closure.",
    ],
)
def test_hyphenated_fractions_and_rates_in_words_are_statistics(sentence):
    assert classify_kind(sentence) == "statistic"


def test_reported_speech_telling_of_an_event_is_a_quote():
    sentence = (
        "The regulator's director, Dr Paul Inglis, said the board had reviewed the complaint "
        "and dismissed it."
    )
    assert classify_kind(sentence) == "quote"


def test_an_event_told_without_a_speaker_stays_an_event():
    sentence = "The council dismissed the complaint after a two-hour meeting on Monday."
    assert classify_kind(sentence) == "event"
