"""The Big List of Naughty Strings (tests/fixtures/blns.json, see its PROVENANCE) and a few of
our own, sent through every input path of the API and the admin: no answer is a server error.
Every path gets every string sent; the test prints how many requests it sent and lists any that
failed."""

import json
import os
from collections.abc import Callable
from urllib.parse import quote

import pytest
from django.urls import reverse

from factcheck import review
from factcheck.models import Claim
from tests.api_fixtures import client_for, publish
from tests.conftest import FIXTURES
from tests.personas import make_claim, make_evidence

BLNS: list[str] = json.loads((FIXTURES / "blns.json").read_text(encoding="utf-8"))
OURS = [
    "\x00", "a\x00b", "¹", "⁰⁴⁵", "٣", "-0", "9" * 30, "1e309", "NaN", "-Infinity",
    "2026-11-01T00:00:00-17:00", "2026-11-01T00:00:00+18:30", "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00", "javascript:alert(1)", "http://[::1%25eth0]/", "http://%%30/",
    "http:127.0.0.1:8212/", "</script><script>alert(1)</script>", "x" * 100_000,
]  # fmt: skip
# The normal suite sends every tenth BLNS string (53 of 503, each through every path) and all of
# ours, to stay within a minute or two; BLNS_EVERY=1 sends all 503 through every path.
STRINGS = [*BLNS[:: int(os.environ.get("BLNS_EVERY", "10"))], *OURS]


class Recorder:
    """Sends requests with a test client that returns (does not raise) server errors."""

    def __init__(self, client) -> None:
        self.client, self.sent, self.errors = client, 0, []
        client.raise_request_exception = False

    def __call__(self, method: str, path: str, label: str, value: str, **kwargs) -> object:
        response = getattr(self.client, method)(path, **kwargs)
        self.sent += 1
        if response.status_code >= 500:
            self.errors.append((label, value[:60], response.status_code))
        return response


@pytest.fixture
def world(editor, senior_editor, second_senior_editor, settings):
    settings.API_THROTTLE_RATE = "10000000/minute"
    claim = make_claim()
    evidence = make_evidence(claim)
    published = publish(make_claim(), drafter=editor, approver=senior_editor)
    return {"claim": claim, "evidence": evidence, "published": published}


# Every filter of each list, all in one request (each is parsed, the errors collected), then
# the free-text ones alone, which reach the database whenever the string is taken.
READS = {
    "/api/v1/claims/": (
        "q", "status", "article", "article_url", "min_score", "claimant", "assignee",
        "has_number_conflict", "updated_since", "ordering", "page", "page_size",
    ),
    "/api/v1/verdicts/": (
        "status", "rating", "claim", "article_url", "updated_since", "publisher", "cursor",
        "page_size",
    ),
    "/api/v1/claimreviews/": ("publisher", "cursor", "updated_since", "page_size"),
    "/api/v1/articles/": ("status", "origin", "page", "page_size"),
    "/api/v1/webhooks/": ("page",),
}  # fmt: skip
FREE_TEXT = {
    "/api/v1/claims/": ("q", "claimant", "article_url"),
    "/api/v1/verdicts/": ("publisher", "article_url"),
    "/api/v1/claimreviews/": ("cursor",),
}


def test_naughty_strings_in_api_queries_paths_and_headers_never_cause_a_server_error(
    world, superuser
):
    send, anonymous = Recorder(client_for(superuser)), Recorder(client_for(None))
    for value in STRINGS:
        for path, params in READS.items():
            send("get", path, f"GET {path} all filters", value, data=dict.fromkeys(params, value))
        for path, params in FREE_TEXT.items():
            send(
                "get", path, f"GET {path} text filters", value,
                data=dict.fromkeys(params, value), HTTP_IF_NONE_MATCH=value,
            )  # fmt: skip
        send("get", "/api/v1/claims/", "Accept", value, HTTP_ACCEPT=value)
        anonymous(
            "get", f"/api/v1/claims/{quote(value, safe='')}/", "id and token", value,
            HTTP_AUTHORIZATION=f"Token {value}",
        )  # fmt: skip
    errors, sent = send.errors + anonymous.errors, send.sent + anonymous.sent
    print(f"naughty strings: {sent} API reads, {len(errors)} server errors")
    assert errors == []


