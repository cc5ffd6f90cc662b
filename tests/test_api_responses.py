"""Every operation answers as /api/schema/ documents it: a representative answer of each (and the
error answers) is validated against the generated schema, whose output components are exact
(every key required, no other allowed). An output that loses a key, or gains one its declaration
does not have, fails here."""

from pathlib import Path

import jsonschema
import pytest

from factcheck import checked_before, review
from factcheck.models import WebhookSubscription
from tests.api_fixtures import client_for, publish
from tests.httpservers import Reply, serve
from tests.personas import make_article, make_claim, make_evidence

pytestmark = pytest.mark.django_db
IMPORT_PAGE = Path(__file__).resolve().parent / "fixtures" / "claimreview" / "current_single.html"
PUBLIC_TARGET = "https://93.184.215.14/hook"  # a public address; never contacted by these tests


@pytest.fixture
def documented(client) -> dict:
    """The app's OpenAPI document, as served."""
    return client.get("/api/schema/", HTTP_ACCEPT="application/json").json()


@pytest.fixture
def scenario(editor, senior_editor, second_senior_editor, settings) -> dict:
    """A published and corrected verdict, a draft, and claims left for the actions to act on."""
    settings.API_THROTTLE_RATE = "100000/minute"
    checked_before.forget_indexes()
    claim = make_claim(make_article(url="https://ledger.example/a", publisher="Ledger"))
    evidence = make_evidence(claim)
    draft = review.verdict_draft(
        claim=claim, actor=editor, rating="false", summary="No.", cited_evidence=[evidence]
    )
    published = review.verdict_publish(verdict=draft, approver=senior_editor)
    correction = review.verdict_correct(
        verdict=published, actor=second_senior_editor, rating="mostly_true", summary="Revised.",
        correction_note="A newer survey.",
    )  # fmt: skip
    review.verdict_publish(verdict=correction, approver=senior_editor)
    to_publish = make_claim()
    review.verdict_draft(
        claim=to_publish, actor=editor, rating="true", summary="Yes.",
        cited_evidence=[make_evidence(to_publish)],
    )  # fmt: skip
    to_correct = make_claim()
    publish(to_correct, drafter=editor, approver=senior_editor)
    subscription = WebhookSubscription.objects.create(
        owner=senior_editor, url=PUBLIC_TARGET, events=["verdict.published"], secret="s" * 32
    )
    return {
        "claim": claim, "verdict": correction, "to_publish": to_publish,
        "to_correct": to_correct, "fresh": make_claim(), "subscription": subscription,
    }  # fmt: skip


