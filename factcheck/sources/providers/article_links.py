"""The article's own citations: outbound links inside its main text.

Links are read from the main content only (trafilatura's extraction with links kept), so the site's
navigation, footer, share buttons and "related stories" chrome never become sources. Links back to
the article's own site are skipped; the paragraph holding the claim comes first.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import trafilatura
from django.conf import settings
from lxml import etree

from factcheck.models import ArticleRaw, Claim, Evidence
from factcheck.sources.domains import registered_domain
from factcheck.sources.providers import Candidate

NAME = "Article links"


def enabled() -> bool:
    return settings.SOURCES_ARTICLE_LINKS


def find(claim: Claim) -> list[Candidate]:
    """Outbound main-text links of the claim's article, those near the claim first."""
    raw = ArticleRaw.objects.filter(article_id=claim.article_id).first()
    if raw is None or not raw.content.lstrip().startswith("<"):
        return []
    article = claim.article
    base = raw.final_url or article.url or article.canonical_url
    links = main_text_links(raw.content, base_url=base)
    near = [link for link in links if claim.text[:80] in link[2]]
    ordered = near + [link for link in links if link not in near]
    return [
        # The link text ("3 Mar 2024", "here") is no title: the page's own title comes with its
        # fetch; until then the source shows its URL.
        Candidate(
            url=url, title="", snippet=_linked_as(text), provider=Evidence.Provider.ARTICLE_LINK
        )
        for url, text, _paragraph in ordered[: settings.SOURCES_ARTICLE_LINKS_MAX]
    ]


def _linked_as(text: str) -> str:
    return f"Linked from the article as “{text}”." if text.strip() else ""


def main_text_links(html: str, *, base_url: str = "") -> list[tuple[str, str, str]]:
    """(absolute URL, link text, paragraph text) for each outbound link of the main content."""
    document = trafilatura.extract(
        html, output_format="xml", include_links=True, url=base_url or None, favor_recall=True
    )
    if not document:
        return []
    tree = etree.fromstring(document.encode("utf-8"))
    own_site = registered_domain(base_url) if base_url else ""
    seen: set[str] = set()
    links = []
    for ref in tree.iter("ref"):
        url = _absolute(ref.get("target", ""), base_url)
        if not url or url in seen or (own_site and registered_domain(url) == own_site):
            continue
        seen.add(url)
        paragraph = ref.getparent()
        context = " ".join("".join(paragraph.itertext()).split()) if paragraph is not None else ""
        links.append((url, " ".join("".join(ref.itertext()).split())[:500], context))
    return links


def _absolute(target: str, base_url: str) -> str:
    """An absolute http(s) URL for a link target, or "" (fragments, mailto:, unresolvable)."""
    url = urljoin(base_url, target.strip()) if base_url else target.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    return url.split("#", 1)[0]
