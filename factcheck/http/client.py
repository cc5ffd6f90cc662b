"""The one place that talks HTTP: fetch a page, or POST a webhook, without becoming a way in.

Every hop (the link and each redirect) is parsed, resolved once, checked for private addresses,
checked against robots.txt when asked, spaced per host across processes, and connected to the very
address that was checked. Bodies are capped in size, type and wall-clock time. GET and POST share
that one path; only a fetch follows redirects and reads the whole body.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime

import certifi
import httpx
from django.utils import timezone

from factcheck.http import answers, netsafety, ratelimit, robots
from factcheck.http.errors import (
    BlockedByRobots,
    FetchError,
    FetchTimeout,
    TooLarge,
    TooManyRedirects,
    TransientFetchError,
    UnsafeURL,
    UnsupportedContent,
)
from factcheck.http.netsafety import IPAddress, Resolver, WebAddress
from factcheck.http.policy import FetchPolicy

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: crawlers must read at least 500 KiB of robots.txt
POST_ANSWER_BYTES = 4096


@dataclass(frozen=True)
class FetchResult:
    """A page that was read: always a 2xx answer of an allowed type within the caps."""

    url: str  # final URL after redirects
    status: int
    content_type: str  # media type only, lower-case
    charset: str | None  # the declared charset the text was decoded with; None for the fallback
    body: bytes
    text: str  # decoded text; for a PDF, the text pypdf extracts
    fetched_at: datetime
    redirects: tuple[str, ...]  # every URL that answered with a redirect, in order


@dataclass(frozen=True)
class PostResult:
    """A receiver's answer to a POST, whatever its status."""

    status: int
    body: bytes  # the start of the answer (up to POST_ANSWER_BYTES), for the delivery log


@dataclass(frozen=True)
class _Trip:
    """One fetch() or post() call: its client, policy, deadline (a time.monotonic() value) and
    resolver."""

    client: httpx.Client
    policy: FetchPolicy
    deadline: float
    resolver: Resolver


@dataclass(frozen=True)
class _Request:
    """What is sent on each hop: a fetch's GET, or a webhook's POST with its body and headers."""

    method: str = "GET"
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()


_GET = _Request()


def fetch(
    url: str, *, policy: FetchPolicy, resolver: Resolver = netsafety.system_resolver
) -> FetchResult:
    """Fetch one page under policy. Raises FetchError; a TransientFetchError may succeed later.

    resolver is a seam for tests that need a DNS name to point at a chosen address.
    """
    accept = ", ".join(sorted(policy.allowed_types))
    with _trip(policy, resolver, {"Accept": accept}) as trip:
        return _fetch(trip, url)


def post(
    url: str,
    *,
    body: bytes,
    headers: dict[str, str],
    policy: FetchPolicy,
    resolver: Resolver = netsafety.system_resolver,
) -> PostResult:
    """POST body to url with fetch()'s address checks and pinning; redirects are not followed.

    Any HTTP status is returned, not raised. Raises UnsafeURL for a private address, FetchError
    for a name that does not exist, TransientFetchError for timeouts and refused connections.
    """
    request = _Request("POST", body, tuple(headers.items()))
    with _trip(policy, resolver, {}) as trip:
        response = _send_hop(trip, url, redirected=False, request=request)
        try:
            return PostResult(status=response.status_code, body=_first_bytes(response))
        except httpx.HTTPError as exc:
            raise _network_error(trip, exc) from exc
        finally:
            response.close()


@contextmanager
def _trip(policy: FetchPolicy, resolver: Resolver, headers: dict[str, str]) -> Iterator[_Trip]:
    """A client for one call, its deadline starting now."""
    client = httpx.Client(
        # Environment proxies would resolve the name again themselves, undoing the pinning.
        trust_env=False,
        follow_redirects=False,
        headers={"User-Agent": policy.user_agent, **headers},
        # No connection reuse: a TLS connection verified for one host name must not carry a
        # redirected request for another name that happens to resolve to the same address.
        limits=httpx.Limits(max_keepalive_connections=0),
        verify=_tls_context(),
    )
    with client:
        yield _Trip(client, policy, time.monotonic() + policy.total_timeout, resolver)


