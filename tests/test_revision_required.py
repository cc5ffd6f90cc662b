"""Optimistic locking is not optional: every write endpoint and form needs the ``revision`` the
writer read, and refuses a write without it (400 naming ``revision``) with nothing changed."""

import pytest
from django.urls import reverse

from factcheck.models import Claim, Verdict
from tests.api_fixtures import error_fields

WRITES = {
    "assign": ("editor", {"assignee": None}),
    "dismiss": ("editor", {"reason": "Not checkable."}),
    "verdict": ("editor", {"rating": "false", "summary": "No."}),
    "publish": ("second_senior_editor", {}),
    "correct": ("second_senior_editor", {"rating": "true", "summary": "Y", "correction_note": "N"}),
}


@pytest.mark.parametrize("action", WRITES)
@pytest.mark.parametrize("revision", [None, "", "¹", "⁰⁴⁵", "-1", "one"])
def test_every_api_write_without_a_usable_revision_is_a_400_naming_it(
    api, request, draft, published_claim, action, revision
):
    persona, body = WRITES[action]
    claim = published_claim if action == "correct" else draft.claim
    before = list(Verdict.objects.values()), list(Claim.objects.values())
    payload = body if revision is None else {**body, "revision": revision}

    response = api(request.getfixturevalue(persona)).post(
        f"/api/v1/claims/{claim.pk}/{action}/", payload, format="json"
    )

    assert response.status_code == 400, response.content
    assert error_fields(response.json()) == ["revision"]
    assert (list(Verdict.objects.values()), list(Claim.objects.values())) == before


@pytest.fixture
def published_claim(editor, senior_editor):
    from tests.api_fixtures import publish
    from tests.personas import make_claim

    return publish(make_claim(), drafter=editor, approver=senior_editor).claim


STEPS = {
    "assign": ("editor", {}),
    "unassign": ("editor", {}),
    "dismiss": ("editor", {"reason": "Opinion."}),
    "draft": ("editor", {"rating": "false", "summary": "No."}),
    "publish": ("second_senior_editor", {"verdict": "{draft}"}),
    "tags": ("editor", {"tags": "Syria"}),
}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("revision", [None, "¹", "x"])
def test_every_admin_form_without_a_usable_revision_is_a_400_naming_it(
    client, request, draft, plain_static, step, revision
):
    persona, form = STEPS[step]
    client.force_login(request.getfixturevalue(persona))
    data = {key: value.format(draft=draft.pk) for key, value in form.items()}
    if revision is not None:
        data["revision"] = revision
    before = list(Verdict.objects.values()), list(Claim.objects.values())

    response = client.post(reverse("admin:factcheck_claim_step", args=[draft.claim_id, step]), data)

    assert response.status_code == 400
    assert (list(Verdict.objects.values()), list(Claim.objects.values())) == before


def test_an_admin_assign_to_a_unicode_digit_is_a_400(client, editor, claim, plain_static):
    client.force_login(editor)
    url = reverse("admin:factcheck_claim_step", args=[claim.pk, "assign"])
    response = client.post(url, {"assignee": "¹", "revision": claim.revision})
    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.assignee is None


def test_the_admin_article_filter_ignores_unicode_digits(client, editor, claim, plain_static):
    client.force_login(editor)
    response = client.get(reverse("admin:factcheck_claim_changelist"), {"article": "¹"})
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(
    ("step", "field"), [("dismiss", "reason"), ("note", "text"), ("draft", "summary")]
)
def test_a_nul_character_in_an_admin_form_is_refused_not_a_server_error(
    client, editor, claim, plain_static, step, field
):
    """PostgreSQL cannot store NUL: the workflow refuses it before saving, on any database."""
    client.force_login(editor)
    data = {field: "a\x00b", "revision": claim.revision, "rating": "false"}
    url = reverse("admin:factcheck_claim_step", args=[claim.pk, step])
    response = client.post(url, data, follow=True)
    assert response.status_code in (200, 400)  # the page again, with the refusal
    assert "NUL character" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == Claim.Status.NEW
