"""Fetch-stage benchmark: 400 pages across 40 hosts, each answering after 200 ms.

Forty local servers listen on 127.0.0.2 … 127.0.0.41 (Linux routes all of 127/8 to loopback),
one per "host". The script stores 400 queued sources (round-robin over the hosts), queues their
`source_fetch` tasks and starts real `fetch` workers (threads pools, two processes as `make run`
starts them); the fetch stage is timed from the first request of any kind a server sees (a
robots.txt or a page) to the last source stored as fetched.

    (a) per-host limit off (FETCH_PER_HOST_INTERVAL=0): ideal = concurrency / 0.2 s, target ≥ 0.85
    (b) the default 1 request/s per host: ideal = 40 hosts × 1/s = 40 pages/s, target ≥ 0.9

It runs on a throwaway SQLite database with the embedded broker and database cache, and sets
FETCH_ALLOW_PRIVATE_NETWORKS=true for the worker: the "hosts" are loopback addresses, which
production refuses. robots.txt stays on (the servers have none: one 404 per host).

    make bench-fetch            # or: .venv/bin/python bench/fetch.py --concurrency 16
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
HOSTS = [f"127.0.0.{n}" for n in range(2, 42)]
PAGES, LATENCY = 400, 0.2
TARGET_UNLIMITED, TARGET_LIMITED = 0.85, 0.9
PAGE = (
    "<html><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>"
    "<p>More than 900,000 people have fled their homes in Idlib since December, the United "
    "Nations said on Monday; report {n} of the displacement series.</p></article></body></html>"
)


class Page(BaseHTTPRequestHandler):
    """Every path answers after LATENCY seconds; /robots.txt is missing (404)."""

    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        started = time.monotonic()
        time.sleep(LATENCY)
        found = self.path.startswith("/page/")
        body = PAGE.format(n=self.path).encode() if found else b"not found"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        if found:
            self.server.hits.append((self.server.server_address[0], started))
        else:
            self.server.misses.append((self.path, started))

    def log_message(self, format: str, *args: object) -> None:
        pass


def start_servers() -> tuple[list[ThreadingHTTPServer], int]:
    first = ThreadingHTTPServer((HOSTS[0], 0), Page)
    port = first.server_address[1]
    servers = [first] + [ThreadingHTTPServer((host, port), Page) for host in HOSTS[1:]]
    for server in servers:
        server.daemon_threads = True
        server.hits = []
        server.misses = []
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
    return servers, port


PG_DATABASE = os.environ.get("BENCH_PG_DATABASE", "wb_bench_fetch")
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")


def configure(workdir: Path, stack: str) -> dict[str, str]:
    """Environment for this process and the worker: throwaway database, broker and cache.

    stack "sqlite": SQLite, the embedded broker and the database cache (no services);
    stack "postgres": PostgreSQL, Redis as broker and cache (the production stack).
    """
    if stack == "postgres":
        pg = ["-h", "127.0.0.1", "-U", "postgres"]
        subprocess.run(["dropdb", *pg, "--if-exists", PG_DATABASE], check=True)
        subprocess.run(["createdb", *pg, PG_DATABASE], check=True)
        subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], capture_output=True, check=True)
    env = {
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-key-not-for-production",
        "DATABASE_URL": PG_URL if stack == "postgres" else f"sqlite:///{workdir / 'bench.sqlite3'}",
        "WORKBENCH_VAR_DIR": str(workdir),
        "WORKBENCH_BROKER_DIR": str(workdir / "broker"),
        "REDIS_URL": REDIS_URL if stack == "postgres" else "",
        "FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "SOURCES_FIND_ON_INGEST": "false",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    return env


def run(
    label: str, *, env: dict[str, str], port: int, interval: float, concurrency: int,
    processes: int,
):  # fmt: skip
    from django.core.cache import cache

    from factcheck.models import Source, SourceDocument
    from factcheck.tasks import source_fetch

    SourceDocument.objects.all().delete()
    Source.objects.all().delete()
    cache.clear()  # robots.txt answers and rate-limit slots
    urls = [f"http://{HOSTS[n % len(HOSTS)]}:{port}/page/{label}-{n}" for n in range(PAGES)]
    sources = Source.objects.bulk_create(Source(url=url, domain=url.split("/")[2]) for url in urls)
    for source in sources:
        source_fetch.delay(source.pk)
    # The threads of one process share one core (the GIL): the total concurrency is split over
    # processes, as `make run` starts its fetch workers.
    workers = [
        start_worker(
            env, interval=interval, concurrency=concurrency // processes, label=f"{label}{k}"
        )
        for k in range(processes)
    ]
    log = workers[0][1]
    try:
        while Source.objects.filter(status__in=["queued", "fetching"]).exists():
            time.sleep(0.05)
        finished = time.monotonic()
        cpu = sum(cpu_seconds(worker.pid) for worker, _log in workers)
    finally:
        for worker, _log in workers:
            worker.terminate()
        for worker, _log in workers:
            worker.wait(timeout=30)
    fetched = Source.objects.filter(status="fetched").count()
    failures = list(Source.objects.exclude(status="fetched").values_list("failure_reason")[:3])
    print(
        f"  worker CPU {cpu:.2f} s ({cpu / max(fetched, 1) * 1000:.1f} ms a page, start-up included)"
    )
    return fetched, finished, failures, log


def cpu_seconds(pid: int) -> float:
    """User + system CPU a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_worker(env: dict[str, str], *, interval: float, concurrency: int, label: str):
    log = Path(env["WORKBENCH_VAR_DIR"]) / f"worker-{label}.log"
    command = [
        sys.executable, "-m", "celery", "-A", "workbench", "worker", "-Q", "fetch", "-P",
        "threads", "-c", str(concurrency), "-n", f"bench-{label}@%h", "--without-heartbeat",
        "--without-gossip", "--without-mingle", "-l", "warning", "--logfile", str(log),
    ]  # fmt: skip
    worker_env = {**os.environ, **env, "FETCH_PER_HOST_INTERVAL": str(interval)}
    return subprocess.Popen(command, cwd=ROOT, env=worker_env), log


