"""Loaded by pytest before Django's settings (`-p tests.environment` in pyproject.toml).

The tests run as production does, DEBUG off, which needs a SECRET_KEY; a fresh random one per run
(worker processes the tests start inherit it through the environment).
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", "tests-" + secrets.token_urlsafe(32))
