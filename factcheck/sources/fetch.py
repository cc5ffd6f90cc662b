"""The one place that talks HTTP: fetch an article or evidence page without becoming a way in.

Every hop (the link and each redirect) is parsed, resolved once, checked for private addresses,
checked against robots.txt when asked, spaced per host across processes, and connected to the very
address that was checked. Bodies are capped in size, type and wall-clock time.
"""

from __future__ import annotations

import codecs
import functools
import io
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from urllib.parse import urldefrag, urljoin

import certifi
import httpx
import pypdf
from django.utils import timezone

from factcheck.sources import netsafety, ratelimit, robots
from factcheck.sources.netsafety import IPAddress, Resolver, WebAddress

READABLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "application/pdf"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
SNIFF_BYTES = 512
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: crawlers must read at least 500 KiB of robots.txt

_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_DECLARED_CHARSET = re.compile(
    rb"<(?:meta|\?xml)[^>]*?(?:charset|encoding)\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE
)
_CHARSET_PARAM = re.compile(r"charset\s*=\s*\"?([^\";\s]+)", re.IGNORECASE)
# Browsers decode these labels as windows-1252, and pages labelled so rely on it (curly quotes).
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"})
# Python text codecs no web page is written in: they garble text (punycode) or refuse it.
_NOT_PAGE_CODECS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "palmos"}
)


@dataclass(frozen=True)
class FetchPolicy:
    """How far a fetch may go. Ingestion and sources each build one from settings."""

    max_bytes: int = 5 * 1024 * 1024
    allowed_types: frozenset[str] = READABLE_TYPES
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0  # wall clock for the whole fetch: robots.txt, redirects, body
    max_redirects: int = 5
    allow_private: bool = False  # settings.FETCH_ALLOW_PRIVATE_NETWORKS; tests set True explicitly
    user_agent: str = "FactcheckWorkbench/0.1 (+https://github.com/factcheck-workbench)"
    respect_robots: bool = False
    per_host_interval: float = 0.0  # seconds between requests to one host, across processes
    # Origins ("http://127.0.0.1:8001") exempt from the private-address check, for a service the
    # workbench is deliberately pointed at (and tests). Empty by default; redirects away from a
    # trusted origin are checked like any other hop.
    trusted_origins: frozenset[str] = frozenset()


def configured_policy(**overrides: object) -> FetchPolicy:
    """A policy with the deployment's FETCH_* settings (timeouts, private networks, User-Agent);
    the caller sets what it fetches (size, types, robots.txt, spacing, trusted origins)."""
    from django.conf import settings

    configured = {
        "connect_timeout": settings.FETCH_CONNECT_TIMEOUT,
        "read_timeout": settings.FETCH_READ_TIMEOUT,
        "total_timeout": settings.FETCH_TOTAL_TIMEOUT,
        "allow_private": settings.FETCH_ALLOW_PRIVATE_NETWORKS,
        "user_agent": settings.FETCH_USER_AGENT,
    }
    return FetchPolicy(**{**configured, **overrides})


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


@dataclass(frozen=True)
class _Trip:
    """One fetch() call: its client, policy, deadline (a time.monotonic() value) and resolver."""

    client: httpx.Client
    policy: FetchPolicy
    deadline: float
    resolver: Resolver


