"""What an attacker reaches over HTTP: sign-in limits, proxy headers, HSTS and the CSP."""

import re

import pytest
from django.urls import reverse

from tests.personas import PASSWORD
from tests.test_settings_security import start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]

LOGIN = "/admin/login/"
PROXY = ("HTTP_X_FORWARDED_PROTO", "https")


def sign_in(client, username: str, password: str, **headers: str) -> int:
    data = {"username": username, "password": password, "next": "/admin/"}
    return client.post(LOGIN, data, **headers).status_code


@pytest.fixture
def few_attempts(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return settings


def test_after_repeated_wrong_passwords_even_the_right_one_is_refused(client, editor, few_attempts):
    assert [sign_in(client, "edna", f"wrong-{n}") for n in range(3)] == [200, 200, 429]
    assert sign_in(client, "edna", PASSWORD) == 429
    assert "_auth_user_id" not in client.session


def test_one_address_trying_many_names_is_locked_out(client, editor, few_attempts):
    for name in ("alice", "bob", "carol"):
        sign_in(client, name, "guess")
    assert sign_in(client, "edna", PASSWORD) == 429


def test_a_forged_forwarded_for_does_not_reset_the_count_without_a_proxy(
    client, editor, few_attempts
):
    for n, name in enumerate(("alice", "bob", "carol")):
        sign_in(client, name, "guess", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert sign_in(client, "edna", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99") == 429


def test_behind_a_trusted_proxy_each_client_address_counts_apart(client, editor, few_attempts):
    few_attempts.TRUSTED_PROXY_COUNT = 1
    for n, name in enumerate(("alice", "bob", "carol")):
        sign_in(client, name, "guess", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert sign_in(client, "edna", PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99") == 302


def test_a_right_password_before_the_limit_signs_in_and_resets_the_count(
    client, editor, few_attempts
):
    sign_in(client, "edna", "wrong")
    sign_in(client, "edna", "wrong again")
    assert sign_in(client, "edna", PASSWORD) == 302
    client.logout()
    assert [sign_in(client, "edna", "wrong") for _ in range(2)] == [200, 200]


def test_forwarded_proto_is_ignored_unless_a_proxy_is_configured(client):
    response = client.get(LOGIN, HTTP_X_FORWARDED_PROTO="https")
    assert "Strict-Transport-Security" not in response
    assert start("s.SECURE_PROXY_SSL_HEADER", SECRET_KEY="k") == (0, "null")
    assert start("s.SECURE_PROXY_SSL_HEADER", SECRET_KEY="k", TRUSTED_PROXY_COUNT="1") == (
        0,
        '["HTTP_X_FORWARDED_PROTO", "https"]',
    )


def test_hsts_is_sent_on_https_only(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = PROXY
    secure = client.get(LOGIN, HTTP_X_FORWARDED_PROTO="https")
    assert secure["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get(LOGIN)
    assert start("s.SECURE_HSTS_SECONDS", SECRET_KEY="k") == (0, "31536000")
    assert start("s.SECURE_HSTS_SECONDS", DEBUG="true") == (0, "0")


def test_the_anonymous_api_limit_ignores_a_forged_forwarded_for():
    from django.contrib.auth.models import AnonymousUser
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from factcheck.api.throttling import TokenRateThrottle

    def bucket(forwarded_for: str) -> str:
        request = Request(APIRequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded_for))
        request.user = AnonymousUser()
        return TokenRateThrottle().get_cache_key(request, None)

    assert bucket("198.51.100.1") == bucket("198.51.100.2") == "throttle_token_address:127.0.0.1"


@pytest.mark.parametrize("url", [LOGIN, "/api/docs/", "/api/v1/verdicts/", "/api/schema/"])
def test_every_page_has_a_content_security_policy_without_inline_scripts(client, url):
    policy = client.get(url)["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


def test_swagger_ui_loads_its_start_up_script_from_a_file(client):
    page = client.get("/api/docs/").content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts
    assert all('src="' in attributes and not body.strip() for attributes, body in scripts)
    script = re.search(r'<script src="([^"]*\?script[^"]*)"', page).group(1)
    response = client.get(script.replace("&amp;", "&"))
    assert response.status_code == 200
    assert "SwaggerUIBundle" in response.content.decode()


def test_the_admin_pages_have_no_inline_scripts(client, superuser):
    client.force_login(superuser)
    for url in (reverse("admin:index"), reverse("admin:factcheck_claim_changelist")):
        page = client.get(url).content.decode()
        inline = [body for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
                  if "src=" not in attrs and "application/json" not in attrs]  # fmt: skip
        assert inline == [], url
