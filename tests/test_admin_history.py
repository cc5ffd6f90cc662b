"""Record history in the admin is read-only for everyone: no revert, no history form that saves."""

import datetime
import json

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import models
from django.forms.models import model_to_dict
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from factcheck import review
from factcheck.admin.guards import check_history_is_read_only
from factcheck.models import Article, Claim, Evidence, Verdict

pytestmark = pytest.mark.usefixtures("plain_static")


def history_form(obj: models.Model, record: models.Model | None = None) -> str:
    opts = obj._meta
    record = record or obj.history.earliest()
    name = f"admin:{opts.app_label}_{opts.model_name}_simple_history"
    return reverse(name, args=[obj.pk, record.history_id])


def form_data(obj: models.Model, **changes: object) -> dict[str, object]:
    """What obj's admin form posts, with changes applied (datetimes split as the admin does)."""
    data: dict[str, object] = {}
    for name, value in {**model_to_dict(obj), **changes}.items():
        if isinstance(value, datetime.datetime):
            data[f"{name}_0"], data[f"{name}_1"] = f"{value:%Y-%m-%d}", f"{value:%H:%M:%S}"
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | dict) and name == "passages":
            data[name] = json.dumps(value)
        elif isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif value is not None:
            data[name] = getattr(value, "pk", value)
    return data


def snapshot(obj: models.Model) -> dict[str, object]:
    fresh = type(obj).objects.get(pk=obj.pk)
    return {**model_to_dict(fresh), "history": fresh.history.count()}


def test_an_editor_cannot_publish_their_own_draft_through_its_history(
    client, editor, senior_editor, draft
):
    before = snapshot(draft)
    client.force_login(editor)
    data = form_data(
        draft, status="published", approved_by=senior_editor.pk,
        published_at=datetime.datetime(2026, 1, 1, 12, 0, tzinfo=datetime.UTC), _save="Revert",
    )  # fmt: skip
    response = client.post(history_form(draft, draft.history.latest()), data)
    assert response.status_code == 405
    assert snapshot(draft) == before
    assert Verdict.objects.get(pk=draft.pk).status == Verdict.Status.DRAFT
    assert Claim.objects.get(pk=draft.claim_id).status == Claim.Status.IN_REVIEW


def test_a_published_verdict_cannot_be_rewritten_through_its_history(
    client, senior_editor, second_senior_editor, published
):
    before = snapshot(published)
    client.force_login(second_senior_editor)
    data = form_data(published, rating="false", summary="Rewritten without a correction.")
    response = client.post(history_form(published, published.history.latest()), data)
    assert response.status_code == 405
    assert snapshot(published) == before


def test_a_claim_cannot_be_verified_or_its_revision_rolled_back_through_its_history(
    client, editor, claim
):
    review.claim_assign(claim=claim, assignee=editor, actor=editor)
    review.claim_tag(claim=claim, actor=editor, tags=["health"])
    before = snapshot(claim)
    assert before["revision"] == 3
    client.force_login(editor)
    for changes in ({"status": "verified"}, {"revision": 1}):
        data = form_data(Claim.objects.get(pk=claim.pk), **changes)
        assert client.post(history_form(claim), data).status_code == 405
    assert snapshot(claim) == before


def test_evidence_cannot_be_forged_through_its_history(client, editor, senior_editor, evidence):
    before = snapshot(evidence)
    client.force_login(editor)
    data = form_data(
        evidence, passages=[{"text": "Invented."}], external_rating="True",
        added_by=senior_editor.pk, cited=True,
    )  # fmt: skip
    assert client.post(history_form(evidence), data).status_code == 405
    assert snapshot(evidence) == before


def test_not_even_a_superuser_reverts_an_article(client, superuser, article):
    Article.objects.filter(pk=article.pk).update(status=Article.Status.FAILED)
    article.status = Article.Status.FAILED
    article.save()  # a second history record, the failed one
    before = snapshot(article)
    client.force_login(superuser)
    first = article.history.earliest()
    assert client.post(history_form(article, first), {"_save": "Revert"}).status_code == 405
    assert snapshot(article) == before


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_no_other_method_writes_either(client, superuser, draft, method):
    before = snapshot(draft)
    client.force_login(superuser)
    response = getattr(client, method)(history_form(draft), "status=published")
    assert response.status_code == 405
    assert snapshot(draft) == before


def test_history_stays_readable_without_a_revert_button(client, editor, draft):
    client.force_login(editor)
    listing = client.get(reverse("admin:factcheck_verdict_history", args=[draft.pk]))
    assert listing.status_code == 200
    assert "View history" in listing.content.decode()
    page = client.get(history_form(draft))
    body = page.content.decode()
    assert page.status_code == 200
    assert "The figure matches." in body
    assert "Revert" not in body
    assert 'name="summary"' not in body  # shown as text, not as an input


def test_someone_without_view_permission_sees_no_history(client, outsider, draft):
    client.force_login(outsider)
    assert client.get(history_form(draft)).status_code == 403


def test_every_admin_with_a_history_form_is_read_only():
    assert check_history_is_read_only() == []
    registered = [a for a in admin.site._registry.values() if isinstance(a, SimpleHistoryAdmin)]
    assert {a.model for a in registered} >= {Article, Claim, Evidence, Verdict}


def test_the_check_names_an_admin_whose_history_form_can_write():
    class Plain(SimpleHistoryAdmin):
        pass

    site_registry = admin.site._registry
    original = site_registry[User]
    site_registry[User] = Plain(User, admin.site)
    try:
        errors = check_history_is_read_only()
    finally:
        site_registry[User] = original
    assert [e.id for e in errors] == ["factcheck.E001"]
    assert "auth.User" in errors[0].msg


@pytest.mark.parametrize("name", ["article", "claim", "evidence", "draft"])
def test_every_past_version_shows_to_a_superuser_as_text(client, superuser, request, name):
    obj = request.getfixturevalue(name)
    client.force_login(superuser)
    response = client.get(history_form(obj))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Revert"' not in body
    assert 'name="_save"' not in body
