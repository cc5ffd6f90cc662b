"""factcheck.extraction: article text, sentence spans, check-worthiness, claimants, claims."""

import copy
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st
from trafilatura.utils import load_html

from factcheck.extraction import (
    CHECKWORTHINESS_THRESHOLD,
    checkworthiness,
    classify_kind,
    extract_claims,
    extract_from_html,
    extract_from_text,
    find_claimant,
    looks_like_html,
    split_sentences,
)
from factcheck.extraction.articles import _trafilatura_guesses
from factcheck.extraction.scoring import features
from factcheck.extraction.sentences import PYSBD_BUDGET, split_sentences_rule_based

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = "000_e9fef7baff8a209e"
EXPECTED = json.loads((FIXTURES / "claims.json").read_text(encoding="utf-8"))
SEGMENTERS = [
    pytest.param(split_sentences, id="pysbd"),
    pytest.param(split_sentences_rule_based, id="rule-based"),
]


def _seed_article(extension: str):
    raw = (FIXTURES / f"{SEED}.{extension}").read_text(encoding="utf-8")
    return extract_from_html(raw) if extension == "html" else extract_from_text(raw)


def _claimant_matches(expected: str, found: str) -> bool:
    expected, found = expected.casefold(), found.casefold()
    return bool(found) and (expected in found or found in expected)


# --- the reference article -----------------------------------------------------------------


@pytest.mark.parametrize("extension", ["txt", "html"])
@pytest.mark.parametrize("expected", EXPECTED["check_worthy"], ids=lambda item: item["contains"])
def test_it_finds_every_check_worthy_seed_claim(extension, expected):
    claims = extract_claims(_seed_article(extension).text)
    matching = [claim for claim in claims if expected["contains"] in claim.text]
    assert len(matching) == 1, [claim.text for claim in claims]
    claim = matching[0]
    if expected["claimant"]:
        assert _claimant_matches(expected["claimant"], claim.claimant), claim.claimant
        assert claim.claimant == expected["claimant"]
    else:
        assert claim.claimant == ""
    assert claim.kind == expected["kind"]


@pytest.mark.parametrize("extension", ["txt", "html"])
@pytest.mark.parametrize("never", EXPECTED["never_claims"])
def test_it_never_turns_page_furniture_into_a_claim(extension, never):
    article = _seed_article(extension)
    assert never not in article.text
    assert not [claim for claim in extract_claims(article.text) if never in claim.text]


def test_the_page_and_its_pasted_text_give_the_same_claims():
    from_text = extract_claims(_seed_article("txt").text)
    from_html = extract_claims(_seed_article("html").text)
    assert [claim.text for claim in from_text] == [claim.text for claim in from_html]
    assert [claim.claimant for claim in from_text] == [claim.claimant for claim in from_html]


def test_it_reads_the_seed_page_metadata():
    article = _seed_article("html")
    assert article.title == EXPECTED["article"]["title"]
    assert article.authors == "Roshan Amiri"
    assert article.publisher == "The Levant Ledger"
    assert article.published_at == datetime(2020, 2, 20, 9, 14, tzinfo=UTC)
    assert article.language == "en"
    assert article.canonical_url == (
        "https://levant-ledger.example/2020/02/20/turkey-russia-joint-patrol-idlib/"
    )


def test_it_takes_the_pasted_headline_as_title_and_leaves_it_out_of_the_text():
    article = _seed_article("txt")
    assert article.title == EXPECTED["article"]["title"]
    assert not article.text.startswith(article.title)
    assert article.text.startswith("Turkish President Recep Tayyip Erdogan acknowledged")


