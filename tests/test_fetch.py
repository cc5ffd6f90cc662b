"""fetch() against real HTTP servers on 127.0.0.1: pages, errors, caps, redirects, SSRF, robots."""

import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import certifi
import pytest
from django.core.cache import cache

from factcheck.http import (
    BlockedByRobots,
    FetchError,
    FetchPolicy,
    FetchResult,
    FetchTimeout,
    TooLarge,
    TooManyRedirects,
    TransientFetchError,
    UnsafeURL,
    UnsupportedContent,
    configured_policy,
    fetch,
    parse_retry_after,
    robots,
    sniff_type,
)
from tests.httpservers import LocalServer, Reply, redirect, serve

# The test servers listen on loopback, which production refuses; tests opt in explicitly.
LOCAL = FetchPolicy(allow_private=True)
INGESTION = FetchPolicy(
    allow_private=True,
    max_bytes=10 * 1024 * 1024,
    allowed_types=frozenset({"text/html", "text/plain"}),
)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        yield running


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF showing text in Helvetica, with a correct cross-reference table."""
    content = f"BT /F1 18 Tf 20 50 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 100] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def refused(url: str, policy: FetchPolicy = LOCAL, **kwargs: object) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(url, policy=policy, **kwargs)
    return caught.value


# --- Pages that are read ------------------------------------------------------------------


def test_it_fetches_an_html_page_decoded_with_the_declared_charset(server):
    server.route("/story", Reply(body="<html><p>Ünïcödé “quotes”</p></html>".encode()))
    result = fetch(server.url("/story"), policy=LOCAL)
    assert (result.url, result.status, result.redirects) == (server.url("/story"), 200, ())
    assert (result.content_type, result.charset) == ("text/html", "utf-8")
    assert result.text == "<html><p>Ünïcödé “quotes”</p></html>"
    assert result.body == result.text.encode()
    assert result.fetched_at.tzinfo is not None


def test_it_takes_the_charset_from_the_page_when_the_header_has_none(server):
    page = '<html><head><meta charset="windows-1252"></head><p>caf\xe9 \x93yes\x94</p></html>'
    server.route("/", Reply(body=page.encode("latin-1"), content_type="text/html"))
    result = fetch(server.url("/"), policy=LOCAL)
    assert (result.charset, "café “yes”" in result.text) == ("windows-1252", True)


def test_invalid_utf8_is_replaced_not_fatal(server):
    server.route("/", Reply(body=b"<html>ok \xff\xfe broken</html>", content_type="text/html"))
    result = fetch(server.url("/"), policy=LOCAL)
    assert result.text == "<html>ok \ufffd\ufffd broken</html>"
    assert result.charset is None


def test_it_fetches_plain_text(server):
    body = "Unemployment fell to 3.9 % in May.\n\u200f\u200b🙂 <script>x</script>".encode()
    server.route("/t.txt", Reply(body=body, content_type="text/plain; charset=UTF-8"))
    result = fetch(server.url("/t.txt"), policy=LOCAL)
    assert (result.content_type, result.charset, result.text) == (
        "text/plain",
        "utf-8",
        body.decode(),
    )


def test_it_extracts_the_text_of_a_pdf(server):
    server.route(
        "/report.pdf",
        Reply(body=tiny_pdf("Inflation was 2.4 percent"), content_type="application/pdf"),
    )
    result = fetch(server.url("/report.pdf"), policy=LOCAL)
    assert result.content_type == "application/pdf"
    assert "Inflation was 2.4 percent" in result.text


def test_a_damaged_pdf_is_refused_in_editors_words(server):
    server.route("/bad.pdf", Reply(body=b"%PDF-1.4\nnot really", content_type="application/pdf"))
    error = refused(server.url("/bad.pdf"))
    assert isinstance(error, UnsupportedContent)
    assert error.reason.startswith("The PDF could not be read")


@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        (tiny_pdf("Sniffed"), "application/pdf"),
        (b"\n  <!DOCTYPE html><html><body>hi</body></html>", "text/html"),
        (b"<!-- a comment first --><html lang='en'>hi</html>", "text/html"),
        (b"Just words, no markup.", "text/plain"),
    ],
)
def test_without_a_content_type_it_sniffs_the_first_bytes(server, body, media_type):
    server.route("/", Reply(body=body, content_type=None))
    assert fetch(server.url("/"), policy=LOCAL).content_type == media_type


def test_without_a_content_type_binary_is_refused(server):
    server.route("/", Reply(body=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100, content_type=None))
    error = refused(server.url("/"))
    assert isinstance(error, UnsupportedContent)
    assert "application/octet-stream" in error.reason


@pytest.mark.parametrize(
    "content_type", ["image/png", "application/zip", "application/octet-stream", "video/mp4"]
)
def test_unsupported_types_are_refused_naming_the_type(server, content_type):
    server.route("/file", Reply(body=b"\x00" * 2_000_000, content_type=content_type))
    error = refused(server.url("/file"))
    assert isinstance(error, UnsupportedContent)
    assert not error.transient
    assert error.reason.startswith(f"The link points to {content_type} content")


def test_the_policy_decides_the_types_ingestion_refuses_pdf(server):
    server.route("/r.pdf", Reply(body=tiny_pdf("x"), content_type="application/pdf"))
    error = refused(server.url("/r.pdf"), INGESTION)
    assert error.reason == (
        "The link points to application/pdf content, which the workbench does not read "
        "(it reads text/html, text/plain)."
    )


def test_it_sends_its_user_agent_and_accepted_types(server):
    server.route("/", Reply(body=b"<html></html>"))
    fetch(server.url("/"), policy=INGESTION)
    headers = server.requests[0].headers
    assert headers["user-agent"] == FetchPolicy().user_agent
    assert headers["accept"] == "text/html, text/plain"


# --- Answers that are errors --------------------------------------------------------------


def test_a_404_is_a_permanent_error_in_editors_words(server):
    error = refused(server.url("/gone"))
    assert type(error) is FetchError
    assert (error.reason, error.status, error.transient) == (
        "The server answered 404 Not Found.",
        404,
        False,
    )


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (500, "The server answered 500 Internal Server Error."),
        (503, "The server answered 503 Service Unavailable."),
        (429, "The server answered 429 Too Many Requests."),
    ],
)
def test_server_errors_and_429_are_transient_with_retry_after_seconds(server, status, reason):
    server.route("/", Reply(status=status, headers={"Retry-After": "120"}))
    error = refused(server.url("/"))
    assert isinstance(error, TransientFetchError)
    assert (error.reason, error.status, error.transient, error.retry_after) == (
        reason,
        status,
        True,
        120.0,
    )


def test_retry_after_may_be_an_http_date(server):
    later = datetime.now(UTC) + timedelta(minutes=10)
    server.route(
        "/", Reply(status=503, headers={"Retry-After": format_datetime(later, usegmt=True)})
    )
    error = refused(server.url("/"))
    assert error.retry_after == pytest.approx(600, abs=5)


def test_a_server_error_without_retry_after_has_none(server):
    server.route("/", Reply(status=502))
    error = refused(server.url("/"))
    assert (error.transient, error.retry_after) == (True, None)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("30", 30.0),
        (" 0 ", 0.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # in the past: retry now
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after(value, seconds):
    assert parse_retry_after(value) == seconds


def test_an_unknown_status_is_still_explained(server):
    server.route("/", Reply(status=499))
    assert refused(server.url("/")).reason == "The server answered 499."


def test_a_closed_port_is_a_transient_connection_error():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = refused(f"http://127.0.0.1:{port}/")
    assert type(error) is TransientFetchError
    assert error.reason.startswith("Could not connect to 127.0.0.1")


# --- Time and size caps -------------------------------------------------------------------


def test_a_server_too_slow_to_answer_times_out_transiently(server):
    server.route("/", Reply(body=b"late", delay=3))
    started = time.monotonic()
    error = refused(server.url("/"), FetchPolicy(allow_private=True, read_timeout=0.3))
    assert isinstance(error, FetchTimeout)
    assert (error.transient, error.reason) == (True, "The server stopped answering.")
    assert time.monotonic() - started < 1.5


def test_a_trickling_server_is_cut_off_at_the_total_timeout(server):
    # One byte every 50 ms: each read is quick, so only the wall-clock cap can stop it.
    server.route("/", Reply(body=b"x" * 400, chunk_size=1, trickle=0.05, content_type="text/plain"))
    policy = FetchPolicy(allow_private=True, read_timeout=5, total_timeout=1)
    started = time.monotonic()
    error = refused(server.url("/"), policy)
    assert isinstance(error, FetchTimeout)
    assert error.reason == "The page took longer than 1 s to fetch; giving up."
    assert 0.9 < time.monotonic() - started < 1.6


def test_a_body_announced_over_the_cap_is_refused_before_reading_it(server):
    # Read in full, this body would take 5 s to arrive.
    server.route("/", Reply(body=b"x" * 100_000, chunk_size=1000, trickle=0.05))
    started = time.monotonic()
    error = refused(server.url("/"), FetchPolicy(allow_private=True, max_bytes=10_000))
    assert isinstance(error, TooLarge)
    assert (error.transient, error.reason) == (
        False,
        "The page is larger than the 10,000 bytes the workbench reads.",
    )
    assert time.monotonic() - started < 1


def test_a_body_without_length_is_cut_off_as_soon_as_it_passes_the_cap(server):
    reply = Reply(body=b"x" * 100_000, chunk_size=1000, trickle=0.02, send_length=False)
    server.route("/", reply)
    started = time.monotonic()
    error = refused(server.url("/"), FetchPolicy(allow_private=True, max_bytes=10_000))
    assert isinstance(error, TooLarge)
    assert time.monotonic() - started < 1  # all of it would take 2 s


def test_a_body_exactly_at_the_cap_is_read(server):
    server.route("/", Reply(body=b"x" * 10_000, send_length=False, content_type="text/plain"))
    result = fetch(server.url("/"), policy=FetchPolicy(allow_private=True, max_bytes=10_000))
    assert len(result.body) == 10_000


def test_the_ten_megabyte_ingestion_cap_is_reported_in_megabytes(server):
    server.route("/", Reply(body=b"x" * (10 * 1024 * 1024 + 1)))
    assert refused(server.url("/"), INGESTION).reason == (
        "The page is larger than the 10 MB the workbench reads."
    )


# --- Redirects ----------------------------------------------------------------------------


def test_it_follows_relative_and_absolute_redirects(server):
    server.route("/a", redirect("/b", 301))
    server.route("/b", redirect("c?x=1#frag", 307))
    server.route("/c", redirect(server.url("/final"), 308))
    server.route("/final", Reply(body=b"<html>end</html>"))
    result = fetch(server.url("/a"), policy=LOCAL)
    assert result.url == server.url("/final")
    assert result.redirects == (server.url("/a"), server.url("/b"), server.url("/c?x=1"))
    assert result.text == "<html>end</html>"


def test_five_redirects_are_followed_and_a_sixth_is_refused(server):
    for hop in range(6):
        server.route(f"/{hop}", redirect(f"/{hop + 1}"))
    server.route("/6", Reply(body=b"<html>six</html>"))
    server.route("/5", Reply(body=b"<html>five</html>"))
    assert fetch(server.url("/0"), policy=LOCAL).text == "<html>five</html>"

    server.route("/5", redirect("/6"))
    error = refused(server.url("/0"))
    assert isinstance(error, TooManyRedirects)
    assert error.reason == "The link redirected more than 5 times; giving up."
    assert "/6" not in server.paths()


def test_a_redirect_without_location_is_an_error(server):
    server.route("/", Reply(status=302))
    assert refused(server.url("/")).reason == "The server answered 302 without saying where to go."


# --- SSRF ---------------------------------------------------------------------------------

LOOPBACK_SPELLINGS = [
    "127.0.0.1",
    "localhost",
    "2130706433",
    "0177.0.0.1",
    "0x7f.0.0.1",
    "0x7f.1",
    "127.1",
    "[::ffff:127.0.0.1]",
]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_a_loopback_server_is_refused_before_any_connection(server, host):
    server.route("/secret", Reply(body=b"<html>internal</html>"))
    error = refused(f"http://{host}:{server.port}/secret", FetchPolicy())
    assert isinstance(error, UnsafeURL)
    assert "only public internet addresses are fetched" in error.reason
    assert server.requests == []


@pytest.mark.parametrize(
    "host", ["2130706433", "0x7f.1", "127.1", "[::ffff:7f00:1]", "[0::ffff:7f00:1]"]
)
def test_those_spellings_do_reach_the_server_when_private_networks_are_allowed(server, host):
    server.route("/secret", Reply(body=b"<html>internal</html>"))
    assert (
        fetch(f"http://{host}:{server.port}/secret", policy=LOCAL).text == "<html>internal</html>"
    )


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1:70/", "javascript:alert(1)"],
)
def test_other_schemes_are_refused(url):
    error = refused(url)
    assert isinstance(error, UnsafeURL)
    assert error.reason.startswith("Only http and https links can be fetched")


@pytest.fixture
def trusted_server(server) -> tuple[LocalServer, FetchPolicy]:
    """A server the policy trusts, standing in for a public site: only its origin may be private."""
    return server, FetchPolicy(trusted_origins=frozenset({server.origin}))


def test_a_trusted_origin_is_fetched_with_private_networks_refused(trusted_server):
    server, policy = trusted_server
    server.route("/", Reply(body=b"<html>public stand-in</html>"))
    assert fetch(server.url("/"), policy=policy).text == "<html>public stand-in</html>"


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:{port}/secret",
        "http://127.0.0.1:{other_port}/secret",
        "http://[::1]:{port}/secret",
        "http://2130706433:{port}/secret",
        "http://10.0.0.1/",
    ],
)
def test_a_redirect_to_an_internal_address_is_refused(trusted_server, location):
    server, policy = trusted_server
    with serve({"/secret": Reply(body=b"internal")}) as internal:
        target = location.format(port=server.port, other_port=internal.port)
        server.route("/go", redirect(target))
        server.route("/secret", Reply(body=b"internal"))
        error = refused(server.url("/go"), policy)
        assert isinstance(error, UnsafeURL)
        assert error.reason.startswith(f"The link redirected to {target}. ")
        assert error.reason.endswith("only public internet addresses are fetched.")
        assert (server.paths(), internal.paths()) == (["/go"], [])


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://example.org/", "gopher://x/"])
def test_a_redirect_to_another_scheme_is_refused(trusted_server, location):
    server, policy = trusted_server
    server.route("/go", redirect(location))
    error = refused(server.url("/go"), policy)
    assert isinstance(error, UnsafeURL)
    assert error.reason.startswith(f"The link redirected to {location}. Only http and https")


class CountingResolver:
    """Stands in for public DNS: maps names to chosen addresses and counts every lookup."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.lookups: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append((host, port))
        return self.answers[host]


