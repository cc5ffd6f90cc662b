"""factcheck.highlight: marking words in untrusted text, escaping everything else."""

import pytest

from factcheck import highlight


def test_it_marks_whole_words_case_insensitively():
    text = "Refugees fled; 900,000 fled Idlib. Unfledged."
    marked = highlight.mark(text, highlight.term_spans(text, ["FLED", "900,000"]))
    assert (
        marked
        == "Refugees <mark>fled</mark>; <mark>900,000</mark> <mark>fled</mark> Idlib. Unfledged."
    )


@pytest.mark.parametrize(
    "hostile", ["<script>alert(1)</script>", "\u202e<b>rtl</b>\u200b", "🙂 <img src=x onerror=1>"]
)
def test_it_escapes_hostile_text_and_terms(hostile):
    text = f"{hostile} 90% said"
    marked = highlight.mark(text, highlight.term_spans(text, [hostile, "90%"]))
    for raw in ("<script>", "<img", "<b>"):
        assert raw not in marked
    assert "&lt;" in marked
    assert "<mark>90%</mark>" in marked


def test_it_merges_overlapping_spans_and_ignores_empty_ones():
    assert highlight.mark("abcdef", [(0, 3), (2, 4), (5, 5)]) == "<mark>abcd</mark>ef"


def test_it_finds_the_claims_paragraph():
    body = "First paragraph.\nBefore. The claim. After.\nLast."
    start = body.index("The claim.")
    text, span = highlight.paragraph_around(body, start, start + len("The claim."))
    assert text == "Before. The claim. After."
    assert text[span[0] : span[1]] == "The claim."


def test_it_cuts_a_huge_paragraph_around_the_claim():
    body = "x" * 100_000 + " The claim. " + "y" * 100_000
    start = body.index("The claim.")
    text, span = highlight.paragraph_around(body, start, start + 10, limit=200)
    assert len(text) <= 200
    assert text[span[0] : span[1]] == "The claim."