@pytest.mark.parametrize("extension", ["txt", "html"])
def test_every_seed_claim_span_points_back_into_the_body(extension):
    body = _seed_article(extension).text
    for claim in extract_claims(body):
        assert body[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0


# --- other pages and pasted text -----------------------------------------------------------

OTHER_PAGE = """<!doctype html><html lang="de-DE"><head><title>Harbour dredging</title>
<meta property="og:site_name" content="Coastal Courier">
<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "x"},
 {"@type": ["NewsArticle"], "headline": "Harbour dredging finished early",
  "author": [{"@type": "Person", "name": "Ana Silva"}, {"@type": "Person", "name": "Tom Berg"}],
  "datePublished": "2023-06-01T08:00:00"}]}</script></head>
<body><nav><a href="/">Home</a> <a href="/s">Sign up for alerts: 40% off</a></nav>
<article><h1>Harbour dredging finished early</h1>
<p>The port authority of Rotterdam said on Monday that dredging of the main channel finished
 three weeks ahead of schedule at a cost of 14 million euros.</p>
<p>Local fishermen, who opposed the works, said catches fell by 30 percent during 2022.</p>
<p>I think everyone should visit the harbour this summer.</p>
<div class="bio"><p>Ana Silva is a freelance journalist who covers shipping.</p></div>
</article><footer>Copyright 2023 Coastal Courier. 250,000 subscribers.</footer></body></html>"""


def test_it_reads_another_pages_text_and_graph_metadata():
    article = extract_from_html(OTHER_PAGE, url="https://courier.example/harbour")
    assert article.authors == "Ana Silva, Tom Berg"
    assert article.publisher == "Coastal Courier"
    assert article.language == "de"
    assert article.published_at == datetime(2023, 6, 1, 8, 0, tzinfo=UTC)
    assert article.canonical_url == "https://courier.example/harbour"
    assert "40% off" not in article.text
    assert "250,000" not in article.text
    assert "freelance journalist" not in article.text
    texts = [claim.text for claim in extract_claims(article.text)]
    assert len(texts) == 2
    assert texts[0].startswith("The port authority")
    assert "30 percent" in texts[1]


BARE_PAGE = """<html><head><title>Harbour fees rise | harbour-news.example</title></head><body>
<p class="byline">By Lena Fischer</p><p>Published 3 March 2022</p><article>
<p>The port authority said fees rose 12 percent in 2022, the largest rise in a decade.</p>
</article><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC</a>
<a href="/category/ports/">Ports</a><a href="/tag/fees/">Fees</a></body></html>"""


@pytest.mark.parametrize("page", ["seed", "other", "bare"])
@pytest.mark.parametrize("url", [None, "https://news.example/2022/fees"])
def test_its_trafilatura_metadata_is_trafilaturas_own_without_categories_and_tags(page, url):
    raw = {"seed": (FIXTURES / f"{SEED}.html").read_text(), "other": OTHER_PAGE, "bare": BARE_PAGE}
    tree = load_html(raw[page])
    fields = ("title", "author", "sitename", "date", "url")
    expected = trafilatura.extract_metadata(copy.deepcopy(tree), url)

    guessed = _trafilatura_guesses(tree, url)

    assert [getattr(guessed, f) for f in fields] == [getattr(expected, f) for f in fields]


def test_it_strips_trailing_bios_and_comment_forms_from_pasted_text():
    pasted = (
        "Council approves new budget\r\n\r\nThe city council approved a budget of $2.1 billion on "
        "Tuesday, the mayor said.\r\n\r\nJane Doe is a reporter covering city hall.\r\n\r\n"
        "Leave a Comment\r\n\r\nYour email address will not be published. Required fields are "
        "marked *"
    )
    article = extract_from_text(pasted)
    assert article.title == "Council approves new budget"
    assert article.text == (
        "The city council approved a budget of $2.1 billion on Tuesday, the mayor said."
    )


def test_it_keeps_a_first_line_that_is_a_sentence_in_the_text():
    article = extract_from_text("The river rose by 2 metres overnight.\n\nResidents left.")
    assert article.title == ""
    assert article.text.startswith("The river rose")


def test_it_rejoins_hard_wrapped_lines_between_blank_lines():
    pasted = (
        "Floods in Valencia\n\nThe regional government said 223 people\n"
        "died in the floods.\n\nRoads reopened."
    )
    article = extract_from_text(pasted)
    assert article.text == (
        "The regional government said 223 people died in the floods.\n\nRoads reopened."
    )


def test_it_keeps_one_paragraph_per_line_when_there_are_no_blank_lines():
    article = extract_from_text("Floods in Valencia\nThe regional government said 223 died.\nOk.")
    assert article.title == "Floods in Valencia"
    assert article.text == "The regional government said 223 died.\n\nOk."


@pytest.mark.parametrize(
    ("raw", "is_html"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("<p>The army said so.</p>", True),
        ("The army said 4 < 5 and 6 > 2.", False),
        ("Plain pasted text.\n\nSecond paragraph.", False),
    ],
)
def test_it_tells_html_from_pasted_text(raw, is_html):
    assert looks_like_html(raw) is is_html


def test_html_with_no_extractable_text_gives_empty_text():
    page = (
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    assert extract_from_html(page).text == ""
    assert extract_from_html("").text == ""


def test_empty_text_gives_no_claims():
    assert extract_claims("") == []
    assert extract_claims(extract_from_text("  \n\n \u200b ").text) == []


# --- sentence segmentation -----------------------------------------------------------------


@pytest.mark.parametrize("segment", SEGMENTERS)
@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Smith flew to the U.S. on Monday with Dr. Jones.",
        "About 3.7 million people, or 2.5% of the population, left in 2019.",
        'He said "Prices rose. Wages did not." and walked out.',
        "“Different plans are examined. One could work,” the minister stated.",
    ],
)
def test_segmentation_keeps_abbreviations_numbers_and_quotes_intact(segment, sentence):
    body = f"First sentence here. {sentence} Last one here."
    assert [found.text for found in segment(body)] == [
        "First sentence here.",
        sentence,
        "Last one here.",
    ]