def _tls_context() -> ssl.SSLContext:
    """The verifying TLS context for the current CA bundle.

    Loading the bundle costs ~50 ms of CPU under the GIL; done per fetch it capped a threaded
    worker near 18 fetches/s, so one context (thread-safe) serves every fetch. It is built under
    a lock: a fresh worker's threads all start fetching at once, and each used to build its own.
    """
    with _tls_context_lock:
        return _tls_context_for(certifi.where())


_tls_context_lock = threading.Lock()


@functools.lru_cache(maxsize=4)
def _tls_context_for(ca_bundle: str) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=ca_bundle)


def _fetch(trip: _Trip, url: str, *, truncate: bool = False) -> FetchResult:
    """fetch() within trip; truncate cuts an oversized body at max_bytes instead of refusing it."""
    response, final_url, redirects = _follow(trip, url)
    try:
        answers.require_success(response)
        media_type, charset = answers.declared_type(response.headers.get("content-type", ""))
        if media_type is not None:
            answers.require_type(media_type, trip.policy.allowed_types)
        if not truncate:
            answers.require_declared_length(response, trip.policy.max_bytes)
        body, media_type = _read_body(trip, response, media_type, truncate=truncate)
    finally:
        response.close()
    text, charset = answers.decode(body, media_type, charset)
    return FetchResult(
        url=final_url,
        status=response.status_code,
        content_type=media_type,
        charset=charset,
        body=body,
        text=text,
        fetched_at=timezone.now(),
        redirects=redirects,
    )


def _follow(trip: _Trip, url: str) -> tuple[httpx.Response, str, tuple[str, ...]]:
    """Send url, following redirects by hand. Returns the last (open) response and its URL."""
    redirects: list[str] = []
    while True:
        response = _send_hop(trip, url, redirected=bool(redirects), request=_GET)
        try:
            target = answers.redirect_target(response, url)
        finally:
            if response.status_code in answers.REDIRECT_STATUSES:
                response.close()
        if target is None:
            return response, url, tuple(redirects)
        if len(redirects) >= trip.policy.max_redirects:
            raise TooManyRedirects(
                f"The link redirected more than {trip.policy.max_redirects} times; giving up."
            )
        redirects.append(url)
        url = target


def _send_hop(trip: _Trip, url: str, *, redirected: bool, request: _Request) -> httpx.Response:
    """One request, with every check a new link needs. Redirect targets come through here too:
    a public host can redirect to 169.254.169.254, so each hop is checked as if typed in."""
    address = _parse(url, redirected=redirected)
    interval = trip.policy.per_host_interval
    if trip.policy.respect_robots:
        interval = max(interval, _obey_robots(trip, address))
    pinned = _resolve(trip, address, redirected=redirected)
    url = _request_url(address, redirected=redirected)
    _wait_for_turn(trip, address.host, interval)
    return _connect(trip, url, pinned, request)


def _parse(url: str, *, redirected: bool) -> WebAddress:
    try:
        return netsafety.parse_url(url)
    except netsafety.RefusedURL as exc:
        raise _unsafe(exc.reason, url, redirected=redirected) from None


def _request_url(address: WebAddress, *, redirected: bool) -> httpx.URL:
    """The link as httpx reads it, which must name the host that was checked."""
    try:
        url = httpx.URL(address.url)
    except httpx.InvalidURL:
        url = None
    # httpx builds the Host header from its own parse; refuse links the two parsers read apart.
    if url is None or _canonical_host(url) != address.host:
        reason = f"The host name {address.host} is written in a form that cannot be requested."
        raise _unsafe(reason, address.url, redirected=redirected)
    return url


