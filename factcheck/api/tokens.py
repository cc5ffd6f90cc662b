"""API tokens: several named keys per user, stored as SHA-256 digests, revocable, last use kept.

A key is 256 random bits; a digest of it cannot be turned back into it, so neither the database,
the admin nor a backup shows a usable key. The key is returned once, by ``api_token_create``.
(A fast hash is right for random keys: there is no dictionary to try, unlike passwords.)
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from factcheck.models import ApiToken

PREFIX_LENGTH = 8
# Last use is written at most this often per token (one UPDATE, not one per request).
LAST_USED_RESOLUTION = timedelta(seconds=60)


class TokenError(ValueError):
    """A token request refused before anything was saved; ``str(exc)`` says why."""


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def api_token_create(
    *, user: AbstractBaseUser, name: str, actor: AbstractBaseUser | None
) -> tuple[ApiToken, str]:
    """A new key for user, named; returns the row and the key (the only time it is seen).

    The actor is the user themselves or a superuser (None: the server's command line).
    """
    _require_owner_or_superuser(actor, user)
    name = " ".join(name.split())
    if not name or len(name) > ApiToken._meta.get_field("name").max_length:
        raise TokenError("A token needs a name of 1 to 100 characters.")
    if ApiToken.objects.filter(user=user, name=name, revoked_at=None).exists():
        raise TokenError(f"{user} already has a token named {name!r}; revoke it or pick another.")
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=key[:PREFIX_LENGTH], digest=digest(key)
    )
    return token, key


def api_token_revoke(*, token: ApiToken, actor: AbstractBaseUser | None) -> ApiToken:
    """Revoke a token at once (its cached entry dies with the save). Revoking twice is a no-op."""
    _require_owner_or_superuser(actor, token.user)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_find(key: str) -> ApiToken | None:
    """The live token with this key and its active user, or None."""
    return (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(key), revoked_at=None, user__is_active=True)
        .first()
    )


def api_token_mark_used(*, token_id: int, last_used_at: datetime | None) -> datetime | None:
    """Record a use when the last recorded one is older than LAST_USED_RESOLUTION.

    Returns the time now recorded (or the previous one when it was recent enough). A plain UPDATE:
    it sends no signal, so the token cache stays valid.
    """
    now = timezone.now()
    if last_used_at is not None and now - last_used_at < LAST_USED_RESOLUTION:
        return last_used_at
    ApiToken.objects.filter(pk=token_id).update(last_used_at=now)
    return now


def _require_owner_or_superuser(actor: AbstractBaseUser | None, owner: AbstractBaseUser) -> None:
    if actor is None or actor.pk == owner.pk or (actor.is_active and actor.is_superuser):
        return
    raise PermissionDenied("Only the token's owner or a superuser may do that.")
