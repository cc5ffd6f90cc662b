"""Token authentication that reads who a token belongs to, and what they may do, from the cache.

Without it every API request costs two database queries before the view runs (the token with its
user, then the user's permissions), about a third of a verdict-list request's time. The cache
entry is the user with ModelBackend's permission cache filled in, keyed by a hash of the token
(the cache never holds a usable token). It is valid while the *generation* it was stored under is
current: saving or deleting any token, user, group or permission, or changing who is in a group
or holds a permission, draws a new generation, so revoking a token or a role takes effect on the
next request. Changes that bypass model signals (``QuerySet.update``, raw SQL) are picked up when
the entry expires, after ``API_AUTH_CACHE_SECONDS``.
"""

import hashlib
import uuid

from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token

from factcheck.api.permissions import load_permissions

GENERATION_KEY = "api:auth:generation"


class CachedTokenAuthentication(TokenAuthentication):
    """DRF's ``Authorization: Token <key>``, with the lookup cached (see the module docstring)."""

    def authenticate_credentials(self, key: str) -> tuple[User, Token]:
        if settings.API_AUTH_CACHE_SECONDS <= 0:
            return self._from_database(key)
        entry_key = "api:auth:token:" + hashlib.sha256(key.encode()).hexdigest()[:40]
        found = cache.get_many([GENERATION_KEY, entry_key])
        generation, entry = found.get(GENERATION_KEY), found.get(entry_key)
        if generation is not None and entry is not None and entry["generation"] == generation:
            user = entry["user"]
            return user, Token(key=key, user=user)
        if generation is None:  # first use, or evicted: renew before reading the database
            generation = generation_renew()
        user, token = self._from_database(key)
        entry = {"generation": generation, "user": user}
        cache.set(entry_key, entry, settings.API_AUTH_CACHE_SECONDS)
        return user, token

    def _from_database(self, key: str) -> tuple[User, Token]:
        """DRF's own check (unknown token, inactive user), then the permissions in one query."""
        user, token = super().authenticate_credentials(key)
        load_permissions(user)
        return user, token


def generation_renew(**_: object) -> str:
    """Start a new generation: every cached token entry stops being valid."""
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    return generation


def connect_hooks() -> None:
    """Renew the generation whenever a token, a user, a role or a permission changes."""
    for model in (Token, User, Group, Permission):
        post_save.connect(generation_renew, sender=model, dispatch_uid=f"api-auth-save-{model}")
        post_delete.connect(generation_renew, sender=model, dispatch_uid=f"api-auth-del-{model}")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        uid = f"api-auth-m2m-{through}"
        m2m_changed.connect(generation_renew, sender=through, dispatch_uid=uid)
