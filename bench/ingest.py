"""Ingestion benchmark: 500 realistic news pages through the real pipeline vs trafilatura alone.

Serves generated pages (50–200 KB: navigation, tickers, sidebars, comment sections and inline
scripts around an article body made from the seed article) from a local HTTP server, submits
their URLs, and lets real worker processes (a threads `fetch` worker and a prefork `analyse`
worker) fetch, extract and store claims. In the same run it times `trafilatura.extract` alone
on the same pages.

Runs once on SQLite with the embedded broker and, when PostgreSQL and Redis answer on
127.0.0.1, once on them. Prints articles/s, peak memory and the ratios to the targets.

    make bench-ingest            # or: .venv/bin/python bench/ingest.py --pages 500
"""

import argparse
import html
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "000_e9fef7baff8a209e.txt"
CORES = os.cpu_count() or 1
TARGET_SQLITE, TARGET_POSTGRES, TARGET_RATIO, TARGET_MEMORY_MB = 20.0, 10.0, 0.4, 500.0
PG_URL = "postgres://postgres@127.0.0.1:5432/wb_bench_ingest"
REDIS_URL = "redis://127.0.0.1:6379/9"

PEOPLE = [
    "Maria Okafor",
    "Jonas Lindqvist",
    "Aylin Demir",
    "Rafael Ortega",
    "Mei Chen",
    "Omar Haddad",
]
ORGS = ["the World Bank", "the Red Cross", "the European Commission", "UNICEF", "the IMF", "NATO"]
PLACES = ["Aleppo", "Gaziantep", "Beirut", "Amman", "Mosul", "Hatay", "Latakia", "Homs"]


def article_paragraphs(rng: random.Random, n: int) -> list[str]:
    seed = [p for p in SEED.read_text().split("\n\n")[1:10] if p.strip()]
    paragraphs = list(seed)
    for _ in range(n):
        person, org, place = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(PLACES)
        number = f"{rng.randint(2, 950):,}{rng.choice(['', ',000', ' million'])}"
        paragraphs.append(
            rng.choice(
                [
                    f"{org.capitalize()} says {number} people have left {place} since {rng.randint(2, 28)} "
                    f"{rng.choice(['March', 'June', 'October'])}, the highest figure since {rng.randint(1990, 2019)}.",
                    f"{person}, a spokesperson in {place}, said aid deliveries rose {rng.randint(2, 80)} percent "
                    f"in the past {rng.randint(2, 12)} months.",
                    f"According to {org}, about {number} residents in {place} lack clean water.",
                    f"Officials in {place} told reporters that talks would resume next week.",
                    f"I think the situation in {place} deserves more attention from readers like you.",
                ]
            )
        )
    rng.shuffle(paragraphs)
    return paragraphs