def _canonical_host(url: httpx.URL) -> str:
    """url's host as netsafety writes it: lower-case, IPv6 compressed ([0:0::1] is ::1)."""
    host = url.raw_host.decode("ascii").lower()
    return str(ipaddress.IPv6Address(host)) if ":" in host else host


def _resolve(trip: _Trip, address: WebAddress, *, redirected: bool) -> tuple[IPAddress, ...]:
    allow = trip.policy.allow_private or address.origin in trip.policy.trusted_origins
    try:
        return netsafety.checked_addresses(address, allow_private=allow, resolver=trip.resolver)
    except netsafety.RefusedURL as exc:
        raise _unsafe(exc.reason, address.url, redirected=redirected) from None
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
            raise FetchError(f"The site name {address.host} does not exist.") from None
        raise TransientFetchError(f"The site name {address.host} could not be looked up.") from None
    except OSError:
        raise TransientFetchError(f"The site name {address.host} could not be looked up.") from None


def _unsafe(reason: str, url: str, *, redirected: bool) -> UnsafeURL:
    return UnsafeURL(f"The link redirected to {url}. {reason}" if redirected else reason)


def _connect(
    trip: _Trip, url: httpx.URL, pinned: tuple[IPAddress, ...], request: _Request
) -> httpx.Response:
    """Send the request to one of the checked addresses; httpx never resolves the name itself.

    DNS rebinding: a name can resolve to a public address for our check and to 127.0.0.1 a moment
    later for the connection. So the request URL names the checked IP, while the Host header and
    TLS keep the site's name: httpcore's "sni_hostname" extension sets the SNI and the name the
    certificate is verified against. Addresses are tried in order when a connection is refused.
    """
    host = url.raw_host.decode("ascii")
    refused: httpx.ConnectError | None = None
    for ip in pinned:
        pinned_request = trip.client.build_request(
            request.method,
            url.copy_with(host=str(ip)),
            content=request.body,
            headers={**dict(request.headers), "Host": url.netloc.decode("ascii")},
            extensions={"sni_hostname": host},
            timeout=_timeouts(trip),
        )
        try:
            return trip.client.send(pinned_request, stream=True)
        except httpx.ConnectError as exc:
            refused = exc
        except httpx.HTTPError as exc:
            raise _network_error(trip, exc) from exc
        except httpx.InvalidURL as exc:
            raise _unreadable_redirect(exc) from exc
    raise TransientFetchError(f"Could not connect to {host} ({refused}).")


def _unreadable_redirect(exc: httpx.InvalidURL) -> FetchError:
    """httpx reads a redirect's Location as it answers, even when it is not to follow it, and
    raises InvalidURL for one with a scheme but no host (`javascript:…`, `mailto:x`,
    `http:127.0.0.1/`, backslashes). Such a Location leads nowhere: a permanent failure."""
    return UnsafeURL(f"The server redirected to an address that is not a web link ({exc}).")


def _timeouts(trip: _Trip) -> httpx.Timeout:
    """Per-operation timeouts, none reaching past the fetch's deadline."""
    remaining = trip.deadline - time.monotonic()
    if remaining <= 0:
        raise FetchTimeout(_out_of_time(trip))
    read = min(trip.policy.read_timeout, remaining)
    return httpx.Timeout(
        connect=min(trip.policy.connect_timeout, remaining), read=read, write=read, pool=remaining
    )


def _out_of_time(trip: _Trip) -> str:
    return f"The page took longer than {trip.policy.total_timeout:g} s to fetch; giving up."


def _network_error(trip: _Trip, exc: httpx.HTTPError) -> TransientFetchError:
    if time.monotonic() >= trip.deadline:
        return FetchTimeout(_out_of_time(trip))
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchTimeout("The server did not accept a connection in time.")
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout("The server stopped answering.")
    return TransientFetchError(f"The connection to the server failed ({type(exc).__name__}).")


