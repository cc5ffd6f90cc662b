"""Paragraphs split without pysbd get pysbd's answer; anything ambiguous still goes to pysbd."""

import sys
from pathlib import Path

import pytest

from factcheck.extraction import extract_from_html, extract_from_text, sentences

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402

AMBIGUOUS = [
    "Mr. Smith flew to the U.S. on Monday. He met Dr. Jones there.",
    "About 3.7 million people left. Most went north.",
    'He said "Prices rose. Wages did not." and walked out. Nobody spoke.',
    "“Different plans are examined. One could work,” the minister stated. He left.",
    "The talks ran late -- nobody agreed. They resume today.",
    "He met Smith. Then he left for the airport.",
    "Prices rose etc. The ministry did not comment.",
    "Prices rose in 5. Then they fell again.",
    "He waited... Then the envoy arrived.",
    "The envoy (who declined to be named) left. Talks end.",
    "He called it 'over. Done.' and left the room.",
]


def pysbd_spans(paragraph: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for piece in sentences._SEGMENTER.segment(paragraph):
        found = paragraph.find(piece.strip(), cursor)
        spans.append((found, found + len(piece.strip())))
        cursor = found + len(piece.strip())
    return spans


def news_paragraphs() -> list[str]:
    cited = [f"http://127.0.0.{2 + n % 8}:8080/report/{n}" for n in range(40)]
    bodies = [extract_from_html(page).text for page in pages.build_pages(12, cited, seed=11)]
    seed = (ROOT / "tests" / "fixtures" / "000_e9fef7baff8a209e.txt").read_text(encoding="utf-8")
    bodies.append(extract_from_text(seed).text)
    return [paragraph for body in bodies for paragraph in body.split("\n\n")]


def test_paragraphs_split_without_pysbd_are_split_as_pysbd_splits_them():
    fast = [p for p in news_paragraphs() if sentences.unambiguous(p)]
    several = [p for p in fast if sentences._may_hold_several(p)]
    assert len(several) >= 10
    for paragraph in several:
        assert sentences.rule_based_spans(paragraph) == pysbd_spans(paragraph)
    assert [s.text for s in sentences.split_sentences("Prices rose in 2023. Wages fell.")] == [
        "Prices rose in 2023.",
        "Wages fell.",
    ]


@pytest.mark.parametrize("paragraph", AMBIGUOUS)
def test_abbreviations_numbers_quotes_and_dashes_go_to_pysbd(paragraph):
    assert not sentences.unambiguous(paragraph)
    spans = [(s.start, s.end) for s in sentences.split_sentences(paragraph)]
    assert spans == pysbd_spans(paragraph)
