"""Fact-checks from other publishers: import ClaimReview, store it once per URL, map its rating.

Every write is a named function with history: ``external_factcheck_store``,
``external_factchecks_import`` (a page or JSON document, fetched through the safe fetcher, or a
local file), ``external_factchecks_from_factcheck_tools``, ``external_factchecks_remap`` and the
editable mappings' ``rating_mapping_save`` / ``rating_mapping_delete``.
Imported fact-checks are kept apart from our verdicts (``ExternalFactCheck``), never shown as ours.
"""

from pathlib import Path
from typing import Any

from django.db import transaction

from factcheck import http
from factcheck.claimreview import incoming, ratings
from factcheck.http import netsafety
from factcheck.models import ExternalFactCheck, RatingMapping

IMPORT_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "application/json", "application/ld+json", "text/plain"}
)
IMPORT_MAX_BYTES = 5 * 1024 * 1024


class ImportFailure(Exception):
    """Nothing could be read from a location; the message says why."""


def mappings() -> dict[tuple[str, str], str]:
    """The editable rating mappings, keyed as ratings.place expects."""
    return {
        (ratings.key(m.publisher), ratings.key(m.alternate_name)): m.rating
        for m in RatingMapping.objects.all()
    }


def _placed(found: incoming.FoundFactCheck, known: dict) -> ratings.Placed:
    return ratings.place(
        publisher=found.publisher,
        text=found.rating_text,
        value=found.rating_value,
        best=found.best_rating,
        worst=found.worst_rating,
        mappings=known,
    )


@transaction.atomic
def external_factcheck_store(
    *,
    found: incoming.FoundFactCheck,
    origin: str = ExternalFactCheck.Origin.IMPORT,
    known_mappings: dict | None = None,
) -> ExternalFactCheck:
    """Store one fact-check, or update the one already stored under its (normalised) URL."""
    url = netsafety.normalise_url(found.url)
    placed = _placed(found, mappings() if known_mappings is None else known_mappings)
    fields: dict[str, Any] = {
        "claim_text": found.claim_text[:5000],
        "headline": found.headline[:1000],
        "claimant": found.claimant[:300],
        "publisher": found.publisher[:300],
        "publisher_url": found.publisher_url[:2000] if _web(found.publisher_url) else "",
        "rating_text": found.rating_text[:300],
        "rating_value": found.rating_value,
        "best_rating": found.best_rating,
        "worst_rating": found.worst_rating,
        "rating": placed.rating,
        "rating_unmapped": placed.unmapped,
        "published_at": found.published_at,
        "origin": origin,
        "claimreview": found.claimreview,
    }
    existing = ExternalFactCheck.objects.select_for_update().filter(url=url).first()
    if existing is None:
        return ExternalFactCheck.objects.create(url=url, **fields)
    for name, value in fields.items():
        setattr(existing, name, value)
    existing.save()
    return existing


def _web(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def external_factchecks_store_document(
    *, document: str, page_url: str = "", origin: str = ExternalFactCheck.Origin.IMPORT
) -> list[ExternalFactCheck]:
    """Store every ClaimReview of a page or JSON document (only those with a web URL)."""
    known = mappings()
    stored = []
    for found in incoming.read(document, page_url):
        try:
            stored.append(
                external_factcheck_store(found=found, origin=origin, known_mappings=known)
            )
        except netsafety.RefusedURL:
            continue
    return stored


def external_factchecks_import(*, location: str) -> list[ExternalFactCheck]:
    """Import from an http(s) URL (via the safe fetcher) or a local file. Raises ImportFailure."""
    if location.startswith(("http://", "https://")):
        return external_factchecks_store_document(document=_fetched(location), page_url=location)
    path = Path(location)
    if not path.is_file():
        raise ImportFailure(f"{location}: neither an http(s) URL nor a readable file.")
    document = path.read_bytes()[:IMPORT_MAX_BYTES].decode("utf-8", errors="replace")
    return external_factchecks_store_document(document=document)


def _fetched(url: str) -> str:
    policy = http.configured_policy(allowed_types=IMPORT_TYPES, max_bytes=IMPORT_MAX_BYTES)
    try:
        return http.fetch(url, policy=policy).text
    except http.FetchError as exc:
        raise ImportFailure(f"{url}: {exc.reason}") from exc


def external_factchecks_from_factcheck_tools(data: dict[str, Any]) -> list[ExternalFactCheck]:
    """Store the ClaimReviews of one Google Fact Check Tools ``claims:search`` answer."""
    known = mappings()
    stored = []
    for item in data.get("claims") or []:
        if not isinstance(item, dict):
            continue
        for review in item.get("claimReview") or []:
            found = _from_factcheck_tools(item, review)
            if found is None:
                continue
            try:
                stored.append(
                    external_factcheck_store(
                        found=found,
                        origin=ExternalFactCheck.Origin.FACTCHECK_TOOLS,
                        known_mappings=known,
                    )
                )
            except netsafety.RefusedURL:
                continue
    return stored


def _from_factcheck_tools(item: dict, review: Any) -> incoming.FoundFactCheck | None:
    if not isinstance(review, dict) or not review.get("url") or not item.get("text"):
        return None
    publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
    site = str(publisher.get("site") or "")
    return incoming.FoundFactCheck(
        url=str(review["url"]),
        claim_text=str(item["text"]),
        headline=str(review.get("title") or ""),
        claimant=str(item.get("claimant") or ""),
        publisher=str(publisher.get("name") or site),
        publisher_url=f"https://{site}" if site and "/" not in site else "",
        rating_text=str(review.get("textualRating") or ""),
        rating_value=None,
        best_rating=None,
        worst_rating=None,
        published_at=incoming.parse({"datePublished": review.get("reviewDate")}).published_at,
        claimreview={"provider": "Google Fact Check Tools", "claim": item, "claimReview": review},
    )


@transaction.atomic
def external_factchecks_remap() -> int:
    """Place every stored rating again after the mappings changed; returns how many changed."""
    known, changed = mappings(), 0
    for external in ExternalFactCheck.objects.select_for_update():
        placed = ratings.place(
            publisher=external.publisher,
            text=external.rating_text,
            value=external.rating_value,
            best=external.best_rating,
            worst=external.worst_rating,
            mappings=known,
        )
        if (placed.rating, placed.unmapped) != (external.rating, external.rating_unmapped):
            external.rating, external.rating_unmapped = placed.rating, placed.unmapped
            external.save(update_fields=["rating", "rating_unmapped", "updated_at"])
            changed += 1
    return changed


@transaction.atomic
def rating_mapping_save(*, mapping: RatingMapping) -> RatingMapping:
    """Save an edited mapping (publisher and text kept as typed) and place stored ratings again."""
    mapping.publisher = mapping.publisher.strip()
    mapping.alternate_name = mapping.alternate_name.strip()
    mapping.save()
    external_factchecks_remap()
    return mapping


@transaction.atomic
def rating_mapping_delete(*, mapping: RatingMapping) -> None:
    """Delete a mapping and place stored ratings again (some may become unmapped)."""
    mapping.delete()
    external_factchecks_remap()
