"""The article's own citations: outbound links inside its main text.

The links are worked out once per article when it is extracted, from the page already parsed
(``extraction.links``: only paragraphs of the main text count, so the site's navigation, footer,
share buttons and "related stories" chrome never become sources, and links back to the article's
own site are skipped). Each claim gets them with the links of its own paragraph first.
"""

from __future__ import annotations

from django.conf import settings

from factcheck import extraction
from factcheck.models import ArticleRaw, Claim, Evidence
from factcheck.sources.providers import Candidate

NAME = "Article links"


def enabled() -> bool:
    return settings.SOURCES_ARTICLE_LINKS


def find(claim: Claim) -> list[Candidate]:
    """Outbound main-text links of the claim's article, those near the claim first."""
    links = claim.article.links
    if links is None:  # extracted before links were kept
        links = links_from_raw(claim.article)
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


def links_from_raw(article) -> list[list[str]]:
    """The links of an article extracted before they were kept, from its stored page."""
    raw = ArticleRaw.objects.filter(article_id=article.pk).first()
    if raw is None or not raw.content.lstrip().startswith("<"):
        return []
    base = raw.final_url or article.url or article.canonical_url
    extracted = extraction.extract_from_html(raw.content, url=base or None)
    return [[link.url, link.text, link.paragraph] for link in extracted.links]
