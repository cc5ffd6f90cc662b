"""Checked before? Claim matching over text: retrieval, scores, thresholds. Pure (no ORM).

numpy's BLAS runs one thread here: a matrix-vector product per query is far below what threads
pay for, and on a busy 2-core machine OpenBLAS threads spinning for each other made a 3,000-claim
cosine pass 12x slower.
"""

import numpy  # noqa: F401 - loads OpenBLAS: a limit set before any BLAS is loaded limits nothing
from threadpoolctl import threadpool_limits

threadpool_limits(limits=1, user_api="blas")
