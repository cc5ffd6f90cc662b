"""API test helpers: token-authenticated clients per persona, and published verdicts in bulk."""

import itertools
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from factcheck import review
from factcheck.api.tokens import api_token_create
from factcheck.models import Claim, Verdict
from tests.personas import make_claim, make_evidence

_client_serial = itertools.count(1)


def client_for(user: User | None) -> APIClient:
    """An API client sending a new token of ``user``'s (no credentials for None)."""
    client = APIClient()
    if user is not None:
        name = f"test client {next(_client_serial)}"
        _token, key = api_token_create(user=user, name=name, actor=None)
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def api() -> Callable[[User | None], APIClient]:
    return client_for


def publish(claim: Claim, *, drafter: User, approver: User, rating: str = "false") -> Verdict:
    """Draft (citing new evidence) and publish a verdict on claim through the review module."""
    evidence = make_evidence(claim)
    draft = review.verdict_draft(
        claim=claim, actor=drafter, rating=rating, summary="Checked.", cited_evidence=[evidence]
    )
    return review.verdict_publish(verdict=draft, approver=approver)


@pytest.fixture
def make_published(editor, senior_editor) -> Callable[..., Verdict]:
    def make(claim: Claim | None = None, **fields: object) -> Verdict:
        rating = fields.pop("rating", "false")
        claim = claim or make_claim(**fields)
        return publish(claim, drafter=editor, approver=senior_editor, rating=rating)

    return make


def error_fields(body: dict) -> list[str | None]:
    """The fields an error body names, after checking it has the one error shape."""
    assert set(body) == {"status", "code", "detail", "errors"}, body
    assert all(set(error) == {"field", "reason"} for error in body["errors"]), body
    assert all(error["reason"] for error in body["errors"]), body
    return [error["field"] for error in body["errors"]]


def cache_queries() -> int:
    """Database queries an API request makes for the cache: with the database cache (no Redis)
    the token entry, then the throttle counter's read and its UPDATE; none with Redis."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    return 3 if isinstance(caches["default"], DatabaseCache) else 0
