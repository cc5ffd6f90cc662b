"""Ingestion benchmark: the real pipeline against trafilatura alone, same pages, same cores.

Builds 200 realistic news pages (--pages) (``bench/pages.py``: four site layouts from the seed page's
parts, 43–145 KB), serves them from 127.0.0.1 and the 40 source reports they cite from
127.0.0.2–9, submits the page URLs through ``ingest.article_submit_url`` and lets real workers
started as ``make run`` starts them (two threads-pool ``fetch`` processes of 8 threads, one
prefork ``analyse`` worker of 2 processes) fetch, extract and store claims. Each stack runs
twice, on a fresh database each time:

    bare      SOURCES_FIND_ON_INGEST=false: ingestion only, with the "checked before?" match
              of each article's claims (MATCH_ON_INGEST, on by default) that follows it
    default   the default settings: source finding on, the article-links provider on

Each is timed until every article settled (and, by default, every claim was searched and every
cited source fetched and ranked for it) and then the workers went quiet: the match step runs
after each article and would otherwise go uncounted.

Right before each run, trafilatura alone extracts the same pages with the pipeline's own options
(``articles.TRAFILATURA_OPTIONS``) in as many processes as the analyse worker has. Both are
reported per wall second and per CPU-second: the pipeline's CPU is its worker processes' plus
the PostgreSQL backends of its database (Redis is a shared server and is not counted); the page
servers and the submitting client are the harness, reported apart. Peak memory is the highest
sum of the workers' proportional set sizes (PSS, sampled every 0.5 s: a page shared by n
processes counts 1/n in each), not a sum of peak resident sizes.

    make bench-ingest            # or: .venv/bin/python bench/ingest.py --pages 200 --no-postgres

Environment: BENCH_PG_DATABASE (default wb_bench_ingest), BENCH_REDIS_URL (default db 9).
"""

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import machine  # noqa: E402
import pages as page_builder  # noqa: E402

from factcheck.extraction.articles import TRAFILATURA_OPTIONS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE_HOSTS = [f"127.0.0.{n}" for n in range(2, 10)]
SOURCES = 40
FETCH_PROCESSES, FETCH_THREADS, ANALYSE_PROCESSES = 2, 8, 2  # as `make run` starts them
TARGET_CPU_RATIO, TARGET_MEMORY_MB = 0.5, 500.0
PG_DATABASE = os.environ.get("BENCH_PG_DATABASE", "wb_bench_ingest")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")


class Pages(BaseHTTPRequestHandler):
    pages: dict[tuple[str, str], bytes] = {}  # (host, path): body

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body = self.pages.get((self.server.server_address[0], self.path))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args) -> None:
        pass


def serve(count: int) -> tuple[list[ThreadingHTTPServer], list[str], list[str]]:
    """Article pages on 127.0.0.1, the source reports they cite spread over SOURCE_HOSTS, all on
    one port. Returns the servers, the pages and their URLs."""
    first = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    port = first.server_address[1]
    servers = [first] + [ThreadingHTTPServer((host, port), Pages) for host in SOURCE_HOSTS]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    sources = source_urls(port)
    for n, url in enumerate(sources):
        host, path = url.split("/", 3)[2].split(":")[0], "/" + url.split("/", 3)[3]
        Pages.pages[host, path] = page_builder.source_page(n).encode()
    pages = page_builder.build_pages(count, sources)
    for i, page in enumerate(pages):
        Pages.pages["127.0.0.1", f"/article/{i}"] = page.encode()
    return servers, pages, [f"http://127.0.0.1:{port}/article/{i}" for i in range(count)]


def source_urls(port: int) -> list[str]:
    return [
        f"http://{SOURCE_HOSTS[n % len(SOURCE_HOSTS)]}:{port}/report/{n}" for n in range(SOURCES)
    ]


# --- trafilatura alone --------------------------------------------------------------------------


def _extract_share(chunk: list[str]) -> float:
    """Extract a share of the pages in a pool process; return the CPU seconds it took."""
    import trafilatura

    started = time.process_time()
    for page in chunk:
        trafilatura.extract(page, **TRAFILATURA_OPTIONS)
    return time.process_time() - started


