"""schema.org ClaimReview in: other publishers' fact-checks read from JSON-LD. Pure.

Pages carry ClaimReview in ``<script type="application/ld+json">`` blocks as a single object, a
list, or inside ``@graph``; ``itemReviewed`` is a ``Claim`` (current) or a ``CreativeWork``
(legacy); ``author`` is a string or an object (or a list of them). All shapes read the same way.
"""

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.utils.dateparse import parse_date, parse_datetime

_SCRIPT = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
MAX_NESTING = 20


@dataclass(frozen=True)
class FoundFactCheck:
    url: str
    claim_text: str
    headline: str
    claimant: str
    publisher: str
    publisher_url: str
    rating_text: str
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    published_at: datetime | None
    claimreview: dict[str, Any]


def blocks(document: str) -> list[Any]:
    """JSON values of a page's JSON-LD scripts, or of a JSON document; unreadable ones skipped."""
    stripped = document.lstrip("\ufeff \t\r\n")
    sources = [stripped] if stripped[:1] in ("{", "[") else _SCRIPT.findall(document)
    found = []
    for source in sources:
        try:
            found.append(json.loads(source.strip().removeprefix("<!--").removesuffix("-->")))
        except ValueError:
            continue
    return found


def claimreviews(value: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Every ClaimReview object in a JSON-LD value: lists, @graph and nesting included."""
    if depth > MAX_NESTING:
        return []
    if isinstance(value, list):
        return [r for item in value for r in claimreviews(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    if "ClaimReview" in _types(value):
        return [value]
    nested = [value["@graph"]] if "@graph" in value else []
    nested += [v for k, v in value.items() if k != "@graph" and isinstance(v, dict | list)]
    return [r for item in nested for r in claimreviews(item, depth + 1)]


def read(document: str, page_url: str = "") -> list[FoundFactCheck]:
    """The fact-checks of a page or JSON document; one without a URL or claim is left out."""
    found = [parse(r, page_url) for b in blocks(document) for r in claimreviews(b)]
    return [f for f in found if f.url and f.claim_text]


def parse(review: dict[str, Any], page_url: str = "") -> FoundFactCheck:
    """One ClaimReview object, current or legacy shape."""
    item = _first(review.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    rating = _first(review.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    author = _first(review.get("author"))
    return FoundFactCheck(
        url=_text(review.get("url")) or page_url,
        claim_text=_text(review.get("claimReviewed")) or _text(item.get("name")),
        headline=_text(review.get("headline")) or _text(review.get("name")),
        claimant=_name(_first(item.get("author"))),
        publisher=_name(author) or _name(_first(review.get("publisher"))),
        publisher_url=_text(author.get("url")) if isinstance(author, dict) else "",
        rating_text=_text(rating.get("alternateName")) or _text(rating.get("name")),
        rating_value=_number(rating.get("ratingValue")),
        best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")),
        published_at=_date(review.get("datePublished")),
        claimreview=review,
    )


def _types(value: dict[str, Any]) -> set[str]:
    kind = value.get("@type", ())
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds}


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("@id") or ""
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _number(value: Any) -> float | None:
    try:
        number = float(_text(value).replace(",", "."))
    except ValueError:
        return None
    return number if number == number and abs(number) < 1e9 else None  # NaN and huge: None


def _date(value: Any) -> datetime | None:
    text = _text(value)
    try:
        moment = parse_datetime(text)
        if moment is None and (day := parse_date(text[:10])):
            moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # a publisher's naive time: read as UTC
    return moment