def report(label: str, servers, fetched: int, finished: float, ideal: float, target: float):
    hits = sorted(started for server in servers for _host, started in server.hits)
    robots = sorted(
        started for server in servers for path, started in server.misses if path == "/robots.txt"
    )
    first = min(hits[:1] + [started for server in servers for _path, started in server.misses])
    seconds = finished - first
    rate = fetched / seconds
    verdict = "meets" if rate / ideal >= target else "MISSES"
    print(
        f"{label}: {fetched}/{PAGES} fetched in {seconds:.2f} s = {rate:.1f} pages/s; "
        f"ideal {ideal:.1f} pages/s; ratio {rate / ideal:.2f} ({verdict} the {target} target)"
    )
    busy = in_flight(hits + robots, first, finished)
    print(f"  requests in flight (pages + robots.txt), each second of the timed run: {busy}")
    print(
        f"  robots.txt requests: {len(robots)} for {len(servers)} hosts, "
        f"the first page asked {hits[0] - first:.2f} s after the first request; "
        f"the last {finished - hits[-1]:.2f} s before the end"
    )
    print(f"  closest two page requests to one host: {closest(servers) * 1000:.0f} ms apart")
    for server in servers:
        server.hits.clear()
        server.misses.clear()
    return rate / ideal >= target


def closest(servers) -> float:
    """The shortest time between two page requests a server received (its host's spacing)."""
    gaps = []
    for server in servers:
        starts = sorted(started for _host, started in server.hits)
        gaps += [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]
    return min(gaps, default=float("inf"))


def in_flight(starts: list[float], t: float, finished: float) -> str:
    """Mean number of requests the servers were answering, for each second from t to finished."""
    seconds = []
    step = 0.01
    while t < finished:
        samples = [t + k * step for k in range(100) if t + k * step < finished]
        busy = [sum(s <= x < s + LATENCY for s in starts) for x in samples]
        seconds.append(f"{sum(busy) / len(busy):.1f}")
        t += 1.0
    return " ".join(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=16, help="threads, scenario (a)")
    parser.add_argument("--limited-concurrency", type=int, default=64, help="threads, (b)")
    parser.add_argument(
        "--processes", type=int, default=2, help="fetch worker processes sharing the threads"
    )
    parser.add_argument(
        "--stack", choices=["sqlite", "postgres"], default="sqlite",
        help="sqlite: no services (default); postgres: PostgreSQL + Redis on 127.0.0.1",
    )  # fmt: skip
    args = parser.parse_args()
    import machine

    print(machine.calibration())
    print(f"stack: {args.stack}")
    with tempfile.TemporaryDirectory(prefix="wb-bench-fetch-") as tmp:
        env = configure(Path(tmp), args.stack)
        sys.path.insert(0, str(ROOT))
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        servers, port = start_servers()
        try:
            scenarios = (  # name, label, per-host interval, threads, ideal pages/s, target
                ("a", "no per-host limit", 0, args.concurrency,
                 args.concurrency / LATENCY, TARGET_UNLIMITED),
                ("b", "1 request/s per host", 1.0, args.limited_concurrency,
                 float(len(HOSTS)), TARGET_LIMITED),
            )  # fmt: skip
            ok, failures = True, []
            for name, label, interval, threads, ideal, target in scenarios:
                fetched, finished, failed, _ = run(
                    name, env=env, port=port, interval=interval, concurrency=threads,
                    processes=args.processes,
                )  # fmt: skip
                title = f"({name}) {label}, {threads} threads in {args.processes} processes"
                ok &= report(title, servers, fetched, finished, ideal, target)
                failures += failed
            for reason in failures:
                print("  failed:", reason[0])
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()
    print(machine.calibration())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
