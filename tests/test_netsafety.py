"""Which links and addresses may be fetched: pure checks, resolved with the real system resolver."""

import ipaddress

import pytest

from factcheck.http import netsafety
from factcheck.http.netsafety import RefusedURL

# Every spelling below reaches this machine or its networks; getaddrinfo turns the odd numeric
# forms (decimal, octal, hex, short) into the address they mean, without any DNS traffic.
INTERNAL_HOSTS = [
    "127.0.0.1",
    "localhost",
    "[::1]",
    "0.0.0.0",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "2130706433",
    "0177.0.0.1",
    "0x7f.0.0.1",
    "127.1",
    "[fe80::1]",
    "[fc00::1]",
    "224.0.0.1",
    "255.255.255.255",
]


def check(url: str, *, allow_private: bool = False) -> tuple[ipaddress.IPv4Address, ...]:
    address = netsafety.parse_url(url)
    return netsafety.checked_addresses(
        address, allow_private=allow_private, resolver=netsafety.system_resolver
    )


@pytest.mark.parametrize("host", INTERNAL_HOSTS)
def test_it_refuses_every_spelling_of_an_internal_address(host):
    with pytest.raises(RefusedURL, match="only public internet addresses are fetched"):
        check(f"http://{host}/latest/meta-data/")


@pytest.mark.parametrize("host", INTERNAL_HOSTS)
def test_allow_private_lets_internal_addresses_through(host):
    assert check(f"http://{host}/", allow_private=True)


def test_the_reason_names_the_host_the_address_and_its_kind():
    with pytest.raises(RefusedURL) as refused:
        check("http://localhost:8000/admin")
    assert refused.value.reason == (
        "localhost resolves to 127.0.0.1, a loopback address; "
        "only public internet addresses are fetched."
    )


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("169.254.169.254", "a link-local address"),
        ("100.64.0.1", "a shared (carrier-grade NAT) address"),
        ("255.255.255.255", "the broadcast address"),
        ("::ffff:10.0.0.1", "an IPv6 form of 10.0.0.1, a private address"),
        ("::127.0.0.1", "an IPv6 form of 127.0.0.1, a loopback address"),
        ("2002:7f00:1::", "an IPv6 form of 127.0.0.1, a loopback address"),  # 6to4
        ("2002:a9fe:a9fe::1", "an IPv6 form of 169.254.169.254, a link-local address"),
        ("64:ff9b::a00:1", "an IPv6 form of 10.0.0.1, a private address"),  # NAT64
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "an IPv6 form of 192.0.2.45, a private address"),
        ("fec0::1", "a site-local address"),
        ("::", "an unspecified address"),
        ("240.0.0.1", "a private address"),
    ],
)
def test_it_names_what_makes_an_address_internal(address, kind):
    assert netsafety.address_problem(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111", "2002:5db8:d822::1"])
def test_public_addresses_pass_including_6to4_of_a_public_one(address):
    assert netsafety.address_problem(ipaddress.ip_address(address)) is None


def test_one_private_answer_among_public_ones_is_enough_to_refuse():
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.7"]

    address = netsafety.parse_url("https://news.example.test/story")
    with pytest.raises(RefusedURL, match="news.example.test resolves to 10.0.0.7"):
        netsafety.checked_addresses(address, allow_private=False, resolver=resolver)


def test_a_scoped_link_local_answer_is_refused():
    address = netsafety.parse_url("https://news.example.test/")
    with pytest.raises(RefusedURL, match="link-local"):
        netsafety.checked_addresses(
            address, allow_private=False, resolver=lambda host, port: ["fe80::1%eth0"]
        )


def test_public_answers_come_back_once_each_in_order():
    address = netsafety.parse_url("https://news.example.test/")
    answers = ["93.184.216.34", "2606:4700::1111", "93.184.216.34"]
    addresses = netsafety.checked_addresses(
        address, allow_private=False, resolver=lambda host, port: answers
    )
    assert addresses == (
        ipaddress.ip_address("93.184.216.34"),
        ipaddress.ip_address("2606:4700::1111"),
    )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "Only http and https links can be fetched, not file: links."),
        ("ftp://example.org/a.pdf", "Only http and https links can be fetched, not ftp: links."),
        ("gopher://example.org/", "Only http and https links can be fetched, not gopher: links."),
        ("javascript:alert(1)", "Only http and https links can be fetched, not javascript: links."),
        ("example.org/story", "The link has no scheme; it must start with http:// or https://."),
        ("//example.org/story", "The link has no scheme; it must start with http:// or https://."),
        ("http:///story", "The link has no host name."),
        ("http://user:secret@example.org/", "The link contains a user name or password"),
        ("http://user@example.org/", "The link contains a user name or password"),
        ("http://example.org:99999/", "The link has an invalid port number."),
        ("http://example.org:0/", "The link has an invalid port number."),
        ("http://[::1/", "The link is not a well-formed web address."),
        ("http://example.org/" + "a" * 2100, "The link is longer than 2048 characters."),
        ("", "The link is empty."),
        ("   ", "The link is empty."),
        ("http://exa mple.org/", "The link contains spaces or control characters."),
        ("http://example.org/\x00", "The link contains spaces or control characters."),
        ("http://exa\u200bmple.org/", "The link contains spaces or control characters."),
        ("http://example.org/\u202egnp.exe", "The link contains spaces or control characters."),
        ("http://example.org/\udcff", "The link contains spaces or control characters."),
        ("http://<script>/", "The host name <script> is not valid."),
        ("http://127.0.0.1\\.example.org/", "The host name 127.0.0.1\\.example.org is not valid."),
        ("http://exa%6dple.org/", "The host name exa%6dple.org is not valid."),
    ],
)
def test_it_refuses_links_that_are_not_plain_http(url, reason):
    with pytest.raises(RefusedURL) as refused:
        netsafety.parse_url(url)
    assert refused.value.reason.startswith(reason)