def test_it_connects_to_the_checked_address_with_one_lookup_per_hop(server):
    # A name that real DNS would not resolve: reaching the server proves the pinned IP was used.
    resolver = CountingResolver({"news.example.test": ["127.0.0.1"]})
    server.route("/a", redirect("/b"))
    server.route("/b", Reply(body=b"<html>pinned</html>"))
    url = f"http://news.example.test:{server.port}/a"
    result = fetch(url, policy=LOCAL, resolver=resolver)
    assert result.url == f"http://news.example.test:{server.port}/b"
    assert resolver.lookups == [("news.example.test", server.port)] * 2
    hosts = [request.headers["host"] for request in server.requests]
    assert hosts == [f"news.example.test:{server.port}"] * 2


def issue_certificate(folder: Path, name: str) -> tuple[Path, ssl.SSLContext]:
    """A throwaway CA (the PEM path) and a server context holding its certificate for name."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Test CA",
            "-keyout", "ca.key", "-out", "ca.pem")  # fmt: skip
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}",
            "-keyout", "site.key", "-out", "site.csr")  # fmt: skip
    (folder / "san.ext").write_text(f"subjectAltName=DNS:{name}\n")
    openssl("x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "site.pem")  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "site.pem", folder / "site.key")
    return folder / "ca.pem", context


@pytest.fixture
def tls_site(tmp_path, monkeypatch) -> Iterator[LocalServer]:
    """An HTTPS server with a certificate for news.example.test, from a CA the client trusts."""
    ca, context = issue_certificate(tmp_path, "news.example.test")
    monkeypatch.setattr(certifi, "where", lambda: str(ca))  # httpx reads its CA bundle here
    with serve({"/": Reply(body=b"<html>over tls</html>")}, tls=context) as running:
        yield running


def test_https_to_the_pinned_address_is_verified_for_the_site_name(tls_site):
    resolver = CountingResolver({"news.example.test": ["127.0.0.1"]})
    result = fetch(f"https://news.example.test:{tls_site.port}/", policy=LOCAL, resolver=resolver)
    assert result.text == "<html>over tls</html>"
    assert tls_site.requests[0].headers["host"] == f"news.example.test:{tls_site.port}"


def test_https_with_a_certificate_for_another_name_is_refused(tls_site):
    resolver = CountingResolver({"other.example.test": ["127.0.0.1"]})
    url = f"https://other.example.test:{tls_site.port}/"
    error = refused(url, LOCAL, resolver=resolver)
    assert isinstance(error, TransientFetchError)
    assert "Hostname mismatch" in error.reason
    assert tls_site.requests == []


def test_a_name_with_any_private_address_is_refused_before_connecting(server):
    resolver = CountingResolver({"news.example.test": ["93.184.216.34", "127.0.0.1"]})
    error = refused(f"http://news.example.test:{server.port}/", FetchPolicy(), resolver=resolver)
    assert isinstance(error, UnsafeURL)
    assert error.reason.startswith("news.example.test resolves to 127.0.0.1, a loopback address")
    assert server.requests == []


def test_it_tries_the_next_checked_address_when_one_refuses(server):
    # The server listens on 127.0.0.1 only, so 127.0.0.2 refuses the connection.
    resolver = CountingResolver({"news.example.test": ["127.0.0.2", "127.0.0.1"]})
    server.route("/", Reply(body=b"<html>second</html>"))
    result = fetch(f"http://news.example.test:{server.port}/", policy=LOCAL, resolver=resolver)
    assert result.text == "<html>second</html>"


def unknown_name(host: str, port: int) -> list[str]:
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


def try_again_later(host: str, port: int) -> list[str]:
    raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")


def test_a_name_that_does_not_exist_is_permanent():
    error = refused("http://does-not-exist.invalid/", FetchPolicy(), resolver=unknown_name)
    assert type(error) is FetchError
    assert error.reason == "The site name does-not-exist.invalid does not exist."


def test_a_failing_name_lookup_is_transient():
    error = refused("http://news.example.test/", FetchPolicy(), resolver=try_again_later)
    assert type(error) is TransientFetchError
    assert error.reason == "The site name news.example.test could not be looked up."


# --- robots.txt and per-host spacing (these use Django's cache) ---------------------------

POLITE = FetchPolicy(allow_private=True, respect_robots=True)


@pytest.fixture
def site(server, db) -> Iterator[LocalServer]:
    """A server whose robots.txt is not cached yet (the cache may outlive test runs on Redis)."""
    cache.delete(robots.cache_key(server.origin))
    server.route("/page", Reply(body=b"<html>page</html>"))
    yield server
    cache.delete(robots.cache_key(server.origin))


def robots_txt(text: str) -> Reply:
    return Reply(body=text.encode(), content_type="text/plain")


def test_a_page_robots_txt_disallows_is_refused_and_not_requested(site):
    site.route("/robots.txt", robots_txt("User-agent: *\nDisallow: /page\n"))
    error = refused(site.url("/page"), POLITE)
    assert isinstance(error, BlockedByRobots)
    assert (error.transient, error.reason) == (
        False,
        "127.0.0.1 asks crawlers not to fetch this page (robots.txt).",
    )
    assert site.paths() == ["/robots.txt"]


def test_the_workbench_group_in_robots_txt_is_the_one_that_counts(site):
    site.route("/private", Reply(body=b"<html>p</html>"))
    rules = "User-agent: *\nDisallow: /\n\nUser-agent: FactcheckWorkbench\nDisallow: /private\n"
    site.route("/robots.txt", robots_txt(rules))
    assert fetch(site.url("/page"), policy=POLITE).text == "<html>page</html>"
    assert isinstance(refused(site.url("/private"), POLITE), BlockedByRobots)


def test_robots_txt_is_ignored_unless_the_policy_respects_it(site):
    site.route("/robots.txt", robots_txt("User-agent: *\nDisallow: /\n"))
    assert fetch(site.url("/page"), policy=LOCAL).status == 200
    assert site.paths() == ["/page"]


@pytest.mark.parametrize("status", [404, 410, 403])
def test_a_missing_robots_txt_allows_everything(site, status):
    site.route("/robots.txt", Reply(status=status))
    assert fetch(site.url("/page"), policy=POLITE).status == 200
    assert site.paths() == ["/robots.txt", "/page"]


def test_robots_txt_is_asked_once_and_cached_for_the_origin(site):
    site.route("/robots.txt", robots_txt("User-agent: *\nDisallow: /private\n"))
    fetch(site.url("/page"), policy=POLITE)
    fetch(site.url("/page?again=1"), policy=POLITE)
    assert site.paths() == ["/robots.txt", "/page", "/page?again=1"]
    assert cache.get(f"robots:{site.origin}") == "User-agent: *\nDisallow: /private\n"


# Threads need a cache they share without each opening the test database.
THREAD_SHARED_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def fetch_together(urls: list[str], policy: FetchPolicy) -> list[FetchResult | FetchError]:
    """fetch() every url at once, a thread each, as a threaded worker's first tasks do."""

    def attempt(url: str) -> FetchResult | FetchError:
        try:
            return fetch(url, policy=policy)
        except FetchError as error:
            return error

    with ThreadPoolExecutor(len(urls)) as pool:
        return list(pool.map(attempt, urls))