def _writes(world: dict) -> dict[str, Callable[[str], tuple[str, dict]]]:
    claim, published = world["claim"], world["published"]

    def revision(pk: int) -> int:
        return Claim.objects.get(pk=pk).revision

    def draft_revision() -> int:
        draft = claim.verdicts.filter(status="draft").first()
        return draft.revision if draft else 0

    def correction(value: str) -> dict:
        current = published.claim.verdicts.get(status="published")
        return {"rating": "true", "summary": "S.", "correction_note": value,
                "revision": current.revision}  # fmt: skip

    c, p = f"/api/v1/claims/{claim.pk}", f"/api/v1/claims/{published.claim_id}"
    hook = {"url": "https://h.example/", "events": ["verdict.published"]}
    return {
        "articles.url": lambda v: ("/api/v1/articles/", {"url": v}),
        "articles.text+title": lambda v: ("/api/v1/articles/", {"text": v, "title": v}),
        "articles.html": lambda v: ("/api/v1/articles/", {"html": v}),
        "assign.*": lambda v: (f"{c}/assign/", {"assignee": v, "revision": v}),
        "dismiss.reason": lambda v: (
            f"{c}/dismiss/",
            {"reason": v, "revision": revision(claim.pk)},
        ),
        "sources.url": lambda v: (f"{c}/sources/", {"url": v}),
        "verdict.summary": lambda v: (
            f"{c}/verdict/",
            {"rating": "false", "summary": v, "revision": draft_revision()},
        ),
        "verdict.*": lambda v: (
            f"{c}/verdict/",
            {"rating": v, "summary": v, "cited_evidence": [v], "revision": v},
        ),
        "correct.correction_note": lambda v: (f"{p}/correct/", correction(v)),
        "webhooks.*": lambda v: ("/api/v1/webhooks/", {"url": v, "events": [v], "secret": v}),
        "webhooks.url": lambda v: ("/api/v1/webhooks/", {**hook, "url": v}),
        "webhooks.secret": lambda v: ("/api/v1/webhooks/", {**hook, "secret": v}),
    }


def _reset(world: dict, superuser, second_senior_editor) -> None:
    """Undo what a naughty write did, so the next string goes as deep."""
    claim = Claim.objects.get(pk=world["claim"].pk)
    if claim.status == Claim.Status.DISMISSED:
        review.claim_reopen(claim=claim, actor=superuser)
    pending = world["published"].claim.verdicts.filter(status="draft").first()
    if pending is not None:
        review.verdict_publish(verdict=pending, approver=second_senior_editor)


def test_naughty_strings_in_api_writes_never_cause_a_server_error(
    world, superuser, second_senior_editor
):
    send, writes = Recorder(client_for(superuser)), _writes(world)
    for value in STRINGS:
        for label, build in writes.items():
            path, body = build(value)
            send("post", path, label, value, data=body, format="json")
            _reset(world, superuser, second_senior_editor)
    print(f"naughty strings: {send.sent} API writes, {len(send.errors)} server errors")
    assert send.errors == []


ADMIN_STEPS = {
    "assign": lambda v, claim: {"assignee": v, "revision": claim.revision},
    "dismiss": lambda v, claim: {"reason": v, "revision": claim.revision},
    "note": lambda v, claim: {"text": v},
    "tags": lambda v, claim: {"tags": v, "revision": claim.revision},
    "add-source": lambda v, claim: {"url": v},
    "draft": lambda v, claim: {"rating": "false", "summary": v, "revision": _draft_rev(claim)},
    "cite": lambda v, claim: {"evidence": v, "cited": "1"},
    "publish": lambda v, claim: {"verdict": v, "revision": v},
    "anchor": lambda v, claim: {"revision": claim.revision, "anchor": v},
}


def _draft_rev(claim: Claim) -> int:
    draft = claim.verdicts.filter(status="draft").first()
    return draft.revision if draft else 0


def test_naughty_strings_in_admin_forms_and_filters_never_cause_a_server_error(
    client, world, superuser, plain_static
):
    client.force_login(superuser)
    send, pk = Recorder(client), world["claim"].pk
    changelist = reverse("admin:factcheck_claim_changelist")
    for value in STRINGS:
        for name, build in ADMIN_STEPS.items():
            claim = Claim.objects.get(pk=pk)
            step = "unassign" if name == "anchor" else name
            url = reverse("admin:factcheck_claim_step", args=[pk, step])
            send("post", url, f"admin {name}", value, data=build(value, claim))
            if Claim.objects.get(pk=pk).status == Claim.Status.DISMISSED:
                review.claim_reopen(claim=claim, actor=superuser)
        filters = dict.fromkeys(("q", "article", "status", "o", "p"), value)
        send("get", changelist, "admin claims filters", value, data=filters)
        send("get", f"/admin/factcheck/claim/{quote(value, safe='')}/change/", "admin id", value)
        for model in ("article", "source"):
            url = reverse(f"admin:factcheck_{model}_changelist")
            send("get", url, f"admin {model} search", value, data={"q": value})
    print(f"naughty strings: {send.sent} admin requests, {len(send.errors)} server errors")
    assert send.errors == []
