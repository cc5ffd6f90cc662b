"""Auth, throttling, the one error shape, ETags, and the OpenAPI schema and docs."""

import pytest
from rest_framework.test import APIClient

from tests.api_fixtures import error_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def plain_static(settings):
    """Pages that link static files without a collectstatic manifest (tests run DEBUG off)."""
    backend = "django.contrib.staticfiles.storage.StaticFilesStorage"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": backend}}


def test_it_refuses_requests_without_credentials_in_the_error_shape(api):
    response = api(None).get("/api/v1/verdicts/")
    assert response.status_code == 401
    assert error_fields(response.json()) == [None]
    assert response.json()["code"] == "not_authenticated"


def test_it_refuses_an_unknown_token(api):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token 0000000000000000000000000000000000000000")
    response = client.get("/api/v1/verdicts/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_it_accepts_a_token(api, api_client_user):
    assert api(api_client_user).get("/api/v1/verdicts/").status_code == 200


def test_it_accepts_a_session_for_the_browsable_api(client, editor, plain_static):
    client.force_login(editor)
    response = client.get("/api/v1/claims/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"<html" in response.content.lower()


def test_it_refuses_an_api_client_everything_but_published_verdicts(api, api_client_user, claim):
    client = api(api_client_user)
    for path in ("/api/v1/claims/", f"/api/v1/claims/{claim.pk}/", "/api/v1/articles/"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert error_fields(response.json()) == [None]
    response = client.post("/api/v1/articles/", {"text": "The sky is green."}, format="json")
    assert response.status_code == 403


def test_it_refuses_an_outsider_even_published_verdicts(api, outsider):
    response = api(outsider).get("/api/v1/verdicts/")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_it_throttles_per_token_with_retry_after(api, api_client_user, editor, settings):
    settings.API_THROTTLE_RATE = "3/minute"
    client = api(api_client_user)
    statuses = [client.get("/api/v1/verdicts/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/v1/verdicts/")
    assert refused.json()["code"] == "throttled"
    assert 0 < int(refused["Retry-After"]) <= 60
    # Another token has its own budget.
    assert api(editor).get("/api/v1/verdicts/").status_code == 200


def test_it_names_the_filter_at_fault(api, editor):
    response = api(editor).get("/api/v1/claims/", {"min_score": "lots", "status": "bogus"})
    assert response.status_code == 400
    assert sorted(error_fields(response.json())) == ["min_score", "status"]


def test_it_answers_a_missing_object_with_404_in_the_error_shape(api, editor):
    response = api(editor).get("/api/v1/claims/999999/")
    assert response.status_code == 404
    assert error_fields(response.json()) == [None]
    assert api(editor).get("/api/v1/claims/abc/").status_code == 404


def test_it_answers_a_wrong_method_with_405_in_the_error_shape(api, editor):
    response = api(editor).delete("/api/v1/claims/")
    assert response.status_code == 405
    assert error_fields(response.json()) == [None]


def test_it_answers_malformed_json_with_400(api, editor):
    response = api(editor).generic(
        "POST", "/api/v1/articles/", b'{"text": ', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


@pytest.mark.parametrize(
    "path", ["/api/v1/articles/", "/api/v1/claims/", "/api/v1/verdicts/", "/api/v1/claimreviews/"]
)
def test_every_list_answers_if_none_match_with_304(api, superuser, claim, path):
    client = api(superuser)
    first = client.get(path)
    etag = first["ETag"]
    assert first.status_code == 200
    assert etag.startswith('"')
    again = client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert client.get(path, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_a_list_etag_changes_when_a_row_changes(api, editor, claim):
    client = api(editor)
    etag = client.get("/api/v1/claims/")["ETag"]
    claim.score = 0.1
    claim.save()
    assert client.get("/api/v1/claims/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_schema_documents_every_operation_with_its_errors(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    operations = {
        (method.upper(), path): operation
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    }
    expected = {
        ("GET", "/api/v1/articles/"), ("POST", "/api/v1/articles/"),
        ("GET", "/api/v1/articles/{id}/"), ("GET", "/api/v1/claims/"),
        ("GET", "/api/v1/claims/{id}/"), ("POST", "/api/v1/claims/{id}/assign/"),
        ("POST", "/api/v1/claims/{id}/dismiss/"), ("POST", "/api/v1/claims/{id}/sources/"),
        ("POST", "/api/v1/claims/{id}/verdict/"), ("POST", "/api/v1/claims/{id}/publish/"),
        ("POST", "/api/v1/claims/{id}/correct/"), ("GET", "/api/v1/verdicts/"),
        ("GET", "/api/v1/verdicts/{id}/"), ("GET", "/api/v1/claimreviews/"),
        ("GET", "/api/v1/claimreviews/{id}/"), ("GET", "/api/v1/webhooks/"),
        ("POST", "/api/v1/webhooks/"), ("GET", "/api/v1/webhooks/{id}/"),
        ("PUT", "/api/v1/webhooks/{id}/"), ("PATCH", "/api/v1/webhooks/{id}/"),
        ("DELETE", "/api/v1/webhooks/{id}/"), ("GET", "/api/v1/webhooks/{id}/deliveries/"),
        ("POST", "/api/v1/matches/"), ("POST", "/api/v1/factchecks/import/"),
    }  # fmt: skip
    assert set(operations) == expected
    for (method, path), operation in operations.items():
        codes = set(operation["responses"])
        assert {"400", "401", "403", "429"} <= codes, (method, path)
        assert "{id}" not in path or "404" in codes, (method, path)
        assert operation.get("summary") or operation.get("description"), (method, path)
    for (method, path), operation in operations.items():
        if method == "POST" and "/claims/{id}/" in path:
            assert "409" in operation["responses"], path
    claim_filters = {p["name"] for p in operations[("GET", "/api/v1/claims/")]["parameters"]}
    assert {
        "q", "status", "article", "article_url", "min_score", "claimant", "assignee",
        "has_number_conflict", "updated_since", "ordering", "page", "page_size",
    } <= claim_filters  # fmt: skip
    verdict_filters = {p["name"] for p in operations[("GET", "/api/v1/verdicts/")]["parameters"]}
    assert {"rating", "claim", "article_url", "updated_since", "publisher", "cursor"} <= (
        verdict_filters
    )
    assert "Error" in schema["components"]["schemas"]


def test_the_docs_load_their_assets_from_this_server(client, plain_static):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn.jsdelivr.net" not in html
    assert "unpkg.com" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
