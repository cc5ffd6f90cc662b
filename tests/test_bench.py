"""A fast smoke test of the benchmarks' parts (the benchmarks themselves run by `make bench`)."""

import sys
from pathlib import Path

from factcheck import extraction

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import machine  # noqa: E402
import pages  # noqa: E402

SOURCES = [f"http://127.0.0.{2 + n % 8}:8080/report/{n}" for n in range(40)]


def test_each_layout_of_the_bench_pages_yields_an_article_with_its_citations():
    built = pages.build_pages(len(pages.LAYOUTS), SOURCES, seed=7)
    for page in built:
        article = extraction.extract_from_html(page, url="http://127.0.0.1:8080/article/1")
        assert "3.7 million" in article.text
        assert "Leave a Reply" not in article.text
        assert "Most read" not in article.text
        assert 2 <= len(article.links) <= 4
        assert {link.url for link in article.links} <= set(SOURCES)
        assert all(link.paragraph in article.text for link in article.links)


def test_the_calibration_names_its_loop_rate_and_the_load():
    line = machine.calibration(seconds=0.05)
    assert "M loop iterations per CPU-second" in line
    assert "load average" in line