def _wait_for_turn(trip: _Trip, host: str, interval: float) -> None:
    try:
        ratelimit.wait_for_turn(host, interval, deadline=trip.deadline)
    except ratelimit.NoTurnBeforeDeadline as exc:
        raise TransientFetchError(
            f"{host} asks for a pause between requests; the next turn is in {exc.wait:.0f} s.",
            retry_after=exc.wait,
        ) from None


def _obey_robots(trip: _Trip, address: WebAddress) -> float:
    """Raise BlockedByRobots if the site's robots.txt forbids the page; return its Crawl-delay."""
    rules = robots.rules_for(
        address.origin,
        download=lambda url: _download_robots(trip, url),
        wait=max(0.0, trip.deadline - time.monotonic()),
    )
    if not robots.allows(rules, address.url):
        raise BlockedByRobots(f"{address.host} asks crawlers not to fetch this page (robots.txt).")
    return robots.crawl_delay(rules)


def _download_robots(trip: _Trip, url: str) -> str:
    """robots.txt text per RFC 9309: an unavailable file (4xx, not text) allows everything; an
    unreachable one (5xx, 429, network) forbids everything for now, as a transient error."""
    policy = replace(
        trip.policy,
        respect_robots=False,
        allowed_types=frozenset({"text/plain"}),
        max_bytes=ROBOTS_MAX_BYTES,
    )
    try:
        return _fetch(replace(trip, policy=policy), url, truncate=True).text
    except TransientFetchError as exc:
        raise TransientFetchError(
            f"The site's robots.txt could not be read ({exc.reason}), "
            "so the page is not fetched yet.",
            status=exc.status,
            retry_after=exc.retry_after,
        ) from exc
    except (UnsupportedContent, TooManyRedirects):
        return ""
    except FetchError as exc:
        if exc.status is not None and 400 <= exc.status < 500:
            return ""
        raise


def _read_body(
    trip: _Trip, response: httpx.Response, media_type: str | None, *, truncate: bool
) -> tuple[bytes, str]:
    """The body (at most max_bytes) and its media type, sniffed when the header named none."""
    limit = trip.policy.max_bytes
    body = bytearray()
    with _cut_off_at(trip.deadline, response):
        try:
            # iter_bytes() yields decompressed bytes, so the cap also stops compression bombs.
            for chunk in response.iter_bytes():
                body += chunk
                if media_type is None and len(body) >= answers.SNIFF_BYTES:
                    media_type = _sniffed(bytes(body), trip.policy)
                if len(body) > limit and truncate:
                    break
                if len(body) > limit:
                    raise TooLarge(answers.too_large(limit))
        except httpx.HTTPError as exc:
            raise _network_error(trip, exc) from exc
    return bytes(body[:limit]), media_type or _sniffed(bytes(body), trip.policy)


def _sniffed(head: bytes, policy: FetchPolicy) -> str:
    media_type = answers.sniff_type(head)
    answers.require_type(media_type, policy.allowed_types)
    return media_type


@contextmanager
def _cut_off_at(deadline: float, response: httpx.Response) -> Iterator[None]:
    """Shut the response's socket at the deadline.

    Read timeouts bound each wait for data, not the total, so a server trickling a byte a second
    would otherwise hold a worker for as long as it likes. Shutting the socket down (not closing
    it: only shutdown wakes a blocked recv) ends the read with an error that becomes FetchTimeout.
    """
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    timer = threading.Timer(max(0.0, deadline - time.monotonic()), _shutdown, args=(sock,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _shutdown(sock: socket.socket | None) -> None:
    if sock is None:
        return
    try:
        # socket.socket's own method: SSLSocket.shutdown would also tear down the TLS state
        # under the reading thread's feet.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: the fetch finished as the timer fired


def _first_bytes(response: httpx.Response, limit: int = POST_ANSWER_BYTES) -> bytes:
    head = b""
    for chunk in response.iter_bytes():
        head += chunk
        if len(head) >= limit:
            break
    return head[:limit]
