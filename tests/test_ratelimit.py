"""Per-host spacing holds across worker processes, on both cache backends settings can choose."""

import json
import os
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from factcheck.http.ratelimit import NoTurnBeforeDeadline, wait_for_turn

ROOT = Path(__file__).resolve().parent.parent
# This machine and CI always run Redis; database 14 keeps these keys apart from the app's.
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/14"

# One worker process: say when ready, wait for the common start time on stdin, take five turns
# and print when each began.
TAKE_TURNS = textwrap.dedent(
    """
    import json, sys, time
    import django
    django.setup()
    from factcheck.http.ratelimit import wait_for_turn

    host = sys.argv[1]
    print("ready", flush=True)
    time.sleep(max(0.0, float(sys.stdin.readline()) - time.time()))
    turns = []
    for _ in range(5):
        wait_for_turn(host, 0.2, deadline=time.monotonic() + 30)
        turns.append(time.time())
    print(json.dumps(turns))
    """
)


def gaps(times: list[float]) -> list[float]:
    ordered = sorted(times)
    return [later - earlier for earlier, later in zip(ordered, ordered[1:], strict=False)]


@pytest.mark.django_db
def test_turns_in_one_process_are_an_interval_apart():
    host = f"one-process-{uuid.uuid4().hex}"
    turns = []
    for _ in range(4):
        wait_for_turn(host, 0.2, deadline=time.monotonic() + 10)
        turns.append(time.time())
    assert min(gaps(turns)) >= 0.19


@pytest.mark.django_db
def test_hosts_take_their_turns_at_different_moments_of_the_interval():
    # One grid for every host woke all waiting threads at once, and the late ones lost their slot.
    moments = set()
    for name in "abcdefgh":
        wait_for_turn(f"{name}.example", 0.2, deadline=time.monotonic() + 10)
        moments.add(int(time.time() / 0.2 % 1 * 10))  # which tenth of the interval
    assert len(moments) >= 4


def test_a_zero_interval_never_waits_nor_touches_the_cache():
    # No database access is allowed in this test, so any cache use would fail it.
    started = time.monotonic()
    for _ in range(100):
        wait_for_turn("example.org", 0, deadline=time.monotonic() + 1)
    assert time.monotonic() - started < 0.05


@pytest.mark.django_db
def test_a_turn_after_the_deadline_is_refused_without_sleeping():
    started = time.monotonic()
    with pytest.raises(NoTurnBeforeDeadline) as refused:
        wait_for_turn(f"late-{uuid.uuid4().hex}", 60, deadline=time.monotonic() - 1)
    assert time.monotonic() - started < 0.5
    assert 0 <= refused.value.wait <= 60


def worker_env(tmp_path: Path, backend: str) -> dict[str, str]:
    """Settings pick the cache from the environment: Redis when REDIS_URL is set, else the table."""
    database = tmp_path / "workers.sqlite3"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
        "PYTHONPATH": str(ROOT),
        "WORKBENCH_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{database}",
        "REDIS_URL": REDIS_URL if backend == "redis" else "",
    }


@pytest.mark.parametrize("backend", ["redis", "database"])
def test_two_processes_share_the_spacing(tmp_path, backend):
    env = worker_env(tmp_path, backend)
    if backend == "database":
        manage = [sys.executable, "manage.py", "createcachetable"]
        subprocess.run(manage, cwd=ROOT, env=env, check=True, timeout=60)
    command = [sys.executable, "-c", TAKE_TURNS, f"h-{uuid.uuid4().hex}"]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "text": True}
    workers = [subprocess.Popen(command, cwd=ROOT, env=env, **pipes) for _ in range(2)]
    assert [worker.stdout.readline() for worker in workers] == ["ready\n", "ready\n"]
    start_at = f"{time.time() + 0.1:.3f}\n"  # the same moment for both, so they contend
    for worker in workers:
        worker.stdin.write(start_at)
        worker.stdin.close()
    first, second = [json.loads(worker.stdout.read()) for worker in workers]
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0]
    assert min(first) < max(second)  # their turns interleaved: they really competed
    assert min(second) < max(first)
    assert len(first + second) == 10
    assert min(gaps(first + second)) >= 0.19
