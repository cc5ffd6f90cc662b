"""API benchmark: the verdict list and detail under load against a bare view of the same rows,
and the claims search at 10,000 and 100,000 claims.

Loads 100,000 claims and 20,000 published verdicts into PostgreSQL (``wb_bench``, and 10,000
claims with 2,000 verdicts into ``wb_bench_10k``; reused when already loaded), serves the app
with gunicorn as a deployment would (DEBUG off, Redis cache for the token lookup and the
per-token throttle, persistent connections, CPUs + 1 sync workers) and drives it with wrk:

    at 50 connections, 30 s each, on 100,000 claims:
    list     GET /api/v1/verdicts/?page_size=100&updated_since=…   the app (API client token)
    detail   GET /api/v1/verdicts/<random id>/                       the app (API client token)
    ceiling  GET /bench/ceiling/?page_size=100&updated_since=…      bare view: the same token
             check (the app's cached token authentication), the same rows from .values(),
             written with the app's orjson renderer; no throttle, serializer or pagination
    ceil-det GET /bench/ceiling/<random id>/                         bare view, one row, the same
    at 1 connection, 10 s each, on 10,000 and on 100,000 claims (editor token):
    q-none   GET /api/v1/claims/?q=zebra        no claim matches
    q-some   GET /api/v1/claims/?q=idlib        1 % of the claims match
    q-all    GET /api/v1/claims/?q=minister     every claim matches

Targets: list p95 < 150 ms, list/ceiling req/s ≥ 0.8, q= p95 < 50 ms at 100,000 claims. The
machine's calibration (a fixed CPU loop) is printed before and after.

wrk runs on the same machine, so each scenario also prints where the CPU went (wrk, the
gunicorn workers, the PostgreSQL backends of ``wb_bench``, everything else) in cores: with two
cores, that is what caps the reachable req/s.

    make bench-api      # or: .venv/bin/python bench/api.py --duration 10

gunicorn serves ``bench/api_serve.py``: the app's URLs plus the ceiling views.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wb_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
SCALES = {"100k": (100_000, 20_000), "10k": (10_000, 2_000)}  # claims, published verdicts
CLAIMS_PER_ARTICLE = 10
SEARCHES = {"q-none": "zebra", "q-some": "idlib", "q-all": "minister"}
PORT = 8765
WRK_THREADS = 2  # one per core; more threads only add switching on a 2-core machine
WRK_SCRIPT = """
local ids_from, ids_to = %d, %d
local mode = "%s"
request = function()
  if mode == "detail" then
    return wrk.format("GET", wrk.path .. math.random(ids_from, ids_to) .. "/")
  end
  return wrk.format("GET", wrk.path)
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


def database_url(scale: str) -> str:
    return DATABASE_URL if scale == "100k" else f"{DATABASE_URL}_{scale}"


def bench_env(scale: str = "100k") -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
        "DATABASE_URL": database_url(scale),
        "REDIS_URL": REDIS_URL,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-key-not-for-production",
        "SECURE_COOKIES": "false",
        "API_THROTTLE_RATE": "100000000/hour",
        "LOG_LEVEL": "WARNING",
    }


# --- The run ------------------------------------------------------------------------------------


def create_database(scale: str) -> None:
    import psycopg

    url = database_url(scale)
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    manage = [sys.executable, "manage.py"]
    env = bench_env(scale)
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "createcachetable"], cwd=ROOT, env=env, check=True)


def load(scale: str) -> dict:
    """Load a scale's rows in a child process (Django holds one database per process)."""
    create_database(scale)
    command = [sys.executable, str(Path(__file__)), "--load", scale]
    output = subprocess.run(
        command, cwd=ROOT, env=bench_env(scale), check=True, capture_output=True, text=True
    ).stdout
    for line in output.splitlines()[:-1]:
        print(line)
    return json.loads(output.splitlines()[-1])