def test_concurrent_first_fetches_of_a_site_ask_its_robots_txt_once(server, settings):
    settings.CACHES = THREAD_SHARED_CACHE
    rules = Reply(body=b"User-agent: *\nDisallow: /private\n", content_type="text/plain", delay=0.3)
    server.route("/robots.txt", rules)
    server.route("/page", Reply(body=b"<html>page</html>"))
    server.route("/private", Reply(body=b"<html>private</html>"))
    urls = [server.url("/page?n=1"), server.url("/page?n=2"), server.url("/private")]
    first, second, private = fetch_together(urls, POLITE)
    assert isinstance(first, FetchResult)
    assert isinstance(second, FetchResult)
    assert isinstance(private, BlockedByRobots)
    assert sorted(server.paths()) == ["/page?n=1", "/page?n=2", "/robots.txt"]


def test_threads_waiting_for_an_unreachable_robots_txt_share_its_failure(server, settings):
    settings.CACHES = THREAD_SHARED_CACHE
    server.route("/robots.txt", Reply(status=503, delay=0.3))
    outcomes = fetch_together([server.url(f"/page?n={n}") for n in range(3)], POLITE)
    assert all(isinstance(outcome, TransientFetchError) for outcome in outcomes)
    assert all(o.reason.startswith("The site's robots.txt could not be read") for o in outcomes)
    assert server.paths() == ["/robots.txt"]
    refused(server.url("/page"), POLITE)  # failures are not cached: the next fetch asks again
    assert server.paths() == ["/robots.txt", "/robots.txt"]


