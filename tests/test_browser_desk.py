"""The whole desk in a real browser (Debian's chromium driven by Playwright, against live_server).

An editor pastes the seed article into the admin's intake page, reads it with its claims
highlighted, opens the "more than 900,000" claim and drafts a verdict. A second editor saves the
same draft meanwhile: the first editor's typed text survives the conflict, beside theirs, and is
saved on top. A senior editor publishes; an anonymous browser opens the public page and finds
the ClaimReview JSON-LD. Each step leaves a screenshot in tests/artifacts/.
"""

import json

import pytest

from factcheck.models import Article, Claim, Evidence, Source, Verdict
from tests.test_browser import ARTIFACTS, _log_in, browser  # noqa: F401 (the browser fixture)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("plain_static")]
WIDE = {"width": 1280, "height": 1000}


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"desk-{name}.png"), full_page=True)


def in_view(page, selector: str) -> bool:
    """True when the element's top is inside the visible part of the page."""
    top = page.locator(selector).evaluate("e => e.getBoundingClientRect().top")
    return 0 <= top < page.viewport_size["height"]


def add_fetched_sources(claim: Claim) -> None:
    """Two fetched sources for the claim (finding and fetching them is tested elsewhere)."""
    for n, (title, stance) in enumerate(
        [("UNHCR: Idlib displacement update", "supports"), ("Regional news digest", "related")]
    ):
        source = Source.objects.create(
            url=f"https://sources.example.org/{n}", domain="sources.example.org", title=title,
            status=Source.Status.FETCHED, text="More than 900,000 people have fled since December.",
        )  # fmt: skip
        Evidence.objects.create(
            claim=claim, source=source, provider=Evidence.Provider.WIKIPEDIA, score=1 - n / 10,
            suggested_stance=stance, number_check=Evidence.NumberCheck.AGREES,
            passages=[{"text": "More than 900,000 people have fled since December.",
                       "matched_terms": ["900,000", "fled"]}],
        )  # fmt: skip


def test_the_desk_from_pasted_text_to_a_public_fact_check(
    browser,  # noqa: F811
    live_server,
    role_groups,
    seed_text,
    editor,
    second_editor,
    senior_editor,
):
    base = live_server.url

    # 1. An editor takes in an article by pasting its text, with what the paste cannot carry.
    first = browser.new_context(viewport=WIDE)
    page = first.new_page()
    _log_in(page, base, editor.username)
    page.goto(f"{base}/admin/factcheck/article/")
    page.click("#content a.addlink")
    page.fill("#id_text", seed_text)
    page.fill("#id_title", "Turkey and Russia talk Idlib as 900,000 flee")
    page.fill("#id_original_url", "https://levantledger.example/2020/02/20/idlib/")
    page.fill("#id_publisher", "The Levant Ledger")
    page.fill("#id_published", "2020-02-20 09:14 +03:00")
    shot(page, "1-intake")
    page.click("#take-in")

    # 2. It lands on the reading page: the body with every claim highlighted in place.
    page.wait_for_selector("#article-body")
    article = Article.objects.get()
    assert (article.origin, article.publisher, article.published_offset) == (
        "text", "The Levant Ledger", "+03:00"
    )  # fmt: skip
    assert "20 February 2020, 09:14 (UTC+03:00)" in page.inner_text(".byline")
    highlighted = page.locator("#article-body a.claim")
    assert highlighted.count() == article.claims.count() >= 5
    claim = article.claims.get(text__contains="more than 900,000")
    add_fetched_sources(claim)
    shot(page, "2-reading")

    # 3. The editor opens the claim, cites the UNHCR source and drafts a verdict.
    page.click(f"#article-body a#claim-{claim.pk}")
    page.wait_for_selector("#review")
    assert "more than 900,000" in page.inner_text("blockquote.claim-context mark")
    assert page.locator("blockquote.claim-context p").count() >= 2  # the paragraphs around it
    page.locator("article.evidence", has_text="UNHCR").locator("button.cite").click()
    page.wait_for_selector("article.evidence.cited")
    assert "Cited UNHCR" in page.inner_text("article.evidence.cited .section-messages")
    assert page.input_value("#verdict-form select[name=rating]") == ""  # no preset rating
    page.select_option("#verdict-form select[name=rating]", "true")
    page.fill("#verdict-form input[name=claim_reviewed]", "UN: over 900,000 fled Idlib since Dec.")
    page.fill("#verdict-form textarea[name=summary]", "UNHCR's figures show more than 900,000.")
    page.click("#save-draft")
    page.wait_for_selector("#verdict .section-messages >> text=Draft saved.")
    assert in_view(page, "#verdict .section-messages")
    shot(page, "3-draft")

    # 4. The first editor starts improving the summary; a second editor saves the same draft.
    mine = "UNHCR counted 948,000 people displaced between 1 December and 20 February."
    page.fill("#verdict-form textarea[name=summary]", mine)
    second = browser.new_context(viewport=WIDE)
    other = second.new_page()
    _log_in(other, base, second_editor.username)
    other.goto(f"{base}/admin/factcheck/claim/{claim.pk}/change/")
    other.fill("#verdict-form textarea[name=summary]", "OCHA reports 950,000 displaced.")
    other.click("#save-draft")
    other.wait_for_selector("text=Draft saved.")
    second.close()

    page.click("#save-draft")
    page.wait_for_selector("text=Someone else saved this verdict since you opened it")
    assert page.input_value("#verdict-form textarea[name=summary]") == mine
    assert "OCHA reports 950,000 displaced." in page.inner_text("#theirs")
    assert in_view(page, "#verdict .section-messages")  # where the editor is looking
    shot(page, "4-conflict")
    page.click("#save-draft")  # "Save mine on top", knowingly
    page.wait_for_selector("#verdict .section-messages >> text=Draft saved.")
    draft = Verdict.objects.get(claim=claim)
    assert (draft.summary, draft.editor) == (mine, editor)
    first.close()

    # 5. A senior editor who wrote none of it reads the warnings and publishes.
    third = browser.new_context(viewport=WIDE)
    page = third.new_page()
    _log_in(page, base, senior_editor.username)
    page.goto(f"{base}/admin/factcheck/claim/{claim.pk}/change/")
    page.click("#publish")
    page.wait_for_selector("#verdict .section-messages >> text=Verdict approved and published.")
    assert in_view(page, "#verdict .section-messages")
    assert page.inner_text("#claim-status") == "VERIFIED"
    shot(page, "5-published")
    public_path = page.get_attribute("a.public-link", "href")
    third.close()

    # 6. Anyone can read the fact-check, and search engines find its ClaimReview.
    anonymous = browser.new_context(viewport=WIDE)
    page = anonymous.new_page()
    page.goto(f"{base}{public_path}")
    assert page.inner_text("h1") == "UN: over 900,000 fled Idlib since Dec."
    assert "UNHCR counted 948,000" in page.inner_text("main")
    script = page.locator('script[type="application/ld+json"]').text_content()
    document = json.loads(script)
    assert document["@type"] == "ClaimReview"
    assert document["url"] == f"{base}{public_path}"
    assert document["claimReviewed"] == "UN: over 900,000 fled Idlib since Dec."
    assert document["reviewRating"]["alternateName"] == "True"
    assert document["itemReviewed"]["appearance"][0]["url"] == (
        "https://levantledger.example/2020/02/20/idlib/"
    )
    shot(page, "6-public")
    anonymous.close()
