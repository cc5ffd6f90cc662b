"""`manage.py runworkbench`: the web server, the Celery workers and beat together.

Ctrl-C (SIGINT) or SIGTERM stops them all; if one of them dies, the others are stopped too,
so a half-running workbench never hides.
"""

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

STOP_GRACE_SECONDS = 15


class Command(BaseCommand):
    help = "Run the web server on 127.0.0.1:8000 with the fetch and analyse workers and beat."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addr", default="127.0.0.1:8000")
        parser.add_argument("--fetch-concurrency", type=int, default=16, help="threads in all")
        parser.add_argument("--fetch-processes", type=int, default=2)
        parser.add_argument("--analyse-concurrency", type=int, default=2)

    def handle(
        self, *args, addr: str, fetch_concurrency: int, fetch_processes: int,
        analyse_concurrency: int, **opts,
    ) -> None:  # fmt: skip
        celery = [sys.executable, "-m", "celery", "-A", "workbench"]
        # Threads of one process share one core (the GIL), so fetching is spread over processes.
        threads = str(max(1, fetch_concurrency // fetch_processes))
        fetchers = {
            f"fetch-worker-{k}": celery + [
                "worker", "-Q", "fetch", "-P", "threads", "-c", threads, "-n", f"fetch{k}@%h",
                "-l", "info",
            ]
            for k in range(1, fetch_processes + 1)
        }  # fmt: skip
        commands = {
            "web": [sys.executable, "manage.py", "runserver", addr, "--noreload"],
            **fetchers,
            "analyse-worker": celery + [
                "worker", "-Q", "analyse", "-P", "prefork", "-c", str(analyse_concurrency),
                "-n", "analyse@%h", "-l", "info",
            ],
            "beat": celery + ["beat", "-l", "info", "-s", settings.CELERY_BEAT_SCHEDULE_FILENAME],
        }  # fmt: skip
        processes = {
            name: subprocess.Popen(cmd, cwd=settings.BASE_DIR) for name, cmd in commands.items()
        }
        self.stdout.write(f"Workbench on http://{addr}/admin/ — Ctrl-C stops everything.")
        stopping = False

        def request_stop(signum, frame) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)
        try:
            while not stopping:
                dead = [name for name, p in processes.items() if p.poll() is not None]
                if dead:
                    self.stderr.write(f"{', '.join(dead)} stopped; stopping the rest.")
                    break
                time.sleep(0.5)
        finally:
            self._stop(processes)

    def _stop(self, processes: dict[str, subprocess.Popen]) -> None:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for name, process in processes.items():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.stderr.write(f"{name} did not stop in time; killing it.")
                process.kill()
                process.wait()
        self.stdout.write("Stopped.")
