"""schema.org ClaimReview JSON-LD for a published verdict — a pure function of the verdict.

Fields follow Google's ClaimReview guidance: required ``claimReviewed``, ``reviewRating`` (with
``alternateName``) and ``url``; recommended ``author``, ``datePublished``, numeric rating on our
1–5 scale and ``itemReviewed`` (the Claim, its claimant, appearance and first appearance).
"""

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from factcheck.models import Claim, Verdict
from factcheck.sources.netsafety import web_url

# What a JSON text must not contain raw to be embedded in <script type="application/ld+json">
# (``</script>``, ``<!--``) or pasted into HTML (``&``); U+2028/9 end a line in older JavaScript.
HTML_SAFE_JSON = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
CLAIM_REVIEWED_GUIDANCE = 75  # characters; Google's guidance for claimReviewed
BEST_RATING, WORST_RATING = 5, 1
# schema.org knows only people and organisations as authors; an unknown claimant stays a
# Person, as ClaimReview consumers expect one of the two.
CLAIMANT_TYPES: dict[str, str] = {
    Claim.ClaimantType.PERSON: "Person",
    Claim.ClaimantType.ORGANISATION: "Organization",
    Claim.ClaimantType.UNKNOWN: "Person",
}
# Our scale as numbers; "unverifiable" has no place on it and carries only its name.
RATING_VALUES: dict[str, int] = {
    Verdict.Rating.TRUE: 5,
    Verdict.Rating.MOSTLY_TRUE: 4,
    Verdict.Rating.MIXED: 3,
    Verdict.Rating.MOSTLY_FALSE: 2,
    Verdict.Rating.MISLEADING: 2,
    Verdict.Rating.FALSE: 1,
}


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact-checks (ClaimReview ``author``) and where verdicts live."""

    name: str
    url: str
    logo: str
    verdict_url_template: str  # with {verdict_id} and {claim_id}


def publisher_from_settings() -> Publisher:
    return Publisher(
        name=settings.CLAIMREVIEW_AUTHOR_NAME,
        url=settings.CLAIMREVIEW_AUTHOR_URL,
        logo=settings.CLAIMREVIEW_AUTHOR_LOGO,
        verdict_url_template=settings.VERDICT_URL_TEMPLATE,
    )


def verdict_url(verdict: Verdict, publisher: Publisher) -> str:
    return publisher.verdict_url_template.format(verdict_id=verdict.pk, claim_id=verdict.claim_id)


def claimreview(verdict: Verdict, publisher: Publisher) -> dict[str, Any]:
    """The ClaimReview of a published verdict. Needs ``verdict.claim.article`` loaded."""
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": verdict_url(verdict, publisher),
        "claimReviewed": verdict.claim.text,
        "reviewRating": review_rating(verdict.rating),
        "author": organization(publisher),
        "itemReviewed": item_reviewed(verdict),
        "reviewBody": verdict.summary,
    }
    if verdict.published_at:
        document["datePublished"] = verdict.published_at.date().isoformat()
    if verdict.corrects_id:
        document["dateModified"] = (
            verdict.published_at.isoformat() if verdict.published_at else None
        )
        document["correction"] = verdict.correction_note
    return {key: value for key, value in document.items() if value not in (None, "")}


def claimreview_json(document: dict[str, Any]) -> str:
    """JSON-LD text safe to embed as is in ``<script type="application/ld+json">`` (and anywhere
    in HTML): ``<``, ``>`` and ``&`` written as ``\\u003c``, ``\\u003e``, ``\\u0026``, so a value
    holding ``</script>`` cannot end the script. Parses back to ``document``."""
    text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return html_safe_json(text)


def html_safe_json(text: str) -> str:
    """A JSON text with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped (still the same JSON)."""
    return text.translate(HTML_SAFE_JSON)


def review_rating(rating: str) -> dict[str, Any]:
    label = Verdict.Rating(rating).label
    value = RATING_VALUES.get(rating)
    if value is None:
        return {"@type": "Rating", "alternateName": label}
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": label,
    }


def organization(publisher: Publisher) -> dict[str, Any]:
    author: dict[str, Any] = {"@type": "Organization", "name": publisher.name, "url": publisher.url}
    if publisher.logo:
        author["logo"] = {"@type": "ImageObject", "url": publisher.logo}
    return author


def item_reviewed(verdict: Verdict) -> dict[str, Any]:
    """The Claim: who made it, when, and where it appeared (the article)."""
    claim, article = verdict.claim, verdict.claim.article
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.claimant:
        item["author"] = {"@type": CLAIMANT_TYPES[claim.claimant_type], "name": claim.claimant}
    if article.published_at:
        item["datePublished"] = article.published_at.date().isoformat()
    url = web_url(article.canonical_url) or web_url(article.url)  # never javascript: &c.
    if url:
        appearance: dict[str, Any] = {"@type": "CreativeWork", "url": url}
        if article.title:
            appearance["headline"] = article.title
        if article.publisher:
            appearance["publisher"] = {"@type": "Organization", "name": article.publisher}
        item["appearance"] = [appearance]
        item["firstAppearance"] = appearance
    return item


def claimreview_warnings(verdict: Verdict, publisher: Publisher | None = None) -> list[str]:
    """What an editor should fix before the ClaimReview is fit for search engines and platforms."""
    publisher = publisher or publisher_from_settings()
    text = verdict.claim.text
    warnings = []
    if len(text) > CLAIM_REVIEWED_GUIDANCE:
        warnings.append(
            f"The claim is {len(text)} characters; Google asks for claimReviewed of at most "
            f"{CLAIM_REVIEWED_GUIDANCE}. Consider a shorter wording of the claim."
        )
    article = verdict.claim.article
    if not (web_url(article.canonical_url) or web_url(article.url)):
        warnings.append("The claim's article has no URL, so the ClaimReview has no appearance.")
    if not verdict.claim.claimant:
        warnings.append("The claim has no claimant, so itemReviewed has no author.")
    if not publisher.name:
        warnings.append("CLAIMREVIEW_AUTHOR_NAME is empty, so the ClaimReview has no author.")
    return warnings
