"""Webhooks: subscriptions (who, which URLs), signatures, real deliveries to a local receiver."""

import json
import threading

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from werkzeug import Request, Response

from factcheck import errors, ingest, review, webhooks
from factcheck.models import WebhookDelivery, WebhookSubscription
from tests.api_fixtures import error_fields
from tests.conftest import wait_for
from tests.personas import make_article, make_claim, make_evidence

SECRET = "a-shared-secret-of-some-length"


class Receiver:
    """Records what a webhook receiver got; answers with the statuses it is given, then 200."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.statuses = list(statuses or [])
        self.received: list[dict] = []
        self.lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        with self.lock:
            body = request.get_data()
            self.received.append({"headers": dict(request.headers), "body": body})
            status = self.statuses.pop(0) if self.statuses else 200
        return Response("ok" if status == 200 else "down", status=status)


def verified(record: dict, secret: str = SECRET) -> bool:
    header = record["headers"]["X-Workbench-Signature"]
    now = int(timezone.now().timestamp())
    return webhooks.verify(secret=secret, header=header, body=record["body"], now=now)


def subscribe(owner: User, url: str, events: list[str] | None = None) -> WebhookSubscription:
    return WebhookSubscription.objects.create(
        owner=owner, url=url, secret=SECRET, events=events or list(webhooks.Event.values)
    )


# --- Signing -----------------------------------------------------------------------------------


def test_a_signature_verifies_only_with_the_same_secret_body_and_a_recent_time():
    body = b'{"event":"verdict.published"}'
    now = int(timezone.now().timestamp())
    header = webhooks.sign(secret=SECRET, timestamp=now, body=body)
    assert header.startswith(f"t={now},v1=")
    assert webhooks.verify(secret=SECRET, header=header, body=body, now=now)
    assert not webhooks.verify(secret="other-secret", header=header, body=body, now=now)
    assert not webhooks.verify(secret=SECRET, header=header, body=body + b" ", now=now)
    assert not webhooks.verify(secret=SECRET, header=header, body=body, now=now + 301)
    assert not webhooks.verify(secret=SECRET, header="v1=abc", body=body, now=now)


# --- Subscriptions API -------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_senior_editor_subscribes_and_sees_the_secret_once(api, senior_editor):
    response = api(senior_editor).post(
        "/api/v1/webhooks/",
        {"url": "https://93.184.215.14/hook", "events": ["verdict.published"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["secret"]) == 64
    assert body["events"] == ["verdict.published"]
    listed = api(senior_editor).get("/api/v1/webhooks/").json()["results"]
    assert "secret" not in listed[0]
    assert WebhookSubscription.objects.get().owner == senior_editor


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["editor", "api_client_user", "outsider"])
def test_other_roles_cannot_manage_webhooks(api, request, persona):
    user = request.getfixturevalue(persona)
    response = api(user).post(
        "/api/v1/webhooks/", {"url": "https://93.184.215.14/", "events": ["article.failed"]}
    )
    assert response.status_code == 403
    assert api(user).get("/api/v1/webhooks/").status_code == 403
    assert not WebhookSubscription.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://10.0.0.5/hook",
        "ftp://93.184.215.14/hook",
        "http://user:pass@93.184.215.14/",
        "http://0x7f000001/",
    ],
)
def test_it_refuses_targets_the_fetcher_would_refuse(api, senior_editor, settings, url):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False
    response = api(senior_editor).post(
        "/api/v1/webhooks/", {"url": url, "events": ["verdict.published"]}, format="json"
    )
    assert response.status_code == 400
    assert error_fields(response.json()) == ["url"]
    assert not WebhookSubscription.objects.exists()


@pytest.mark.django_db
def test_it_refuses_unknown_events(api, senior_editor):
    response = api(senior_editor).post(
        "/api/v1/webhooks/", {"url": "https://93.184.215.14/", "events": ["verdict.eaten"]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert error_fields(response.json()) == ["events.0"]


@pytest.mark.django_db
def test_changing_the_url_is_checked_again(api, senior_editor, settings):
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False
    subscription = subscribe(senior_editor, "https://93.184.215.14/")
    response = api(senior_editor).patch(
        f"/api/v1/webhooks/{subscription.pk}/", {"url": "http://127.0.0.1/", "revision": 0},
        format="json",
    )  # fmt: skip
    assert error_fields(response.json()) == ["url"]
    response = api(senior_editor).patch(
        f"/api/v1/webhooks/{subscription.pk}/", {"active": False, "revision": 0}, format="json"
    )
    assert response.json()["active"] is False
    assert response.json()["revision"] == 1
    assert api(senior_editor).delete(f"/api/v1/webhooks/{subscription.pk}/").status_code == 204
    assert not WebhookSubscription.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_change_without_the_revision_it_read(api, senior_editor):
    subscription = subscribe(senior_editor, "https://93.184.215.14/")
    url = f"/api/v1/webhooks/{subscription.pk}/"
    response = api(senior_editor).patch(url, {"active": False}, format="json")
    assert response.status_code == 400
    assert error_fields(response.json()) == ["revision"]
    assert (
        api(senior_editor).patch(url, {"active": False, "revision": 0}, format="json").status_code
        == 200
    )
    stale = api(senior_editor).patch(url, {"active": True, "revision": 0}, format="json")
    assert stale.status_code == 409
    subscription.refresh_from_db()
    assert (subscription.active, subscription.revision) == (False, 1)


# --- Deliveries in this process ------------------------------------------------------------


@pytest.mark.django_db
def test_a_delivery_is_signed_and_logged(httpserver_ipv4, allow_loopback, senior_editor, api):
    receiver = Receiver()
    httpserver_ipv4.expect_request("/hook", method="POST").respond_with_handler(receiver)
    subscription = subscribe(senior_editor, httpserver_ipv4.url_for("/hook"))
    (delivery,) = webhooks.event_publish(event="article.failed", data={"article": {"id": 1}})
    webhooks.delivery_attempt(delivery_id=delivery.pk, final_attempt=True)
    (record,) = receiver.received
    assert verified(record)
    assert record["headers"]["X-Workbench-Event"] == "article.failed"
    assert json.loads(record["body"])["data"] == {"article": {"id": 1}}
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status, delivery.attempts) == ("delivered", 200, 1)
    log = api(senior_editor).get(f"/api/v1/webhooks/{subscription.pk}/deliveries/").json()
    assert log["results"][0]["status"] == "delivered"


@pytest.mark.django_db
def test_a_delivery_connects_only_to_a_public_address(httpserver_ipv4, settings, senior_editor):
    receiver = Receiver()
    httpserver_ipv4.expect_request("/hook", method="POST").respond_with_handler(receiver)
    subscription = subscribe(senior_editor, httpserver_ipv4.url_for("/hook"))
    settings.FETCH_ALLOW_PRIVATE_NETWORKS = False  # e.g. the name now resolves to loopback
    (delivery,) = webhooks.event_publish(event="article.failed", data={})
    webhooks.delivery_attempt(delivery_id=delivery.pk, final_attempt=False)
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert "loopback" in delivery.error
    assert receiver.received == []
    assert subscription.deliveries.count() == 1


@pytest.mark.django_db
def test_a_4xx_answer_fails_without_retry(httpserver_ipv4, allow_loopback, senior_editor):
    httpserver_ipv4.expect_request("/hook").respond_with_handler(Receiver([410]))
    subscribe(senior_editor, httpserver_ipv4.url_for("/hook"))
    (delivery,) = webhooks.event_publish(event="article.failed", data={})
    webhooks.delivery_attempt(delivery_id=delivery.pk, final_attempt=False)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status) == ("failed", 410)


@pytest.mark.django_db
def test_a_5xx_answer_is_retried(httpserver_ipv4, allow_loopback, senior_editor):
    httpserver_ipv4.expect_request("/hook").respond_with_handler(Receiver([503]))
    subscribe(senior_editor, httpserver_ipv4.url_for("/hook"))
    (delivery,) = webhooks.event_publish(event="article.failed", data={})
    with pytest.raises(errors.TransientFailure):
        webhooks.delivery_attempt(delivery_id=delivery.pk, final_attempt=False)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status, delivery.attempts) == ("pending", 503, 1)


@pytest.mark.django_db
def test_only_subscribed_active_subscriptions_get_an_event(senior_editor):
    wanted = subscribe(senior_editor, "https://93.184.215.14/a", ["article.failed"])
    subscribe(senior_editor, "https://93.184.215.14/b", ["verdict.published"])
    inactive = subscribe(senior_editor, "https://93.184.215.14/c", ["article.failed"])
    inactive.active = False
    inactive.save()
    deliveries = webhooks.event_publish(event="article.failed", data={})
    assert [delivery.subscription_id for delivery in deliveries] == [wanted.pk]


@pytest.mark.django_db
def test_a_failed_article_raises_the_article_failed_event(
    senior_editor, django_capture_on_commit_callbacks
):
    subscribe(senior_editor, "https://93.184.215.14/a", ["article.failed"])
    article = make_article(url="https://news.example.org/gone", content_hash="", status="fetching")
    with django_capture_on_commit_callbacks() as jobs:  # captured: this test has no worker
        ingest.article_fail(article_id=article.pk, reason="The page is gone (404).")
    assert len(jobs) == 1  # the delivery's send, after the commit that stored it
    delivery = WebhookDelivery.objects.get()
    assert delivery.event == "article.failed"
    assert delivery.payload["data"]["article"]["failure_reason"] == "The page is gone (404)."


# --- End to end: a real worker process ------------------------------------------------------


def _publish(drafter: User, approver: User):
    claim = make_claim()
    evidence = make_evidence(claim)
    draft = review.verdict_draft(
        claim=claim, actor=drafter, rating="false", summary="No.", cited_evidence=[evidence]
    )
    return review.verdict_publish(verdict=draft, approver=approver)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_delivers_a_signed_publication_and_retries_after_a_500(
    celery_worker, httpserver_ipv4, allow_loopback
):
    receiver = Receiver([500])
    httpserver_ipv4.expect_request("/hook", method="POST").respond_with_handler(receiver)
    # Superusers hold every permission, so the test needs no role groups.
    drafter = User.objects.create(username="drafter", is_superuser=True)
    approver = User.objects.create(username="approver", is_superuser=True)
    subscribe(approver, httpserver_ipv4.url_for("/hook"), ["verdict.published"])
    verdict = _publish(drafter, approver)
    delivery = wait_for(
        lambda: WebhookDelivery.objects.filter(status="delivered").first(), timeout=60
    )
    assert delivery.attempts == 2
    assert delivery.response_status == 200
    assert len(receiver.received) == 2
    assert all(verified(record) for record in receiver.received)
    assert receiver.received[0]["body"] == receiver.received[1]["body"]
    payload = json.loads(receiver.received[1]["body"])
    assert payload["event"] == "verdict.published"
    assert payload["data"]["verdict"]["id"] == verdict.pk
    assert payload["data"]["claimreview"]["@type"] == "ClaimReview"


def test_delivery_retries_back_off_with_jitter_up_to_the_cap(settings):
    settings.WEBHOOK_RETRY_BACKOFF, settings.WEBHOOK_RETRY_BACKOFF_MAX = 2.0, 600.0
    third = [webhooks.retry_delay(2) for _ in range(200)]
    assert all(4.0 <= delay <= 8.0 for delay in third)
    assert len(set(third)) > 100
    assert all(webhooks.retry_delay(20) <= 600.0 for _ in range(50))


@pytest.mark.django_db
def test_a_verdict_event_carries_the_verdict_as_receivers_read_it(published, senior_editor):
    correction = review.verdict_correct(
        verdict=published, actor=senior_editor, rating="mostly_true", summary="Revised.",
        correction_note="A newer survey.",
    )  # fmt: skip
    data = webhooks.verdict_data(correction.pk)

    verdict = data["verdict"]
    assert list(verdict) == [
        "id", "claim", "version", "rating", "summary", "published_at", "corrects",
        "correction_note", "url",
    ]  # fmt: skip
    assert (verdict["id"], verdict["claim"], verdict["corrects"]) == (
        correction.pk, published.claim_id, published.pk,
    )  # fmt: skip
    assert (verdict["version"], verdict["rating"], verdict["published_at"]) == (
        2,
        "mostly_true",
        None,
    )
    assert verdict["url"] == data["claimreview"]["url"]
    published_at = webhooks.verdict_data(published.pk)["verdict"]["published_at"]
    assert published_at == published.published_at.isoformat()  # "+00:00", as Python writes it