def load_rows(scale: str) -> None:
    """Load the rows once; print the tokens and the verdict id range as JSON."""
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.db import transaction
    from django.utils import timezone

    from factcheck import review
    from factcheck.api.tokens import api_token_create
    from factcheck.models import Article, Claim, Verdict

    claims, verdicts = SCALES[scale]
    client, _ = User.objects.get_or_create(username="bench-client")
    client.groups.add(Group.objects.get(name=review.ROLE_API_CLIENT))
    editor, _ = User.objects.get_or_create(username="bench-editor")
    editor.groups.add(Group.objects.get(name=review.ROLE_EDITOR))
    if Claim.objects.count() != claims:
        started = time.monotonic()
        approver, _ = User.objects.get_or_create(username="bench-approver")
        with transaction.atomic():
            Verdict.objects.all().delete()
            Claim.objects.all().delete()
            Article.objects.all().delete()
            _bulk_load(Article, Claim, Verdict, editor, approver, timezone.now(), claims, verdicts)
        print(f"loaded {claims} claims, {verdicts} verdicts in {time.monotonic() - started:.0f} s")
    analyze(database_url(scale))
    ids = Verdict.objects.filter(status=Verdict.Status.PUBLISHED).values_list("id", flat=True)
    tokens = {}
    for role, user in (("client", client), ("editor", editor)):
        user.api_tokens.filter(name="bench").delete()
        tokens[role] = api_token_create(user=user, name="bench", actor=None)[1]
    print(json.dumps({"tokens": tokens, "ids": [min(ids), max(ids)]}))


def analyze(url: str) -> None:
    """Fresh planner statistics, as autovacuum keeps them in a deployment. Without them (a bulk
    load, autovacuum off) PostgreSQL guessed 33 of 20,000 rows matched and joined all 20,000."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        for table in ("factcheck_article", "factcheck_claim", "factcheck_verdict"):
            connection.execute(f"VACUUM (ANALYZE) {table}")


def _bulk_load(Article, Claim, Verdict, editor, approver, now, claims, verdicts) -> None:  # noqa: N803
    """Articles of ten claims; the claim of every hundredth is about Idlib (q-some)."""
    sentence = "The minister said unemployment fell to {n}% in 2023, the lowest in a decade."
    rare = "The minister said {n} families returned to Idlib in 2023, the most in a decade."
    articles = Article.objects.bulk_create(
        (
            Article(
                url=f"https://news.example.org/story-{n}", title=f"Story {n}",
                publisher=f"Paper {n % 50}",
                body=" ".join(sentence.format(n=k) for k in range(CLAIMS_PER_ARTICLE)),
                content_hash=f"bench-{n}", status=Article.Status.EXTRACTED, published_at=now,
            )
            for n in range(claims // CLAIMS_PER_ARTICLE)
        ),
        batch_size=5000,
    )  # fmt: skip
    rows = Claim.objects.bulk_create(
        (
            Claim(
                article=article, start=k * 100, end=k * 100 + 80,
                text=(rare if k == 5 and article.pk % 10 == 0 else sentence).format(n=k),
                score=(k + 1) / (CLAIMS_PER_ARTICLE + 1), claimant="The minister",
                status=Claim.Status.DISPUTED if k < 2 else Claim.Status.NEW,
            )
            for article in articles
            for k in range(CLAIMS_PER_ARTICLE)
        ),
        batch_size=5000,
    )  # fmt: skip
    reviewed = [claim for claim in rows if claim.status == Claim.Status.DISPUTED]
    Verdict.objects.bulk_create(
        (
            Verdict(
                claim=claim, rating=Verdict.Rating.FALSE, summary="The official figure is higher.",
                status=Verdict.Status.PUBLISHED, editor=editor, approved_by=approver,
                published_at=now,
            )
            for claim in reviewed[:verdicts]
        ),
        batch_size=5000,
    )  # fmt: skip


def serve(scale: str, workers: int, threads: int) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "api_serve:application", "--pythonpath", "bench",
        "--bind", f"127.0.0.1:{PORT}", "--workers", str(workers), "--log-level", "warning",
        "--backlog", "2048",
    ]  # fmt: skip
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    server = subprocess.Popen(command, cwd=ROOT, env=bench_env(scale))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            import httpx

            if httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def drive(
    path: str, *, token: str, mode: str, ids: tuple[int, int], duration: int, connections: int,
    database: str,
) -> dict:  # fmt: skip
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % (ids[0], ids[1], mode))
    threads = min(WRK_THREADS, connections)
    command = [
        "wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--timeout",
        "10s", "-H", f"Authorization: Token {token}", "-s", script.name,
        f"http://127.0.0.1:{PORT}{path}",
    ]  # fmt: skip
    before, wrk_before = cpu_seconds(database), _children_cpu()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    after, wrk = cpu_seconds(database), _children_cpu() - wrk_before
    os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    result = json.loads(line[5:])
    result["rps"] = result["requests"] / result["seconds"]
    result["connections"] = connections
    used = {"wrk": wrk, "gunicorn": 0.0, "postgres": 0.0, "all": after.pop("all") - before["all"]}
    for (group, pid), seconds in after.items():  # processes gone by the end are not counted
        used[group] += seconds - before.get((group, pid), 0.0)
    result["cpu"] = {name: seconds / result["seconds"] for name, seconds in used.items()}
    return result


def cpu_seconds(database: str) -> dict:
    """CPU seconds used so far by each gunicorn worker and PostgreSQL backend of the database,
    and by the whole machine (``all``, from /proc/stat): the cores-used columns of the report."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        group = _cpu_group(command, database)
        if group:
            used[group, entry.name] = (int(fields[11]) + int(fields[12])) / tick
    busy = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    used["all"] = (sum(busy) - busy[3] - busy[4]) / tick  # everything but idle and iowait
    return used


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (wrk, once it has exited)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_group(command: bytes, database: str) -> str | None:
    if b"api_serve:application" in command:
        return "gunicorn"
    if command.startswith(b"postgres: ") and f" {database} ".encode() in command:
        return "postgres"
    return None


