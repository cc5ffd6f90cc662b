"""Sources, evidence, snapshots, source changes and verdicts are written by the workflow only.

No role adds them through the admin's raw forms; a superuser may tidy a source's title or an
evidence snippet, and nobody can publish a verdict, forge its sign-off or delete it there.
"""

import pytest
from django.contrib.auth.models import User
from django.db import models
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from factcheck import review
from factcheck.models import Evidence, Source, SourceChange, SourceSnapshot, Verdict
from tests.personas import make_source, make_user

pytestmark = pytest.mark.usefixtures("plain_static")

MODELS = [Source, Evidence, SourceSnapshot, SourceChange, Verdict]
ROLES = ["editor", "senior_editor", "admin_role", "superuser"]


@pytest.fixture
def admin_role(db) -> User:
    return make_user("ada", review.ROLE_ADMIN, is_staff=True)


@pytest.fixture
def rows(draft, evidence) -> dict[type, models.Model]:
    snapshot = SourceSnapshot.objects.create(
        source=evidence.source, content_hash="a" * 64, text="Then.", fetched_at=timezone.now()
    )
    change = SourceChange.objects.create(
        claim=evidence.claim, evidence=evidence, old_hash="a" * 64, old_text="Then.", reason="gone"
    )
    return {Source: evidence.source, Evidence: evidence, SourceSnapshot: snapshot,
            SourceChange: change, Verdict: draft}  # fmt: skip


def url(model: type, view: str, *args: object) -> str:
    return reverse(f"admin:factcheck_{model._meta.model_name}_{view}", args=args)


def post_data(obj: models.Model, **changes: object) -> dict[str, object]:
    data = {k: getattr(v, "pk", v) for k, v in {**model_to_dict(obj), **changes}.items()}
    return {k: v for k, v in data.items() if v is not None and not isinstance(v, list)}


def state(model: type) -> list[dict]:
    return [model_to_dict(row) for row in model.objects.order_by("pk")]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_no_role_adds_through_the_raw_form(client, request, rows, role, model):
    client.force_login(request.getfixturevalue(role))
    before = state(model)
    assert client.get(url(model, "add")).status_code == 403
    assert client.post(url(model, "add"), post_data(rows[model])).status_code == 403
    assert state(model) == before


@pytest.mark.parametrize("role", ["editor", "senior_editor", "admin_role"])
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_only_a_superuser_has_a_change_or_delete_form(client, request, rows, role, model):
    user = request.getfixturevalue(role)
    client.force_login(user)
    obj = rows[model]
    before = state(model)
    page = client.get(url(model, "change", obj.pk))
    assert page.status_code == (
        200 if user.has_perm(f"factcheck.view_{obj._meta.model_name}") else 403
    )
    assert 'name="_save"' not in page.content.decode()
    assert client.post(url(model, "change", obj.pk), post_data(obj)).status_code == 403
    assert client.post(url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert state(model) == before


def test_an_editor_cannot_add_a_fetched_source_or_cited_evidence(client, editor, claim):
    client.force_login(editor)
    source = {"url": "https://forged.example.org/", "domain": "forged.example.org",
              "status": "fetched", "text": "Anything at all.", "attempts": 0}  # fmt: skip
    assert client.post(url(Source, "add"), source).status_code == 403
    forged = {"claim": claim.pk, "source": make_source().pk, "provider": "editor",
              "passages": '[{"text": "Invented"}]', "cited": "on", "score": 1,
              "suggested_stance": "supports", "number_check": "agrees"}  # fmt: skip
    assert client.post(url(Evidence, "add"), forged).status_code == 403
    assert not Source.objects.filter(url="https://forged.example.org/").exists()
    assert not Evidence.objects.exists()


def test_a_superuser_cannot_publish_a_verdict_through_a_form(
    client, superuser, senior_editor, draft
):
    client.force_login(superuser)
    data = post_data(draft, status="published", approved_by=senior_editor.pk, _save="Save")
    assert client.post(url(Verdict, "change", draft.pk), data).status_code == 403
    assert client.post(url(Verdict, "delete", draft.pk), {"post": "yes"}).status_code == 403
    draft.refresh_from_db()
    assert (draft.status, draft.approved_by) == (Verdict.Status.DRAFT, None)


def test_a_superuser_tidies_a_source_title_but_not_its_fetch_state(client, superuser, rows):
    source = Source.objects.create(url="https://x.example.org/", domain="x.example.org")
    client.force_login(superuser)
    data = post_data(source, title="Tidied", status="fetched", text="Forged", _save="Save")
    assert client.post(url(Source, "change", source.pk), data).status_code == 302
    source.refresh_from_db()
    assert (source.title, source.status, source.text) == ("Tidied", Source.Status.QUEUED, "")


def test_a_superuser_cannot_forge_evidence_or_delete_what_a_verdict_cites(
    client, superuser, senior_editor, evidence, draft
):
    client.force_login(superuser)
    data = post_data(evidence, snippet="Tidied", cited=True, external_rating="True",
                     added_by=senior_editor.pk, passages='["x"]', _save="Save")  # fmt: skip
    assert client.post(url(Evidence, "change", evidence.pk), data).status_code == 302
    fresh = Evidence.objects.get(pk=evidence.pk)
    assert fresh.snippet == "Tidied"
    assert (fresh.cited, fresh.external_rating, fresh.added_by, fresh.passages) == (
        evidence.cited,
        evidence.external_rating,
        evidence.added_by,
        evidence.passages,
    )
    response = client.post(url(Evidence, "delete", evidence.pk), {"post": "yes"})
    assert response.status_code == 403
    assert Evidence.objects.filter(pk=evidence.pk).exists()
