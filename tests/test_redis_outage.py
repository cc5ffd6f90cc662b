"""Redis down: reads and sign-ins go on from the database, writes that queue work answer and leave
the row queued for the reconciler, and /readyz says what is down (a Redis of the test's own)."""

import time

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from factcheck.models import Article, Source
from tests.personas import make_claim

pytestmark = pytest.mark.django_db

VERDICTS = "/api/v1/verdicts/"


def test_token_requests_are_served_from_the_database_while_redis_is_down(
    redis_cache, api, api_client_user
):
    client = api(api_client_user)
    assert client.get(VERDICTS).status_code == 200  # cached in Redis
    redis_cache.stop()
    for _ in range(3):
        response = client.get(VERDICTS)
        assert response.status_code == 200, response.content[:300]
    redis_cache.start()  # back, and empty
    assert client.get(VERDICTS).status_code == 200
    assert client.get(VERDICTS).status_code == 200


def test_a_revoked_token_is_refused_while_redis_is_down(redis_cache, api, api_client_user):
    client = api(api_client_user)
    assert client.get(VERDICTS).status_code == 200
    redis_cache.stop()
    api_client_user.is_active = False
    api_client_user.save()
    assert client.get(VERDICTS).status_code == 401


def test_admin_sign_in_works_while_redis_is_down(redis_cache):
    User.objects.create_user("edna", password="a long passphrase 42", is_staff=True)
    redis_cache.stop()
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "edna", "password": "a long passphrase 42", "next": "/admin/"},
    )
    assert response.status_code == 302, response.content[:300]
    assert response["Location"] == "/admin/"
    assert client.session["_auth_user_id"] == str(User.objects.get(username="edna").pk)


@pytest.mark.django_db(transaction=True)
def test_submitting_work_with_the_broker_down_answers_and_leaves_it_queued(redis_broker, api):
    # A superuser: a transactional test cannot count on the role groups the migrations made.
    editor = User.objects.create(username="desk", is_superuser=True, is_staff=True)
    claim = make_claim()
    redis_broker.stop()
    started = time.monotonic()
    article = api(editor).post("/api/v1/articles/", {"url": "https://news.example.org/outage"})
    source = api(editor).post(
        f"/api/v1/claims/{claim.pk}/sources/", {"url": "https://stats.example.org/outage"}
    )
    assert (article.status_code, source.status_code) == (202, 202)
    assert time.monotonic() - started < 10
    assert Article.objects.get(pk=article.json()["id"]).status == Article.Status.QUEUED
    assert Source.objects.get(url="https://stats.example.org/outage").status == "queued"


@pytest.mark.django_db(transaction=True)
def test_adding_a_source_in_the_admin_with_the_broker_down_answers(redis_broker):
    editor = User.objects.create(username="desk", is_superuser=True, is_staff=True)
    claim = make_claim()
    client = Client()
    client.force_login(editor)
    redis_broker.stop()
    step = reverse("admin:factcheck_claim_step", args=[claim.pk, "add-source"])
    response = client.post(step, {"url": "https://stats.example.org/admin-outage"})
    assert response.status_code == 302, response.content[:300]
    assert Source.objects.get(url="https://stats.example.org/admin-outage").status == "queued"


@pytest.mark.django_db(transaction=True)
def test_readiness_names_the_broker_when_it_is_down_and_liveness_stays_up(redis_broker):
    client = Client()
    assert client.get("/readyz").json() == {
        "status": "ok",
        "checks": {"database": "ok", "broker": "ok"},
        "down": [],
    }
    redis_broker.stop()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "broker": "unreachable"},
        "down": ["broker"],
    }
    for path in ("/healthz", "/livez"):
        assert client.get(path).json() == {"status": "ok"}
    redis_broker.start()
    assert client.get("/readyz").status_code == 200


def test_readiness_names_the_database_when_it_is_down(settings):
    from django.db import connection

    client = Client()
    saved = connection.settings_dict.copy()
    connection.close()
    connection.settings_dict["NAME"] = "/nonexistent/folder/db.sqlite3"
    connection.settings_dict["HOST"] = "127.0.0.1"
    connection.settings_dict["PORT"] = "1"
    try:
        response = client.get("/readyz")
    finally:
        connection.close()
        connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert response.json()["down"] == ["database"]
