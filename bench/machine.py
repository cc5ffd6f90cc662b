"""What every benchmark prints beside its numbers: the machine's speed and who used the CPU.

``calibration()`` times a fixed pure-Python loop: numbers from two days (or from a busy and a
quiet machine) can be compared through it. The /proc readers give CPU seconds and peak memory
of process trees and of a database's PostgreSQL backends (Linux only).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def calibration(seconds: float = 1.0) -> str:
    """Millions of iterations per CPU-second of a fixed loop, and the share of a core it got."""
    loops, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        total = 0
        for i in range(100_000):
            total += i * i % 7
        loops += 1
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return (
        f"machine calibration: {loops * 0.1 / used:.2f} M loop iterations per CPU-second "
        f"(a core's speed), {used / wall:.2f} of a core granted; load average {load}; "
        f"{os.cpu_count()} cores"
    )


def children(pid: int) -> list[int]:
    """Every descendant of a process."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found + [g for c in found for g in children(c)]


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of one live process (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def tree_cpu(pids: list[int]) -> float:
    """CPU seconds of the processes and their live descendants."""
    return sum(process_cpu(task) for pid in pids for task in [pid, *children(pid)])


def peak_rss_mb(pids: list[int]) -> float:
    """Sum of peak resident memory (VmHWM) of the processes and their descendants. Forked
    children's pages shared with their parent are counted in each: an upper bound."""
    total = 0
    for task in [t for pid in pids for t in [pid, *children(pid)]]:
        try:
            status = Path(f"/proc/{task}/status").read_text()
        except OSError:
            continue
        total += sum(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")
        )
    return total / 1024


def pss_mb(pids: list[int]) -> float:
    """Proportional set size of the processes and their descendants, summed: each page shared
    by n processes (a forked child's inherited pages, shared libraries) counts 1/n in each, so
    the sum is the memory the group really holds."""
    total = 0
    for task in [t for pid in pids for t in [pid, *children(pid)]]:
        try:
            rollup = Path(f"/proc/{task}/smaps_rollup").read_text()
        except OSError:
            continue
        total += sum(
            int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")
        )
    return total / 1024


class PeakPSS:
    """The highest summed PSS (``pss_mb``) of some process trees, sampled every 0.5 s."""

    def __init__(self, pids: list[int]) -> None:
        self.pids, self.peak, self.running = pids, 0.0, False

    def __enter__(self) -> PeakPSS:
        self.running = True
        self.thread = threading.Thread(target=self._sample_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.running = False
        self.thread.join()

    def _sample_forever(self) -> None:
        while self.running:
            self.peak = max(self.peak, pss_mb(self.pids))
            time.sleep(0.5)


def quiet_since(pids: list[int], *, idle_share: float = 0.05, quiet: float = 2.0) -> float:
    """Wait until the process trees have used under `idle_share` of a core for `quiet`
    seconds in a row (their idle polling only); return when they were last busy (time.time())."""
    step, last_busy = 0.5, time.time()
    used = tree_cpu(pids)
    while time.time() - last_busy < quiet:
        time.sleep(step)
        now = tree_cpu(pids)
        if now - used > idle_share * step:
            last_busy = time.time()
        used = now
    return last_busy


class BackendCPU:
    """CPU seconds of the PostgreSQL backends serving one database, sampled every 0.2 s so
    that backends which close before the end are counted up to their last sample."""

    def __init__(self, database: str) -> None:
        self.marker = f" {database} ".encode()
        self.seen: dict[int, tuple[float, float]] = {}  # pid: (first sample, last sample)
        self.running = False

    def __enter__(self) -> BackendCPU:
        self._sample(initial=True)
        self.running = True
        self.thread = threading.Thread(target=self._sample_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.running = False
        self.thread.join()
        self._sample()

    def seconds(self) -> float:
        return sum(last - first for first, last in self.seen.values())

    def _sample_forever(self) -> None:
        while self.running:
            self._sample()
            time.sleep(0.2)

    def _sample(self, initial: bool = False) -> None:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if command.startswith(b"postgres: ") and self.marker in command:
                pid, used = int(entry.name), process_cpu(int(entry.name))
                # A backend first seen mid-run started then: it had used nothing before.
                first = self.seen[pid][0] if pid in self.seen else (used if initial else 0.0)
                self.seen[pid] = (first, used)
