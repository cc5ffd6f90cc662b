"""Candidate figure pairs and the general features a learned pairing gate reads
(eval/numbers_pairing.py; the gate's leave-one-author-out evaluation is
eval/numbers_cv.py). Sentences written for these tests, not taken from the eval data."""

from eval.numbers_pairing import GROUPS, candidates, content_words, features


def test_candidates_are_the_claims_main_figures_with_passage_figures_of_their_family():
    claim = "The ferry line carried 4,100 passengers on Sunday."
    passage = "It took 4,100 passengers and 90 cars on Sunday; 35 per cent of sailings were late."
    found = candidates(claim, passage)
    # Counts with counts only: the percentage is another family.
    assert [(c.claimed.text, c.found.text) for c in found] == [("4,100", "4,100"), ("4,100", "90")]
    assert [c.rules for c in found] == [True, False]
    assert found[0].grade == "agrees"


def test_an_identifier_is_never_a_candidate_and_a_claim_without_figures_has_none():
    assert candidates("The bypass cut journeys by 14 minutes.", "Bus 14 was late.") == []
    assert candidates("The bypass cut journeys.", "It saved 14 minutes.") == []


def test_a_near_identical_sentence_with_one_word_swapped_is_flagged():
    claim = "The ferry carried 4,100 passengers on weekdays, the operator said."
    swapped = "The ferry carried 4,100 passengers at weekends, the operator said."
    paraphrase = "Weekday sailings took 4,100 people across, according to the operator."
    minimal = features(claim, swapped, candidates(claim, swapped)[0])
    assert minimal["near_identical_swap"] == 1.0
    assert minimal["aligned_share"] > 0.6
    reworded = features(claim, paraphrase, candidates(claim, paraphrase)[0])
    assert reworded["near_identical_swap"] == 0.0
    assert reworded["aligned_share"] < minimal["aligned_share"]


def test_every_feature_belongs_to_one_group():
    claim = "Reservoir levels fell to 41 per cent in August."
    passage = "In August the reservoirs stood at 43 per cent of capacity."
    names = set(features(claim, passage, candidates(claim, passage)[0]))
    grouped = [n for group in GROUPS.values() for n in group]
    assert sorted(grouped) == sorted(names)
    assert content_words("The reservoirs were at 43 per cent.") == ["reservoir"]
