"""API tokens: hashed at rest, shown once, several named per user, revocable, last use kept.

The token cache holds plain authorisation data, and nobody but a superuser sees others' tokens.
"""

import importlib
import io
import pickle
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.forms.models import model_to_dict
from django.urls import reverse
from rest_framework.test import APIClient

from factcheck import review
from factcheck.api.tokens import api_token_create, api_token_revoke, digest
from factcheck.models import ApiToken
from tests.personas import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_static")]

URL = "/api/v1/verdicts/"


def with_key(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def admin_role(db) -> User:
    return make_user("ada", review.ROLE_ADMIN, is_staff=True)


def test_only_a_digest_of_the_key_is_stored(api_client_user):
    token, key = api_token_create(user=api_client_user, name="CMS", actor=None)
    row = ApiToken.objects.get(pk=token.pk)
    assert key not in repr(model_to_dict(row))
    assert row.digest == digest(key) != key
    assert row.prefix == key[:8]
    assert with_key(key).get(URL).status_code == 200
    assert with_key(row.digest).get(URL).status_code == 401


def test_a_user_has_several_named_tokens_and_revoking_one_ends_only_it(api_client_user):
    first, first_key = api_token_create(user=api_client_user, name="CMS", actor=None)
    _second, second_key = api_token_create(user=api_client_user, name="Newsletter", actor=None)
    assert with_key(first_key).get(URL).status_code == 200
    assert with_key(second_key).get(URL).status_code == 200
    api_token_revoke(token=first, actor=api_client_user)
    assert with_key(first_key).get(URL).status_code == 401
    assert with_key(second_key).get(URL).status_code == 200


def test_a_name_is_used_once_among_live_tokens(api_client_user):
    from factcheck.api.tokens import TokenError

    token, _key = api_token_create(user=api_client_user, name="CMS", actor=None)
    with pytest.raises(TokenError, match="already has a token named 'CMS'"):
        api_token_create(user=api_client_user, name=" CMS ", actor=None)
    api_token_revoke(token=token, actor=None)
    api_token_create(user=api_client_user, name="CMS", actor=None)
    assert api_client_user.api_tokens.count() == 2


def test_no_one_else_creates_or_revokes_a_users_token(api_client_user, admin_role):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        api_token_create(user=api_client_user, name="mine now", actor=admin_role)
    token, key = api_token_create(user=api_client_user, name="CMS", actor=None)
    with pytest.raises(PermissionDenied):
        api_token_revoke(token=token, actor=admin_role)
    assert with_key(key).get(URL).status_code == 200


def test_the_last_use_is_recorded(api_client_user):
    token, key = api_token_create(user=api_client_user, name="CMS", actor=None)
    assert token.last_used_at is None
    with_key(key).get(URL)
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_an_inactive_users_token_is_refused(api_client_user):
    _token, key = api_token_create(user=api_client_user, name="CMS", actor=None)
    api_client_user.is_active = False
    api_client_user.save()
    assert with_key(key).get(URL).status_code == 401


class _OnlyPlainData(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"the cache entry holds a {module}.{name}")


def test_the_cache_holds_only_plain_authorisation_data(api_client_user, settings):
    settings.API_AUTH_CACHE_SECONDS = 60
    _token, key = api_token_create(user=api_client_user, name="CMS", actor=None)
    assert with_key(key).get(URL).status_code == 200
    entry = cache.get("api:auth:token:" + digest(key)[:40])
    assert entry is not None
    # No class at all (no User, no datetime): it unpickles with every class lookup refused.
    _OnlyPlainData(io.BytesIO(pickle.dumps(entry))).load()
    assert api_client_user.password not in repr(entry)
    assert key not in repr(entry)
    assert entry["user"]["username"] == "robot"
    assert "factcheck.view_verdict" in entry["permissions"]
    assert with_key(key).get(URL).status_code == 200  # served from the entry


def test_the_key_is_shown_once_when_created_in_the_admin(client, editor):
    client.force_login(editor)
    response = client.post(reverse("admin:factcheck_apitoken_add"), {"name": "My scripts"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=editor, name="My scripts")
    key = response.context["key"]
    assert digest(key) == token.digest
    assert key in response.content.decode()
    listing = client.get(reverse("admin:factcheck_apitoken_changelist")).content.decode()
    page = client.get(reverse("admin:factcheck_apitoken_change", args=[token.pk]))
    assert "My scripts" in listing
    assert key not in listing + page.content.decode()
    assert token.digest not in page.content.decode()


def test_an_admin_role_user_sees_only_their_own_tokens(client, admin_role, senior_editor):
    token, _key = api_token_create(user=senior_editor, name="Senior's CMS", actor=None)
    client.force_login(admin_role)
    listing = client.get(reverse("admin:factcheck_apitoken_changelist"))
    assert listing.status_code == 200
    assert "Senior&#x27;s CMS" not in listing.content.decode()
    page = client.get(reverse("admin:factcheck_apitoken_change", args=[token.pk]))
    assert page.status_code == 302  # "does not exist", as for any object not theirs
    # Nor can they mint one for the senior editor: the form has no owner for them.
    data = {"name": "Impersonation", "user": senior_editor.pk}
    client.post(reverse("admin:factcheck_apitoken_add"), data)
    assert not ApiToken.objects.filter(user=senior_editor, name="Impersonation").exists()
    assert ApiToken.objects.filter(user=admin_role, name="Impersonation").exists()


def test_a_superuser_makes_a_token_for_an_api_client_and_revokes_it(
    client, superuser, api_client_user
):
    client.force_login(superuser)
    data = {"name": "CMS", "user": api_client_user.pk}
    key = client.post(reverse("admin:factcheck_apitoken_add"), data).context["key"]
    assert with_key(key).get(URL).status_code == 200
    token = ApiToken.objects.get(user=api_client_user)
    changelist = reverse("admin:factcheck_apitoken_changelist")
    client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]})
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert with_key(key).get(URL).status_code == 401