def make_page(i: int, rng: random.Random) -> str:
    """One unique, realistic page of 50–200 KB; the article body is about 5–15% of it."""
    target = rng.randint(50_000, 200_000)
    body = "\n".join(
        f"<p>{html.escape(p)}</p>" for p in article_paragraphs(rng, rng.randint(8, 30))
    )
    nav = "".join(f'<li><a href="/section/{k}/">Section {k}</a></li>' for k in range(60))
    most_read = "".join(
        f'<li><a href="/story/{rng.randint(1, 10**6)}">Markets fall {rng.randint(1, 9)}% as '
        f"{rng.choice(PLACES)} story number {k} develops</a></li>"
        for k in range(15)
    )
    head = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Report {i}: talks over {rng.choice(PLACES)} &#8211; The Bench Ledger</title>"
        f"<meta property='og:title' content='Report {i}: talks over the region'>"
        f"<meta name='author' content='{rng.choice(PEOPLE)}'>"
        f"<meta property='article:published_time' content='2021-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T08:00:00+00:00'>"
        "</head><body>"
        f"<header><nav class='main-nav'><ul>{nav}</ul></nav>"
        "<div class='breaking'>Breaking: Oil exports rise 12 percent</div></header>"
        f"<main><article><h1>Report {i}: talks over the region</h1>"
        "<div class='share-buttons'><a href='#'>Share</a> <a href='#'>Tweet</a></div>"
        f"<div class='entry-content'>{body}</div></article>"
        "<div class='author-box'>The author is an advocate for the truth.</div>"
        f"<aside class='sidebar'><h3>Most read</h3><ol>{most_read}</ol></aside>"
    )
    comments = []
    size = len(head)
    k = 0
    while size < target * 0.6:
        comment = (
            f"<li class='comment'><b>reader{rng.randint(1, 9999)}</b> <p>Comment {k}: "
            + " ".join(
                rng.choice(["great", "piece", "wrong", "numbers", "source", "agree"])
                for _ in range(40)
            )
            + "</p></li>"
        )
        comments.append(comment)
        size += len(comment)
        k += 1
    tail = (
        "<section id='comments'><h3>Leave a Reply</h3><ol>"
        + "".join(comments)
        + "</ol></section></main>"
    )
    padding = max(0, target - len(head) - len(tail) - 200)  # tail holds the comments
    script = "<script>window.__CONFIG__=" + '"' + ("x" * padding) + '";</script>'
    return head + tail + "<footer>© The Bench Ledger</footer>" + script + "</body></html>"


class Pages(BaseHTTPRequestHandler):
    pages: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body = self.pages.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args) -> None:
        pass