@pytest.mark.parametrize("segment", SEGMENTERS)
def test_a_paragraph_break_always_ends_a_sentence(segment):
    body = "Erdogan spoke on Tuesday about a summit on March 5th\n\nTurkey said no."
    assert [found.text for found in segment(body)] == [
        "Erdogan spoke on Tuesday about a summit on March 5th",
        "Turkey said no.",
    ]


@pytest.mark.parametrize("segment", SEGMENTERS)
@settings(max_examples=150, deadline=None)
@given(body=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_every_sentence_span_maps_back_exactly(segment, body):
    previous_end = 0
    for sentence in segment(body):
        assert body[sentence.start : sentence.end] == sentence.text
        assert sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["Mr.", "U.S.", "3.7", "million", "said", "“Yes.", "No.”", "\n\n", "a?"]),
        max_size=60,
    )
)
def test_spans_stay_exact_on_punctuation_heavy_text(words):
    body = " ".join(words)
    for sentence in split_sentences(body):
        assert body[sentence.start : sentence.end] == sentence.text


@settings(max_examples=100, deadline=None)
@given(raw=st.text(max_size=600))
def test_the_whole_pipeline_accepts_any_text(raw):
    article = extract_from_text(raw)
    for claim in extract_claims(article.text, threshold=0.0):
        assert article.text[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0
        assert claim.kind in {"statistic", "quote", "event", "fact", "other"}
        assert isinstance(find_claimant(claim.text, raw), str)


# --- check-worthiness ----------------------------------------------------------------------


def test_a_statistic_scores_above_an_opinion():
    statistic = "Turkey has taken in about 3.7 million Syrian refugees since 2011."
    opinion = "I think the government should do much more for people."
    assert checkworthiness(statistic) > CHECKWORTHINESS_THRESHOLD > checkworthiness(opinion)


@pytest.mark.parametrize(
    ("weaker", "stronger"),
    [
        ("The team played well.", "The team won 3 of its 12 games."),
        ("The report was published.", "The report was published on Monday by Oxfam."),
        ("Prices went up for families.", "Prices went up 4%, the central bank said."),
        ("Exports were large this year.", "Exports were the largest ever recorded by Chile."),
    ],
)
def test_each_positive_feature_raises_the_score(weaker, stronger):
    assert checkworthiness(stronger) > checkworthiness(weaker)


@pytest.mark.parametrize(
    ("feature", "sentence", "neutral"),
    [
        (
            "hedging",
            "Ministers probably spent 40 million euros in Spain.",
            "Ministers spent 40 million euros in Spain.",
        ),
        (
            "question",
            "Did the ministry spend 40 million euros in Spain?",
            "The ministry spent 40 million euros in Spain.",
        ),
        (
            "call_to_action",
            "Subscribe now to read how Spain spent 40 million euros.",
            "Reports show how Spain spent 40 million euros.",
        ),
        (
            "author_bio",
            "Maria Lopez is an advocate for open budgets in Spain.",
            "Maria Lopez asked for open budgets in Spain.",
        ),
        (
            "author_bio",
            "He believes that Spain deserves open budgets for everyone.",
            "Spain published open budgets for everyone in 2021.",
        ),
        (
            "comment_form",
            "Your email address will not be published in Spain.",
            "The budget will not be published in Spain.",
        ),
        ("fragment", "Spain spent 40 million.", "Spain spent 40 million on new roads."),
    ],
)
def test_each_negative_feature_lowers_the_score(feature, sentence, neutral):
    assert feature in features(sentence)
    assert feature not in features(neutral)
    assert checkworthiness(sentence) < checkworthiness(neutral)


@pytest.mark.parametrize(
    "sentence",
    [
        "Leave a Reply",
        "Your email address will not be published.",
        "Sign up for our newsletter and share this story.",
        "What do you think?",
        "Roshan Amiri is an advocate for the truth.",
        "Amiri has dedicated his life to fighting for social justice.",
        "We believe this is the right thing to do.",
    ],
)
def test_boilerplate_and_opinion_stay_below_the_threshold(sentence):
    assert checkworthiness(sentence) < CHECKWORTHINESS_THRESHOLD


def test_reported_opinion_is_not_penalised_as_the_writers_own():
    sentence = "Leaders should settle the issue, the Kenyan minister said on Friday."
    assert "hedging" not in features(sentence)
    assert checkworthiness(sentence) > checkworthiness("Leaders should settle the issue.")


def test_checkworthiness_is_deterministic_and_bounded():
    sentence = "The United Nations says more than 900,000 people fled Idlib since December."
    scores = {checkworthiness(sentence) for _ in range(3)}
    assert len(scores) == 1
    assert 0.0 <= scores.pop() <= 1.0
    assert checkworthiness("") == 0.0


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Unemployment fell to 4.1% in March, the agency said.", "statistic"),
        ("The leaders will meet in Geneva on June 3rd.", "event"),
        ("“We will not retreat,” General Ali Khan told reporters.", "quote"),
        ("The Danube flows through Vienna and Budapest.", "fact"),
        ("Is this right?", "other"),
    ],
)
def test_it_classifies_the_kind_of_claim(sentence, kind):
    assert classify_kind(sentence) == kind


