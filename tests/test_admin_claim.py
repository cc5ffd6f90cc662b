"""The claim page and the article page: what they show, what they refuse, what they cost."""

import pytest
from django.urls import reverse

from factcheck import review
from factcheck.models import Article, Claim, Evidence, Source, Verdict
from tests.personas import make_article, make_claim, make_evidence, ranked_passages

pytestmark = pytest.mark.usefixtures("plain_static")

HOSTILE = "<script>alert('x')</script>"


def page(claim: Claim) -> str:
    return reverse("admin:factcheck_claim_change", args=[claim.pk])


def step(claim: Claim, name: str) -> str:
    return reverse("admin:factcheck_claim_step", args=[claim.pk, name])


@pytest.fixture
def seeded_claim(db) -> Claim:
    body = (
        "Talks went on in Ankara.\n"
        "The United Nations says more than 900,000 people have fled since December. "
        "Aid groups warn of worse.\nA last line."
    )
    article = make_article(body=body, title="Idlib talks", url="https://news.example.org/idlib")
    return make_claim(
        article,
        text="The United Nations says more than 900,000 people have fled since December.",
        claimant="The United Nations",
    )


def test_the_claim_is_highlighted_among_the_paragraphs_around_it(client, editor, seeded_claim):
    client.force_login(editor)
    body = client.get(page(seeded_claim)).content.decode()
    assert "<mark>The United Nations says more than 900,000 people" in body
    context = body[body.index('class="claim-context"') : body.index("</blockquote>")]
    assert context.index("<p>Talks went on in Ankara.</p>") < context.index("<mark>")
    assert "Aid groups warn of worse.</p><p>A last line.</p>" in context
    assert reverse("admin:factcheck_article_change", args=[seeded_claim.article_id]) in body
    assert "The United Nations</strong>" in body


def test_the_claim_page_shows_why_the_claim_scored_as_it_did(client, editor, seeded_claim):
    client.force_login(editor)
    body = client.get(page(seeded_claim)).content.decode()
    assert "Why this check-worthiness score" in body
    assert "rule: attribution" in body
    assert "model: quantity" in body


def test_the_evidence_shows_source_checks_and_marked_passages(client, editor, seeded_claim):
    make_evidence(
        seeded_claim,
        source=Source.objects.create(
            url="https://data.unhcr.org/syria", domain="data.unhcr.org", title="UNHCR Syria",
            status=Source.Status.FETCHED,
        ),
        passages=[
            {"text": "Some 900,000 people fled Idlib.", "matched_terms": ["900,000", "fled"]}
        ],
        number_check=Evidence.NumberCheck.CLOSE,
        suggested_stance=Evidence.Stance.SUPPORTS,
    )  # fmt: skip
    client.force_login(editor)
    body = client.get(page(seeded_claim)).content.decode()
    assert "UNHCR Syria" in body
    assert "data.unhcr.org" in body
    assert "Fetched" in body
    assert "Some <mark>900,000</mark> people <mark>fled</mark> Idlib." in body
    assert 'number-close">Close' in body
    assert "Stance (suggestion)" in body
    assert ">Cite</button>" in body


def test_the_evidence_shows_which_figures_the_number_check_compared(client, editor, seeded_claim):
    source_text = (
        "UNHCR counted 90,000 people who have fled Idlib since December.\n"
        "It said 90,000 more could follow."
    )
    passages = ranked_passages(seeded_claim.text, source_text)
    make_evidence(seeded_claim, passages=passages, number_check=Evidence.NumberCheck.CONFLICTS)
    client.force_login(editor)
    body = client.get(page(seeded_claim)).content.decode()
    assert (
        "Compared: “more than 900,000” (claim) with “90,000” (passage) — "
        '<span class="number number-conflicts">Conflicts</span>'
    ) in body
    # Only the figure the check compared is marked as such; the same words elsewhere are terms.
    assert 'counted <mark class="figure">90,000</mark> <mark>people</mark>' in body
    assert "said <mark>90,000</mark> more" in body


