"""Match benchmark: 100,000 indexed claims, the match API under wrk, beside a bare BM25 query.

The corpus: the CLEF-2020 verified claims and the seed article's sentences, then variations of
them (other numbers, other places and people, a lead-in) until there are 100,000. It prints:

- index build time and the memory the index takes (resident set growth of this process: what
  the build left resident, freed-but-kept allocator pages included, then once the free pages are
  returned as the server does before it forks), beside the embedding model's;
- adding one claim to the built index (p50/p95 over 200 additions; target < 50 ms);
- one query in process, the matcher against a bare bm25s query over the same corpus (top 5, same
  terms), p50/p95 over the CLEF dev tweets, and their ratio;
- the match API (POST /api/v1/matches/) under wrk at 10 connections for 30 s: gunicorn serving
  the app as deployed (`gunicorn -c workbench/gunicorn.conf.py workbench.wsgi`: sync workers,
  one per core, the index built in the master before the workers fork), DEBUG off, default
  settings but for a throttle rate wrk stays under, SQLite with the 100,000 claims stored as
  imported fact-checks, Redis for the cache (token entries, throttle counts); p50/p95 (target
  p95 < 50 ms) and requests per second, and the memory of the server's processes as PSS (pages
  shared by the forked workers counted once), beside the same server over the same database
  without its fact-checks (an empty index) after 10 s of the same load: the difference, plus the
  embedding model both masters load, is the matcher's memory as served (target < 500 MB).

The machine calibration (bench/machine.py: a core's speed, the share granted, the load average)
is printed before and after: the machine is shared, and a loaded machine is slower.

    make bench-match      # or: .venv/bin/python bench/match.py --duration 10
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = ROOT / "var" / "bench-match"
DATABASE_URL = f"sqlite:///{VAR / 'db.sqlite3'}"
EMPTY_DATABASE_URL = f"sqlite:///{VAR / 'empty.sqlite3'}"  # no fact-checks: an empty index
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
PORT = 8766
SIZE = 100_000
WRK_SCRIPT = """
local bodies = {%s}
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Token %s"}
local i = 0
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", nil, headers, bodies[i])
end
done = function(summary, latency, requests)
  io.write(string.format("JSON {\\"requests\\": %%d, \\"seconds\\": %%f, \\"errors\\": %%d, " ..
    "\\"non2xx\\": %%d, \\"p50\\": %%f, \\"p95\\": %%f, \\"p99\\": %%f}\\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""
LEADS = ("", "A viral post claims ", "Officials said ", "According to a report, ", "Posts say ")
PLACES = ("Turkey", "Texas", "Kenya", "Ohio", "Brazil", "India", "London", "Berlin", "Peru")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def bench_env(database_url: str = DATABASE_URL) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-key-not-for-production",
        "SECURE_COOKIES": "false",
        "API_THROTTLE_RATE": "100000000/hour",
        "LOG_LEVEL": "WARNING",
    }


# --- The corpus -----------------------------------------------------------------------------


def corpus(size: int = SIZE) -> list[tuple[str, str]]:
    """(claim, headline) pairs: CLEF claims, the seed article's sentences, then variations."""
    from factcheck.matching import clef

    base = [(d.claim, d.headline) for d in clef.verified_claims()]
    seed = (ROOT / "tests" / "fixtures" / "000_e9fef7baff8a209e.txt").read_text(encoding="utf-8")
    base += [(s.strip(), "") for s in re.split(r"(?<=[.!?])\s+", seed) if len(s.split()) > 6]
    rng = random.Random(2026)
    rows = list(base)
    while len(rows) < size:
        claim, headline = rng.choice(base)
        rows.append((_vary(claim, rng), _vary(headline, rng) if headline else ""))
    return rows[:size]


def _vary(text: str, rng: random.Random) -> str:
    text = NUMBER.sub(lambda m: str(rng.randint(2, 999)), text)
    for place in PLACES:
        if place in text:
            text = text.replace(place, rng.choice(PLACES))
    return rng.choice(LEADS) + text[:1].lower() + text[1:] if rng.random() < 0.5 else text


def queries() -> list[str]:
    from factcheck.matching import clef

    return list(clef.queries("dev").values())


# --- In process -----------------------------------------------------------------------------


def pss_mb(pids: list[int]) -> float:
    """Proportional set size of processes: each shared page split among its sharers."""
    total = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += sum(int(x.split()[1]) for x in rollup.splitlines() if x.startswith("Pss:"))
    return total / 1024


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def in_process(rows: list[tuple[str, str]]) -> dict:
    import bm25s

    from factcheck.matching import dense, features
    from factcheck.matching import text as mtext
    from factcheck.matching.index import Document, Matcher
    from workbench import memory

    before = rss_mb()
    dense.model()
    features.idf("warm")
    model = rss_mb() - before
    before, started = rss_mb(), time.perf_counter()
    matcher = Matcher([Document(str(i), c, h) for i, (c, h) in enumerate(rows)])
    built, grown = time.perf_counter() - started, rss_mb() - before
    memory.release_free_pages()  # as gunicorn's master does before it forks the workers
    kept = rss_mb() - before
    texts = queries()
    adds = []
    for i, text in enumerate(texts[:200]):
        started = time.perf_counter()
        matcher.add(Document(f"new-{i}", text))
        adds.append(time.perf_counter() - started)
    searches = []
    for text in texts:
        started = time.perf_counter()
        matcher.search(text)
        searches.append(time.perf_counter() - started)
    bare = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    bare.index(
        [matcher.fields["all"].documents[i] or ["\x00"] for i in range(len(rows))],
        show_progress=False,
    )
    bare_times = []
    for text in texts:
        started = time.perf_counter()
        terms = [t for t in mtext.terms(mtext.clean(text)) if t in bare.vocab_dict]
        if terms:
            bare.retrieve([terms], k=5, show_progress=False)
        bare_times.append(time.perf_counter() - started)
    return {
        "documents": len(rows),
        "build_s": built,
        "memory_mb": grown,
        "kept_mb": kept,
        "model_mb": model,
        "add_ms": [1000 * x for x in percentiles(adds)],
        "search_ms": [1000 * x for x in percentiles(searches)],
        "bm25_ms": [1000 * x for x in percentiles(bare_times)],
    }


# --- Served ---------------------------------------------------------------------------------


def load_database(rows: list[tuple[str, str]]) -> str:
    """The bench database with the corpus as imported fact-checks (reused when loaded); a token."""
    VAR.mkdir(parents=True, exist_ok=True)
    env = bench_env()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth.models import Group, User

    from factcheck import review
    from factcheck.api.tokens import api_token_create
    from factcheck.models import ExternalFactCheck

    if ExternalFactCheck.objects.count() != len(rows):
        ExternalFactCheck.objects.all().delete()
        ExternalFactCheck.objects.bulk_create(
            [
                ExternalFactCheck(
                    url=f"https://bench.example/{i}", claim_text=c, headline=h,
                    publisher="Bench Checks", rating="false", rating_text="False",
                )
                for i, (c, h) in enumerate(rows)
            ],
            batch_size=5000,
        )  # fmt: skip
    user, _ = User.objects.get_or_create(username="bench-api-client")
    user.groups.add(Group.objects.get(name=review.ROLE_API_CLIENT))
    user.api_tokens.filter(name="bench").delete()
    return api_token_create(user=user, name="bench", actor=None)[1]


def serve(workers: int, database_url: str = DATABASE_URL) -> subprocess.Popen:
    """gunicorn as a deployment runs it (workbench/gunicorn.conf.py: the app and the match index
    loaded in the master before the workers fork), on the bench's port."""
    command = [
        sys.executable, "-m", "gunicorn", "-c", "workbench/gunicorn.conf.py", "workbench.wsgi",
        "--bind", f"127.0.0.1:{PORT}", "--workers", str(workers), "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=bench_env(database_url))
    import httpx

    deadline = time.monotonic() + 900  # the index is built before gunicorn listens
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1).status_code < 500:
                return server
        except httpx.HTTPError:
            time.sleep(1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def served_without_index(workers: int, token: str, duration: int, connections: int) -> float:
    """PSS of the same server, started and driven the same way, over the bench database without
    its fact-checks (same user and token): what serving costs without the matcher's index."""
    import sqlite3

    empty = VAR / "empty.sqlite3"
    for path in (empty, empty.with_name("empty.sqlite3-wal"), empty.with_name("empty.sqlite3-shm")):
        path.unlink(missing_ok=True)
    with sqlite3.connect(VAR / "db.sqlite3") as source, sqlite3.connect(empty) as copy:
        source.backup(copy)
        copy.execute("DELETE FROM factcheck_externalfactcheck")
    server = serve(workers, EMPTY_DATABASE_URL)
    try:
        import machine

        drive(token, duration, connections)
        return pss_mb([server.pid, *machine.children(server.pid)])
    finally:
        server.terminate()
        server.wait(timeout=60)


def drive(token: str, duration: int, connections: int) -> dict:
    bodies = ", ".join(
        json.dumps(json.dumps({"text": text[:2000], "limit": 5})) for text in queries()
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % (bodies, token))
    command = [
        "wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
        "-s", script.name,
        f"http://127.0.0.1:{PORT}/api/v1/matches/",
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    result = json.loads(line[5:])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds of wrk load")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--size", type=int, default=SIZE, help="claims in the index")
    args = parser.parse_args()
    import machine

    print(machine.calibration())
    rows = corpus(args.size)
    local = in_process(rows)
    report_local(local)
    if shutil.which("wrk") is None:
        raise SystemExit("bench/match.py drives the API with wrk (Debian: apt-get install wrk)")
    token = load_database(rows)
    without_index = served_without_index(
        args.workers, token, min(args.duration, 10), args.connections
    )
    server = serve(args.workers)
    try:
        tree = [server.pid, *machine.children(server.pid)]
        started_pss = pss_mb(tree)
        served = drive(token, args.duration, args.connections)
        served_pss = pss_mb(tree)
        each_pss = [pss_mb([pid]) for pid in tree]
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(
        f"match API  gunicorn -c workbench/gunicorn.conf.py ({args.workers} sync workers, the "
        f"index built in the master before the fork), wrk {args.connections} connections, "
        f"{args.duration} s: p50 {served['p50']:.1f} ms, p95 {served['p95']:.1f} ms "
        f"(target < 50: {served['p95'] / 50:.2f}x), p99 {served['p99']:.1f} ms, "
        f"{served['rps']:.0f} req/s, errors {served['errors']}, non-2xx {served['non2xx']}"
    )
    matcher_mb = served_pss - without_index + local["model_mb"]
    print(
        f"match API  memory of gunicorn's {len(tree)} processes (index built before the fork), "
        f"PSS: {started_pss:.0f} MB once started, {served_pss:.0f} MB after the run (master "
        f"{each_pss[0]:.0f} MB, workers {', '.join(f'{x:.0f}' for x in each_pss[1:])} MB); the "
        f"same server over an empty index after {min(args.duration, 10)} s of the same load: "
        f"{without_index:.0f} MB (its master loads the embedding model too); so the matcher's part, "
        f"with its model ({local['model_mb']:.0f} MB in process): {matcher_mb:.0f} MB (target < 500)"
    )
    print(machine.calibration())


def report_local(r: dict) -> None:
    print(f"match bench: {r['documents']:,} claims indexed")
    print(
        f"index build  {r['build_s']:.1f} s, memory {r['memory_mb']:.0f} MB (resident set growth "
        f"of this process), {r['kept_mb']:.0f} MB once freed pages are returned as the server "
        f"does (target < 500); the embedding model, loaded before: {r['model_mb']:.0f} MB"
    )
    print(f"add a claim  p50 {r['add_ms'][0]:.1f} ms, p95 {r['add_ms'][1]:.1f} ms (target < 50)")
    ratio = [m / max(b, 1e-6) for m, b in zip(r["search_ms"], r["bm25_ms"], strict=True)]
    print(
        f"one query    matcher p50 {r['search_ms'][0]:.1f} ms, p95 {r['search_ms'][1]:.1f} ms; "
        f"bare BM25 p50 {r['bm25_ms'][0]:.1f} ms, p95 {r['bm25_ms'][1]:.1f} ms; "
        f"ratio {ratio[0]:.1f}x / {ratio[1]:.1f}x"
    )


if __name__ == "__main__":
    main()
