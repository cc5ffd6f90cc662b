"""Article text and metadata from pasted text or an HTML page. Pure: no Django, no network.

Both paths end in the same cleaning (`clean_body`): Unicode spaces and invisible control
characters are normalised away, and trailing author bios, comment forms and calls to action are
trimmed, so a page and its pasted text give the same body and therefore the same claims.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import trafilatura
from htmldate import find_date
from lxml import html as lxml_html
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import load_html

from factcheck.extraction.lexicon import BIO_PAIRS, BIO_RE, COMMENT_FORM_RE
from factcheck.extraction.links import Link, main_text_links
from factcheck.extraction.transcripts import LABEL_LINE_RE

logger = logging.getLogger(__name__)

# Zero-width characters, bidi embeddings/overrides/isolates, word joiner, BOM, soft hyphen.
_INVISIBLE_RE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
_SPACES_RE = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")
_TERMINAL_PUNCTUATION = tuple(".!?:;…,")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’]?(?:\s|$)")
# A block's first line that is a heading in capitals, perhaps numbered ("26/116 POLICE REPORT",
# "3. FINANCE"): minutes and reports put it above the item's text, never inside a sentence.
_CAPS_HEADING_RE = re.compile(r"^(?:[\d./()-]+\s+)?(?=[^a-z\n]*[A-Z]{3})[^a-z.!?:\n]{3,80}$")
_HTML_HINT_RE = re.compile(r"<(?:!doctype|html|head|body|p|div|article|main|span|br)\b", re.I)
MIN_HTML_WORDS = 5  # less than a sentence of main text means the page has no article
_JSON_LD_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "WebPage"}
# How trafilatura extracts the main text (bench/ingest.py times trafilatura alone with these).
# The main extractor alone: the readability/justext comparison cost a quarter of the time and
# changed no body of the seed page or of the ingestion benchmark's pages.
TRAFILATURA_OPTIONS = {
    "fast": True,
    "favor_precision": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
}

# Paragraphs that close many pages but are never article text. Matched from the end only.
_CALL_TO_ACTION_RE = re.compile(
    r"^(?:share|tweet|email|print|subscribe|sign up|follow us|read more|related(?: posts)?|"
    r"advertisement|tags?:|filed under)\b"
    r"|\ball rights reserved\b|^©|^\(c\)\s*\d{4}",
    re.I,
)


@dataclass(frozen=True)
class ExtractedArticle:
    """An article as ingestion stores it; `text` holds paragraphs separated by a blank line."""

    text: str
    title: str = ""
    authors: str = ""  # comma-separated
    publisher: str = ""
    published_at: datetime | None = None  # timezone-aware
    language: str = ""
    canonical_url: str = ""
    links: tuple[Link, ...] = ()  # outbound links of the main text (pages only)


def content_hash(text: str) -> str:
    """The SHA-256 of text, in hex: the same extracted text is the same article or snapshot."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def looks_like_html(raw: str) -> bool:
    """True when the start of `raw` carries an HTML tag that pasted prose would not."""
    return bool(_HTML_HINT_RE.search(raw[:4096]))


def normalise_text(raw: str) -> str:
    """NFC text with one kind of space, no invisible controls and '\\n' line endings."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE_RE.sub("", text)
    return "\n".join(_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text.

    When blank lines separate paragraphs, single line breaks inside one are hard wrapping and
    are re-joined (a transcript's speaker label alone on its line excepted); text without any
    blank line has one paragraph per line.
    """
    if not _PARAGRAPH_BREAK_RE.search(text.strip()):
        return [line for line in text.split("\n") if line.strip()]
    blocks = _PARAGRAPH_BREAK_RE.split(text.strip())
    return [part for block in blocks if block.strip() for part in _unwrap(block)]


def _unwrap(block: str) -> list[str]:
    """A block's lines re-joined, but a transcript's speaker label alone on its line ("Jane Doe
    -- Chief Executive Officer"), before a line ending a sentence or another label, stays a
    paragraph of its own: the turn's text follows it."""
    first, _, rest = block.partition("\n")
    if rest and _CAPS_HEADING_RE.match(first) and _SENTENCE_END_RE.search(rest.rstrip()[-2:] + " "):
        return [first, *_unwrap(rest)]  # "26/116 POLICE REPORT" above the item's text
    if "\n" not in block or not LABEL_LINE_RE.search(block):
        return [" ".join(block.split("\n"))]
    lines = block.split("\n")
    parts: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if LABEL_LINE_RE.match(line) and (
            _SENTENCE_END_RE.search(following) or LABEL_LINE_RE.match(following)
        ):
            parts.extend([[line], []])
        else:
            parts[-1].append(line)
    return [" ".join(part) for part in parts if part]


