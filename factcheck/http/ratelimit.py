"""A per-host request spacing shared by every worker process, kept in Django's cache.

Time is cut into slots `interval` seconds wide; a request must own a slot and starts when its slot
starts (or gives it up), so two requests to one host are at least `interval` apart, less the small
lateness allowed below, whichever process sends them. Each host's slots are shifted by a fixed
fraction of the interval derived from its name, the same in every process: with one grid for all
hosts, every waiting thread woke at the same instant and many came too late to use their slot.
A slot is owned by whoever creates its cache key first: `cache.add()` is atomic on Redis (SET NX)
and on the database cache (the table's unique key), so no lock or read-modify-write is needed.
Slots are wall-clock times, so machines sharing a cache need synchronised clocks (NTP).
"""

from __future__ import annotations

import math
import time
import zlib

from django.core.cache import cache

# A turn may begin this fraction of the interval after its slot starts; a later arrival (a slow
# cache call, a busy machine) would crowd the next slot's owner, so it takes a new slot instead.
LATENESS_ALLOWED = 0.025
# A slot's key outlives its start by this much, so that clocks a little behind on another machine
# still see it taken; short, so the database cache is not filled with spent slots.
SLOT_GRACE_SECONDS = 5


class NoTurnBeforeDeadline(Exception):
    """The host's next free slot starts after the caller's deadline; `wait` is seconds until it."""

    def __init__(self, host: str, wait: float) -> None:
        super().__init__(f"The next request to {host} may only be sent in {wait:.1f} s.")
        self.wait = wait


def wait_for_turn(host: str, interval: float, *, deadline: float) -> None:
    """Sleep until this process owns the next free slot for host. interval <= 0 returns at once.

    deadline is a time.monotonic() value; NoTurnBeforeDeadline is raised, without sleeping and
    without taking a slot, when the next free slot starts after it.
    """
    if interval <= 0:
        return
    phase = _phase(host)
    # Only slots that have not started yet: a slot already under way could be taken late in its
    # width and leave less than `interval` before the next slot's request.
    slot = _next_slot(interval, phase)
    while not (
        _take_slot(host, interval, slot, phase, deadline)
        and _arrive((slot + phase) * interval, interval)
    ):
        slot = max(slot + 1, _next_slot(interval, phase))


def _phase(host: str) -> float:
    """Where host's slots start within an interval, as a fraction in [0, 1); stable everywhere."""
    return zlib.crc32(host.encode()) / 2**32


def _next_slot(interval: float, phase: float) -> int:
    """The first slot of this grid that starts now or later."""
    return math.ceil(time.time() / interval - phase)


def _arrive(start: float, interval: float) -> bool:
    """Sleep until start (a time.time() value); False when woken too late to use the slot."""
    time.sleep(max(0.0, start - time.time()))
    return time.time() - start <= interval * LATENESS_ALLOWED


def _take_slot(host: str, interval: float, slot: int, phase: float, deadline: float) -> bool:
    """Try to own slot; False when another request holds it."""
    wait = (slot + phase) * interval - time.time()
    if time.monotonic() + wait > deadline:
        raise NoTurnBeforeDeadline(host, wait)
    # The interval is part of the key: slot numbers of different widths mean different times.
    key = f"rate:{host}:{interval:g}:{slot}"
    return cache.add(key, 1, timeout=math.ceil(max(wait, 0.0)) + SLOT_GRACE_SECONDS)
