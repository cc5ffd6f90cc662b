"""Why a fetch or a POST got no usable answer: one class per reason, each with a sentence."""

from __future__ import annotations


class FetchError(Exception):
    """A fetch that produced no page. `reason` is a sentence to show editors."""

    transient = False  # True when the same fetch may succeed later (see TransientFetchError)

    def __init__(
        self, reason: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class TransientFetchError(FetchError):
    """Worth retrying later: timeouts, connection failures, 429 and 5xx answers."""

    transient = True


class FetchTimeout(TransientFetchError):
    """A timeout: connecting, waiting for data, or the whole fetch's wall-clock budget."""


class UnsafeURL(FetchError):
    """Not an http(s) link to a public address, whether as given or after a redirect."""


class BlockedByRobots(FetchError):
    """The site's robots.txt asks the workbench not to fetch the page."""


class TooLarge(FetchError):
    """The body is larger than the policy's max_bytes."""


class UnsupportedContent(FetchError):
    """A type the workbench cannot read (images, archives, binaries), or an unreadable PDF."""


class TooManyRedirects(FetchError):
    """More redirects than the policy's max_redirects."""
