"""Persona fixtures (one user per role) and small factories for articles, claims and verdicts."""

import functools
import itertools
from collections.abc import Callable

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User

from factcheck import review
from factcheck.models import Article, Claim, Evidence, Source, Verdict
from factcheck.sources import pipeline, ranking

PASSWORD = "correct-horse-battery-staple"
_serial = itertools.count(1)


def make_user(username: str, *groups: str, **extra: object) -> User:
    """A staff user in the given role groups (the roles come from the roles migration)."""
    user = User.objects.create(
        username=username, email=f"{username}@example.org", password=_hashed(), **extra
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@functools.cache
def _hashed() -> str:
    # Hashing is deliberately slow; every persona shares one hash of the same password.
    return make_password(PASSWORD)


@pytest.fixture
def editor(db) -> User:
    return make_user("edna", review.ROLE_EDITOR, is_staff=True)


@pytest.fixture
def second_editor(db) -> User:
    return make_user("eddie", review.ROLE_EDITOR, is_staff=True)


@pytest.fixture
def senior_editor(db) -> User:
    return make_user("sam", review.ROLE_SENIOR_EDITOR, is_staff=True)


@pytest.fixture
def second_senior_editor(db) -> User:
    return make_user("sasha", review.ROLE_SENIOR_EDITOR, is_staff=True)


@pytest.fixture
def api_client_user(db) -> User:
    return make_user("robot", review.ROLE_API_CLIENT)


@pytest.fixture
def outsider(db) -> User:
    """Staff with no role: can log in to the admin and do nothing else."""
    return make_user("olive", is_staff=True)


@pytest.fixture
def superuser(db) -> User:
    return make_user("root", is_staff=True, is_superuser=True)


def make_article(**fields: object) -> Article:
    n = next(_serial)
    body = fields.pop("body", f"Article {n}. The minister said 40% of schools closed in 2020.")
    defaults = {
        "title": f"Article {n}",
        "body": body,
        "origin": Article.Origin.TEXT,
        "status": Article.Status.EXTRACTED,
        "content_hash": f"hash-{n}",
        "publisher": "The Levant Ledger",
    }
    return Article.objects.create(**{**defaults, **fields})


def make_claim(article: Article | None = None, **fields: object) -> Claim:
    """A claim spanning a sentence of its article's body (the whole body unless told)."""
    article = article or make_article()
    text = fields.pop("text", None) or article.body
    start = article.body.find(text)
    start = max(start, 0)
    defaults = {"score": 0.8, "claimant": "The minister", "kind": Claim.Kind.STATISTIC}
    return Claim.objects.create(
        article=article, text=text, start=start, end=start + len(text), **{**defaults, **fields}
    )


def make_source(**fields: object) -> Source:
    n = next(_serial)
    defaults = {
        "url": f"https://stats.example.org/report-{n}",
        "domain": "stats.example.org",
        "title": f"Report {n}",
        "status": Source.Status.FETCHED,
        "text": "In 2020, 40% of schools were closed for at least a month.",
    }
    return Source.objects.create(**{**defaults, **fields})


def ranked_passages(claim_text: str, source_text: str) -> list[dict]:
    """The passages as the pipeline ranks and stores them, with the figures it compared."""
    bands = pipeline.number_bands()
    ranked = ranking.rank_passages(claim_text, source_text, top_k=3, tolerance=bands)
    return [pipeline.passage_json(passage) for passage in ranked]


def make_evidence(claim: Claim, **fields: object) -> Evidence:
    source = fields.pop("source", None) or make_source()
    defaults = {
        "provider": Evidence.Provider.WIKIPEDIA,
        "score": 0.7,
        "passages": [{"text": "In 2020, 40% of schools were closed.", "score": 0.9}],
        "suggested_stance": Evidence.Stance.SUPPORTS,
        "number_check": Evidence.NumberCheck.AGREES,
    }
    return Evidence.objects.create(claim=claim, source=source, **{**defaults, **fields})


@pytest.fixture
def article(db) -> Article:
    return make_article()


@pytest.fixture
def claim(article) -> Claim:
    return make_claim(article)


@pytest.fixture
def evidence(claim) -> Evidence:
    return make_evidence(claim)


@pytest.fixture
def draft(claim, evidence, editor) -> Verdict:
    """A complete draft by ``editor``, citing ``evidence``, ready for a senior editor."""
    review.claim_assign(claim=claim, assignee=editor, actor=editor)
    return review.verdict_draft(
        claim=claim, actor=editor, rating="true", summary="The figure matches.",
        cited_evidence=[evidence],
    )  # fmt: skip


@pytest.fixture
def published(draft, senior_editor) -> Verdict:
    return review.verdict_publish(verdict=draft, approver=senior_editor)


@pytest.fixture
def factories() -> dict[str, Callable[..., object]]:
    return {
        "article": make_article,
        "claim": make_claim,
        "source": make_source,
        "evidence": make_evidence,
    }


@pytest.fixture
def plain_static(settings):
    """Admin pages without `collectstatic`: production's manifest storage needs its manifest."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    return settings


@pytest.fixture
def role_groups(transactional_db) -> None:
    """The role groups and their permissions again, for a transactional test: another
    transactional test's flush may have emptied what the roles migration created. List it
    before the personas."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.management import create_contenttypes

    for config in apps.get_app_configs():
        create_contenttypes(config, verbosity=0)
        create_permissions(config, verbosity=0)
    roles = importlib.import_module("factcheck.migrations.0005_roles")
    factcheck = Permission.objects.filter(content_type__app_label="factcheck")
    for name, codenames in (
        (review.ROLE_EDITOR, roles.EDITOR),
        (review.ROLE_SENIOR_EDITOR, roles.SENIOR_EDITOR),
        (review.ROLE_API_CLIENT, roles.API_CLIENT),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(factcheck.filter(codename__in=codenames))