def _answers(scenario: dict, users: dict, import_url: str) -> list[tuple[str, str, object]]:
    """(method, documented path, response) for one representative call of every operation,
    each answered with the status it is there to show."""
    root, senior = client_for(users["root"]), client_for(users["senior"])
    client, nobody = client_for(users["client"]), client_for(None)
    claim, verdict, subscription = scenario["claim"], scenario["verdict"], scenario["subscription"]
    to_publish, to_correct, fresh = (
        scenario[name] for name in ("to_publish", "to_correct", "fresh")
    )
    draft, published = to_publish.verdicts.get(), to_correct.verdicts.get()
    claims, webhook = "/api/v1/claims/{id}/", f"/api/v1/webhooks/{subscription.pk}/"
    calls = [
        (200, "get", "/api/v1/articles/", root, "/api/v1/articles/", None),
        (200, "get", "/api/v1/articles/{id}/", root, f"/api/v1/articles/{claim.article_id}/", None),
        (202, "post", "/api/v1/articles/", root, "/api/v1/articles/", {"text": "Tax rose 5%."}),
        (200, "get", "/api/v1/claims/", root, "/api/v1/claims/", None),
        (200, "get", claims, root, f"/api/v1/claims/{claim.pk}/", None),
        (200, "post", claims + "assign/", root, f"/api/v1/claims/{fresh.pk}/assign/",
         {"assignee": users["editor"].pk, "revision": fresh.revision}),
        (202, "post", claims + "sources/", root, f"/api/v1/claims/{fresh.pk}/sources/",
         {"url": "https://stats.example.org/more"}),
        (200, "post", claims + "verdict/", root, f"/api/v1/claims/{to_publish.pk}/verdict/",
         {"rating": "true", "summary": "Yes, it is.", "revision": draft.revision,
          "cited_evidence": [draft.cited_evidence.get().pk]}),
        (200, "post", claims + "publish/", senior, f"/api/v1/claims/{to_publish.pk}/publish/",
         {"revision": draft.revision + 1}),
        (201, "post", claims + "correct/", root, f"/api/v1/claims/{to_correct.pk}/correct/",
         {"rating": "false", "summary": "No.", "correction_note": "Wrong.",
          "revision": published.revision}),
        (200, "post", claims + "dismiss/", root, f"/api/v1/claims/{fresh.pk}/dismiss/",
         {"reason": "Opinion.", "revision": fresh.revision + 1}),
        (200, "get", "/api/v1/verdicts/", client, "/api/v1/verdicts/", None),
        (200, "get", "/api/v1/verdicts/{id}/", client, f"/api/v1/verdicts/{verdict.pk}/", None),
        (200, "get", "/api/v1/verdicts/{id}/", root, f"/api/v1/verdicts/{verdict.pk}/", None),
        (200, "get", "/api/v1/claimreviews/", client, "/api/v1/claimreviews/", None),
        (200, "get", "/api/v1/claimreviews/{id}/", client,
         f"/api/v1/claimreviews/{verdict.pk}/", None),
        (200, "post", "/api/v1/matches/", client, "/api/v1/matches/", {"text": claim.text}),
        (201, "post", "/api/v1/factchecks/import/", root, "/api/v1/factchecks/import/",
         {"url": import_url}),
        (200, "get", "/api/v1/webhooks/", root, "/api/v1/webhooks/", None),
        (201, "post", "/api/v1/webhooks/", root, "/api/v1/webhooks/",
         {"url": PUBLIC_TARGET, "events": ["article.failed"]}),
        (200, "get", "/api/v1/webhooks/{id}/", root, webhook, None),
        (200, "put", "/api/v1/webhooks/{id}/", root, webhook,
         {"url": PUBLIC_TARGET, "events": ["verdict.published"], "active": True, "revision": 0}),
        (200, "patch", "/api/v1/webhooks/{id}/", root, webhook, {"active": False, "revision": 1}),
        (200, "get", "/api/v1/webhooks/{id}/deliveries/", root, webhook + "deliveries/", None),
        (204, "delete", "/api/v1/webhooks/{id}/", root, webhook, None),
        (400, "get", "/api/v1/verdicts/", client, "/api/v1/verdicts/?rating=pants", None),
        (401, "get", "/api/v1/verdicts/", nobody, "/api/v1/verdicts/", None),
        (403, "get", "/api/v1/claims/", client, "/api/v1/claims/", None),
        (404, "get", "/api/v1/verdicts/{id}/", client, "/api/v1/verdicts/999999/", None),
        (409, "post", claims + "assign/", root, f"/api/v1/claims/{claim.pk}/assign/",
         {"assignee": None, "revision": 0}),
    ]  # fmt: skip
    answers = []
    for expected, method, documented_path, user_client, path, body in calls:
        response = getattr(user_client, method)(path, body, format="json")
        assert response.status_code == expected, (method, path, response.content)
        answers.append((method, documented_path, response))
    return answers


def _json_schema(node: object) -> object:
    """OpenAPI 3.0's ``nullable`` written as JSON Schema's null type."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def _problems(documented: dict, method: str, path: str, response) -> list[str]:
    """Why ``response`` is not what the schema documents for the operation (none: it is)."""
    where = f"{method.upper()} {path} {response.status_code}"
    answers = documented["paths"][path][method]["responses"]
    if str(response.status_code) not in answers:
        return [f"{where}: status not documented"]
    content = answers[str(response.status_code)].get("content")
    if content is None:
        return [f"{where}: a body where none is documented"] if response.content else []
    media_type = response["Content-Type"].split(";")[0]
    if media_type not in content:
        return [f"{where}: {media_type} not documented"]
    schema = {**content[media_type]["schema"], "components": documented["components"]}
    errors = jsonschema.Draft202012Validator(_json_schema(schema)).iter_errors(response.json())
    return [f"{where}: {error.json_path}: {error.message}" for error in errors]


def test_every_operation_answers_as_documented(
    documented, scenario, superuser, editor, senior_editor, api_client_user, allow_loopback
):
    users = {
        "root": superuser, "editor": editor, "senior": senior_editor, "client": api_client_user
    }  # fmt: skip
    with serve({"/check": Reply(body=IMPORT_PAGE.read_bytes())}) as server:
        answers = _answers(scenario, users, server.url("/check"))

    assert [p for answer in answers for p in _problems(documented, *answer)] == []
    operations = {(method, path) for path, item in documented["paths"].items() for method in item}
    assert {(method, path) for method, path, _response in answers} == operations
