"""Passages, scoring and suggested stance: factcheck/sources/ranking.py (pure, no database)."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.sources import ranking
from factcheck.sources.ranking import (
    MAX_QUERY_TERMS,
    STOP_WORDS,
    Passage,
    RankedPassage,
    claim_query,
    key_terms,
    rank_passages,
    split_passages,
    suggest_stance,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_TEXT = (FIXTURES / "000_e9fef7baff8a209e.txt").read_text(encoding="utf-8")
SEED_CLAIMS = json.loads((FIXTURES / "claims.json").read_text(encoding="utf-8"))["check_worthy"]
UN_CLAIM = (
    "The United Nations says more than 900,000 individuals, mostly women and children, "
    "have escaped their homes in Idlib since early December."
)
REFUGEE_CLAIM = "Turkey has accepted in about 3.7 million Syrian refugees since the war began."
OFF_TOPIC = [
    "The football league resumes on Saturday after a two-week winter break.",
    "Markets fall 3% as investors weigh interest rates and a strong dollar.",
    "Subscribe for $1 a week. Leave a Reply. Your email address will not be published.",
]
HOSTILE = [
    "Idlib\u200b 900,000\u200b people fled\u200b",
    "\u202eIdlib 900,000 people fled\u202c \u200f",
    "🔥 Idlib 🔥 900,000 👩‍👩‍👧 homes escaped",
    "<script>alert('Idlib 900,000')</script>",
    b"Idlib \xff\xfe 900,000 \xc3\x28 homes".decode("utf-8", errors="replace"),
    b"Idlib \xff 900,000".decode("utf-8", errors="surrogateescape"),
    ("The United Nations says 900,000 people fled Idlib. " * 20_000)[:1_000_000],
    "Idlib " + "x" * 1_000_000,
]


# Neutral words that keep a paragraph over half the 600-character target, so it is not merged.
FILLER = " ".join(["Further details were expected later in the week."] * 7)


def source(*paragraphs: str) -> str:
    """Paragraphs long enough to stay separate passages."""
    return "\n\n".join(f"{p} {FILLER}" for p in paragraphs)


def seed_sentence(phrase: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+|\n+", SEED_TEXT)
    return next(s for s in sentences if phrase in s)


# --- split_passages -------------------------------------------------------------------------


def test_split_passages_spans_map_back_into_the_seed_article():
    passages = split_passages(SEED_TEXT)

    assert len(passages) > 1
    assert all(SEED_TEXT[p.start : p.end] == p.text for p in passages)
    assert all(len(p.text) <= 600 for p in passages)


def test_split_passages_merges_short_paragraphs_up_to_the_target():
    text = "One.\n\nTwo.\nThree."

    assert split_passages(text, target_chars=600) == [Passage(text, 0, len(text))]


def test_split_passages_cuts_a_long_paragraph_at_sentence_ends():
    text = "First sentence is here. Second sentence is here. Third sentence is here."

    assert [p.text for p in split_passages(text, target_chars=30)] == [
        "First sentence is here.",
        "Second sentence is here.",
        "Third sentence is here.",
    ]


def test_split_passages_cuts_an_unpunctuated_run_at_spaces_or_mid_word():
    assert [p.text for p in split_passages("aaaa bbbb cccc", target_chars=9)] == [
        "aaaa bbbb",
        "cccc",
    ]
    assert [p.text for p in split_passages("x" * 25, target_chars=10)] == [
        "x" * 10,
        "x" * 10,
        "x" * 5,
    ]


def test_split_passages_never_yields_a_blank_passage_from_a_long_run_of_spaces():
    text = "aaaa" + " " * 20 + "bbbb" + "\u2003" * 9 + "cc"

    assert [p.text for p in split_passages(text, target_chars=6)] == ["aaaa", "bbbb", "cc"]


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_split_passages_of_blank_text_is_empty(text):
    assert split_passages(text) == []


def test_split_passages_refuses_a_non_positive_target():
    with pytest.raises(ValueError, match="positive"):
        split_passages("text", target_chars=0)


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_split_passages_spans_are_exact_ordered_and_cover_every_visible_character(text, target):
    passages = split_passages(text, target_chars=target)

    assert all(text[p.start : p.end] == p.text for p in passages)
    assert all(p.text and p.text == p.text.strip() and len(p.text) <= target for p in passages)
    assert all(a.end <= b.start for a, b in zip(passages, passages[1:], strict=False))
    covered = {i for p in passages for i in range(p.start, p.end)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@given(
    st.text(alphabet=st.sampled_from("ab .!\n\t\u2003"), max_size=300),
    st.integers(min_value=1, max_value=12),
)
def test_split_passages_of_whitespace_heavy_text_has_no_blank_or_oversized_passage(text, target):
    passages = split_passages(text, target_chars=target)

    assert all(p.text.strip() == p.text != "" and len(p.text) <= target for p in passages)
    assert all(text[p.start : p.end] == p.text for p in passages)


# --- rank_passages --------------------------------------------------------------------------


def test_rank_puts_the_on_topic_passage_first_among_off_topic_ones():
    on_topic = "The UN said nearly 950,000 people have fled their homes in Idlib since December."
    text = source(OFF_TOPIC[0], on_topic, OFF_TOPIC[1], OFF_TOPIC[2])

    best = rank_passages(UN_CLAIM, text)[0]

    assert best.text.startswith(on_topic)
    assert text[best.start : best.end] == best.text


def test_rank_finds_the_claim_in_the_seed_article():
    best = rank_passages(UN_CLAIM, SEED_TEXT)[0]

    assert "more than 900,000 individuals" in best.text
    assert (best.score, best.entity_overlap, best.number_check) == (1.0, 1.0, "agrees")


def test_rank_reports_words_and_figures_to_highlight():
    text = "Nearly 950,000 people have fled their homes in Idlib, most of them women and children."

    (best,) = rank_passages(UN_CLAIM, text)

    assert best.matched_terms == ("Nearly 950,000", "homes", "Idlib", "women", "children")


@pytest.mark.parametrize(
    ("passage", "number_check"),
    [
        ("Aid agencies say nearly 950,000 people have fled Idlib since December.", "agrees"),
        ("Aid agencies say 900,000 people have fled Idlib since December.", "agrees"),
        ("Aid agencies say about 700,000 displaced have fled Idlib since December.", "conflicts"),
    ],
)
def test_rank_checks_the_seed_claims_numbers(passage, number_check):
    (best,) = rank_passages(UN_CLAIM, source(OFF_TOPIC[0], passage))

    assert best.number_check == number_check


def test_rank_checks_an_approximate_figure_against_a_written_out_one():
    (best,) = rank_passages(REFUGEE_CLAIM, "Turkey hosts 3,700,000 Syrian refugees.")

    assert best.number_check == "agrees"


def test_rank_returns_at_most_top_k_scored_between_zero_and_one():
    text = source(*(f"Idlib report number {n}: people fled their homes." for n in range(10)))
    assert len(split_passages(text)) == 10

    ranked = rank_passages(UN_CLAIM, text, top_k=2)

    assert len(ranked) == 2
    assert all(0.0 <= r.score <= 1.0 and 0.0 <= r.entity_overlap <= 1.0 for r in ranked)
    assert ranked[0].score >= ranked[1].score


def test_rank_is_deterministic():
    text = source(*OFF_TOPIC, SEED_TEXT)

    assert rank_passages(UN_CLAIM, text) == rank_passages(UN_CLAIM, text)


def test_rank_refuses_a_non_positive_top_k():
    with pytest.raises(ValueError, match="positive"):
        rank_passages(UN_CLAIM, SEED_TEXT, top_k=0)


@pytest.mark.parametrize("text", ["", "\n\n  ", source(OFF_TOPIC[0])])
def test_rank_of_an_empty_or_unrelated_source_is_empty(text):
    assert rank_passages(UN_CLAIM, text) == []


@pytest.mark.parametrize("text", HOSTILE)
def test_rank_survives_hostile_input(text):
    ranked = rank_passages(UN_CLAIM, text, top_k=3)

    assert len(ranked) <= 3
    assert all(text[r.start : r.end] == r.text for r in ranked)


@given(st.text(max_size=200), st.text(max_size=2000), st.integers(min_value=1, max_value=5))
def test_rank_never_crashes_on_arbitrary_text(claim, text, top_k):
    ranked = rank_passages(claim, text, top_k=top_k)

    assert len(ranked) <= top_k
    assert all(text[r.start : r.end] == r.text and 0.0 <= r.score <= 1.0 for r in ranked)


def test_rank_without_embeddings_scores_bm25_and_overlap_only(monkeypatch):
    monkeypatch.setattr(ranking, "_encoder", lambda: None)
    (best,) = rank_passages(UN_CLAIM, "Nearly 950,000 people fled Idlib.")

    relevance = (best.score - 0.4 * best.entity_overlap) / 0.6

    assert 0.0 < relevance <= 1.0


def test_rank_blends_in_embedding_similarity_when_an_encoder_is_present(monkeypatch):
    class Encoder:
        def encode(self, texts):
            return [[1.0, 0.0] if "tents" in t or t == UN_CLAIM else [0.0, 1.0] for t in texts]

    twins = f"People fled Idlib on foot. {FILLER}\n\nPeople fled Idlib in tents. {FILLER}"
    monkeypatch.setattr(ranking, "_encoder", lambda: None)
    plain = rank_passages(UN_CLAIM, twins)
    monkeypatch.setattr(ranking, "_encoder", Encoder)

    blended = rank_passages(UN_CLAIM, twins, top_k=2)

    assert plain[0].text.startswith("People fled Idlib on foot.")  # a tie goes to the first
    assert blended[0].text.startswith("People fled Idlib in tents.")
    assert blended[0].score - blended[1].score == pytest.approx(0.3, abs=0.01)


def test_embeddings_are_off_unless_sentence_transformers_is_installed():
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        assert ranking.EMBEDDINGS_AVAILABLE is False
        assert ranking._encoder() is None
    else:
        assert ranking.EMBEDDINGS_AVAILABLE is True


# --- suggest_stance -------------------------------------------------------------------------


def stance(claim: str, *paragraphs: str) -> str:
    return suggest_stance(rank_passages(claim, source(*paragraphs)))


def test_stance_supports_when_a_relevant_passage_agrees_on_the_numbers():
    passage = "The UN says nearly 950,000 people have escaped their homes in Idlib since December."

    assert stance(UN_CLAIM, OFF_TOPIC[0], passage) == "supports"


def test_stance_conflicts_when_a_relevant_passage_has_other_numbers():
    passage = "The UN says about 700,000 people have escaped their homes in Idlib since December."

    assert stance(UN_CLAIM, OFF_TOPIC[0], passage) == "conflicts"


def test_stance_conflicts_when_the_passage_denies_the_claims_predicate():
    passage = "The United Nations denied reports that civilians had escaped their homes in Idlib."

    assert stance(UN_CLAIM, passage) == "conflicts"


def test_stance_does_not_count_a_negation_the_claim_shares():
    claim = "Russia has not agreed to a joint patrol in Idlib."

    assert (
        stance(claim, "Russia has not agreed to a joint patrol in Idlib, officials said.")
        == "supports"
    )


def test_stance_supports_on_high_overlap_when_there_are_no_numbers():
    claim = "Erdogan met Putin in Sochi."
    passage = "Turkish President Recep Tayyip Erdogan met Vladimir Putin in Sochi on Tuesday."

    assert stance(claim, passage) == "supports"


def test_stance_is_related_when_numbers_are_only_close():
    passage = "Turkey hosts 3.3 million Syrian refugees, the largest number since the war began."

    assert stance(REFUGEE_CLAIM, passage) == "related"


def test_stance_is_related_when_the_passage_is_barely_relevant():
    assert stance(UN_CLAIM, "Idlib is a province in north-western Syria.") == "related"


def test_stance_is_related_without_passages():
    assert suggest_stance([]) == "related"


def test_stance_ignores_a_conflict_in_a_passage_of_low_relevance():
    weak = RankedPassage("x", 0, 1, 0.1, 0.5, 0.1, "conflicts", ("x",))
    strong = RankedPassage("y", 2, 3, 0.8, 5.0, 0.9, "agrees", ("y",))

    assert suggest_stance([strong, weak]) == "supports"


# --- claim_query and key_terms --------------------------------------------------------------


def test_claim_query_for_the_un_claim_names_who_what_and_how_many():
    query = claim_query(UN_CLAIM, "The United Nations")

    for part in ("United Nations", "900,000", "Idlib"):
        assert part in query
    assert not {w.lower() for w in query.split()} & STOP_WORDS


@pytest.mark.parametrize("claim", SEED_CLAIMS, ids=[c["contains"] for c in SEED_CLAIMS])
def test_claim_query_for_every_seed_claim_is_short_and_free_of_stop_words(claim):
    query = claim_query(seed_sentence(claim["contains"]), claim["claimant"])

    assert 0 < len(query.split()) <= MAX_QUERY_TERMS
    assert not {w.lower() for w in query.split()} & STOP_WORDS


def test_claim_query_puts_the_claimant_first_and_never_repeats_it():
    query = claim_query("Erdogan said Erdogan would attend the summit.", "Recep Tayyip Erdogan")

    assert query.startswith("Recep Tayyip Erdogan")
    assert query.count("Erdogan") == 1


def test_key_terms_lists_names_then_figures_then_words():
    assert key_terms(REFUGEE_CLAIM) == [
        "Turkey",
        "Syrian",
        "3.7 million",
        "accepted",
        "refugees",
        "war",
        "began",
    ]


@pytest.mark.parametrize("text", HOSTILE)
def test_claim_query_survives_hostile_input(text):
    assert len(claim_query(text[:5000]).split()) <= MAX_QUERY_TERMS
