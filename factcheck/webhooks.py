"""Signed webhook notifications: subscriptions, the signature, and one delivery attempt.

An event (``verdict.published``, ``verdict.corrected``, ``article.failed``) becomes one
``WebhookDelivery`` row per subscribed, active subscription, and a ``tasks.webhook_deliver`` job
after commit. Each attempt POSTs the JSON body with::

    X-Workbench-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>

Receivers recompute the HMAC and refuse timestamps older than a few minutes (replays). Target URLs
pass the source fetcher's network-safety checks when subscribed and again on every connection.
"""

import hashlib
import hmac
import json
import logging
import secrets
import socket
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from factcheck import claimreview, http, outputs, queue
from factcheck.errors import EditConflict, TransientFailure
from factcheck.http import backoff, netsafety
from factcheck.models import Article, Verdict, WebhookDelivery, WebhookSubscription

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Workbench-Signature"
EVENT_HEADER = "X-Workbench-Event"
DELIVERY_HEADER = "X-Workbench-Delivery"
SIGNATURE_TOLERANCE = 300  # seconds a receiver should accept a timestamp for
Event = WebhookSubscription.Event


# --- Subscriptions ---------------------------------------------------------------------------


def check_target_url(url: str) -> str:
    """The normalised URL if it is http(s) to a public address; else ValidationError on ``url``."""
    try:
        address = netsafety.parse_url(url)
        netsafety.checked_addresses(
            address,
            allow_private=settings.FETCH_ALLOW_PRIVATE_NETWORKS,
            resolver=netsafety.system_resolver,
        )
    except netsafety.RefusedURL as exc:
        raise ValidationError({"url": exc.reason}) from exc
    except (socket.gaierror, OSError) as exc:
        raise ValidationError({"url": f"The site name {address.host} does not resolve."}) from exc
    return netsafety.normalise_url(url)


@transaction.atomic
def subscription_create(
    *, owner: Any, url: str, events: list[str], secret: str = "", active: bool = True
) -> WebhookSubscription:
    """Subscribe url to events. A secret is generated when none is given."""
    return WebhookSubscription.objects.create(
        owner=owner,
        active=active,
        url=check_target_url(url),
        events=_checked_events(events),
        secret=_checked_secret(secret) if secret else secrets.token_hex(32),
    )


@transaction.atomic
def subscription_update(
    *, subscription: WebhookSubscription, revision: int, **changes: Any
) -> WebhookSubscription:
    """Change url, events, active or secret; a new url passes the same checks as on creation.

    ``revision`` is the one the caller read: a stale one raises EditConflict, nothing changes.
    """
    subscription = WebhookSubscription.objects.select_for_update().get(pk=subscription.pk)
    if revision != subscription.revision:
        raise EditConflict("Someone else changed this subscription; read it again.")
    subscription.revision += 1
    if "url" in changes:
        changes["url"] = check_target_url(changes["url"])
    if "events" in changes:
        changes["events"] = _checked_events(changes["events"])
    if "secret" in changes:
        changes["secret"] = _checked_secret(changes["secret"])
    for name, value in changes.items():
        setattr(subscription, name, value)
    subscription.save(update_fields=[*changes, "revision", "updated_at"])
    return subscription


@transaction.atomic
def subscription_delete(*, subscription: WebhookSubscription) -> None:
    """Remove a subscription and its delivery log; queued attempts find no row and stop."""
    subscription.delete()


def _checked_secret(secret: str) -> str:
    """The secret as given: one with surrounding whitespace is refused, never trimmed, since a
    receiver keeping the whitespace would then find every signature wrong."""
    if secret != secret.strip():
        raise ValidationError({"secret": "The secret starts or ends with whitespace; remove it."})
    return secret


def _checked_events(events: list[str]) -> list[str]:
    unknown = sorted(set(events) - set(Event.values))
    if unknown or not events:
        raise ValidationError({"events": f"Choose from {', '.join(Event.values)}."})
    return sorted(set(events))


# --- Signing -----------------------------------------------------------------------------------


