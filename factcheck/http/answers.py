"""What a server's answer says: status, redirect, Retry-After, declared size, type, charset, text.

Pure reading of headers and bytes; the network is client.py's.
"""

from __future__ import annotations

import codecs
import io
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from urllib.parse import urldefrag, urljoin

import httpx
import pypdf
from django.utils import timezone

from factcheck.http.errors import FetchError, TooLarge, TransientFetchError, UnsupportedContent

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
READABLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "application/pdf"})
SNIFF_BYTES = 512

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


def redirect_target(response: httpx.Response, url: str) -> str | None:
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


def require_success(response: httpx.Response) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
    reason = f"The server answered {status} {phrase}".rstrip() + "."
    if status == 429 or status >= 500:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        raise TransientFetchError(reason, status=status, retry_after=retry_after)
    raise FetchError(reason, status=status)


def require_declared_length(response: httpx.Response, max_bytes: int) -> None:
    """Refuse before reading when the server announces a body over max_bytes."""
    declared = response.headers.get("content-length", "").strip()
    if _is_ascii_number(declared) and int(declared) > max_bytes:
        raise TooLarge(too_large(max_bytes))


def too_large(size: int) -> str:
    """The reason given for a body over size bytes."""
    limit = f"{size / 1_048_576:.3g} MB" if size >= 1_048_576 else f"{size:,} bytes"
    return f"The page is larger than the {limit} the workbench reads."


def sniff_type(head: bytes) -> str:
    """A media type guessed from a body's first bytes, for servers that send no Content-Type."""
    head = head[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "application/pdf"
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return "text/html"
    return "application/octet-stream" if _BINARY_BYTES.search(head) else "text/plain"


def declared_type(content_type: str) -> tuple[str | None, str | None]:
    """(media type, charset) from a Content-Type header; Nones where it says nothing."""
    media_type, _, params = content_type.partition(";")
    charset = _CHARSET_PARAM.search(params)
    return media_type.strip().lower() or None, charset.group(1) if charset else None


def require_type(media_type: str, allowed_types: frozenset[str]) -> None:
    """Raise UnsupportedContent unless media_type is one of allowed_types."""
    if media_type not in allowed_types:
        readable = ", ".join(sorted(allowed_types))
        raise UnsupportedContent(
            f"The link points to {media_type} content, which the workbench does not read "
            f"(it reads {readable})."
        )


def decode(body: bytes, media_type: str, declared: str | None) -> tuple[str, str | None]:
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