def test_a_compared_figure_inside_hostile_text_is_marked_and_escaped(client, editor, claim):
    text = f"{HOSTILE} 45% <img src=x onerror=alert(1)> of schools closed."
    found = text.index("45%")
    passage = {
        "text": text,
        "matched_terms": [HOSTILE],
        "pairs": [
            {"claimed": "40%", "found": "45%", "found_span": [found, found + 3],
             "result": "close"},
            {"claimed": HOSTILE, "found": "<b>9</b>", "result": "agrees"},
        ],
    }  # fmt: skip
    make_evidence(claim, passages=[passage], number_check=Evidence.NumberCheck.CLOSE)
    client.force_login(editor)
    body = client.get(page(claim)).content.decode()
    assert '&lt;/script&gt;</mark> <mark class="figure">45%</mark> &lt;img src=x' in body
    assert "Compared: “40%” (claim) with “45%” (passage)" in body
    assert "Compared: “&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;” (claim)" in body
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "<b>9</b>" not in body


def test_older_evidence_is_shown_with_what_it_stored(client, editor, claim):
    without_pairs = {"text": "In 2020, 40% of pupils stayed home.", "matched_terms": ["pupils"]}
    without_span = {
        "text": "Some 45% of schools closed; 45% reopened.",
        "matched_terms": ["schools"],
        "pairs": [{"claimed": "40%", "found": "45%", "result": "close"}],
    }
    nothing_paired = {
        "text": "Pupils stayed home for 3 weeks.",
        "matched_terms": ["home"],
        "pairs": [],
    }
    make_evidence(claim, passages=[without_pairs, without_span, nothing_paired])
    client.force_login(editor)
    body = client.get(page(claim)).content.decode()
    assert "In 2020, 40% of <mark>pupils</mark> stayed home." in body
    assert body.count("Compared:") == 1
    # Stored before the figure's place was kept: every occurrence of its text is marked.
    assert 'Some <mark class="figure">45%</mark> of' in body
    assert 'closed; <mark class="figure">45%</mark> reopened' in body
    assert "Pupils stayed <mark>home</mark> for 3 weeks." in body


@pytest.mark.parametrize(
    "hostile", [HOSTILE, "<img src=x onerror=alert(1)>", "\u202eevil\u200b<b>bold</b> 🙂"]
)
def test_hostile_input_is_never_rendered_raw(client, editor, hostile):
    claim = make_claim(
        make_article(body=f"Before. {hostile} 90% said so. After.", title=hostile),
        text=f"{hostile} 90% said so.",
        claimant=hostile,
    )
    evidence = make_evidence(
        claim, passages=[{"text": f"{hostile} 90%", "matched_terms": ["90%", hostile]}],
        snippet=hostile,
    )  # fmt: skip
    Source.objects.filter(pk=evidence.source_id).update(title=hostile)
    review.claim_note_add(claim=claim, actor=editor, text=hostile)
    review.claim_tag(claim=claim, actor=editor, tags=[hostile[:80]])
    review.verdict_draft(claim=claim, actor=editor, rating="false", summary=hostile)
    client.force_login(editor)
    body = client.get(page(claim)).content.decode()
    assert hostile.split(" ")[0] not in body.replace("&lt;", "")
    assert "<script>alert" not in body
    assert "&lt;" in body


def test_an_editor_cites_and_drafts_from_the_page(client, editor, seeded_claim):
    evidence = make_evidence(seeded_claim)
    client.force_login(editor)
    response = client.post(step(seeded_claim, "cite"), {"evidence": evidence.pk, "cited": "1"})
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.cited is True
    response = client.post(
        step(seeded_claim, "draft"),
        {"rating": "true", "summary": "Matches UNHCR.", "cite": [evidence.pk], "revision": "0"},
        follow=True,
    )
    assert "Draft saved." in response.content.decode()
    draft = seeded_claim.verdicts.get()
    assert (draft.status, draft.editor, list(draft.cited_evidence.all())) == (
        "draft",
        editor,
        [evidence],
    )
    assert "A senior editor approves and publishes this draft." in response.content.decode()


