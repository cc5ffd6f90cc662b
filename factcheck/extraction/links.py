"""An article's citations: the outbound links of its main text, read from the page already parsed.

A link counts when the paragraph (the nearest block element) holding it is part of the body the
extraction kept, so navigation, footers, share buttons and "related stories" never count. Links
back to the article's own site, fragments and non-http(s) targets are left out; each URL once.
Worked out once per article at extraction; the article-links provider reads them from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from factcheck.sources.domains import registered_domain

_BLOCKS = frozenset(
    "p li blockquote h1 h2 h3 h4 h5 h6 td th dd dt figcaption pre div section article main "
    "aside nav header footer form table ul ol body".split()
)
MIN_PARAGRAPH_WORDS = 5  # shorter blocks match text anywhere in a body by chance


@dataclass(frozen=True)
class Link:
    url: str  # absolute, without fragment
    text: str  # the link's own text
    paragraph: str  # the text of the paragraph holding it, whitespace collapsed


def main_text_links(tree: lxml_html.HtmlElement, body: str, base_url: str = "") -> list[Link]:
    """Outbound links in the paragraphs of `body`, in page order. `tree` is not modified."""
    own_site = registered_domain(base_url) if base_url else ""
    # block element → its text when in the body (the dict keeps lxml's proxy, and so its
    # identity, alive)
    kept: dict[lxml_html.HtmlElement, str | None] = {}
    seen: set[str] = set()
    links = []
    for anchor in tree.iter("a"):
        url = absolute(anchor.get("href") or "", base_url)
        if not url or url in seen or (own_site and registered_domain(url) == own_site):
            continue
        block = _block_of(anchor)
        if block not in kept:
            kept[block] = _in_body(_text(block), body)
        paragraph = kept[block]
        if paragraph is None:
            continue
        seen.add(url)
        links.append(Link(url, _text(anchor)[:500], paragraph))
    return links


def absolute(target: str, base_url: str) -> str:
    """An absolute http(s) URL for a link target, or "" (fragments, mailto:, unresolvable)."""
    try:
        url = urljoin(base_url, target.strip()) if base_url else target.strip()
        parts = urlsplit(url)
    except ValueError:  # an invalid IPv6 literal or port
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    return url.split("#", 1)[0]


def _block_of(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    parent = element.getparent()
    while parent is not None and parent.tag not in _BLOCKS:
        element, parent = parent, parent.getparent()
    return parent if parent is not None else element


def _text(element: lxml_html.HtmlElement) -> str:
    """The element's text as the body holds it: normalised, whitespace collapsed."""
    from factcheck.extraction.articles import normalise_text  # articles imports this module

    return " ".join(normalise_text("".join(element.itertext())).split())


def _in_body(paragraph: str, body: str) -> str | None:
    if len(paragraph.split()) < MIN_PARAGRAPH_WORDS:
        return None
    return paragraph if paragraph in body else None
