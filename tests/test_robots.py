"""robots.txt shared across processes: one download per site for every worker using the cache.

Each "worker" here is a separate Python process with its own Django, talking to the test run's
cache (the database cache table, or Redis when REDIS_URL is set) and fetching from a real local
server that counts the robots.txt requests it gets.
"""

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from django.core.cache import cache

from factcheck.http import robots
from tests.conftest import ROOT, _test_database_url
from tests.httpservers import LocalServer, Reply, serve

FETCHER = """
import sys

import django

django.setup()
from factcheck.http import FetchError, FetchPolicy, fetch

print("ready", flush=True)
sys.stdin.readline()  # every process starts its fetch at the test's signal
policy = FetchPolicy(allow_private=True, respect_robots=True, total_timeout=float(sys.argv[2]))
try:
    print(fetch(sys.argv[1], policy=policy).status, flush=True)
except FetchError as error:
    print(type(error).__name__, flush=True)
"""


@pytest.fixture
def site(transactional_db, cache_table) -> Iterator[LocalServer]:
    """A local site with one page and no cached robots.txt (a cache may outlive runs on Redis).

    Transactional: the fetching processes write to the cache table while the test runs.
    """
    with serve({"/page": Reply(body=b"<html>page</html>")}) as server:
        cache.delete(robots.cache_key(server.origin))
        cache.delete(robots.lock_key(server.origin))
        yield server
        cache.delete(robots.cache_key(server.origin))
        cache.delete(robots.lock_key(server.origin))


def fetch_in_processes(url: str, count: int, *, total_timeout: float = 10.0) -> list[str]:
    """fetch(url) in `count` separate processes started at the same moment; each one's outcome."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
        "DATABASE_URL": _test_database_url(),
    }
    command = [sys.executable, "-c", FETCHER, url, str(total_timeout)]
    options = {"cwd": ROOT, "env": env, "stdin": subprocess.PIPE, "stdout": subprocess.PIPE}
    processes = [subprocess.Popen(command, text=True, **options) for _ in range(count)]
    try:
        for process in processes:
            assert process.stdout.readline().strip() == "ready"
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        return [process.communicate(timeout=60)[0].strip() for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()


def robots_requests(server: LocalServer) -> int:
    return server.paths().count("/robots.txt")


def test_two_processes_download_a_sites_robots_txt_once(site):
    rules = b"User-agent: *\nDisallow: /private\n"
    site.route("/robots.txt", Reply(body=rules, content_type="text/plain", delay=0.5))
    assert fetch_in_processes(site.url("/page"), 2) == ["200", "200"]
    assert robots_requests(site) == 1
    assert site.paths().count("/page") == 2
    assert cache.get(robots.cache_key(site.origin)) == rules.decode()
    assert cache.get(robots.lock_key(site.origin)) is None


def test_processes_waiting_for_robots_txt_honour_what_it_forbids(site):
    rules = b"User-agent: *\nDisallow: /page\n"
    site.route("/robots.txt", Reply(body=rules, content_type="text/plain", delay=0.5))
    assert fetch_in_processes(site.url("/page"), 2) == ["BlockedByRobots", "BlockedByRobots"]
    assert site.paths() == ["/robots.txt"]


def test_a_missing_robots_txt_is_shared_as_allowing_everything(site):
    site.route("/robots.txt", Reply(status=404, delay=0.5))
    assert fetch_in_processes(site.url("/page"), 2) == ["200", "200"]
    assert robots_requests(site) == 1
    assert cache.get(robots.cache_key(site.origin)) == ""


def test_an_unreachable_robots_txt_is_not_shared_and_each_process_asks_itself(site):
    site.route("/robots.txt", Reply(status=503, delay=0.3))
    outcomes = fetch_in_processes(site.url("/page"), 2)
    assert outcomes == ["TransientFetchError", "TransientFetchError"]
    assert robots_requests(site) == 2  # one after the other: the failure was not cached
    assert "/page" not in site.paths()
    assert cache.get(robots.cache_key(site.origin)) is None
    assert cache.get(robots.lock_key(site.origin)) is None


def test_a_process_waits_no_longer_than_its_own_deadline_for_another(site):
    # A download lock left by a process that died mid-download: the next one asks for itself
    # once its wait (the fetch's remaining time) is up, not when the lock expires.
    cache.add(robots.lock_key(site.origin), 1, timeout=60)
    site.route("/robots.txt", Reply(status=404))
    assert fetch_in_processes(site.url("/page"), 1, total_timeout=1.5) == ["200"]
    assert site.paths() == ["/robots.txt", "/page"]
