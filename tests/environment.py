"""Loaded by pytest before Django's settings (`-p tests.environment` in pyproject.toml).

The tests run as production does, DEBUG off, which needs a SECRET_KEY; a fresh random one per run
(worker processes the tests start inherit it through the environment).

With REDIS_URL set the cache lives in a Redis server that outlives the run: a key prefix of this
run's own keeps counts an earlier run left there (API throttles, rate-limit slots) out of it.
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", "tests-" + secrets.token_urlsafe(32))
os.environ.setdefault("CACHE_KEY_PREFIX", "tests-" + secrets.token_hex(6))