# --- claimants -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "context", "claimant"),
    [
        ("The United Nations says more than 900,000 people fled.", "", "The United Nations"),
        (
            "Turkish President Recep Tayyip Erdogan acknowledged the delay.",
            "",
            "Recep Tayyip Erdogan",
        ),
        ("Russia, which backs Assad, has told that it would act.", "", "Russia"),
        ("Iran, which too backs Assad, has stated it was ready.", "", "Iran"),
        (
            "“Talks could work,” the authority stated.",
            "On Friday a Turkish authority spoke.",
            "Turkish official",
        ),
        (
            "No deal was reached, told the official.",
            "A Turkish official spoke.",
            "Turkish official",
        ),
        (
            "According to the Arab News, the authority announced a meeting.",
            "a Turkish authority said",
            "Turkish official",
        ),
        ("According to the Daily Planet, exports doubled.", "", "Daily Planet"),
        ("Prices rose, said Mr. Tom Baker on Monday.", "", "Tom Baker"),
        ("U.S. Secretary of State Antony Blinken told reporters it failed.", "", "Antony Blinken"),
        ("Police said three people were hurt.", "", "Police"),
        ("The cost, officials estimated, was high.", "", "officials"),
        ("He said the plan would cost 3 billion dollars.", "", ""),
        ("Turkey has accepted about 3.7 million refugees.", "", ""),
    ],
)
def test_it_finds_the_claimant(sentence, context, claimant):
    assert find_claimant(sentence, context) == claimant


