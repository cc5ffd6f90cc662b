"""Where an article's analyse-worker time goes: cProfile (CPU time) of the pipeline in-process.

Stores the benchmark's pages (``bench/pages.py``) as fetched articles in a throwaway SQLite
database, then profiles what the analyse worker does for each: ``ingest.article_extract`` and,
with the default settings, ``pipeline.claim_find_sources`` for every new claim (the tasks they
queue go to a throwaway embedded broker and are not run; the cited reports are stored as fetched
and ranked first, so a citation is ranked by the search that finds it, as in the default bench's
steady state). The first two articles warm up (the
check-worthiness model, tldextract's suffix list, compiled patterns) and are not profiled. Prints
the top functions by own time and by cumulative time, in CPU milliseconds per article.

    make bench-profile          # or: .venv/bin/python bench/profile_ingest.py --pages 100 --bare
"""

import argparse
import cProfile
import os
import pstats
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARMUP = 2
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--bare", action="store_true", help="source finding off")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument(
        "--sampler", choices=["cprofile", "py-spy"], default="cprofile",
        help="py-spy (in requirements.txt) samples without slowing Python code down",
    )  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wb-profile-") as tmp:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="workbench.settings", DATABASE_URL=f"sqlite:///{tmp}/db.sqlite3",
            WORKBENCH_VAR_DIR=tmp, REDIS_URL="", LOG_LEVEL="WARNING",
            SOURCES_FIND_ON_INGEST="false" if args.bare else "true",
            SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-only-key-not-for-production",
        )  # fmt: skip
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        profile(args.pages, args.bare, args.top, args.sampler)


def profile(count: int, bare: bool, top: int, sampler: str) -> None:
    import machine
    import pages
    from django.conf import settings
    from django.utils import timezone

    from factcheck import checked_before, ingest
    from factcheck.models import Article, ArticleRaw, Claim, Source, SourceDocument
    from factcheck.sources import pipeline

    print(machine.calibration())
    sources = [f"http://127.0.0.{2 + n % 8}:8080/report/{n}" for n in range(40)]
    ids = []
    for i, page in enumerate(pages.build_pages(count + WARMUP, sources)):
        article = Article.objects.create(
            url=f"http://127.0.0.1:8080/article/{i}", status=Article.Status.FETCHING
        )
        ArticleRaw.objects.create(article=article, content=page, final_url=article.url)
        ids.append(article.pk)
    if not bare:
        # The cited reports as the fetch workers leave them: fetched, then ranked once (the
        # steady state of the default bench, where each is cited by thousands of claims).
        for n, url in enumerate(sources):
            source = Source.objects.create(
                url=url, domain="bench", status=Source.Status.FETCHED, fetched_at=timezone.now()
            )
            SourceDocument.objects.create(
                source=source, content=pages.source_page(n), content_type="text/html",
                fetched_at=source.fetched_at,
            )  # fmt: skip
            pipeline.source_rank(source_id=source.pk)

    def analyse(article_id: int) -> None:
        ingest.article_extract(article_id=article_id)
        if settings.MATCH_ON_INGEST:
            checked_before.article_claims_match(article_id=article_id)
        if not bare:
            claims = Claim.objects.filter(article_id=article_id).values_list("pk", flat=True)
            for claim_id in claims:
                pipeline.claim_find_sources(claim_id=claim_id)

    for article_id in ids[:WARMUP]:
        analyse(article_id)
    profiler = cProfile.Profile(time.process_time) if sampler == "cprofile" else None
    sampled = Path(tempfile.mkdtemp(prefix="wb-py-spy-")) / "stacks.txt"
    spy = None if profiler else start_py_spy(sampled)
    started = time.process_time()
    if profiler:
        profiler.enable()
    for article_id in ids[WARMUP:]:
        analyse(article_id)
    if profiler:
        profiler.disable()
    used = time.process_time() - started
    extracted = Article.objects.filter(status=Article.Status.EXTRACTED).count() - WARMUP
    print(
        f"{extracted} of {count} articles extracted, {Claim.objects.count()} claims; "
        f"{1000 * used / count:.1f} CPU ms an article "
        f"({'source finding off' if bare else 'default settings: source finding on'})"
    )
    if spy is not None:
        spy.send_signal(signal.SIGINT)  # py-spy writes what it sampled and exits
        spy.wait(timeout=60)
        print_sampled(sampled, top, 1000 * used / count)
        return
    stats = pstats.Stats(profiler)
    scale = 1000 / count
    for key, title in (("tottime", "own time"), ("cumulative", "cumulative")):
        print(f"\ntop {top} by {title} (CPU ms an article):")
        stats.sort_stats(key)
        for func in stats.fcn_list[:top]:
            _calls, ncalls, own, cumulative, _ = stats.stats[func]
            name = f"{Path(func[0]).name}:{func[1]}({func[2]})"
            print(
                f"  {own * scale:8.2f} own {cumulative * scale:8.2f} cum {ncalls / count:8.1f} calls  {name}"
            )


def start_py_spy(output: Path) -> subprocess.Popen:
    """py-spy sampling this process (100 a second, Python frames) into `output`."""
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    command = [py_spy, "record", "-r", "100", "-f", "raw", "-o", str(output), "--pid"]
    spy = subprocess.Popen([*command, str(os.getpid())], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(1)  # attached before the articles start
    return spy


def print_sampled(path: Path, top: int, cpu_ms: float) -> None:
    """The functions in the most samples of the profiled loop (own and inclusive), as shares of
    the samples and as CPU ms an article."""
    inclusive, own, total = Counter(), Counter(), 0
    for line in path.read_text().splitlines():
        stack, _, samples = line.rpartition(" ")
        # "function (path/file.py:line)" -> "function (file.py)": a function's lines together
        frames = [re.sub(r" \((?:.*/)?([^/]*?)(?::\d+)?\)$", r" (\1)", f) for f in stack.split(";")]
        if not any(f.startswith("profile.<locals>.analyse") for f in frames):
            continue  # py-spy attaching, the final print
        total += int(samples)
        own[frames[-1]] += int(samples)
        for frame in set(frames):
            if "(profile_ingest.py)" not in frame:  # the harness: in every sample
                inclusive[frame] += int(samples)
    for title, counts in (("own", own), ("inclusive", inclusive)):
        print(f"\ntop {top} by {title} samples (py-spy; share, then CPU ms an article):")
        for frame, samples in counts.most_common(top):
            print(f"  {100 * samples / total:5.1f} %  {cpu_ms * samples / total:8.1f} ms  {frame}")


if __name__ == "__main__":
    main()
