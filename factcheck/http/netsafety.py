"""Which URLs and network addresses the workbench may fetch — pure checks, no HTTP.

Evidence URLs come from articles and search results, so anyone can choose them. A fetch must never
become a way to read the newsroom's own network (SSRF): only http(s) links to public addresses pass.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

import idna

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Iterable[str]]

MAX_URL_LENGTH = 2048
SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = frozenset({"fbclid", "gclid"})

_HOST_NAME = re.compile(r"[a-z0-9_.-]+")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_BROADCAST = ipaddress.IPv4Address("255.255.255.255")


class RefusedURL(ValueError):
    """A link the workbench will not fetch; `reason` says why in words an editor understands."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class WebAddress:
    """A validated http(s) link, split into the parts the fetcher connects with."""

    url: str  # as given, minus surrounding whitespace
    scheme: str  # "http" or "https"
    host: str  # lower-case, IDNA-encoded; an IPv6 literal has no brackets
    port: int  # explicit or the scheme's default

    @property
    def origin(self) -> str:
        """scheme://host[:port], the port only when it is not the scheme's default."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = DEFAULT_PORTS[self.scheme] == self.port
        return f"{self.scheme}://{host}" if default else f"{self.scheme}://{host}:{self.port}"


def parse_url(url: str) -> WebAddress:
    """Split a link into scheme, host and port. Raises RefusedURL for anything but plain http(s)."""
    url = url.strip()
    _require(url != "", "The link is empty.")
    _require(len(url) <= MAX_URL_LENGTH, f"The link is longer than {MAX_URL_LENGTH} characters.")
    _require(
        url.isprintable() and " " not in url, "The link contains spaces or control characters."
    )
    parts = _split(url)
    scheme = parts.scheme.lower()
    _require(scheme != "", "The link has no scheme; it must start with http:// or https://.")
    _require(scheme in SCHEMES, f"Only http and https links can be fetched, not {scheme}: links.")
    _require("@" not in parts.netloc, "The link contains a user name or password; remove them.")
    _require(bool(parts.hostname), "The link has no host name.")
    # "%%30" or "%zz" is no escape: parsers disagree on it and the stored link is no valid URI.
    _require(
        _BAD_ESCAPE.search(parts.path + parts.query) is None,
        "The link has a % that is not followed by two hex digits; write a literal % as %25.",
    )
    return WebAddress(url=url, scheme=scheme, host=_ascii_host(parts.hostname), port=_port(parts))


def web_url(url: str) -> str:
    """``url`` (stripped) when it is an absolute http(s) link with a host, else "". For links we
    store and serve (a page's canonical link, a ClaimReview's appearance): never javascript:."""
    try:
        return parse_url(url or "").url
    except RefusedURL:
        return ""


def normalise_url(url: str) -> str:
    """The canonical form used to recognise the same source twice. Raises RefusedURL.

    Lower-cases scheme and host, encodes the host as IDNA, drops the default port, the fragment and
    tracking parameters (utm_*, fbclid, gclid). Path and the remaining query are kept verbatim.
    """
    address = parse_url(url)
    parts = urlsplit(address.url)
    query = "&".join(field for field in parts.query.split("&") if not _is_tracking(field))
    return f"{address.origin}{parts.path or '/'}{'?' + query if query else ''}"


def address_problem(address: IPAddress) -> str | None:
    """What makes address non-public ("a loopback address"), or None for a public address.

    IPv6 forms that carry an IPv4 address (mapped, compatible, 6to4, Teredo, NAT64) are judged by
    what they carry too, since some stacks route them to it.
    """
    for carried in _carried_ipv4(address):
        problem = address_problem(carried)
        if problem is not None:
            return f"an IPv6 form of {carried}, {problem}"
    category = _category(address)
    return None if category is None else f"{category} address"


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolves host to; literal IPs in any spelling (2130706433,
    0x7f.1, 127.1) come back as the numbers they mean."""
    answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(sockaddr[0]) for _family, _type, _proto, _name, sockaddr in answers]


