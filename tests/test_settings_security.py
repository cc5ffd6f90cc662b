"""Security settings: no start without a secret key in production; proxies, HSTS and CSP."""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

SERVICES = {"DEBUG", "DATABASE_URL", "REDIS_URL", "SECRET_KEY"}


def start(expression: str, **env: str) -> tuple[int, str]:
    """Load the settings in a fresh process with env; print expression as JSON (or the error)."""
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({expression}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in SERVICES}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "workbench.settings", **env},
        capture_output=True,
        text=True,
    )
    return result.returncode, result.stdout.strip() or result.stderr


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    code, out = start("s.SECRET_KEY")
    assert code != 0
    assert "ImproperlyConfigured" in out
    assert "SECRET_KEY is not set" in out
    code, out = start("s.SECRET_KEY", DEBUG="false", SECRET_KEY="")
    assert code != 0
    assert "SECRET_KEY" in out


def test_it_uses_the_key_it_is_given():
    assert start("s.SECRET_KEY", SECRET_KEY="a-long-random-production-key") == (
        0,
        json.dumps("a-long-random-production-key"),
    )


def test_a_local_debug_run_may_use_the_development_key():
    code, out = start("s.SECRET_KEY.startswith('dev-insecure')", DEBUG="true")
    assert (code, out) == (0, "true")