def trafilatura_alone(pages: list[str], processes: int) -> dict[str, float]:
    """Pages/s and pages per CPU-second of trafilatura.extract with the pipeline's options."""
    chunks = [pages[k::processes] for k in range(processes)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pool.map(_extract_share, [chunk[:5] for chunk in chunks])  # imports and warm-up
        started = time.perf_counter()
        cpu = sum(pool.map(_extract_share, chunks))
        wall = time.perf_counter() - started
    return {
        "rate": len(pages) / wall,
        "per_cpu": len(pages) / cpu,
        "cpu_ms": 1000 * cpu / len(pages),
    }


# --- the pipeline -------------------------------------------------------------------------------


def start_workers(env: dict[str, str], label: str) -> list[subprocess.Popen]:
    celery = [sys.executable, "-m", "celery", "-A", "workbench", "worker", "--without-heartbeat",
              "--without-gossip", "--without-mingle", "-l", "warning"]  # fmt: skip
    logs = Path(env["WORKBENCH_VAR_DIR"])
    commands = [
        celery + ["-Q", "fetch", "-P", "threads", "-c", str(FETCH_THREADS), "-n", f"bfetch{k}@%h",
                  "--logfile", str(logs / f"{label}-fetch{k}.log")]
        for k in range(FETCH_PROCESSES)
    ] + [
        celery + ["-Q", "analyse", "-P", "prefork", "-c", str(ANALYSE_PROCESSES), "-n",
                  "banalyse@%h", "--logfile", str(logs / f"{label}-analyse.log")]
    ]  # fmt: skip
    with open(logs / f"{label}-banners.log", "w") as banners:  # start-up banners and warnings
        return [
            subprocess.Popen(command, cwd=ROOT, env=env, stdout=banners, stderr=subprocess.STDOUT)
            for command in commands
        ]


def run_pipeline(label: str, env: dict[str, str], urls: list[str], *, sources: bool) -> dict:
    """Migrate a fresh database, start the workers, submit every URL, wait for all to settle."""
    env = {**os.environ, **env, "FETCH_ALLOW_PRIVATE_NETWORKS": "true",
           "DJANGO_SETTINGS_MODULE": "workbench.settings", "LOG_LEVEL": "WARNING",
           "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-key-not-for-production"}  # fmt: skip
    if not sources:
        env["SOURCES_FIND_ON_INGEST"] = "false"
    py = sys.executable
    subprocess.run([py, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([py, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    workers = start_workers(env, label)
    pids = [w.pid for w in workers]
    database = env["DATABASE_URL"].rsplit("/", 1)[1] if "postgres" in env["DATABASE_URL"] else ""
    try:
        time.sleep(5)  # workers ready; their start-up is not counted
        workers_cpu, server_cpu = machine.tree_cpu(pids), time.process_time()
        fetch_cpu = machine.tree_cpu(pids[:FETCH_PROCESSES])
        with machine.BackendCPU(database or "-none-") as backends, machine.PeakPSS(pids) as pss:
            submit = [py, str(Path(__file__).with_name("ingest_submit.py"))]
            submit_env = {**env, "BENCH_WAIT_SOURCES": "1" if sources else "0"}
            result = subprocess.run(
                submit, cwd=ROOT, env=submit_env, input="\n".join(urls), capture_output=True,
                text=True,
            )  # fmt: skip
            if result.returncode != 0:
                raise SystemExit(f"the submitter failed: {result.stderr[-2000:]}")
            stats = json.loads(result.stdout)
            # Work queued after the articles settled (matching their claims against earlier
            # ones, with the default settings sources too) is done when the workers go quiet.
            quiet_at = machine.quiet_since(pids)
            workers_cpu = machine.tree_cpu(pids) - workers_cpu
            fetch_cpu = machine.tree_cpu(pids[:FETCH_PROCESSES]) - fetch_cpu
        server_cpu = time.process_time() - server_cpu
        memory = pss.peak
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=60)
    done = max(stats["extracted"], 1)
    seconds = max(stats["sources_elapsed"], quiet_at - stats["started_at"])
    return {
        **stats,
        "seconds": seconds,
        "rate": stats["extracted"] / seconds,
        "memory": memory,
        "cpu_ms": 1000 * (workers_cpu + backends.seconds()) / done,  # the pipeline's, per article
        "fetch_ms": 1000 * fetch_cpu / done,
        "analyse_ms": 1000 * (workers_cpu - fetch_cpu) / done,
        "postgres_ms": 1000 * backends.seconds() / done,
        "harness_ms": 1000 * (stats["cpu"] + server_cpu) / done,
    }


def report(label: str, stats: dict, alone: dict) -> bool:
    per_cpu = 1000 / stats["cpu_ms"]
    cpu_ratio, wall_ratio = per_cpu / alone["per_cpu"], stats["rate"] / alone["rate"]
    met = cpu_ratio >= TARGET_CPU_RATIO and stats["memory"] < TARGET_MEMORY_MB
    print(
        f"  {label:<26}{stats['rate']:7.1f} articles/s {per_cpu:6.1f}/CPU-s   "
        f"ratio per CPU-s {cpu_ratio:.2f} (target ≥ {TARGET_CPU_RATIO})  per wall s "
        f"{wall_ratio:.2f}   peak memory {stats['memory']:.0f} MB PSS (< {TARGET_MEMORY_MB:.0f})"
        f"  {'met' if met else 'MISSED'}\n"
        f"  {'':<26}{stats['extracted']} extracted, {stats['failed']} failed, {stats['claims']} "
        f"claims, {stats['evidence']} evidence ({stats['ranked']} ranked), "
        f"{stats['sources_fetched']} sources fetched; all done in {stats['seconds']:.1f} s "
        f"(articles settled at {stats['elapsed']:.1f} s, sources at {stats['sources_elapsed']:.1f}"
        f" s, then workers quiet)\n"
        f"  {'':<26}CPU ms an article: {stats['cpu_ms']:.1f} (fetch workers "
        f"{stats['fetch_ms']:.1f}, analyse worker {stats['analyse_ms']:.1f}, PostgreSQL "
        f"{stats['postgres_ms']:.1f}); harness (page servers, submitter) {stats['harness_ms']:.1f}"
    )
    return met


def compare(label: str, env: dict[str, str], pages: list[str], urls: list[str], sources: bool):
    alone = trafilatura_alone(pages, ANALYSE_PROCESSES)
    print(
        f"  {'trafilatura alone':<26}{alone['rate']:7.1f} pages/s    {alone['per_cpu']:6.1f}/CPU-s"
        f"   ({ANALYSE_PROCESSES} processes, {alone['cpu_ms']:.1f} CPU ms a page, pipeline options)"
    )
    return report(label, run_pipeline(label.split()[0], env, urls, sources=sources), alone)


def services_up() -> bool:
    ok = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0
    redis = subprocess.run(["redis-cli", "-u", REDIS_URL, "ping"], capture_output=True)
    return ok and redis.returncode == 0


def fresh_postgres() -> str:
    pg = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *pg, "--if-exists", PG_DATABASE], check=True)
    subprocess.run(["createdb", *pg, PG_DATABASE], check=True)
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], capture_output=True, check=True)
    return f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--configs", default="bare,default", help="bare, default or both")
    args = parser.parse_args()
    print(machine.calibration())
    servers, pages, urls = serve(args.pages)
    sizes = sorted(len(p.encode()) for p in pages)
    print(
        f"{len(pages)} pages, {sizes[0] // 1024}–{sizes[-1] // 1024} KB, mean "
        f"{sum(sizes) // len(sizes) // 1024} KB; workers: {FETCH_PROCESSES} fetch processes × "
        f"{FETCH_THREADS} threads, analyse prefork × {ANALYSE_PROCESSES}"
    )
    stacks = [("SQLite + embedded", None)]
    if not args.no_postgres and services_up():
        stacks.append(("PostgreSQL + Redis", REDIS_URL))
    ok = True
    for stack, redis in stacks:
        for config in args.configs.split(","):
            print(f"{stack}, {config}:")
            with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
                env = {"WORKBENCH_VAR_DIR": tmp, "REDIS_URL": redis or ""}
                env["DATABASE_URL"] = fresh_postgres() if redis else f"sqlite:///{tmp}/db.sqlite3"
                label = f"{'postgres' if redis else 'sqlite'} {config}"
                ok &= compare(label, env, pages, urls, sources=config == "default")
    print(machine.calibration())
    for server in servers:
        server.shutdown()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
