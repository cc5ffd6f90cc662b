"""API benchmark: the verdict list and detail under load, against a bare JsonResponse ceiling.

Loads 100,000 claims and 20,000 published verdicts into PostgreSQL (``wb_bench``; reused when
already loaded), serves the app with gunicorn as a deployment would (DEBUG off, Redis cache for
the per-token throttle, persistent connections, CPUs + 1 sync workers) and drives it with wrk
for 30 s at 50 connections per scenario:

    list     GET /api/v1/verdicts/?page_size=100&updated_since=…   (API client token)
    detail   GET /api/v1/verdicts/<random id>/                       (API client token)
    ceiling  GET /bench/ceiling/?page_size=100&updated_since=…      bare view, same rows, JsonResponse
    ceil-det GET /bench/ceiling/<random id>/                         bare view, one row, JsonResponse

Targets: list p95 < 150 ms, detail ≥ 300 req/s, list/ceiling req/s ≥ 0.5.

wrk runs on the same machine, so each scenario also prints where the CPU went (wrk, the
gunicorn workers, the PostgreSQL backends of ``wb_bench``, everything else) in cores: with two
cores, that is what caps the reachable req/s.

    make bench-api      # or: .venv/bin/python bench/api.py --duration 10

gunicorn imports this file as ``api:application`` (``--pythonpath bench``) with BENCH_SERVE=1:
it is then the URLconf too (the app's URLs plus the ceiling view).
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
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wb_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
CLAIMS, VERDICTS, CLAIMS_PER_ARTICLE = 100_000, 20_000, 10
PORT = 8765
WRK_THREADS = 2  # one per core; more threads only add switching on a 2-core machine
LIST_FIELDS = (
    "id", "claim_id", "claim__text", "claim__claimant", "claim__article__url",
    "claim__article__canonical_url", "claim__article__publisher", "version", "rating", "summary",
    "status", "is_current", "published_at", "corrects_id", "correction_note", "updated_at",
)  # fmt: skip
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


def bench_env() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workbench.settings",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DEBUG": "false",
        "SECURE_COOKIES": "false",
        "API_THROTTLE_RATE": "100000000/hour",
        "LOG_LEVEL": "WARNING",
    }


# --- Served by gunicorn ---------------------------------------------------------------------


def ceiling(request):
    """The same rows as the verdict list page, straight from .values() into JsonResponse."""
    from django.http import JsonResponse

    from factcheck.models import Verdict

    size = min(int(request.GET.get("page_size", 100)), 100)
    rows = Verdict.objects.filter(status=Verdict.Status.PUBLISHED)
    if "updated_since" in request.GET:
        rows = rows.filter(updated_at__gte=request.GET["updated_since"])
    page = list(rows.order_by("-updated_at", "-id").values(*LIST_FIELDS)[:size])
    return JsonResponse({"next": None, "previous": None, "results": page})


def ceiling_detail(request, pk: int):
    """One published verdict's row, straight from .values() into JsonResponse."""
    from django.http import Http404, JsonResponse

    from factcheck.models import Verdict

    rows = Verdict.objects.filter(pk=pk, status=Verdict.Status.PUBLISHED).values(*LIST_FIELDS)
    row = rows.first()
    if row is None:
        raise Http404
    return JsonResponse(row)


if os.environ.get("BENCH_SERVE") == "1":
    import django

    django.setup()
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.urls import path

    import workbench.urls

    settings.ROOT_URLCONF = __name__
    urlpatterns = [
        path("bench/ceiling/", ceiling),
        path("bench/ceiling/<int:pk>/", ceiling_detail),
        *workbench.urls.urlpatterns,
    ]
    application = get_wsgi_application()


# --- The run ------------------------------------------------------------------------------------


def create_database() -> None:
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=bench_env(), check=True
    )
    subprocess.run([*manage, "createcachetable"], cwd=ROOT, env=bench_env(), check=True)