def test_an_unnamed_official_without_context_stays_unnamed():
    assert find_claimant("The official said nothing was agreed.") == "The official"


# --- hostile input -------------------------------------------------------------------------

HOSTILE = {
    "zero-width": "The\u200b army\u200d said\ufeff 4,000 troops left Idlib on Monday.",
    "right-to-left": "\u202eThe army said\u202c 4,000 troops left \u200fIdlib on Monday.",
    "emoji": "The army said 🚀 4,000 troops left Idlib on Monday 🎉.",
    "script": "<script>alert('x')</script> The army said 4,000 troops left Idlib on Monday.",
    "invalid-utf8": b"The army said 4,000 troops left \xff\xfe Idlib on Monday.".decode(
        "utf-8", errors="replace"
    ),
}


@pytest.mark.parametrize("raw", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_pasted_text_is_cleaned_and_still_yields_the_claim(raw):
    article = extract_from_text(raw)
    assert not any(mark in article.text for mark in "\u200b\u200d\ufeff\u202e\u202c\u200f")
    claims = extract_claims(article.text)
    assert len(claims) == 1
    assert "4,000 troops" in claims[0].text
    assert claims[0].claimant == "The army"


@pytest.mark.parametrize("raw", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_html_never_leaks_script_or_controls(raw):
    page = f"<html><body><article><p>{raw}</p><p>{raw}</p></article></body></html>"
    article = extract_from_html(page)
    assert "alert(" not in article.text
    assert not any(mark in article.text for mark in "\u200b\u200d\ufeff\u202e\u202c\u200f")


# Guards against a pathological slowdown (pysbd once took minutes on such input), not speed
# targets (those live in bench/): generous limits in CPU seconds of this process, so a busy
# test machine does not make them flaky.
MEGABYTE_BODIES = {
    "sentences": "The army said 4,000 troops left Idlib on Monday. I think it matters. ",
    "no-punctuation": "word " * 12,
    "abbreviations": "Mr. U.S. 3.7 “quoted. text” e.g. ",
    "one-letter-lines": "a. B.\n",
    "numbered-lines": "",
}


@pytest.mark.parametrize("name", MEGABYTE_BODIES)
def test_a_megabyte_of_text_finishes_in_a_few_seconds(name):
    unit = MEGABYTE_BODIES[name]
    body = unit * (1_000_000 // len(unit)) if unit else "".join(f"{i}\n" for i in range(180_000))
    assert len(body) > 900_000
    started = time.process_time()
    article = extract_from_text(body)
    from_article = extract_claims(article.text)
    assert time.process_time() - started < 20
    started = time.process_time()
    from_body = extract_claims(body)
    assert time.process_time() - started < 20
    for text, claims in ((article.text, from_article), (body, from_body)):
        assert all(text[claim.start : claim.end] == claim.text for claim in claims)


def test_a_pathological_body_within_the_pysbd_budget_finishes_quickly():
    body = "\n\n".join(["Mr. “U.S.” (3.7) e.g. i.e. " * 110] * 13)
    assert len(body) < PYSBD_BUDGET
    started = time.process_time()
    split_sentences(body)
    assert time.process_time() - started < 10


def test_a_megabyte_html_page_finishes_in_a_few_seconds():
    paragraph = "<p>The army said 4,000 troops left Idlib on Monday, officials confirmed.</p>"
    page = "<html><body><article>" + paragraph * (1_000_000 // len(paragraph)) + "</article>"
    started = time.process_time()
    extract_from_html(page + "</body></html>")
    assert time.process_time() - started < 20
