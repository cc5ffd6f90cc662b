"""Furniture the third held-out evaluation let through, and the kinds expected next: a press
release's appendix (ENDS, notes to editors, "About X", media contacts), market-data notices and
tickers, share bars, related-link labels, chart captions, update notes. Text written for these
tests; none is taken from an evaluation article."""

import pytest

from factcheck.extraction import extract_claims
from factcheck.extraction.articles import extract_from_text
from factcheck.extraction.furniture import appendix_start, is_furniture

RELEASE = """PRESS RELEASE
Corvane Therapeutics
For immediate release

Corvane drug cuts heart attacks by a quarter in trial

Corvane Therapeutics said its drug cut heart attacks by 24% in a trial of 6,400 patients.

The trial ran at 140 hospitals in nine countries, the company said.

Chief medical officer Dr Lena Brandt said: "These results are the strongest we have seen."

ENDS

Notes to editors
1. The trial enrolled 6,400 adults aged 50 to 80 between 2022 and 2025.
2. Corvane Therapeutics employs 2,300 people at four sites.

About Corvane Therapeutics
Corvane Therapeutics is a biotechnology company founded in 2009 with revenue of £410m in 2025.

Media contacts: Corvane press office, +44 20 7946 0000, press@corvane.example
"""


def test_nothing_after_a_release_s_ends_line_is_a_claim():
    article = extract_from_text(RELEASE)
    claims = extract_claims(article.text)
    texts = " ".join(claim.text for claim in claims)
    assert "cut heart attacks by 24%" in texts
    assert "140 hospitals" in texts
    for furniture in ("6,400 adults", "2,300 people", "£410m", "+44 20"):
        assert furniture not in texts


@pytest.mark.parametrize(
    "heading",
    [
        "Notes to editors",
        "Notes for editors:",
        "Editor's notes",
        "About Corvane Therapeutics",
        "Media enquiries: press office, 020 7946 0000",
        "For further information please contact Sam Reed.",
        "-ENDS-",
        "###",
    ],
)
def test_appendix_headings_end_the_article_text(heading):
    body = "\n\n".join(
        [
            "Corvane Therapeutics said sales rose 12% to £88m.",
            "The company said it would hire 300 staff in 2027.",
            "Analysts had expected sales of £84m.",
            heading,
            "The company was founded in 2009 and has 2,300 staff.",
        ]
    )
    assert appendix_start(body) == body.index(heading)
    assert not any("2,300 staff" in claim.text for claim in extract_claims(body))


def test_an_about_heading_near_the_top_and_about_a_figure_end_nothing():
    body = "\n\n".join(
        [
            "Bus fares will rise 6% in April, the council said.",
            "About cookies on this site",
            "About 40% of passengers travel before 9am, council figures show.",
            "Fares rose 4% last year.",
        ]
    )
    assert appendix_start(body) == len(body)
    assert any(claim.text.startswith("About 40%") for claim in extract_claims(body))


@pytest.mark.parametrize(
    "line",
    [
        "Prices are delayed by at least 15 minutes.",
        "Quotes delayed 20 mins.",
        "Market data provided by Tickerline.",
        "FTSE 100 7,812.42 ▲0.3%",
        "Nasdaq 17,842.15 +1.2% | Dow 38,210.50 -0.4%",
        "LON:QTL 412.5p +3.2%",
        "Quillon Technologies (QTL.L) 412.50 ▲ 12.80 (3.2%)",
        "Share this article: 1,318 shares",
        "Share on Facebook · Share on X · 957 shares",
        "Shared 1,204 times",
        "Most read: Council tax to rise 5% in April",
        "More from Business: Quillon shares slump 12% after profit warning",
        "You might also like: House prices up 3% in a year",
        "Trending: Bus fares to rise 8%",
        "Source: Office for National Statistics",
        "Chart: Unemployment rate, 2015 to 2026",
        "Table 2: Seats won by party in 2022 and 2026",
        "Listen to this article, 4 min",
        "This story was updated at 10:42 to include a statement from the council.",
    ],
)
def test_market_data_share_bars_related_links_and_captions_are_furniture(line):
    assert is_furniture(line)
    body = f"The council approved its budget on Monday.\n\n{line}"
    assert not any(line[:12] in claim.text for claim in extract_claims(body))


@pytest.mark.parametrize(
    "sentence",
    [
        "He sold 50,000 shares in the company last year.",
        "The flight was delayed by 15 minutes after 300 passengers were rebooked.",
        "Labour won 1,204 votes, up 3.1% on 2022.",
        "Quillon (QTL) shares rose 3.2% to 412.5p on Tuesday.",
        "Data from the Office for National Statistics show unemployment rose to 4.6%.",
    ],
)
def test_claims_like_the_furniture_stay_claims(sentence):
    assert not is_furniture(sentence)


def test_an_faq_box_s_answers_are_no_claims_but_the_text_after_it_is():
    body = "\n\n".join(
        [
            "Labour won 31 of the 48 seats on Dunmore Council, up from 24.",
            "Your questions answered",
            "Q: When will the new council meet?",
            "A: The first full meeting is on 21 May, when 48 councillors will elect a leader.",
            "The Greens were reduced to nine seats, down from 14.",
        ]
    )
    texts = [claim.text for claim in extract_claims(body)]
    assert not any("48 councillors" in text for text in texts)
    assert any(text.startswith("The Greens") for text in texts)
    assert any(text.startswith("Labour won") for text in texts)


def test_an_interview_s_answers_outside_an_faq_box_stay_claims():
    body = "\n\n".join(
        [
            "The mayor spoke to the Echo on Friday.",
            "Q: How many homes will you build?",
            "A: We will build 2,000 homes by 2030, and 40% will be affordable.",
        ]
    )
    assert any("2,000 homes" in claim.text for claim in extract_claims(body))