@pytest.mark.parametrize("status", [500, 503, 429])
def test_an_unreachable_robots_txt_forbids_for_now_and_is_asked_again(site, status):
    site.route("/robots.txt", Reply(status=status, headers={"Retry-After": "60"}))
    error = refused(site.url("/page"), POLITE)
    assert isinstance(error, TransientFetchError)
    assert error.retry_after == 60.0
    assert error.reason.startswith("The site's robots.txt could not be read")
    refused(site.url("/page"), POLITE)
    assert site.paths() == ["/robots.txt", "/robots.txt"]


def test_robots_txt_is_fetched_through_the_same_safe_path(trusted_server, db):
    server, policy = trusted_server
    cache.delete(robots.cache_key(server.origin))
    server.route("/robots.txt", redirect("http://169.254.169.254/robots.txt"))
    error = refused(server.url("/page"), replace(policy, respect_robots=True))
    assert isinstance(error, UnsafeURL)
    assert server.paths() == ["/robots.txt"]
    cache.delete(robots.cache_key(server.origin))


def test_crawl_delay_spaces_requests_to_the_site(site):
    site.route("/robots.txt", robots_txt("User-agent: *\nCrawl-delay: 0.4\n"))
    fetch(site.url("/page"), policy=POLITE)
    fetch(site.url("/page"), policy=POLITE)
    first, second = (r.received_at for r in site.requests if r.path == "/page")
    assert second - first >= 0.38


