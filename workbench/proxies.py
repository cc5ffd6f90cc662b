"""The client's address, trusting X-Forwarded-For only as far as configured proxies wrote it."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or with TRUSTED_PROXY_COUNT = n the address the outermost of the n proxies
    saw (the n-th entry from the right of X-Forwarded-For; entries left of it are the client's
    own claims). The same rule as DRF's NUM_PROXIES, used by the API throttle."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count and forwarded:
        addresses = [part.strip() for part in forwarded.split(",")]
        return addresses[-min(count, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")
