"""The fault-injection suite's stack: a Redis of its own (broker and cache), real workers, real
Celery beat running the reconciler every second, and a check that every row settled.

Run with `make test-faults` (CI runs it after `make test`). At the end pytest prints one line per
fault: what was injected, how many rows the test made, and how many were left unsettled.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import (
    ROOT,
    _test_database_url,
    producing_to,
    start_worker,
    stop_worker,
    wait_for,
)
from tests.faults.figures import FIGURES
from tests.redis_fixtures import OwnRedis, running_redis

# Short clocks, so that a fault is found and repaired within seconds: the reconciler runs every
# second and re-queues what waited 5 s (longer than a fetch may take, FETCH_TOTAL_TIMEOUT=3).
# Many attempts: on a busy machine a re-queued task can wait in the queue longer than 5 s, and
# each re-queue counts (a claim's search is given up after 21 x 5 s).
STACK_ENV = {
    "RECONCILE_AFTER": "5",
    "FETCH_TOTAL_TIMEOUT": "3",
    "RECONCILE_EVERY": "1",
    "RECONCILE_MAX_ATTEMPTS": "20",
    "FETCH_PER_HOST_INTERVAL": "0",
    "SOURCE_RETRY_BASE_DELAY": "0.2",
    "SOURCE_RETRY_MAX_DELAY": "1",
    "WEBHOOK_RETRY_BACKOFF": "0.2",
    "WEBHOOK_RETRY_BACKOFF_MAX": "1",
    "BROKER_VISIBILITY_TIMEOUT": "3600",  # lost work comes back through the reconciler
}


@dataclass
class FaultStack:
    redis: OwnRedis
    folder: Path
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)
    beat: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        return {**STACK_ENV, "REDIS_URL": self.redis.url(0)}

    def start_worker(self, name: str = "worker") -> subprocess.Popen:
        process, _log = start_worker(
            broker=self.folder, extra_env=self.env(), log_name=f"{name}.log", concurrency=4
        )
        self.workers[name] = process
        return process

    def kill_worker(self, name: str = "worker") -> None:
        """SIGKILL: no goodbye, no acknowledgement, its tasks in flight are lost with it."""
        process = self.workers.pop(name)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()

    def start(self, worker: str = "worker") -> None:
        """Beat and one worker, started side by side."""
        self.start_beat(wait=False)
        self.start_worker(worker)
        self.wait_for_beat()

    def start_beat(self, *, wait: bool = True) -> None:
        env = {
            **os.environ,
            **self.env(),
            "DJANGO_SETTINGS_MODULE": "workbench.settings",
            "DATABASE_URL": _test_database_url(),
            "WORKBENCH_VAR_DIR": str(self.folder),
        }
        log = self.folder / "beat.log"
        command = [
            sys.executable, "-m", "celery", "-A", "workbench", "beat", "-l", "info",
            "-s", str(self.folder / "beat-schedule"), "--logfile", str(log),
        ]  # fmt: skip
        self.beat = subprocess.Popen(command, cwd=ROOT, env=env)
        if wait:
            self.wait_for_beat()

    def wait_for_beat(self) -> None:
        log = self.folder / "beat.log"
        wait_for(lambda: log.exists() and "beat: Starting" in log.read_text(), timeout=60)

    def log_tails(self, lines: int = 40) -> str:
        """The end of every worker's and beat's log, for a failure message."""
        tails = []
        for log in sorted(self.folder.glob("*.log")):
            text = log.read_text(errors="replace").splitlines()[-lines:]
            tails.append(f"--- {log.name}\n" + "\n".join(text))
        return "\n".join(tails)

    def stop(self) -> None:
        """Cold shutdown (SIGQUIT): the test has checked everything settled; nothing to finish."""
        processes = [*self.workers.values(), *([self.beat] if self.beat else [])]
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGQUIT)
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                stop_worker(process)


@pytest.fixture
def fault_stack(transactional_db) -> Iterator[FaultStack]:
    """Redis, one worker (both queues) and beat; this process's tasks go to that Redis too."""
    with tempfile.TemporaryDirectory(prefix="wb-faults-") as tmp, running_redis() as redis:
        folder = Path(tmp)
        for name in ("queue", "processed", "control"):
            (folder / name).mkdir()
        stack = FaultStack(redis=redis, folder=folder)
        try:
            with producing_to(redis.url(0), {}):
                yield stack
        finally:
            stack.stop()


def pytest_terminal_summary(terminalreporter) -> None:
    if not FIGURES:
        return
    terminalreporter.section("fault injection")
    for figure in FIGURES:
        terminalreporter.write_line(
            f"{figure['fault']}: {figure['injected']} injected, {figure['rows']} rows, "
            f"{figure['unsettled']} unsettled, {figure['duplicates']} duplicated"
        )
    total = sum(int(f["injected"]) for f in FIGURES)
    unsettled = sum(int(f["unsettled"]) for f in FIGURES)
    terminalreporter.write_line(f"total: {total} faults injected, {unsettled} rows unsettled")
