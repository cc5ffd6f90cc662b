"""Settings come from the environment and are loud about bad values."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.conftest import ROOT
from workbench import settings as workbench_settings


@pytest.mark.parametrize("raw", ["maybe", "2", "yes please"])
def test_a_malformed_boolean_is_refused_with_its_name(monkeypatch, raw):
    monkeypatch.setenv("DEBUG", raw)
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        workbench_settings.env_bool("DEBUG")


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("0", False), ("On", True)])
def test_booleans_are_read(monkeypatch, raw, expected):
    monkeypatch.setenv("SOME_FLAG", raw)
    assert workbench_settings.env_bool("SOME_FLAG") is expected


def test_a_malformed_number_is_refused(monkeypatch):
    monkeypatch.setenv("FETCH_READ_TIMEOUT", "ten")
    with pytest.raises(ImproperlyConfigured, match="FETCH_READ_TIMEOUT"):
        workbench_settings.env_number("FETCH_READ_TIMEOUT", 10.0)


def test_a_negative_number_is_refused(monkeypatch):
    monkeypatch.setenv("FETCH_READ_TIMEOUT", "-1")
    with pytest.raises(ImproperlyConfigured, match="at least"):
        workbench_settings.env_number("FETCH_READ_TIMEOUT", 10.0)


def settings_in_a_fresh_process(**env: str) -> str:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DEBUG, s.SESSION_COOKIE_SECURE, s.FETCH_ALLOW_PRIVATE_NETWORKS, "
        "s.CELERY_BROKER_URL, s.DATABASES['default']['ENGINE']]))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "workbench.settings", **env},
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() or result.stderr


def test_production_defaults_are_safe_and_need_no_services():
    out = settings_in_a_fresh_process()
    assert out == '[false, true, false, "embedded://", "django.db.backends.sqlite3"]'


def test_redis_and_postgres_come_from_the_environment():
    out = settings_in_a_fresh_process(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/x", REDIS_URL="redis://127.0.0.1:6379/1"
    )
    assert '"redis://127.0.0.1:6379/1"' in out
    assert "postgresql" in out


def test_a_bad_database_url_stops_start_up_with_a_clear_error():
    out = settings_in_a_fresh_process(DATABASE_URL="nonsense://what")
    assert "DATABASE_URL" in out


def test_the_redis_cache_keeps_one_client_per_pool():
    from django.core.cache import caches

    from workbench.cache import RedisCache

    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        pytest.skip("runs with REDIS_URL set (as .ci/run sets it)")
    backend.set("workbench-cache-test", {"n": 1}, 10)
    assert backend.get("workbench-cache-test") == {"n": 1}
    assert backend._cache.get_client() is backend._cache.get_client("any")


@pytest.mark.django_db
def test_the_database_cache_keeps_live_entries_past_djangos_300():
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    backend = caches["default"]
    if not isinstance(backend, DatabaseCache):
        pytest.skip("runs without REDIS_URL (the embedded default)")
    slots = {f"slot-{n}": n for n in range(400)}
    for key, value in slots.items():
        assert backend.add(key, value, 60)
    assert backend.get_many(list(slots)) == slots
    assert not backend.add("slot-0", "again", 60)


def test_the_redis_cache_increments_only_existing_keys_and_keeps_their_expiry():
    from django.core.cache import caches

    from workbench.cache import RedisCache

    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        pytest.skip("runs with REDIS_URL set (as .ci/run sets it)")
    backend.delete("workbench-counter")
    with pytest.raises(ValueError, match="not found"):
        backend.incr("workbench-counter")
    assert backend.get("workbench-counter") is None
    backend.add("workbench-counter", 1, 30)
    assert backend.incr("workbench-counter") == 2
    assert backend.incr("workbench-counter", 5) == 7
    key = backend.make_key("workbench-counter")
    assert 0 < backend._cache.get_client().ttl(key) <= 30