def load_rows() -> tuple[str, int, int]:
    """Load the rows once; return an API client's token and the verdict id range."""
    os.environ.update(bench_env())
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.db import transaction
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from factcheck import review
    from factcheck.models import Article, Claim, Verdict

    client, _ = User.objects.get_or_create(username="bench-client")
    client.groups.add(Group.objects.get(name=review.ROLE_API_CLIENT))
    token, _ = Token.objects.get_or_create(user=client)
    if Verdict.objects.filter(status=Verdict.Status.PUBLISHED).count() < VERDICTS:
        started = time.monotonic()
        editor, _ = User.objects.get_or_create(username="bench-editor")
        approver, _ = User.objects.get_or_create(username="bench-approver")
        with transaction.atomic():
            Verdict.objects.all().delete()
            Claim.objects.all().delete()
            Article.objects.all().delete()
            _bulk_load(Article, Claim, Verdict, editor, approver, timezone.now())
        print(f"loaded {CLAIMS} claims, {VERDICTS} verdicts in {time.monotonic() - started:.0f} s")
    analyze()
    ids = Verdict.objects.filter(status=Verdict.Status.PUBLISHED).values_list("id", flat=True)
    return token.key, min(ids), max(ids)


def analyze() -> None:
    """Fresh planner statistics, as autovacuum keeps them in a deployment. Without them (a bulk
    load, autovacuum off) PostgreSQL guessed 33 of 20,000 rows matched and joined all 20,000."""
    import psycopg

    with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
        for table in ("factcheck_article", "factcheck_claim", "factcheck_verdict"):
            connection.execute(f"VACUUM (ANALYZE) {table}")


def _bulk_load(Article, Claim, Verdict, editor, approver, now) -> None:  # noqa: N803
    sentence = "The minister said unemployment fell to {n}% in 2023, the lowest in a decade."
    articles = Article.objects.bulk_create(
        Article(
            url=f"https://news.example.org/story-{n}", title=f"Story {n}", publisher=f"Paper {n % 50}",
            body=" ".join(sentence.format(n=k) for k in range(CLAIMS_PER_ARTICLE)),
            content_hash=f"bench-{n}", status=Article.Status.EXTRACTED, published_at=now,
        )
        for n in range(CLAIMS // CLAIMS_PER_ARTICLE)
    )  # fmt: skip
    claims = Claim.objects.bulk_create(
        (
            Claim(
                article=article, text=sentence.format(n=k), start=k * 100, end=k * 100 + 80,
                score=(k + 1) / (CLAIMS_PER_ARTICLE + 1), claimant="The minister",
                status=Claim.Status.DISPUTED if k < 2 else Claim.Status.NEW,
            )
            for article in articles
            for k in range(CLAIMS_PER_ARTICLE)
        ),
        batch_size=5000,
    )  # fmt: skip
    reviewed = [claim for claim in claims if claim.status == Claim.Status.DISPUTED]
    Verdict.objects.bulk_create(
        (
            Verdict(
                claim=claim, rating=Verdict.Rating.FALSE, summary="The official figure is higher.",
                status=Verdict.Status.PUBLISHED, editor=editor, approved_by=approver,
                published_at=now,
            )
            for claim in reviewed[:VERDICTS]
        ),
        batch_size=5000,
    )  # fmt: skip


def serve(workers: int, threads: int) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "api:application", "--pythonpath", "bench",
        "--bind", f"127.0.0.1:{PORT}", "--workers", str(workers), "--log-level", "warning",
        "--backlog", "2048",
    ]  # fmt: skip
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    server = subprocess.Popen(command, cwd=ROOT, env={**bench_env(), "BENCH_SERVE": "1"})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            import httpx

            if httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def drive(path: str, *, token: str, mode: str, ids: tuple[int, int], duration: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % (ids[0], ids[1], mode))
    command = [
        "wrk", "-t", str(WRK_THREADS), "-c", "50", "-d", f"{duration}s", "--timeout", "10s",
        "-H", f"Authorization: Token {token}", "-s", script.name, f"http://127.0.0.1:{PORT}{path}",
    ]  # fmt: skip
    before, wrk_before = cpu_seconds(), _children_cpu()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    after, wrk = cpu_seconds(), _children_cpu() - wrk_before
    os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    result = json.loads(line[5:])
    result["rps"] = result["requests"] / result["seconds"]
    used = {"wrk": wrk, "gunicorn": 0.0, "postgres": 0.0, "all": after.pop("all") - before["all"]}
    for (group, pid), seconds in after.items():  # processes gone by the end are not counted
        used[group] += seconds - before.get((group, pid), 0.0)
    result["cpu"] = {name: seconds / result["seconds"] for name, seconds in used.items()}
    return result