def check(tokens: dict, ids: tuple[int, int], since: str) -> None:
    """One request of each kind must succeed before load is worth measuring."""
    import httpx

    client = {"Authorization": f"Token {tokens['client']}"}
    base = f"http://127.0.0.1:{PORT}"
    page = httpx.get(
        f"{base}/api/v1/verdicts/?page_size=100&updated_since={since}", headers=client, timeout=60
    )
    assert page.status_code == 200, page.text[:300]
    assert len(page.json()["results"]) == 100
    detail = httpx.get(f"{base}/api/v1/verdicts/{ids[0]}/", headers=client)
    assert detail.status_code == 200, detail.text[:300]
    bare = httpx.get(f"{base}/bench/ceiling/?page_size=100&updated_since={since}", headers=client)
    assert bare.status_code == 200, bare.text[:300]
    assert [r["id"] for r in bare.json()["results"]] == [r["id"] for r in page.json()["results"]]
    assert httpx.get(f"{base}/bench/ceiling/{ids[0]}/", headers=client).status_code == 200
    assert httpx.get(f"{base}/bench/ceiling/{ids[0]}/").status_code == 401


def search_counts(tokens: dict) -> dict[str, int]:
    import httpx

    editor = {"Authorization": f"Token {tokens['editor']}"}
    counts = {}
    for name, word in SEARCHES.items():
        found = httpx.get(
            f"http://127.0.0.1:{PORT}/api/v1/claims/?q={word}", headers=editor, timeout=120
        )
        assert found.status_code == 200, found.text[:300]
        counts[name] = found.json()["count"]
    return counts


def plans(database: str) -> None:
    """EXPLAIN ANALYZE of each q= search's count, as claim_search builds it: the GIN index on the
    stored vector (migration 0011) must be what PostgreSQL uses."""
    for name, word in SEARCHES.items():
        sql = (
            "EXPLAIN (ANALYZE, COSTS OFF) SELECT COUNT(*) FROM factcheck_claim WHERE "
            f"search_vector @@ websearch_to_tsquery('english'::regconfig, '{word}')"
        )
        plan = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-At", "-c", sql],
            capture_output=True, text=True, check=True,
        ).stdout.splitlines()  # fmt: skip
        scans = [line.strip(" ->") for line in plan if "Scan" in line]
        took = next((line for line in plan if line.startswith("Execution Time")), "")
        print(f"  EXPLAIN {database} {name}: {'; '.join(scans)}; {took}")


