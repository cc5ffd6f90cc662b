"""A Redis server of the test's own, on a free port, that the test can stop and start again.

    def test_x(own_redis):
        own_redis.url(1)        # redis://127.0.0.1:<port>/1
        own_redis.stop()        # as in an outage: connections are refused
        own_redis.start()       # back, empty (no persistence), on the same port

Never the machine's shared Redis: stopping that would break every other run.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

from tests.conftest import producing_to

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class OwnRedis:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        command = [
            REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", "--dir", str(self.folder), "--logfile", "redis.log",
        ]  # fmt: skip
        self.process = subprocess.Popen(command)
        deadline = time.monotonic() + 10
        while not self.is_up():
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server on port {self.port} did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def is_up(self) -> bool:
        try:
            return bool(redis.Redis.from_url(self.url(), socket_timeout=0.5).ping())
        except redis.RedisError:
            return False


@contextmanager
def running_redis() -> Iterator[OwnRedis]:
    with tempfile.TemporaryDirectory(prefix="wb-redis-") as tmp:
        server = OwnRedis(Path(tmp))
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def own_redis() -> Iterator[OwnRedis]:
    with running_redis() as server:
        yield server


@pytest.fixture
def redis_cache(own_redis: OwnRedis, settings) -> OwnRedis:
    """This process's Django cache on own_redis (db 1), as with REDIS_URL set."""
    settings.CACHES = {
        "default": {"BACKEND": "workbench.cache.RedisCache", "LOCATION": own_redis.url(1)}
    }
    return own_redis


@pytest.fixture
def redis_broker(own_redis: OwnRedis) -> Iterator[OwnRedis]:
    """This process's tasks go to own_redis (db 0), as with REDIS_URL set."""
    with producing_to(own_redis.url(0), {}):
        yield own_redis