def clean_body(paragraphs: list[str]) -> list[str]:
    """Drop boilerplate paragraphs from the end: comment forms, author bios, share/CTA lines."""
    kept = list(paragraphs)
    while kept and _is_trailing_boilerplate(kept[-1]):
        kept.pop()
    return kept


def _is_trailing_boilerplate(paragraph: str) -> bool:
    lowered = paragraph.lower()
    return bool(
        COMMENT_FORM_RE.search(paragraph)
        or _CALL_TO_ACTION_RE.search(paragraph)
        or BIO_RE.match(paragraph)
        or any(phrase in lowered for phrase in BIO_PAIRS)
    )


def looks_like_headline(line: str) -> bool:
    """A short single line without closing punctuation, such as an article title."""
    words = line.split()
    return 2 <= len(words) <= 25 and not line.endswith(_TERMINAL_PUNCTUATION)


def extract_from_text(text: str) -> ExtractedArticle:
    """Article from pasted text. The first paragraph becomes the title when it is a headline."""
    paragraphs = split_paragraphs(normalise_text(text))
    title = ""
    if len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        title, paragraphs = paragraphs[0], paragraphs[1:]
    return ExtractedArticle(text="\n\n".join(clean_body(paragraphs)), title=title)


def extract_from_html(html: str, url: str | None = None) -> ExtractedArticle:
    """Main text and metadata of a page; chrome (nav, sidebars, comments, footers) is left out.

    trafilatura finds the text, favouring precision; JSON-LD and <meta> tags take precedence
    over trafilatura's guesses for title, authors, publisher, date, language and canonical URL.
    """
    tree = load_html(html) if html.strip() else None
    if tree is None:
        return ExtractedArticle(text="")
    found = _page_metadata(tree)
    _keep_lead_teasers(tree)
    metadata = _trafilatura_guesses(tree, url)
    document = trafilatura.bare_extraction(
        tree,  # copied by trafilatura, which prunes its copy
        url=url or metadata.url,  # as with_metadata=True would give it
        **TRAFILATURA_OPTIONS,
    )
    guessed = _trafilatura_metadata(metadata if document is not None else None)
    title = found.get("title") or guessed.get("title", "")
    text = _html_body(document.text if document is not None else "", title)
    canonical_url = found.get("canonical_url") or guessed.get("canonical_url", "") or url or ""
    return ExtractedArticle(
        text=text,
        title=title,
        authors=found.get("authors") or guessed.get("authors", ""),
        publisher=found.get("publisher") or guessed.get("publisher", ""),
        published_at=parse_datetime(found.get("published") or guessed.get("published", "")),
        language=found.get("language", ""),
        canonical_url=canonical_url,
        links=tuple(main_text_links(tree, text, base_url=url or canonical_url)) if text else (),
    )


def _keep_lead_teasers(tree: lxml_html.HtmlElement) -> None:
    """A lead paragraph marked "teaser" (German and Dutch pages mark their standfirst so) is
    article text: a `<p class="…teaser…">` holding no link, among two body paragraphs or more
    of its own parent, loses the class that trafilatura's precision mode discards. A teaser
    box of other stories (links, or no body paragraphs beside it) keeps it."""
    for lead in tree.xpath(_TEASER_XPATH):
        siblings = [p for p in lead.getparent() if p.tag == "p" and p is not lead]
        if len(siblings) >= 2 and not any("teaser" in p.get("class", "").lower() for p in siblings):
            lead.set("class", re.sub("(?i)teaser", "lead", lead.get("class", "")))


_TEASER_XPATH = "//p[contains(translate(@class, 'T', 't'), 'teaser') and not(.//a)]"


def _html_body(extracted: str, title: str) -> str:
    # trafilatura returns one paragraph per line and repeats the <h1> as the first line.
    lines = [line for line in normalise_text(extracted).split("\n") if line]
    if lines and title and lines[0].casefold() == normalise_text(title).casefold():
        lines = lines[1:]
    body = "\n\n".join(clean_body(lines))
    # trafilatura falls back to any text it can find, such as a lone "Home" link.
    return body if len(body.split()) >= MIN_HTML_WORDS else ""