def sign(*, secret: str, timestamp: int, body: bytes) -> str:
    """The X-Workbench-Signature header value for body sent at timestamp."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify(*, secret: str, header: str, body: bytes, now: int) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    if not parts.get("t", "").isdigit() or "v1" not in parts:
        return False
    timestamp = int(parts["t"])
    expected = sign(secret=secret, timestamp=timestamp, body=body).rsplit("v1=", 1)[1]
    recent = abs(now - timestamp) <= SIGNATURE_TOLERANCE
    return recent and hmac.compare_digest(expected, parts["v1"])


# --- Events ------------------------------------------------------------------------------------


def event_publish(*, event: str, data: dict[str, Any]) -> list[WebhookDelivery]:
    """Record one delivery per active subscription to event; workers send them after commit."""
    subscriptions = [
        subscription
        for subscription in WebhookSubscription.objects.filter(active=True)
        if event in subscription.events
    ]
    payload = {"event": event, "data": data}
    with transaction.atomic():
        deliveries = WebhookDelivery.objects.bulk_create(
            WebhookDelivery(subscription=subscription, event=event, payload=payload)
            for subscription in subscriptions
        )
        for delivery in deliveries:
            queue.webhook_deliver_enqueue(delivery.pk)
    return deliveries


def verdict_published(verdict: Verdict) -> None:
    """``verdict.published`` for every publish, then ``verdict.corrected`` when it corrects an
    earlier version. Called by ``review.verdict_publish`` once its transaction has committed."""
    data = verdict_data(verdict.pk)
    event_publish(event=Event.VERDICT_PUBLISHED, data=data)
    if verdict.corrects_id:
        event_publish(event=Event.VERDICT_CORRECTED, data=data)


def article_failed(article_id: int) -> None:
    """``article.failed``. Called by ``ingest.article_fail`` inside the transaction that fails
    the article, so the failure is never stored without its deliveries (or the reverse)."""
    article = Article.objects.only("url", "failure_reason", "updated_at").get(pk=article_id)
    data = {
        "article": {
            "id": article.pk,
            "url": article.url,
            "failure_reason": article.failure_reason,
            "failed_at": article.updated_at.isoformat(),
        }
    }
    event_publish(event=Event.ARTICLE_FAILED, data=data)


def verdict_data(verdict_id: int) -> dict[str, Any]:
    verdict = Verdict.objects.select_related("claim__article").get(pk=verdict_id)
    publisher = claimreview.publisher_from_settings()
    return {
        "verdict": {
            **outputs.written(outputs.WEBHOOK_VERDICT, verdict),
            "url": claimreview.verdict_url(verdict, publisher),
        },
        "claimreview": claimreview.claimreview(verdict, publisher),
    }


# --- Delivery ----------------------------------------------------------------------------------


def delivery_body(delivery: WebhookDelivery) -> bytes:
    """The exact bytes sent (and signed): the same for every attempt of one delivery."""
    document = {
        "id": delivery.pk,
        "event": delivery.event,
        "created_at": delivery.created_at.isoformat(),
        "data": delivery.payload.get("data", {}),
    }
    text = json.dumps(document, sort_keys=True, separators=(",", ":"))
    return claimreview.html_safe_json(text).encode()  # its ClaimReview safe to embed as is


def delivery_policy() -> http.FetchPolicy:
    """Receivers answer within WEBHOOK_TIMEOUT; the address checks are the fetchers'."""
    return http.configured_policy(
        read_timeout=settings.WEBHOOK_TIMEOUT, total_timeout=settings.WEBHOOK_TIMEOUT
    )


def delivery_attempt(*, delivery_id: int, final_attempt: bool) -> WebhookDelivery | None:
    """POST one pending delivery and log the outcome on its row. No lock is held over the POST.

    Raises TransientFailure (the row stays pending) when it may succeed later and this
    is not the final attempt.
    """
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return delivery
    # Counted on the row: a delivery queued again by the reconciler starts Celery's count afresh.
    final_attempt = final_attempt or delivery.attempts + 1 >= settings.WEBHOOK_MAX_ATTEMPTS
    body = delivery_body(delivery)
    try:
        result = http.post(
            delivery.subscription.url,
            body=body,
            headers=_headers(delivery, body),
            policy=delivery_policy(),
        )
    except http.FetchError as exc:
        return _record(delivery, None, exc.reason, exc.transient and not final_attempt)
    if 200 <= result.status < 300:
        return _record(delivery, result.status, "", False)
    reason = f"The receiver answered {result.status}: {result.body[:200].decode(errors='replace')}"
    retry = (result.status >= 500 or result.status == 429) and not final_attempt
    return _record(delivery, result.status, reason, retry)


def _headers(delivery: WebhookDelivery, body: bytes) -> dict[str, str]:
    timestamp = int(timezone.now().timestamp())
    return {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(secret=delivery.subscription.secret, timestamp=timestamp, body=body),
        EVENT_HEADER: delivery.event,
        DELIVERY_HEADER: str(delivery.pk),
    }


def _record(
    delivery: WebhookDelivery, status: int | None, error: str, retry: bool
) -> WebhookDelivery:
    now = timezone.now()
    if not error:
        outcome, delivered_at = WebhookDelivery.Status.DELIVERED, now
    else:
        outcome = WebhookDelivery.Status.PENDING if retry else WebhookDelivery.Status.FAILED
        delivered_at = None
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=outcome, attempts=F("attempts") + 1, response_status=status, error=error[:2000],
        last_attempt_at=now, delivered_at=delivered_at, updated_at=now,
    )  # fmt: skip
    logger.info("Webhook delivery %s (%s): %s %s", delivery.pk, delivery.event, outcome, status)
    if retry:
        raise TransientFailure(error)
    delivery.refresh_from_db()
    return delivery


def retry_delay(retries: int) -> float:
    """Exponential backoff with jitter: up to WEBHOOK_RETRY_BACKOFF × 2^retries, capped."""
    return backoff.retry_delay(
        retries, base=settings.WEBHOOK_RETRY_BACKOFF, cap=settings.WEBHOOK_RETRY_BACKOFF_MAX
    )
