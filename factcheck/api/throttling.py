"""Per-token request limits. Over the limit a client gets 429 with Retry-After."""

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle


class TokenRateThrottle(SimpleRateThrottle):
    """One bucket per API token (per user for session auth, per address when anonymous).

    Rates come from settings at request time (API_THROTTLE_RATE, API_ANON_THROTTLE_RATE). A
    bucket is a counter per fixed window ("3/minute": each clock minute), incremented in the
    cache: constant work per request whatever the rate. (DRF's default keeps a timestamp per
    request of the window, re-pickled on every request, and loses counts between workers.)
    """

    scope = "token"

    def __init__(self) -> None:
        """Defer reading the rate to allow_request, so settings can change at run time."""
        self.wait_seconds: float | None = None

    def allow_request(self, request: Request, view: object) -> bool:
        authenticated = request.user and request.user.is_authenticated
        self.rate = settings.API_THROTTLE_RATE if authenticated else settings.API_ANON_THROTTLE_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.num_requests is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        count = self._count(f"{self.get_cache_key(request, view)}:{window}")
        if count <= self.num_requests:
            return True
        self.wait_seconds = (window + 1) * self.duration - now
        return False

    def _count(self, key: str) -> int:
        """This request's number in the window. The key outlives its window by a second."""
        try:
            return self.cache.incr(key)
        except ValueError:  # the window's first request
            if self.cache.add(key, 1, self.duration + 1):
                return 1
            return self.cache.incr(key)

    def wait(self) -> float | None:
        return self.wait_seconds

    def get_cache_key(self, request: Request, view: object) -> str:
        token_id = getattr(request.auth, "pk", None)  # an ApiToken: one bucket per named token
        if token_id:
            ident = f"token:{token_id}"
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            ident = f"address:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