def test_per_host_interval_spaces_requests_to_one_host(server, db):
    server.route("/", Reply(body=b"<html></html>"))
    policy = FetchPolicy(allow_private=True, per_host_interval=0.3)
    for _ in range(3):
        fetch(server.url("/"), policy=policy)
    times = [request.received_at for request in server.requests]
    assert all(later - earlier >= 0.28 for earlier, later in zip(times, times[1:], strict=False))


def test_a_turn_beyond_the_total_timeout_is_a_transient_error(server, db):
    server.route("/", Reply(body=b"<html></html>"))
    policy = FetchPolicy(allow_private=True, per_host_interval=30, total_timeout=0.5)
    outcomes: list[FetchError | None] = []
    for _ in range(2):  # the first may land just before a slot starts; the second cannot
        try:
            fetch(server.url("/"), policy=policy)
            outcomes.append(None)
        except FetchError as error:
            outcomes.append(error)
    error = outcomes[-1]
    assert isinstance(error, TransientFetchError)
    assert 0 < error.retry_after <= 30
    assert error.reason.startswith("127.0.0.1 asks for a pause between requests")
    assert len(server.requests) <= 1


# --- Pure helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "media_type"),
    [
        (b"%PDF-1.7\n", "application/pdf"),
        (b"\xef\xbb\xbf<!doctype html>", "text/html"),
        (b"<HTML>", "text/html"),
        (b"plain words\n\ttabbed", "text/plain"),
        (b"PK\x03\x04zip", "application/octet-stream"),
        (b"", "text/plain"),
    ],
)
def test_sniff_type(head, media_type):
    assert sniff_type(head) == media_type


def test_the_configured_policy_takes_the_fetch_settings_and_the_callers_choices(settings):
    settings.FETCH_CONNECT_TIMEOUT, settings.FETCH_ALLOW_PRIVATE_NETWORKS = 2.5, True
    policy = configured_policy(max_bytes=10, read_timeout=1.0)
    assert (policy.connect_timeout, policy.allow_private) == (2.5, True)
    assert (policy.max_bytes, policy.read_timeout) == (10, 1.0)
    assert policy.user_agent == settings.FETCH_USER_AGENT
    assert policy.total_timeout == settings.FETCH_TOTAL_TIMEOUT
