"""schema.org ClaimReview: ours out (here), other publishers' in (``incoming.py``) and their
ratings placed on our scale (``ratings.py``).

Out: ClaimReview JSON-LD for a published verdict — a pure function of the verdict.

Fields follow Google's ClaimReview guidance: required ``claimReviewed``, ``reviewRating`` (with
``alternateName``) and ``url``; recommended ``author``, ``datePublished``, numeric rating on our
1–5 scale and ``itemReviewed`` (the Claim, its claimant, appearance and first appearance).
"""

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest

from factcheck.http.netsafety import web_url
from factcheck.models import Claim, Verdict

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
    verdict_url_template: str  # with {verdict_id}, {claim_id} and {slug}; "" = the public page
    site_url: str = ""  # where the public pages are served (no trailing slash)


def publisher_from_settings(request: HttpRequest | None = None) -> Publisher:
    """The publisher from settings. The site is SITE_URL, else the address ``request`` came to,
    else PUBLIC_BASE_URL."""
    site = settings.SITE_URL or (request.build_absolute_uri("/") if request else "")
    return Publisher(
        name=settings.CLAIMREVIEW_AUTHOR_NAME,
        url=settings.CLAIMREVIEW_AUTHOR_URL or site or settings.PUBLIC_BASE_URL,
        logo=settings.CLAIMREVIEW_AUTHOR_LOGO,
        verdict_url_template=settings.VERDICT_URL_TEMPLATE,
        site_url=(site or settings.PUBLIC_BASE_URL).rstrip("/"),
    )


def verdict_url(verdict: Verdict, publisher: Publisher) -> str:
    """The verdict's public page, ``{site}/factchecks/{claim id}-{slug}/`` (one per claim, so
    a correction keeps the address), unless VERDICT_URL_TEMPLATE says otherwise."""
    template = publisher.verdict_url_template or "{site}/factchecks/{claim_id}-{slug}/"
    return template.format(
        site=publisher.site_url,
        verdict_id=verdict.pk,
        claim_id=verdict.claim_id,
        slug=verdict.claim.slug,
    )


def claimreview(verdict: Verdict, publisher: Publisher) -> dict[str, Any]:
    """The ClaimReview of a published verdict. Needs ``verdict.claim.article`` loaded."""
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": verdict_url(verdict, publisher),
        "claimReviewed": verdict.claim_reviewed or verdict.claim.text,
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
        item["author"] = {"@type": claimant_type(claim), "name": claim.claimant}
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


# Words that make a claimant an organisation when the claim carries no claimant type.
ORGANISATION_WORDS = frozenset(
    """agency army association authority bank board bureau commission committee company council
    court department government inc institute ltd ministry nations office organisation
    organization party police unicef unhcr un""".split()
)


def claimant_type(claim: Claim) -> str:
    """``Organization`` or ``Person`` for ClaimReview: the claim's claimant type when it is known,
    else ``Organization`` when the name has an organisation word ("UN", "Ministry")."""
    stored = getattr(claim, "claimant_type", Claim.ClaimantType.UNKNOWN)
    if stored != Claim.ClaimantType.UNKNOWN and stored in CLAIMANT_TYPES:
        return CLAIMANT_TYPES[stored]
    words = {word.strip(".,'’()").casefold() for word in claim.claimant.split()}
    return "Organization" if words & ORGANISATION_WORDS else "Person"


def claimreview_warnings(verdict: Verdict, publisher: Publisher | None = None) -> list[str]:
    """What an editor should fix before the ClaimReview is fit for search engines and platforms."""
    publisher = publisher or publisher_from_settings()
    text = verdict.claim_reviewed or verdict.claim.text
    warnings = []
    if len(text) > CLAIM_REVIEWED_GUIDANCE:
        warnings.append(
            f"claimReviewed is {len(text)} characters; Google asks for at most "
            f"{CLAIM_REVIEWED_GUIDANCE}. Write a short wording of the claim in the verdict's "
            "“Claim reviewed” field."
        )
    article = verdict.claim.article
    if not (web_url(article.canonical_url) or web_url(article.url)):
        warnings.append("The claim's article has no URL, so the ClaimReview has no appearance.")
    if not verdict.claim.claimant:
        warnings.append("The claim has no claimant, so itemReviewed has no author.")
    if not publisher.name:
        warnings.append("CLAIMREVIEW_AUTHOR_NAME is empty, so the ClaimReview has no author.")
    return warnings
