"""Per-token request limits. Over the limit a client gets 429 with Retry-After."""

import hashlib

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class TokenRateThrottle(SimpleRateThrottle):
    """One bucket per API token (per user for session auth, per address when anonymous).

    Rates come from settings at request time (API_THROTTLE_RATE, API_ANON_THROTTLE_RATE).
    """

    scope = "token"

    def __init__(self) -> None:
        """Defer reading the rate to allow_request, so settings can change at run time."""

    def allow_request(self, request: Request, view: object) -> bool:
        authenticated = request.user and request.user.is_authenticated
        self.rate = settings.API_THROTTLE_RATE if authenticated else settings.API_ANON_THROTTLE_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request: Request, view: object) -> str:
        token = getattr(request.auth, "key", None)
        if token:
            # Hashed so the cache never holds a usable token.
            ident = "token:" + hashlib.sha256(token.encode()).hexdigest()[:32]
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            ident = f"address:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