def fetch(
    url: str, *, policy: FetchPolicy, resolver: Resolver = netsafety.system_resolver
) -> FetchResult:
    """Fetch one page under policy. Raises FetchError; a TransientFetchError may succeed later.

    resolver is a seam for tests that need a DNS name to point at a chosen address.
    """
    client = httpx.Client(
        # Environment proxies would resolve the name again themselves, undoing the pinning.
        trust_env=False,
        follow_redirects=False,
        headers={
            "User-Agent": policy.user_agent,
            "Accept": ", ".join(sorted(policy.allowed_types)),
        },
        # No connection reuse: a TLS connection verified for one host name must not carry a
        # redirected request for another name that happens to resolve to the same address.
        limits=httpx.Limits(max_keepalive_connections=0),
        verify=_tls_context(),
    )
    with client:
        return _fetch(_Trip(client, policy, time.monotonic() + policy.total_timeout, resolver), url)


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


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP date); None if unusable."""
    value = (value or "").strip()
    if _is_ascii_number(value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)  # HTTP dates are GMT
    return max(0.0, (when - (now or timezone.now())).total_seconds())


def _is_ascii_number(value: str) -> bool:
    """Digits 0-9 only: str.isdigit() also passes "³" and "٣", which float() and int() refuse."""
    return value.isascii() and value.isdigit()


def sniff_type(head: bytes) -> str:
    """A media type guessed from a body's first bytes, for servers that send no Content-Type."""
    head = head[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "application/pdf"
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return "text/html"
    return "application/octet-stream" if _BINARY_BYTES.search(head) else "text/plain"


def _fetch(trip: _Trip, url: str, *, truncate: bool = False) -> FetchResult:
    """fetch() within trip; truncate cuts an oversized body at max_bytes instead of refusing it."""
    response, final_url, redirects = _follow(trip, url)
    try:
        _require_success(response)
        media_type, charset = _declared_type(response)
        if media_type is not None:
            _require_type(media_type, trip.policy)
        if not truncate:
            _require_declared_length(response, trip.policy)
        body, media_type = _read_body(trip, response, media_type, truncate=truncate)
    finally:
        response.close()
    text, charset = _decode(body, media_type, charset)
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
        response = _send_hop(trip, url, redirected=bool(redirects))
        try:
            target = _redirect_target(response, url)
        finally:
            if response.status_code in REDIRECT_STATUSES:
                response.close()
        if target is None:
            return response, url, tuple(redirects)
        if len(redirects) >= trip.policy.max_redirects:
            raise TooManyRedirects(
                f"The link redirected more than {trip.policy.max_redirects} times; giving up."
            )
        redirects.append(url)
        url = target


def _send_hop(trip: _Trip, url: str, *, redirected: bool) -> httpx.Response:
    """One request, with every check a new link needs. Redirect targets come through here too:
    a public host can redirect to 169.254.169.254, so each hop is checked as if typed in."""
    address = _parse(url, redirected=redirected)
    interval = trip.policy.per_host_interval
    if trip.policy.respect_robots:
        interval = max(interval, _obey_robots(trip, address))
    pinned = _resolve(trip, address, redirected=redirected)
    url = _request_url(address, redirected=redirected)
    _wait_for_turn(trip, address.host, interval)
    return _connect(trip, url, pinned)


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


def _connect(trip: _Trip, url: httpx.URL, pinned: tuple[IPAddress, ...]) -> httpx.Response:
    """Send the request to one of the checked addresses; httpx never resolves the name itself.

    DNS rebinding: a name can resolve to a public address for our check and to 127.0.0.1 a moment
    later for the connection. So the request URL names the checked IP, while the Host header and
    TLS keep the site's name: httpcore's "sni_hostname" extension sets the SNI and the name the
    certificate is verified against. Addresses are tried in order when a connection is refused.
    """
    host = url.raw_host.decode("ascii")
    refused: httpx.ConnectError | None = None
    for ip in pinned:
        request = trip.client.build_request(
            "GET",
            url.copy_with(host=str(ip)),
            headers={"Host": url.netloc.decode("ascii")},
            extensions={"sni_hostname": host},
            timeout=_timeouts(trip),
        )
        try:
            return trip.client.send(request, stream=True)
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


def _redirect_target(response: httpx.Response, url: str) -> str | None:
    """The absolute URL a redirect points to (fragment dropped), or None for any other answer."""
    if response.status_code not in REDIRECT_STATUSES:
        return None
    location = response.headers.get("location", "").strip()
    if not location:
        raise FetchError(
            f"The server answered {response.status_code} without saying where to go.",
            status=response.status_code,
        )
    return urldefrag(urljoin(url, location)).url


def _require_success(response: httpx.Response) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
    reason = f"The server answered {status} {phrase}".rstrip() + "."
    if status == 429 or status >= 500:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        raise TransientFetchError(reason, status=status, retry_after=retry_after)
    raise FetchError(reason, status=status)


def _declared_type(response: httpx.Response) -> tuple[str | None, str | None]:
    """(media type, charset) from the Content-Type header; Nones where it says nothing."""
    media_type, _, params = response.headers.get("content-type", "").partition(";")
    charset = _CHARSET_PARAM.search(params)
    return media_type.strip().lower() or None, charset.group(1) if charset else None


def _require_type(media_type: str, policy: FetchPolicy) -> None:
    if media_type not in policy.allowed_types:
        readable = ", ".join(sorted(policy.allowed_types))
        raise UnsupportedContent(
            f"The link points to {media_type} content, which the workbench does not read "
            f"(it reads {readable})."
        )


def _require_declared_length(response: httpx.Response, policy: FetchPolicy) -> None:
    """Refuse before reading when the server announces a body over the cap."""
    declared = response.headers.get("content-length", "").strip()
    if _is_ascii_number(declared) and int(declared) > policy.max_bytes:
        raise TooLarge(_too_large(policy))


def _too_large(policy: FetchPolicy) -> str:
    size = policy.max_bytes
    limit = f"{size / 1_048_576:.3g} MB" if size >= 1_048_576 else f"{size:,} bytes"
    return f"The page is larger than the {limit} the workbench reads."


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
                if media_type is None and len(body) >= SNIFF_BYTES:
                    media_type = _sniffed(bytes(body), trip.policy)
                if len(body) > limit and truncate:
                    break
                if len(body) > limit:
                    raise TooLarge(_too_large(trip.policy))
        except httpx.HTTPError as exc:
            raise _network_error(trip, exc) from exc
    return bytes(body[:limit]), media_type or _sniffed(bytes(body), trip.policy)


def _sniffed(head: bytes, policy: FetchPolicy) -> str:
    media_type = sniff_type(head)
    _require_type(media_type, policy)
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


def _decode(body: bytes, media_type: str, declared: str | None) -> tuple[str, str | None]:
    """(text, charset used) — charset from the header, else the page's meta, else UTF-8."""
    if media_type == "application/pdf":
        return pdf_text(body), None
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", errors="replace"), "utf-8"
    if declared is None and media_type != "text/plain":
        match = _DECLARED_CHARSET.search(body[:2048])
        declared = match.group(1).decode("ascii") if match else None
    charset = _known_charset(declared)
    decoder = "windows-1252" if charset in _WINDOWS_1252_LABELS else charset or "utf-8"
    try:
        return body.decode(decoder, errors="replace"), charset
    except (LookupError, UnicodeError, ValueError):
        # Some text codecs refuse errors="replace" or any byte (idna, punycode, undefined):
        # read the page as a browser reads a label it does not know.
        return body.decode("utf-8", errors="replace"), None


def _known_charset(name: str | None) -> str | None:
    """name when it is a text encoding; None for unknown labels and for Python's bytes-to-bytes
    codecs (base64, rot13, zlib, hex), which a page may declare but nothing can decode with."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    return name.lower() if codec._is_text_encoding and codec.name not in _NOT_PAGE_CODECS else None


def pdf_text(body: bytes) -> str:
    """The text pypdf extracts from a PDF, page by page. Raises UnsupportedContent."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(body))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    # pypdf raises many exception types on damaged or hostile files; each means "unreadable".
    except Exception as exc:
        raise UnsupportedContent(f"The PDF could not be read ({type(exc).__name__}).") from exc


# --- Outgoing POSTs (webhook deliveries) ---------------------------------------------------


@dataclass(frozen=True)
class PostResult:
    status: int
    body: bytes  # the start of the answer (up to 4 KiB), for the delivery log


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
    client = httpx.Client(
        trust_env=False,
        follow_redirects=False,
        headers={"User-Agent": policy.user_agent},
        limits=httpx.Limits(max_keepalive_connections=0),
        verify=_tls_context(),
    )
    with client:
        trip = _Trip(client, policy, time.monotonic() + policy.total_timeout, resolver)
        address = _parse(url, redirected=False)
        pinned = _resolve(trip, address, redirected=False)
        return _post_pinned(trip, address, pinned, body=body, headers=headers)


def _post_pinned(
    trip: _Trip,
    address: WebAddress,
    pinned: tuple[IPAddress, ...],
    *,
    body: bytes,
    headers: dict[str, str],
) -> PostResult:
    url = _request_url(address, redirected=False)
    host = address.host
    refused: httpx.ConnectError | None = None
    for ip in pinned:
        request = trip.client.build_request(
            "POST",
            url.copy_with(host=str(ip)),
            content=body,
            headers={**headers, "Host": url.netloc.decode("ascii")},
            extensions={"sni_hostname": host},
            timeout=_timeouts(trip),
        )
        try:
            response = trip.client.send(request, stream=True)
        except httpx.ConnectError as exc:
            refused = exc
            continue
        except httpx.HTTPError as exc:
            raise _network_error(trip, exc) from exc
        except httpx.InvalidURL as exc:  # the receiver's redirect, which is not followed anyway
            raise _unreadable_redirect(exc) from exc
        try:
            return PostResult(status=response.status_code, body=_first_bytes(response))
        except httpx.HTTPError as exc:
            raise _network_error(trip, exc) from exc
        finally:
            response.close()
    raise TransientFetchError(f"Could not connect to {host} ({refused}).")


def _first_bytes(response: httpx.Response, limit: int = 4096) -> bytes:
    head = b""
    for chunk in response.iter_bytes():
        head += chunk
        if len(head) >= limit:
            break
    return head[:limit]