def _trafilatura_guesses(tree: lxml_html.HtmlElement, url: str | None) -> Document:
    """trafilatura.extract_metadata without what it finds that is never used here.

    Its categories and tags (links searched with a dozen XPath expressions) and license took
    most of its 2 ms a page; the fields kept are found by the same calls in the same order.
    """
    metadata = trafilatura_metadata.examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = trafilatura_metadata.extract_meta_json(tree, metadata)
    except Exception as exc:  # noqa: BLE001 - as trafilatura does: its JSON-LD reader has bugs
        logger.warning("error in JSON metadata extraction: %s", exc)
    metadata.title = metadata.title or trafilatura_metadata.extract_title(tree)
    metadata.author = metadata.author or trafilatura_metadata.extract_author(tree)
    metadata.url = metadata.url or trafilatura_metadata.extract_url(tree, url)
    metadata.date = find_date(tree, **set_date_params(extensive=True), url=metadata.url)
    metadata.sitename = metadata.sitename or trafilatura_metadata.extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if (
            metadata.sitename
            and "." not in metadata.sitename
            and not metadata.sitename[0].isupper()
        ):
            metadata.sitename = metadata.sitename.title()
    elif metadata.url and (match := trafilatura_metadata.META_URL.match(metadata.url)):
        metadata.sitename = match[1]
    metadata.clean_and_trim()
    return metadata


def _trafilatura_metadata(document: object | None) -> dict[str, str]:
    if document is None:
        return {}
    fields = {
        "title": getattr(document, "title", None),
        "authors": (getattr(document, "author", None) or "").replace("; ", ", "),
        "publisher": getattr(document, "sitename", None),
        "published": getattr(document, "date", None),
        "canonical_url": getattr(document, "url", None),
    }
    return {key: normalise_text(value) for key, value in fields.items() if value}


def _page_metadata(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """Metadata from JSON-LD first, then Open Graph / article meta tags and <link rel=canonical>."""
    meta = _meta_tags(tree)
    found = {
        "title": meta.get("og:title", ""),
        "authors": meta.get("author", "") or meta.get("article:author", ""),
        "publisher": meta.get("og:site_name", ""),
        "published": meta.get("article:published_time", "")
        or _time_element(tree)
        or meta.get("date", ""),
        "canonical_url": _canonical_link(tree) or meta.get("og:url", ""),
        "language": tree.get("lang") or meta.get("og:locale", ""),
    }
    for node in _json_ld_articles(tree):
        found |= {key: value for key, value in _json_ld_fields(node).items() if value}
    found["language"] = re.split(r"[-_]", found["language"].strip())[0].lower()
    return {key: normalise_text(value) for key, value in found.items() if value}


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        if key and element.get("content") and key not in tags:
            tags[key] = element.get("content", "").strip()
    return tags


def _time_element(tree: lxml_html.HtmlElement) -> str:
    """The first ``<time datetime>`` with a time of day (a date alone is left to the others)."""
    for element in tree.iter("time"):
        value = (element.get("datetime") or "").strip()
        if "T" in value or " " in value:
            return value
    return ""


def _canonical_link(tree: lxml_html.HtmlElement) -> str:
    for element in tree.iter("link"):
        if (element.get("rel") or "").strip().lower() == "canonical" and element.get("href"):
            return element.get("href", "").strip()
    return ""


def _json_ld_articles(tree: lxml_html.HtmlElement) -> Iterator[dict]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        yield from (node for node in _json_ld_nodes(data) if _is_article_node(node))


def _json_ld_nodes(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _json_ld_nodes(data.get("@graph", []))


def _is_article_node(node: dict) -> bool:
    kinds = node.get("@type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(kind in _JSON_LD_TYPES for kind in kinds if isinstance(kind, str))


def _json_ld_fields(node: dict) -> dict[str, str]:
    language = node.get("inLanguage")
    return {
        "title": _as_text(node.get("headline") or node.get("name")),
        "authors": ", ".join(_names(node.get("author"))),
        "publisher": ", ".join(_names(node.get("publisher"))),
        "published": _as_text(node.get("datePublished")),
        "language": _as_text(language),
    }


def _names(value: object) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        return _names(value.get("name"))
    return [value.strip()] if isinstance(value, str) and value.strip() else []


def _as_text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def parse_datetime(value: str) -> datetime | None:
    """Timezone-aware datetime from ISO 8601 text; a missing offset is read as UTC."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