def test_the_command_prints_a_key_once_and_revokes_by_name(api_client_user):
    out, err = io.StringIO(), io.StringIO()
    call_command("apitoken", "create", "robot", "--name", "CMS", stdout=out, stderr=err)
    key = out.getvalue().strip()
    assert with_key(key).get(URL).status_code == 200
    assert "not stored" in err.getvalue()
    listing = io.StringIO()
    call_command("apitoken", "list", "robot", stdout=listing)
    assert f"{key[:8]}…  CMS  (live; last used" in listing.getvalue()
    call_command("apitoken", "revoke", "robot", "--name", "CMS", stdout=io.StringIO())
    assert with_key(key).get(URL).status_code == 401


def test_plaintext_tokens_of_the_old_table_move_over_as_digests(api_client_user):
    migration = importlib.import_module("factcheck.migrations.0012_api_tokens")
    old_key = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id bigint, "
            "created timestamp)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, CURRENT_TIMESTAMP)",
            [old_key, api_client_user.pk],
        )
    from django.apps import apps

    migration.move_plaintext_tokens(apps, SimpleNamespace(connection=connection))
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM authtoken_token")
        assert cursor.fetchone() == (0,)
    assert ApiToken.objects.get(user=api_client_user).digest == digest(old_key)
    assert with_key(old_key).get(URL).status_code == 200


def test_each_named_token_has_its_own_throttle_bucket(api_client_user, settings):
    settings.API_THROTTLE_RATE = "2/hour"
    _first, first_key = api_token_create(user=api_client_user, name="CMS", actor=None)
    _second, second_key = api_token_create(user=api_client_user, name="Newsletter", actor=None)
    assert [with_key(first_key).get(URL).status_code for _ in range(3)] == [200, 200, 429]
    assert with_key(second_key).get(URL).status_code == 200