def test_a_megabyte_of_text_is_refused_as_a_link():
    with pytest.raises(RefusedURL, match="longer than"):
        netsafety.parse_url("https://example.org/?q=" + "é" * 1_000_000)


def test_a_link_splits_into_the_parts_the_fetcher_connects_with():
    address = netsafety.parse_url("  HTTPS://News.Example.ORG:8443/a?b=1#c ")
    assert (address.scheme, address.host, address.port) == ("https", "news.example.org", 8443)
    assert address.origin == "https://news.example.org:8443"
    assert netsafety.parse_url("http://[::1]/").origin == "http://[::1]"


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("HTTP://Example.ORG/Story", "http://example.org/Story"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("https://example.org:443/a", "https://example.org/a"),
        ("https://example.org:8443/a", "https://example.org:8443/a"),
        ("http://example.org", "http://example.org/"),
        ("http://example.org/a#section-2", "http://example.org/a"),
        ("http://example.org/a?utm_source=x&id=7&UTM_Medium=y", "http://example.org/a?id=7"),
        ("http://example.org/a?fbclid=abc&gclid=def", "http://example.org/a"),
        ("http://example.org/a?z=1&a=2&z=3", "http://example.org/a?z=1&a=2&z=3"),
        ("http://example.org/a?q=b%20c&utm_campaign=s", "http://example.org/a?q=b%20c"),
        ("http://example.org/a?utm=keep", "http://example.org/a?utm=keep"),
        ("https://Bücher.example/ä?x=ü", "https://xn--bcher-kva.example/ä?x=ü"),
        ("http://[::FFFF:7f00:1]:8080/x", "http://[::ffff:7f00:1]:8080/x"),
        (" https://example.org/a \n", "https://example.org/a"),
    ],
)
def test_normalise_url_gives_one_form_per_source(url, normal):
    assert netsafety.normalise_url(url) == normal


def test_normalise_url_refuses_what_cannot_be_fetched():
    with pytest.raises(RefusedURL, match="not file: links"):
        netsafety.normalise_url("file:///etc/passwd")