def checked_addresses(
    address: WebAddress, *, allow_private: bool, resolver: Resolver
) -> tuple[IPAddress, ...]:
    """Resolve once and return the addresses to connect to. Raises RefusedURL if ANY is private.

    One private answer is enough to refuse: a DNS name listing a public and an internal address
    would otherwise reach the internal one whenever the client happens to pick it.
    Lets socket errors from the resolver through (the caller decides whether they are transient).
    """
    # A scope ("%eth0") is meaningless for the public check; fe80::1%eth0 is link-local either way.
    found = (
        ipaddress.ip_address(answer.split("%")[0])
        for answer in resolver(address.host, address.port)
    )
    addresses = tuple(dict.fromkeys(found))
    _require(addresses != (), f"The site name {address.host} has no addresses.")
    for candidate in () if allow_private else addresses:
        problem = address_problem(candidate)
        if problem is not None:
            literal = address.host == str(candidate)
            found = f"{candidate} is" if literal else f"{address.host} resolves to {candidate},"
            raise RefusedURL(f"{found} {problem}; only public internet addresses are fetched.")
    return addresses


def _require(condition: bool, reason: str) -> None:
    if not condition:
        raise RefusedURL(reason)


def _split(url: str) -> SplitResult:
    try:
        return urlsplit(url)
    except ValueError:  # an unbalanced IPv6 bracket
        raise RefusedURL("The link is not a well-formed web address.") from None


def _ascii_host(hostname: str) -> str:
    """urlsplit already lower-cased hostname and removed IPv6 brackets."""
    if ":" in hostname:
        # A zone id ("fe80::1%eth0") names a network card of one machine: meaningless to anyone
        # else, and no valid URI host.
        _require("%" not in hostname, f"The IPv6 host [{hostname}] has a zone id; remove it.")
        try:
            return str(ipaddress.IPv6Address(hostname))
        except ValueError:
            raise RefusedURL(f"The host [{hostname}] is not a valid IPv6 address.") from None
    try:
        ascii_host = hostname if hostname.isascii() else idna.encode(hostname, uts46=True).decode()
    except idna.IDNAError:
        raise RefusedURL(f"The host name {hostname} is not a valid international name.") from None
    # Anything else (a backslash, a percent sign) is read differently by different URL parsers.
    _require(
        _HOST_NAME.fullmatch(ascii_host) is not None, f"The host name {hostname} is not valid."
    )
    return ascii_host


def _port(parts: SplitResult) -> int:
    try:
        port = parts.port
    except ValueError:
        raise RefusedURL("The link has an invalid port number.") from None
    _require(port != 0, "The link has an invalid port number.")
    return port or DEFAULT_PORTS[parts.scheme.lower()]


def _is_tracking(field: str) -> bool:
    name = field.split("=", 1)[0].lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS


def _carried_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    if address.version == 4:
        return []
    assert isinstance(address, ipaddress.IPv6Address)
    carried = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    # IPv4-compatible ::a.b.c.d (not :: and ::1, judged as themselves); NAT64 64:ff9b::a.b.c.d.
    if (int(address) >> 32 == 0 and int(address) > 1) or address in _NAT64:
        carried.append(low32)
    return [ip for ip in carried if ip is not None]


def _category(address: IPAddress) -> str | None:
    """The first non-public category address falls in; order picks the most telling name."""
    checks = (
        ("an unspecified", address.is_unspecified),
        ("a loopback", address.is_loopback),
        ("a link-local", address.is_link_local),
        ("a multicast", address.is_multicast),
        ("the broadcast", address == _BROADCAST),
        ("a shared (carrier-grade NAT)", address in _SHARED_ADDRESS_SPACE),
        ("a private", address.is_private),
        ("a site-local", getattr(address, "is_site_local", False)),
        ("a reserved", address.is_reserved),
        ("a non-public", not address.is_global),
    )
    return next((name for name, applies in checks if applies), None)