def test_a_senior_editor_publishes_from_the_page(client, draft, senior_editor):
    client.force_login(senior_editor)
    assert b'id="publish"' in client.get(page(draft.claim)).content
    response = client.post(
        step(draft.claim, "publish"), {"verdict": draft.pk, "revision": draft.revision}, follow=True
    )
    assert "Verdict approved and published." in response.content.decode()
    draft.claim.refresh_from_db()
    assert draft.claim.status == "verified"
    assert 'id="claim-status">Verified' in response.content.decode()


def test_the_page_refuses_publishing_ones_own_draft(client, claim, evidence, senior_editor):
    own = review.verdict_draft(
        claim=claim, actor=senior_editor, rating="true", summary="x", cited_evidence=[evidence]
    )
    client.force_login(senior_editor)
    body = client.get(page(claim)).content.decode()
    assert 'id="publish"' not in body
    assert "another senior editor approves" in body
    response = client.post(
        step(claim, "publish"), {"verdict": own.pk, "revision": own.revision}, follow=True
    )
    assert "second editor" in response.content.decode()
    own.refresh_from_db()
    assert own.status == "draft"


def test_the_page_refuses_an_editor_publishing(client, draft, second_editor):
    client.force_login(second_editor)
    response = client.post(
        step(draft.claim, "publish"), {"verdict": draft.pk, "revision": draft.revision}, follow=True
    )
    assert "Only senior editors approve and publish verdicts." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_stale_form_is_refused_with_a_clear_message(client, editor, second_editor, claim):
    client.force_login(second_editor)
    review.claim_assign(claim=claim, assignee=editor, actor=editor, revision=1)
    response = client.post(
        step(claim, "dismiss"), {"reason": "Opinion.", "revision": "1"}, follow=True
    )
    assert review.STALE_CLAIM in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_a_correction_is_drafted_and_the_old_verdict_stays_readable(
    client, published, second_senior_editor, senior_editor
):
    claim = published.claim
    client.force_login(second_senior_editor)
    client.post(
        step(claim, "correct"),
        {"verdict": published.pk, "rating": "mixed", "summary": "Partly.",
         "correction_note": "We misread the figure.",
         "cite": [published.cited_evidence.get().pk], "revision": published.revision},
    )  # fmt: skip
    correction = claim.verdicts.get(version=2)
    assert (correction.status, correction.corrects) == ("draft", published)
    client.force_login(senior_editor)
    client.post(step(claim, "publish"), {"verdict": correction.pk, "revision": 1})
    body = client.get(page(claim)).content.decode()
    assert "v1 · Superseded by a correction · True" in body
    assert "v2 · Published · Mixed" in body
    assert "Correction: We misread the figure." in body


def test_notes_tags_assignment_and_history_are_on_the_page(client, editor, claim, evidence):
    client.force_login(editor)
    client.post(step(claim, "assign"), {"assignee": editor.pk, "revision": "1"})
    client.post(step(claim, "note"), {"text": "Call the UNHCR press office."})
    client.post(step(claim, "tags"), {"tags": "Syria, migration", "revision": "2"})
    client.post(step(claim, "cite"), {"evidence": evidence.pk, "cited": "1"})
    body = client.get(page(claim)).content.decode()
    assert "Call the UNHCR press office." in body
    assert 'value="Syria, migration"' in body
    assert "status: In review; assignee: edna" in body
    assert "tags changed" in body
    assert f"Cited {evidence.source.title}" in body
    assert body.count(">edna<") >= 3


def test_an_outsider_cannot_open_or_change_a_claim(client, outsider, claim, evidence):
    client.force_login(outsider)
    assert client.get(page(claim)).status_code == 403
    client.post(step(claim, "cite"), {"evidence": evidence.pk, "cited": "1"})
    client.post(step(claim, "note"), {"text": "hi"})
    evidence.refresh_from_db()
    assert (evidence.cited, claim.notes.count()) == (False, 0)


