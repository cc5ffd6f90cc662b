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


def test_a_compared_figure_is_marked_apart_and_wins_over_the_terms_it_overlaps():
    text = "Some 90,000 people fled; 90,000 more may follow."
    marked = highlight.mark(
        text, highlight.term_spans(text, ["Some 90,000 people", "fled"]), figures=[(5, 11)]
    )
    assert marked == (
        '<mark>Some </mark><mark class="figure">90,000</mark><mark> people</mark> '
        "<mark>fled</mark>; 90,000 more may follow."
    )


@pytest.mark.parametrize(
    "hostile", ["<script>alert(1)</script>", "\u202e<b>rtl</b>\u200b", "🙂 <img src=x onerror=1>"]
)
def test_a_figure_inside_hostile_text_is_escaped(hostile):
    text = f"{hostile}45%{hostile}"
    start = len(hostile)
    marked = highlight.mark(text, [(0, len(text))], figures=[(start, start + 3)])
    for raw in ("<script>", "<img", "<b>"):
        assert raw not in marked
    assert '<mark class="figure">45%</mark>' in marked


def test_a_figure_is_found_where_it_was_stored_else_wherever_its_text_is():
    text = "45% closed; 45% reopened."
    assert highlight.figure_spans(text, "45%", [12, 15]) == [(12, 15)]
    everywhere = [(0, 3), (12, 15)]
    assert highlight.figure_spans(text, "45%", None) == everywhere
    assert highlight.figure_spans(text, "45%", [0, 9]) == everywhere  # not the figure's place
    assert highlight.figure_spans(text, "45%", [20, 99]) == everywhere
    assert highlight.figure_spans(text, "45%", "0,3") == everywhere
    assert highlight.figure_spans(text, "60%", None) == []
