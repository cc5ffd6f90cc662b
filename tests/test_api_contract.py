"""The API contract: a stable schema whose references all resolve, parameters checked strictly
(unknown or malformed filters and a bad cursor are 400s naming the parameter), and the one
JSON error shape for unknown paths too."""

import pytest

from tests.api_fixtures import error_fields


def _refs(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(value) for value in node))
    return set()


def test_the_schema_is_the_same_on_every_request_and_every_reference_resolves(client):
    first, second, third = (
        client.get("/api/schema/", HTTP_ACCEPT="application/json").json() for _ in range(3)
    )

    assert first == second == third
    components = first["components"]["schemas"]
    for ref in _refs(first):
        assert ref.removeprefix("#/components/schemas/") in components, ref


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/v1/claims/", {"has_number_conflict": "maybe"}, "has_number_conflict"),
        ("/api/v1/claims/", {"colour": "red"}, "colour"),
        ("/api/v1/claims/", {"updated_since": "2026-11-01T00:00:00-17:00"}, "updated_since"),
        ("/api/v1/claims/", {"updated_since": "2026-11-01T00:00:00+18:30"}, "updated_since"),
        ("/api/v1/claims/", {"updated_since": "0001-01-01T00:00:00+05:00"}, "updated_since"),
        ("/api/v1/claims/", {"assignee": "¹"}, "assignee"),
        ("/api/v1/claims/", {"article": "⁰⁴⁵"}, "article"),
        ("/api/v1/claims/", {"page": "¹"}, "page"),
        ("/api/v1/claims/", {"page": "0"}, "page"),
        ("/api/v1/claims/", {"page": "99"}, "page"),
        ("/api/v1/claims/", {"page_size": "lots"}, "page_size"),
        ("/api/v1/verdicts/", {"updated_since": "2026-11-01T00:00:00-17:00"}, "updated_since"),
        ("/api/v1/verdicts/", {"claim": "²"}, "claim"),
        ("/api/v1/verdicts/", {"cursor": "garbage"}, "cursor"),
        ("/api/v1/verdicts/", {"cursor": "cD1ub3RhZGF0ZQ=="}, "cursor"),  # p=notadate
        (
            "/api/v1/verdicts/",
            {"cursor": "cD0yMDI2LTAxLTAxVDAwJTNBMDAlM0EwMCUyQjE4JTNBMzA="},
            "cursor",
        ),
        ("/api/v1/verdicts/", {"page_size": "⁵"}, "page_size"),
        ("/api/v1/verdicts/", {"sort": "id"}, "sort"),
        ("/api/v1/claimreviews/", {"updated_since": "2026-11-01T00:00:00+18:30"}, "updated_since"),
        ("/api/v1/claimreviews/", {"cursor": "zzzz"}, "cursor"),
        ("/api/v1/articles/", {"status": "extracted", "colour": "red"}, "colour"),
        ("/api/v1/articles/", {"status": ""}, "status"),
        ("/api/v1/claims/", {"format": "xml"}, "format"),
        ("/api/v1/claimreviews/", {"format": "yaml"}, "format"),
        ("/api/v1/claims/", {"q": ""}, "q"),
    ],
)
def test_odd_or_unknown_parameters_are_400s_naming_them(api, superuser, path, params, field):
    response = api(superuser).get(path, params)

    assert response.status_code == 400, response.content
    assert error_fields(response.json()) == [field]


@pytest.mark.parametrize(
    "params",
    [
        {"has_number_conflict": "true"}, {"has_number_conflict": "0"},
        {"updated_since": "2026-11-01T00:00:00+14:00"}, {"updated_since": "2026-11-01"},
        {"page": "1", "page_size": "500", "format": "json"}, {"page": "last"},
    ],
)  # fmt: skip
def test_well_formed_parameters_still_work(api, superuser, params):
    assert api(superuser).get("/api/v1/claims/", params).status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v1/nope/", "/api/v2/", "/api/x/y/z"])
def test_unknown_api_paths_answer_the_json_error_shape(api, superuser, path):
    response = api(superuser).get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert error_fields(response.json()) == [None]


def test_unknown_pages_elsewhere_stay_html(client):
    response = client.get("/nope/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