def test_steps_only_accept_post(client, editor, claim):
    client.force_login(editor)
    assert client.get(step(claim, "assign")).status_code == 405
    claim.refresh_from_db()
    assert claim.status == "new"


def test_adding_a_source_with_a_bad_url_is_refused_with_the_reason(client, editor, claim):
    client.force_login(editor)
    response = client.post(step(claim, "add-source"), {"url": "ftp://x"}, follow=True)
    assert response.status_code == 400  # the page again, with the reason at the form
    assert not claim.evidence.exists()
    assert 'class="error"' in response.content.decode()


@pytest.fixture
def claim_with_evidence(db):
    def build(count: int) -> Claim:
        claim = make_claim()
        sources = Source.objects.bulk_create(
            Source(
                url=f"https://s.example.org/{count}/{i}",
                domain="s.example.org",
                title=f"S{i}",
                status=Source.Status.FETCHED,
            )  # fmt: skip
            for i in range(count)
        )
        Evidence.objects.bulk_create(
            Evidence(claim=claim, source=source, provider="wikipedia", passages=[{"text": "x y"}])
            for source in sources
        )
        return claim

    return build


@pytest.mark.parametrize("count", [10, 1000])
def test_the_claim_page_costs_the_same_queries_for_10_and_1000_evidence(
    client, editor, senior_editor, claim_with_evidence, count, django_assert_num_queries
):
    claim = claim_with_evidence(count)
    review.evidence_cite(evidence=claim.evidence.first(), actor=editor)
    draft = review.verdict_draft(claim=claim, actor=editor, rating="true", summary="Yes.")
    review.verdict_publish(verdict=draft, approver=senior_editor)
    client.force_login(editor)
    with django_assert_num_queries(17):  # exactly, for 10 as for 1000
        response = client.get(page(claim))
    assert response.status_code == 200
    assert response.content.decode().count('class="evidence') == count


# --- The article page -------------------------------------------------------------------


def test_the_article_page_lists_its_claims_and_why_it_cannot_be_refetched(
    client, editor, seeded_claim
):
    client.force_login(editor)
    url = reverse("admin:factcheck_article_change", args=[seeded_claim.article_id])
    body = client.get(url).content.decode()
    assert "Idlib talks" in body
    assert "more than 900,000" in body
    assert "there is no URL to fetch again" in body


def test_a_failed_url_article_shows_its_reason_and_a_reingest_button(client, editor):
    article = Article.objects.create(
        url="https://news.example.org/gone", status="failed", failure_reason="HTTP 404 <b>"
    )
    client.force_login(editor)
    body = client.get(reverse("admin:factcheck_article_change", args=[article.pk])).content
    assert b"HTTP 404 &lt;b&gt;" in body
    assert b'class="reingest"' in body


def test_reingest_of_a_pasted_article_is_refused(client, editor, article):
    client.force_login(editor)
    url = reverse("admin:factcheck_article_reingest", args=[article.pk])
    response = client.post(url, follow=True)
    assert "nothing to fetch again" in response.content.decode()


def test_verdicts_are_read_only_in_the_admin(client, superuser, published):
    client.force_login(superuser)
    url = reverse("admin:factcheck_verdict_change", args=[published.pk])
    client.post(url, {"rating": "false", "summary": "Changed."})
    assert Verdict.objects.get(pk=published.pk).summary == "The figure matches."


def test_an_editor_adds_a_source_by_url(client, editor, claim, django_capture_on_commit_callbacks):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            step(claim, "add-source"), {"url": "https://www.unhcr.org/idlib"}, follow=True
        )
    assert "Source added" in response.content.decode()
    evidence = claim.evidence.get()
    assert (evidence.provider, evidence.added_by) == ("editor", editor)
    assert evidence.source.domain.endswith("unhcr.org")
