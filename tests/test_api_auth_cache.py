"""The token lookup is cached, and every change to a token, user, role or permission ends it."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck import review
from factcheck.models import ApiToken

pytestmark = pytest.mark.django_db

URL = "/api/v1/verdicts/"


def auth_queries(client) -> list[str]:
    """The queries of one request that read tokens or permissions from the database."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    tables = ('"factcheck_apitoken"', '"auth_permission"')
    return [q["sql"] for q in captured.captured_queries if any(t in q["sql"] for t in tables)]


def test_it_reads_the_token_and_permissions_from_the_database_once(api, api_client_user):
    client = api(api_client_user)
    # The token with its user, its first use recorded, then the permissions.
    assert len(auth_queries(client)) == 3
    assert auth_queries(client) == []


def test_it_refuses_a_deleted_token_on_the_next_request(api, api_client_user):
    client = api(api_client_user)
    assert client.get(URL).status_code == 200
    ApiToken.objects.filter(user=api_client_user).delete()
    assert client.get(URL).status_code == 401


def test_it_refuses_a_deactivated_user_on_the_next_request(api, api_client_user):
    client = api(api_client_user)
    assert client.get(URL).status_code == 200
    api_client_user.is_active = False
    api_client_user.save()
    assert client.get(URL).status_code == 401


def test_it_refuses_a_user_whose_role_was_taken_away_on_the_next_request(api, api_client_user):
    client = api(api_client_user)
    assert client.get(URL).status_code == 200
    api_client_user.groups.remove(Group.objects.get(name=review.ROLE_API_CLIENT))
    assert client.get(URL).status_code == 403


def test_it_sees_a_role_given_on_the_next_request(api, api_client_user):
    client = api(api_client_user)
    assert client.get("/api/v1/claims/").status_code == 403
    api_client_user.groups.add(Group.objects.get(name=review.ROLE_EDITOR))
    assert client.get("/api/v1/claims/").status_code == 200


def test_it_sees_a_permission_taken_from_a_role_on_the_next_request(api, api_client_user):
    client = api(api_client_user)
    assert client.get(URL).status_code == 200
    Group.objects.get(name=review.ROLE_API_CLIENT).permissions.clear()
    assert client.get(URL).status_code == 403


def test_it_reads_the_database_every_time_when_the_cache_is_off(api, api_client_user, settings):
    settings.API_AUTH_CACHE_SECONDS = 0
    client = api(api_client_user)
    assert len(auth_queries(client)) == 3  # with its first use recorded
    assert len(auth_queries(client)) == 2  # its last use is recent enough