def cpu_seconds() -> dict:
    """CPU seconds used so far by each gunicorn worker and PostgreSQL backend of wb_bench, and
    by the whole machine (``all``, from /proc/stat): the cores-used columns of the report."""
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
        group = _cpu_group(command)
        if group:
            used[group, entry.name] = (int(fields[11]) + int(fields[12])) / tick
    busy = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    used["all"] = (sum(busy) - busy[3] - busy[4]) / tick  # everything but idle and iowait
    return used


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (wrk, once it has exited)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_group(command: bytes) -> str | None:
    if b"api:application" in command:
        return "gunicorn"
    if command.startswith(b"postgres: ") and DATABASE_URL.rsplit("/", 1)[1].encode() in command:
        return "postgres"
    return None


def check(token: str, ids: tuple[int, int], since: str) -> None:
    """One request of each kind must succeed before load is worth measuring."""
    import httpx

    headers = {"Authorization": f"Token {token}"}
    base = f"http://127.0.0.1:{PORT}"
    page = httpx.get(
        f"{base}/api/v1/verdicts/?page_size=100&updated_since={since}", headers=headers
    )
    assert page.status_code == 200, page.text[:300]
    assert len(page.json()["results"]) == 100
    detail = httpx.get(f"{base}/api/v1/verdicts/{ids[0]}/", headers=headers)
    assert detail.status_code == 200, detail.text[:300]
    bare = httpx.get(f"{base}/bench/ceiling/?page_size=100&updated_since={since}")
    assert bare.status_code == 200, bare.text[:300]
    assert len(bare.json()["results"]) == 100
    assert httpx.get(f"{base}/bench/ceiling/{ids[0]}/").status_code == 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds per scenario")
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
        default=["list", "detail", "ceiling", "ceil-det"],
        help="which to run, comma-separated (the targets need all four)",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit(
            "bench/api.py drives the load with wrk: install it (Debian: apt-get install wrk)"
        )
    create_database()
    token, first, last = load_rows()
    since = "2000-01-01T00:00:00Z"
    server = serve(args.workers, args.threads)
    try:
        check(token, (first, last), since)
        query = f"?page_size=100&updated_since={since}"
        scenarios = {
            "list": (f"/api/v1/verdicts/{query}", "list"),
            "detail": ("/api/v1/verdicts/", "detail"),
            "ceiling": (f"/bench/ceiling/{query}", "list"),
            "ceil-det": ("/bench/ceiling/", "detail"),
        }
        results = {
            name: drive(path, token=token, mode=mode, ids=(first, last), duration=args.duration)
            for name, (path, mode) in scenarios.items()
            if name in args.scenarios
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(results, args)


def report(results: dict, args: argparse.Namespace) -> None:
    server = f"gunicorn {args.workers} workers × {args.threads} threads"
    print(
        f"\n{CLAIMS:,} claims, {VERDICTS:,} published verdicts; {server}; "
        f"wrk {WRK_THREADS} threads, 50 connections, {args.duration} s each"
    )
    print(
        f"{'scenario':<10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'non-2xx':>9}"
    )
    for name, r in results.items():
        print(
            f"{name:<10}{r['rps']:>9.1f}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}"
            f"{r['errors']:>8}{r['non2xx']:>9}"
        )
    print(f"cores used ({os.cpu_count()} in all; load average {_load()}):")
    for name, r in results.items():
        cpu = r["cpu"]
        rest = cpu["all"] - cpu["wrk"] - cpu["gunicorn"] - cpu["postgres"]
        print(
            f"  {name:<10}wrk {cpu['wrk']:.2f}  gunicorn {cpu['gunicorn']:.2f}  "
            f"postgres {cpu['postgres']:.2f}  other {rest:.2f}  = {cpu['all']:.2f}; "
            f"{r['rps'] / max(cpu['gunicorn'], 0.01):.0f} req per gunicorn CPU-second"
        )
    if set(results) != {"list", "detail", "ceiling", "ceil-det"}:
        return
    detail_ratio = results["detail"]["rps"] / results["ceil-det"]["rps"]
    print(
        f"ratio detail/ceil-det req/s: {detail_ratio:.2f} (not a target; what detail could reach)"
    )
    ratio = results["list"]["rps"] / results["ceiling"]["rps"]
    print(f"ratio list/ceiling req/s: {ratio:.2f}")
    targets = {
        "list p95 < 150 ms": results["list"]["p95"] < 150,
        "detail >= 300 req/s": results["detail"]["rps"] >= 300,
        "ratio >= 0.5": ratio >= 0.5,
    }
    for name, met in targets.items():
        print(f"  {'met' if met else 'MISSED'}: {name}")


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