def run_scale(scale: str, args: argparse.Namespace) -> dict:
    loaded = load(scale)
    tokens, ids = loaded["tokens"], tuple(loaded["ids"])
    database = database_url(scale).rsplit("/", 1)[1]
    since = "2000-01-01T00:00:00Z"
    query = f"?page_size=100&updated_since={since}"
    scenarios = {  # name: path, token, wrk mode, connections, seconds
        "list": (f"/api/v1/verdicts/{query}", "client", "list", 50, args.duration),
        "detail": ("/api/v1/verdicts/", "client", "detail", 50, args.duration),
        "ceiling": (f"/bench/ceiling/{query}", "client", "list", 50, args.duration),
        "ceil-det": ("/bench/ceiling/", "client", "detail", 50, args.duration),
        **{
            name: (f"/api/v1/claims/?q={word}", "editor", "list", 1, args.search_duration)
            for name, word in SEARCHES.items()
        },
    }
    wanted = [n for n in args.scenarios if n in scenarios and (scale == "100k" or n[:2] == "q-")]
    server = serve(scale, args.workers, args.threads)
    try:
        check(tokens, ids, since)
        counts = search_counts(tokens)
        plans(database)
        results = {}
        for name in wanted:
            path, token, mode, connections, duration = scenarios[name]
            results[name] = drive(
                path, token=tokens[token], mode=mode, ids=ids, duration=duration,
                connections=connections, database=database,
            )  # fmt: skip
            results[name]["matches"] = counts.get(name)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds per load scenario")
    parser.add_argument("--search-duration", type=int, default=10, help="seconds per q= scenario")
    parser.add_argument(
        "--workers",
        type=int,
        default=(os.cpu_count() or 1) + 1,
        # gunicorn suggests 2 × CPUs + 1; with PostgreSQL and wrk on the same 2 cores, 5 workers
        # served the list at the same rate as 3 with a longer tail (p95 168-268 ms against 147-152)
        help="gunicorn sync workers (default: CPUs + 1)",
    )
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker (more than 1: gthread)"
    )
    parser.add_argument(
        "--scenarios",
        type=lambda value: value.split(","),
        default=["list", "detail", "ceiling", "ceil-det", *SEARCHES],
        help="which to run, comma-separated (the targets need all of them)",
    )
    parser.add_argument("--scales", type=lambda value: value.split(","), default=list(SCALES))
    parser.add_argument("--load", help=argparse.SUPPRESS)  # child process: load one scale
    args = parser.parse_args()
    if args.load:
        load_rows(args.load)
        return
    if shutil.which("wrk") is None:
        raise SystemExit(
            "bench/api.py drives the load with wrk: install it (Debian: apt-get install wrk)"
        )
    import machine

    print(machine.calibration())
    results = {scale: run_scale(scale, args) for scale in args.scales}
    report(results, args)
    print(machine.calibration())


def report(results: dict, args: argparse.Namespace) -> None:
    server = f"gunicorn {args.workers} workers × {args.threads} threads"
    print(f"\n{server}; wrk {WRK_THREADS} threads (1 for 1 connection)")
    print(
        f"{'claims':<7}{'scenario':<10}{'conns':>6}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'errors':>8}{'non-2xx':>9}{'matches':>9}"
    )
    for scale, runs in results.items():
        for name, r in runs.items():
            print(
                f"{scale:<7}{name:<10}{r['connections']:>6}{r['rps']:>9.1f}{r['p50']:>9.1f}"
                f"{r['p95']:>9.1f}{r['p99']:>9.1f}{r['errors']:>8}{r['non2xx']:>9}"
                f"{'' if r['matches'] is None else r['matches']:>9}"
            )
    print(f"cores used ({os.cpu_count()} in all; load average {_load()}):")
    for scale, runs in results.items():
        for name, r in runs.items():
            cpu = r["cpu"]
            rest = cpu["all"] - cpu["wrk"] - cpu["gunicorn"] - cpu["postgres"]
            print(
                f"  {scale:<6}{name:<10}wrk {cpu['wrk']:.2f}  gunicorn {cpu['gunicorn']:.2f}  "
                f"postgres {cpu['postgres']:.2f}  other {rest:.2f}  = {cpu['all']:.2f}; "
                f"{r['rps'] / max(cpu['gunicorn'], 0.01):.0f} req per gunicorn CPU-second"
            )
    big = results.get("100k", {})
    targets = {}
    if {"list", "ceiling"} <= set(big):
        ratio = big["list"]["rps"] / big["ceiling"]["rps"]
        print(f"ratio list/ceiling req/s: {ratio:.2f} (the same rows, token and JSON writer)")
        targets["list/ceiling >= 0.8"] = ratio >= 0.8
        targets["list p95 < 150 ms"] = big["list"]["requests"] > 0 and big["list"]["p95"] < 150
    if {"detail", "ceil-det"} <= set(big):
        ratio = big["detail"]["rps"] / big["ceil-det"]["rps"]
        print(f"ratio detail/ceil-det req/s: {ratio:.2f} (not a target)")
    for name in SEARCHES:
        if name in big:
            served = big[name]["requests"] > 0  # none within wrk's 10 s timeout: missed
            targets[f"{name} p95 < 50 ms at 100,000 claims"] = served and big[name]["p95"] < 50
    for name, met in targets.items():
        print(f"  {'met' if met else 'MISSED'}: {name}")


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
