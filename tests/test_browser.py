"""The whole review in a real browser: Debian's chromium driven by Playwright, against live_server.

An editor opens the seed article's "more than 900,000" claim from the queue, sees its evidence,
cites it and drafts a "true" verdict; a senior editor approves it; the claim shows Verified.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import ingest
from factcheck.models import Claim, Evidence, Source
from tests.personas import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("plain_static")]


@pytest.fixture
def browser(monkeypatch) -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(
            "NO CHROMIUM AT /usr/bin/chromium: the browser test did NOT run. "
            "Install it with `apt-get install -y chromium` (.ci/run does)."
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def seed_claim(transactional_db, fixture_path) -> Claim:
    """The seed article's UN claim with two fetched sources (fetching is tested elsewhere)."""
    article = ingest.article_ingest_file(path=fixture_path("000_e9fef7baff8a209e.html"))
    claim = article.claims.get(text__contains="more than 900,000")
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
    return claim


def _log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")


def test_an_editor_drafts_and_a_senior_editor_publishes_in_the_browser(
    browser, live_server, role_groups, seed_claim, editor, senior_editor
):
    context = browser.new_context()
    page = context.new_page()
    _log_in(page, live_server.url, editor.username)
    page.goto(f"{live_server.url}/admin/factcheck/claim/")
    page.click("#result_list a:has-text('more than 900,000')")
    page.wait_for_selector("#review")
    assert "more than 900,000" in page.inner_text("blockquote.claim-context mark")
    assert page.locator("article.evidence").count() == 2
    assert "UNHCR: Idlib displacement update" in page.inner_text("#evidence")

    page.locator("article.evidence", has_text="UNHCR").locator("button.cite").click()
    page.wait_for_selector("article.evidence.cited")
    page.select_option("#verdict-form select[name=rating]", "true")
    page.fill("#verdict-form textarea[name=summary]", "UNHCR's figures show more than 900,000.")
    page.click("#save-draft")
    page.wait_for_selector("text=Draft saved.")
    assert page.locator("#publish").count() == 0
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    _log_in(page, live_server.url, senior_editor.username)
    page.goto(f"{live_server.url}/admin/factcheck/claim/{seed_claim.pk}/change/")
    page.click("#publish")
    page.wait_for_selector("text=Verdict approved and published.")
    assert page.inner_text("#claim-status") == "VERIFIED"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "claim-page-verified.png"), full_page=True)
    context.close()

    seed_claim.refresh_from_db()
    assert seed_claim.status == "verified"
    verdict = seed_claim.verdicts.get()
    assert (verdict.status, verdict.editor, verdict.approved_by) == (
        "published",
        editor,
        senior_editor,
    )
    assert [e.source.title for e in verdict.cited_evidence.all()] == [
        "UNHCR: Idlib displacement update"
    ]


def test_the_admin_and_the_api_docs_run_under_the_content_security_policy(
    browser, live_server, seed_claim, superuser
):
    """No script, style or image is refused by the CSP, and every page still works."""
    context = browser.new_context()
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy"
            in message.text else None)  # fmt: skip
    page.on("pageerror", lambda error: refused.append(str(error)))
    # A superuser: an earlier transactional test emptied the role groups.
    _log_in(page, live_server.url, superuser.username)
    page.goto(f"{live_server.url}/admin/factcheck/claim/")
    page.wait_for_selector("#result_list")
    page.goto(f"{live_server.url}/admin/factcheck/claim/{seed_claim.pk}/change/")
    page.wait_for_selector("#review")
    page.locator("article.evidence", has_text="UNHCR").locator("button.cite").click()
    page.wait_for_selector("article.evidence.cited")  # the claim page's own script ran
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".swagger-ui .information-container .title")
    assert "Factcheck Workbench API" in page.inner_text(".swagger-ui .information-container")
    assert page.locator(".swagger-ui .opblock").count() > 5
    context.close()
    assert refused == []
