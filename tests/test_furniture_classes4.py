"""Promotions the fourth held-out evaluation let through (discount codes, "% off" offers,
advertisement labels), and kinds it got wrong: a change by a multiple ("doubled", "tripled")
is a quantity, so reported speech stating one is a statistic. Text written for these tests;
none is taken from an evaluation article."""

import pytest

from factcheck.extraction import extract_claims
from factcheck.extraction.furniture import is_furniture
from factcheck.extraction.scoring import classify_kind


@pytest.mark.parametrize(
    "line",
    [
        "Treat yourself this spring: save 15% with code SPRING15 at Mallory & Co.",
        "Use promo code BOOKS10 at checkout for free delivery.",
        "Enter discount code at checkout to claim your gift.",
        "Get 30% off your first box of Greenleaf meals.",
        "Black Friday deal: grab 40% off all Pellworth laptops this weekend!",
        "Advertisement",
        "Sponsored: How to cut your heating bills this winter",
        "Subscribe for £1 a week for the first three months.",
        "T&Cs apply.",
    ],
)
def test_promotions_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Households could save 20% on energy bills by switching supplier, the regulator said.",
        "The retailer said sales rose 8% after it offered 30% off winter coats.",
        "Police said the stolen code had been used 4,000 times since March.",
        "The union said 40% of teachers would subscribe to the new pension scheme.",
        "Shares in Pellworth rose 12% after the results, the company said.",
    ],
)
def test_news_sentences_about_offers_and_codes_stay(line):
    assert not is_furniture(line)


def test_a_promotion_in_an_article_is_no_claim():
    body = (
        "Footfall on high streets fell 4.1% in November, the Retail Observatory said.\n\n"
        "Shop early this year: save 25% with code XMAS25 at Dunmore Books.\n\n"
        "Spending online rose 6%, the observatory added."
    )
    texts = [claim.text for claim in extract_claims(body)]
    assert any("Footfall" in text for text in texts)
    assert not any("XMAS25" in text for text in texts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ben Carter of the Tenants Forum said energy bills had doubled since 2020.",
        "She added that bus fares in Marlow had tripled since March.",
        "The exam regulator said appeals had quadrupled in five years.",
        "The agency said waiting times for a test had halved.",
        "He said the number of applications had risen fourfold.",
    ],
)
def test_a_change_by_a_multiple_is_a_statistic(sentence):
    assert classify_kind(sentence) == "statistic"


def test_doubling_down_is_no_quantity():
    assert classify_kind("The senator doubled down on his claim, his spokesman said.") != (
        "statistic"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Download our app for 50% off your first order",
        "Sign up to our newsletter and get 10% off",
        "Subscribe now",
        "Ad",
        "Promoted stories",
        "Get the latest headlines for just 99p a month",
        "Shares: 2,341",
        "More: Exam regulator says 6% of grades changed",
    ],
)
def test_more_promotions_share_counts_and_link_labels_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "More than 40% of pupils missed school, the department said.",
        "Adults spend four hours a day online, the regulator said.",
        "Readers get the paper for just £1 a week, the publisher said.",
    ],
)
def test_sentences_opening_like_promotions_stay(line):
    assert not is_furniture(line)


def test_twice_as_much_is_a_quantity():
    assert classify_kind("He said the cost had ballooned to twice the original budget.") == (
        "statistic"
    )


@pytest.mark.parametrize(
    "line",
    [
        "RELATED | Unemployment rises to 5.2% as hiring slows",
        "Related Articles",
        "› Inflation hits 3.1%: what it means for you",
        "Also in the news: Exam results day – 27% get top grades",
        "Hartley & Sons (HRT) +2.3%",
        "HRT 412.5p ▲ 2.3%",
        "This article contains affiliate links. We may earn a commission.",
        "Sign up for our free daily newsletter",
        "Join 50,000 readers who get our morning briefing",
        "Offer ends midnight Sunday.",
        "Free P&P on orders over £50.",
        "Share this article",
    ],
)
def test_link_labels_tickers_and_commerce_notices_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Shares in Hartley & Sons closed up 2.3% at 412.5p.",
        "The company will offer free delivery on orders over £20 from March.",
        "The offer ends a decade of price rises, the minister said.",
        "Related research found 30% of firms cut staff.",
        "Share prices fell 3% on Monday.",
        "More than 2,000 people joined the union, it said.",
    ],
)
def test_market_and_offer_news_stays(line):
    assert not is_furniture(line)
