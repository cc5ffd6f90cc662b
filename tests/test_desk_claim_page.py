"""The claim page keeps the editor's work: messages where they look, conflicts side by side,
no preset rating, a real assignee list, and the publishing guards with their warnings."""

import pytest
from django.urls import reverse

from factcheck import claimreview, review
from factcheck.models import Source, Verdict
from tests.personas import make_article, make_claim, make_evidence, make_source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]


def page(claim) -> str:
    return reverse("admin:factcheck_claim_change", args=[claim.pk])


def step(claim, name: str) -> str:
    return reverse("admin:factcheck_claim_step", args=[claim.pk, name])


def section(html: str, section_id: str) -> str:
    start = html.index(f'id="{section_id}"')
    return html[start : html.index("</section>", start)]


def test_a_result_is_shown_in_the_section_the_editor_is_looking_at(client, editor, claim, draft):
    client.force_login(editor)
    response = client.post(
        step(claim, "publish"),
        {"verdict": draft.pk, "revision": draft.revision, "anchor": "#verdict"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    message = "Only senior editors approve and publish verdicts."
    assert message in section(html, "verdict")
    assert message not in html[: html.index('id="review"')]


def test_a_success_goes_back_to_its_section_with_its_message_there(client, editor, claim):
    client.force_login(editor)
    response = client.post(
        step(claim, "note"), {"text": "Ask the ministry", "anchor": "#notes"}, follow=True
    )
    assert response.redirect_chain[-1][0].endswith("#notes")
    assert "Note added." in section(response.content.decode(), "notes")


def test_an_edit_conflict_keeps_what_the_editor_typed_beside_the_saved_version(
    client, editor, second_editor, claim, draft, evidence
):
    seen = draft.revision
    review.verdict_draft(
        claim=claim, actor=second_editor, rating="false", summary="Their newer wording.",
        cited_evidence=[evidence], revision=seen,
    )  # fmt: skip
    client.force_login(editor)
    typed = {
        "revision": seen, "rating": "mostly_true", "summary": "My careful summary.",
        "claim_reviewed": "My short claim", "cite": [evidence.pk], "anchor": "#verdict",
    }  # fmt: skip
    response = client.post(step(claim, "draft"), typed)

    assert response.status_code == 409
    html = section(response.content.decode(), "verdict")
    assert "Someone else saved this verdict since you opened it" in html
    assert ">My careful summary.</textarea>" in html
    assert 'value="My short claim"' in html
    assert '<option value="mostly_true" selected>' in html
    theirs = html[html.index('id="theirs"') :]
    assert "Saved version by eddie" in theirs
    assert "Their newer wording." in theirs
    draft.refresh_from_db()
    assert draft.summary == "Their newer wording."  # nothing overwritten silently

    # Saving again from the re-rendered form puts the editor's text on top, knowingly.
    again = {**typed, "revision": draft.revision}
    client.post(step(claim, "draft"), again)
    draft.refresh_from_db()
    assert (draft.summary, draft.rating, draft.editor) == (
        "My careful summary.",
        "mostly_true",
        editor,
    )
    assert draft.claim_reviewed == "My short claim"


def test_a_tags_conflict_keeps_the_typed_tags(client, editor, second_editor, claim):
    seen = claim.revision
    review.claim_tag(claim=claim, actor=second_editor, tags=["schools"], revision=seen)
    client.force_login(editor)
    response = client.post(
        step(claim, "tags"), {"tags": "education, 2020", "revision": seen, "anchor": "#claim"}
    )
    assert response.status_code == 409
    assert 'value="education, 2020"' in response.content.decode()
    assert [t.name for t in claim.tags.all()] == ["schools"]


def test_a_new_draft_has_no_preset_rating_and_real_placeholders(client, editor, claim):
    client.force_login(editor)
    html = client.get(page(claim)).content.decode()
    form = html[html.index('id="verdict-form"') :]
    assert '<option value="" selected disabled>Choose a rating…</option>' in form
    assert '<option value="true" selected>' not in form
    assert "migration, Syria" not in html
    assert 'placeholder="Topics, separated by commas"' in html


def test_assign_lists_me_and_the_editors_and_needs_a_choice(
    client, editor, second_editor, senior_editor, claim
):
    client.force_login(editor)
    html = client.get(page(claim)).content.decode()
    assert '<option value="me" selected>me (edna)</option>' in html
    assert f'<option value="{second_editor.pk}">eddie</option>' in html
    assert f'<option value="{senior_editor.pk}">sam</option>' in html

    refused = client.post(step(claim, "assign"), {"revision": claim.revision, "anchor": "#claim"})
    assert refused.status_code == 400
    assert "Choose who to assign the claim to." in refused.content.decode()
    claim.refresh_from_db()
    assert claim.assignee is None

    client.post(step(claim, "assign"), {"assignee": "me", "revision": claim.revision})
    claim.refresh_from_db()
    assert claim.assignee == editor
    client.post(step(claim, "assign"), {"assignee": second_editor.pk, "revision": claim.revision})
    claim.refresh_from_db()
    assert claim.assignee == second_editor


# --- Publishing guards -----------------------------------------------------------------------


@pytest.fixture
def failed_only_draft(editor):
    claim = make_claim(make_article(url="https://news.example.org/a"))
    source = make_source(
        status=Source.Status.FAILED, failure_reason="The site name does not exist.", text=""
    )
    evidence = make_evidence(claim, source=source)
    return review.verdict_draft(
        claim=claim, actor=editor, rating="false", summary="Wrong.", cited_evidence=[evidence]
    )


def test_a_failed_source_cannot_be_the_only_citation(failed_only_draft, senior_editor):
    with pytest.raises(review.WorkflowError, match="None of the cited sources has been fetched"):
        review.verdict_publish(verdict=failed_only_draft, approver=senior_editor)
    failed_only_draft.refresh_from_db()
    assert failed_only_draft.status == Verdict.Status.DRAFT


def test_a_pending_source_cannot_be_the_only_citation_but_a_fetched_one_beside_it_can(
    editor, senior_editor
):
    claim = make_claim()
    pending = make_evidence(claim, source=make_source(status=Source.Status.QUEUED))
    draft = review.verdict_draft(
        claim=claim, actor=editor, rating="false", summary="x", cited_evidence=[pending]
    )
    with pytest.raises(review.WorkflowError, match="queued"):
        review.verdict_publish(verdict=draft, approver=senior_editor)
    fetched = make_evidence(claim)
    draft = review.verdict_draft(
        claim=claim, actor=editor, rating="false", summary="x",
        cited_evidence=[pending, fetched], revision=draft.revision,
    )  # fmt: skip
    assert review.verdict_publish(verdict=draft, approver=senior_editor).status == "published"


def test_a_senior_editor_overrides_with_a_written_reason_that_is_kept(
    client, failed_only_draft, senior_editor
):
    claim = failed_only_draft.claim
    client.force_login(senior_editor)
    html = client.get(page(claim)).content.decode()
    assert "None of the cited sources has been fetched" in section(html, "verdict")
    assert 'name="unfetched_reason"' in html
    reason = "The ministry's page is offline; we hold a PDF copy of it."
    client.post(
        step(claim, "publish"),
        {"verdict": failed_only_draft.pk, "revision": failed_only_draft.revision,
         "unfetched_reason": reason},
    )  # fmt: skip
    failed_only_draft.refresh_from_db()
    assert failed_only_draft.status == Verdict.Status.PUBLISHED
    assert failed_only_draft.unfetched_citation_reason == reason
    assert failed_only_draft.history.filter(unfetched_citation_reason=reason).exists()


@pytest.mark.django_db
def test_the_api_takes_the_short_wording_and_the_override_reason(
    api, failed_only_draft, editor, senior_editor
):
    claim = failed_only_draft.claim
    drafted = api(editor).post(
        f"/api/v1/claims/{claim.pk}/verdict/",
        {"rating": "false", "summary": "Wrong.", "claim_reviewed": "Schools shut all year",
         "cited_evidence": [e.pk for e in failed_only_draft.cited_evidence.all()],
         "revision": failed_only_draft.revision},
        format="json",
    )  # fmt: skip
    assert drafted.status_code == 200
    failed_only_draft.refresh_from_db()
    revision = failed_only_draft.revision
    publish = f"/api/v1/claims/{claim.pk}/publish/"
    refused = api(senior_editor).post(publish, {"revision": revision}, format="json")
    assert refused.status_code == 409
    assert "write why it is published anyway" in str(refused.json())
    reason = "The ministry's page is offline; we hold a PDF copy of it."
    body = {"revision": revision, "unfetched_reason": reason}
    published = api(senior_editor).post(publish, body, format="json")
    assert published.status_code == 200, published.json()
    failed_only_draft.refresh_from_db()
    assert failed_only_draft.claim_reviewed == "Schools shut all year"
    assert failed_only_draft.unfetched_citation_reason == reason


def test_claimreview_warnings_are_shown_before_publishing(client, senior_editor, editor):
    long = "The minister said that " + "schools were closed for most of the year " * 3 + "in 2020."
    claim = make_claim(make_article(body=long, url=""), text=long, claimant="")
    evidence = make_evidence(claim)
    review.verdict_draft(
        claim=claim, actor=editor, rating="false", summary="x", cited_evidence=[evidence]
    )
    client.force_login(senior_editor)
    html = section(client.get(page(claim)).content.decode(), "verdict")
    warnings = html[html.index('id="publish-warnings"') :]
    assert "Google asks for at most 75" in warnings
    assert "has no URL" in warnings
    assert "no claimant" in warnings


def test_a_short_claim_reviewed_is_kept_and_used_in_the_claimreview(
    editor, senior_editor, claim, evidence
):
    draft = review.verdict_draft(
        claim=claim, actor=editor, rating="false", summary="x", cited_evidence=[evidence],
        claim_reviewed="  Schools   closed for 40% of 2020 ",
    )  # fmt: skip
    assert draft.claim_reviewed == "Schools closed for 40% of 2020"
    published = review.verdict_publish(verdict=draft, approver=senior_editor)
    document = claimreview.claimreview(published, claimreview.publisher_from_settings())
    assert document["claimReviewed"] == "Schools closed for 40% of 2020"
    assert claim.text != document["claimReviewed"]
    with pytest.raises(review.ReviewInputError) as refused:
        review.verdict_correct(
            verdict=published, actor=senior_editor, rating="false", summary="y",
            correction_note="z", claim_reviewed="x" * 201,
        )  # fmt: skip
    assert refused.value.field == "claim_reviewed"


def test_a_refused_correction_keeps_its_typed_text(client, senior_editor, claim, evidence, editor):
    published = review.verdict_publish(
        verdict=review.verdict_draft(
            claim=claim, actor=editor, rating="true", summary="Old.", cited_evidence=[evidence]
        ),
        approver=senior_editor,
    )
    client.force_login(senior_editor)
    response = client.post(
        step(claim, "correct"),
        {"verdict": published.pk, "revision": published.revision, "rating": "false",
         "summary": "New wording kept.",
         "correction_note": "", "anchor": "#verdict"},
    )  # fmt: skip
    assert response.status_code == 400
    html = section(response.content.decode(), "verdict")
    assert "A correction note is required." in html
    assert ">New wording kept.</textarea>" in html
    assert '<option value="false" selected>' in html[html.index("correction-form") :]
