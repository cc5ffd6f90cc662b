"""Token authentication (``Authorization: Token <key>``) with who-may-do-what cached as plain data.

Keys are looked up by their SHA-256 digest (``factcheck.api.tokens``). Without the cache every API
request costs two database queries before the view runs (the token with its user, then the user's
permissions), about a third of a verdict-list request's time. The cache entry, keyed by a hash of
the key, holds only what authorisation needs as plain values: the token's id, the user's id, name
and flags, and their permission names; never a key, a User object or a password hash. It is valid
while the *generation* it was stored under is current: saving or deleting any token, user, group
or permission, or changing who is in a group or holds a permission, draws a new generation, so
revoking a token or a role takes effect on the next request. Changes that bypass model signals
(``QuerySet.update``, raw SQL) are picked up when the entry expires, after
``API_AUTH_CACHE_SECONDS``.
"""

import hashlib
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from factcheck.api import tokens
from factcheck.api.permissions import load_permissions
from factcheck.models import ApiToken

GENERATION_KEY = "api:auth:generation"
USER_FIELDS = ("id", "username", "is_active", "is_staff", "is_superuser")
# User.from_db takes the loaded fields in the model's order; the rest (the password) stay deferred.
_LOADED = [f.attname for f in User._meta.concrete_fields if f.attname in USER_FIELDS]


class CachedTokenAuthentication(TokenAuthentication):
    """``Authorization: Token <key>`` against hashed API tokens, cached (see the module doc)."""

    model = ApiToken

    def authenticate_credentials(self, key: str) -> tuple[User, ApiToken]:
        if settings.API_AUTH_CACHE_SECONDS <= 0:
            return self._from_database(key)
        entry_key = "api:auth:token:" + hashlib.sha256(key.encode()).hexdigest()[:40]
        found = cache.get_many([GENERATION_KEY, entry_key])
        generation, entry = found.get(GENERATION_KEY), found.get(entry_key)
        if generation is not None and entry is not None and entry["generation"] == generation:
            return self._from_entry(entry, entry_key)
        if generation is None:  # first use, or evicted: renew before reading the database
            generation = generation_renew()
        user, token = self._from_database(key)
        cache.set(entry_key, plain_entry(generation, user, token), settings.API_AUTH_CACHE_SECONDS)
        return user, token

    def _from_database(self, key: str) -> tuple[User, ApiToken]:
        """The live token of an active user, its use recorded, then the permissions in one query."""
        token = tokens.api_token_find(key)
        if token is None:
            raise AuthenticationFailed("Invalid token.")
        token.last_used_at = tokens.api_token_mark_used(
            token_id=token.pk, last_used_at=token.last_used_at
        )
        load_permissions(token.user)
        return token.user, token

    def _from_entry(self, entry: dict, entry_key: str) -> tuple[User, ApiToken]:
        user = User.from_db("default", _LOADED, [entry["user"][f] for f in _LOADED])
        user._perm_cache = set(entry["permissions"])
        used = datetime.fromtimestamp(entry["last_used"], UTC)
        token = ApiToken(pk=entry["token"], user=user, last_used_at=used)
        token.last_used_at = tokens.api_token_mark_used(token_id=token.pk, last_used_at=used)
        if token.last_used_at != used:
            entry = {**entry, "last_used": token.last_used_at.timestamp()}
            cache.set(entry_key, entry, settings.API_AUTH_CACHE_SECONDS)
        return user, token


def plain_entry(generation: str, user: User, token: ApiToken) -> dict:
    """What the cache keeps for a token: ids, flags and permission names, nothing else."""
    return {
        "generation": generation,
        "token": token.pk,
        "user": {field: getattr(user, field) for field in USER_FIELDS},
        "permissions": sorted(getattr(user, "_perm_cache", ())),
        "last_used": (token.last_used_at or timezone.now()).timestamp(),
    }


def generation_renew(**_: object) -> str:
    """Start a new generation: every cached token entry stops being valid."""
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    return generation


def connect_hooks() -> None:
    """Renew the generation whenever a token, a user, a role or a permission changes."""
    for model in (ApiToken, User, Group, Permission):
        post_save.connect(generation_renew, sender=model, dispatch_uid=f"api-auth-save-{model}")
        post_delete.connect(generation_renew, sender=model, dispatch_uid=f"api-auth-del-{model}")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        uid = f"api-auth-m2m-{through}"
        m2m_changed.connect(generation_renew, sender=through, dispatch_uid=uid)
