"""gunicorn's settings for serving the workbench: ``gunicorn -c workbench/gunicorn.conf.py
workbench.wsgi`` (flags on the command line, such as ``--bind`` or ``--workers``, win).

The app is loaded once, in the master, and the match API's index (our published verdicts and
imported fact-checks, ``factcheck.checked_before``) is built there before the workers fork: they
share its memory copy-on-write instead of each building its own (about 20 s and 450 MB at
100,000 fact-checks) on its first match request. Sync workers, one per core: a match request is
CPU work, so more workers than cores only queue on the cores.
"""

import gc
import logging
import os

bind = "127.0.0.1:8000"
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1))  # gunicorn's own variable
preload_app = True

logger = logging.getLogger("workbench.gunicorn")


def when_ready(server: object) -> None:
    """In the master, once the app is loaded and before the first fork: build the match index,
    close the database connections the build opened (a forked connection is shared by every
    worker), hand the allocator's free pages back, and freeze the collector."""
    from django.db import DatabaseError, connections

    from factcheck import checked_before
    from workbench import memory

    try:
        checked_before.preload()
    except DatabaseError as exc:  # not migrated yet: each worker builds it on first use
        logger.warning("Match index not built before the fork (%s).", exc)
    connections.close_all()
    memory.release_free_pages()
    # The index's objects leave the collector's care: a full collection in a worker would walk
    # (and so copy) every page the fork shares, and stall that worker's requests meanwhile.
    gc.freeze()