def peak_rss_mb(pids: list[int]) -> float:
    """Sum of peak resident memory (VmHWM) of the processes and their children."""
    total = 0
    for pid in pids:
        for task in [pid, *children(pid)]:
            try:
                status = Path(f"/proc/{task}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes and their (live) children, in seconds."""
    total = 0
    for pid in pids:
        for task in [pid, *children(pid)]:
            try:
                fields = Path(f"/proc/{task}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found + [g for c in found for g in children(c)]


def trafilatura_alone(pages: list[str]) -> float:
    import trafilatura

    started = time.perf_counter()
    for page in pages:
        trafilatura.extract(page)
    return len(pages) / (time.perf_counter() - started)


def run_pipeline(label: str, env: dict[str, str], urls: list[str]) -> dict[str, float]:
    """Migrate a fresh database, start real workers, submit every URL, wait for all to settle."""
    env = {
        **os.environ,
        **env,
        "FETCH_ALLOW_PRIVATE_NETWORKS": "true",
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
    }
    py = sys.executable
    subprocess.run([py, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([py, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    celery = [
        py,
        "-m",
        "celery",
        "-A",
        "workbench",
        "worker",
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
        "-l",
        "info",
    ]
    logs = Path(env.get("BENCH_LOG_DIR", tempfile.gettempdir()))
    workers = [
        subprocess.Popen(
            celery
            + [
                "-Q",
                "fetch",
                "-P",
                "threads",
                "-c",
                "8",
                "-n",
                "bfetch@%h",
                "--logfile",
                str(logs / f"{label}-fetch.log"),
            ],
            cwd=ROOT,
            env=env,
        ),
        subprocess.Popen(
            celery
            + [
                "-Q",
                "analyse",
                "-P",
                "prefork",
                "-c",
                "2",
                "-n",
                "banalyse@%h",
                "--logfile",
                str(logs / f"{label}-analyse.log"),
            ],
            cwd=ROOT,
            env=env,
        ),
    ]
    try:
        time.sleep(4)
        fetch_cpu, server_cpu = cpu_seconds([workers[0].pid]), time.process_time()
        workers_cpu = fetch_cpu + cpu_seconds([workers[1].pid])
        result = subprocess.run(
            [py, str(Path(__file__).with_name("ingest_submit.py")), *urls],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        elapsed, extracted, failed, claims, submitter_cpu = (
            float(x) for x in result.stdout.split()
        )
        fetch_cpu = cpu_seconds([workers[0].pid]) - fetch_cpu
        workers_cpu = cpu_seconds([w.pid for w in workers]) - workers_cpu
        server_cpu = time.process_time() - server_cpu
        memory = peak_rss_mb([w.pid for w in workers])
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    return {
        "elapsed": elapsed,
        "extracted": extracted,
        "failed": failed,
        "claims": claims,
        "rate": extracted / elapsed,
        "memory": memory,
        # CPU milliseconds per article: workers, the submitting client, the page server.
        "cpu_workers": 1000 * workers_cpu / max(extracted, 1),
        "cpu_fetch": 1000 * fetch_cpu / max(extracted, 1),
        "cpu_client": 1000 * (submitter_cpu + server_cpu) / max(extracted, 1),
    }


def report(label: str, stats: dict[str, float], alone: float, target: float) -> None:
    cpu = stats["cpu_workers"] + stats["cpu_client"]
    print(
        f"{label:<22} {stats['rate']:6.1f} articles/s  ({stats['extracted']:.0f} extracted, "
        f"{stats['failed']:.0f} failed, {stats['claims']:.0f} claims in {stats['elapsed']:.1f} s)\n"
        f"{'':<22} target ≥ {target:.0f}/s → ratio to target {stats['rate'] / target:.2f}; "
        f"ratio to trafilatura alone {stats['rate'] / alone:.2f} (target ≥ {TARGET_RATIO}); "
        f"peak worker memory {stats['memory']:.0f} MB (target < {TARGET_MEMORY_MB:.0f}, "
        f"ratio {stats['memory'] / TARGET_MEMORY_MB:.2f})\n"
        f"{'':<22} CPU per article {cpu:.0f} ms (workers {stats['cpu_workers']:.0f}: fetch "
        f"{stats['cpu_fetch']:.0f}, analyse {stats['cpu_workers'] - stats['cpu_fetch']:.0f}; "
        f"submitter + page server {stats['cpu_client']:.0f}) → at most "
        f"{CORES * 1000 / cpu:.0f} articles/s on {CORES} cores; used "
        f"{cpu * stats['rate'] / 1000:.2f} cores"
    )


def services_up() -> bool:
    ok = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0
    return (
        ok
        and subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True).returncode
        == 0
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()

    rng = random.Random(42)
    pages = [make_page(i, rng) for i in range(args.pages)]
    sizes = [len(p.encode()) for p in pages]
    Pages.pages = {f"/article/{i}": page.encode() for i, page in enumerate(pages)}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"http://127.0.0.1:{server.server_port}/article/{i}" for i in range(args.pages)]
    print(
        f"{len(pages)} pages, {min(sizes) // 1024}–{max(sizes) // 1024} KB, mean {sum(sizes) // len(sizes) // 1024} KB"
    )

    alone = trafilatura_alone(pages)
    print(f"{'trafilatura alone':<22} {alone:6.1f} articles/s (one process)")

    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        env = {
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "WORKBENCH_VAR_DIR": tmp,
            "REDIS_URL": "",
            "SOURCES_FIND_ON_INGEST": "false",
        }
        report("SQLite + embedded", run_pipeline("sqlite", env, urls), alone, TARGET_SQLITE)

    if not args.no_postgres and services_up():
        subprocess.run(
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "wb_bench_ingest"],
            check=True,
        )
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", "wb_bench_ingest"], check=True
        )
        subprocess.run(["redis-cli", "-n", "9", "flushdb"], capture_output=True, check=True)
        with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
            env = {
                "DATABASE_URL": PG_URL,
                "REDIS_URL": REDIS_URL,
                "WORKBENCH_VAR_DIR": tmp,
                "SOURCES_FIND_ON_INGEST": "false",
            }
            report(
                "PostgreSQL + Redis", run_pipeline("postgres", env, urls), alone, TARGET_POSTGRES
            )
    server.shutdown()
    shutil.rmtree(ROOT / "var" / "bench", ignore_errors=True)


if __name__ == "__main__":
    main()
