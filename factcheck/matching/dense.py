"""Dense similarity from WordLlama, whose 16 MB English model ships inside its PyPI wheel.

Nothing is downloaded: the package folder is WordLlama's cache and downloads are disabled, so a
missing file is an error here rather than a request to a model hub.
"""

import logging
import os
from functools import lru_cache
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The tokenizer's worker threads kept ~1 KB of freed memory per text embedded (115 MB after 40,000
# texts) and are unsafe across gunicorn's fork; one thread tokenizes as fast on a busy 2-core box.
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@lru_cache(maxsize=1)
def model():  # noqa: ANN201 - WordLlamaInference, imported lazily
    """The packaged WordLlama model (256 dimensions), loaded once per process."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import wordllama  # its import calls logging.basicConfig(level=INFO): undone below

    root.handlers[:] = handlers
    root.setLevel(level)
    threadpool_limits(limits=1, user_api="blas")  # any BLAS its import loaded: one thread too
    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=256
    )


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (zeros for a text with no known word)."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    vectors = np.asarray(model().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


SCAN_DIMS = 64  # WordLlama is a matryoshka model: its first 64 dimensions are an embedding too


def _prefix(vectors: np.ndarray) -> np.ndarray:
    """The first SCAN_DIMS dimensions, unit length again: WordLlama's 64-dimension embedding."""
    prefix = np.ascontiguousarray(vectors[:, :SCAN_DIMS], dtype=np.float32)
    norms = np.linalg.norm(prefix, axis=1, keepdims=True)
    return prefix / np.where(norms == 0, 1.0, norms)


class Vectors:
    """Claim and headline vectors of documents numbered 0..n-1, kept for a fast first scan.

    A query reads every document's vectors, so bytes decide its speed (a float32 pass over 100,000
    claims and headlines at 256 dimensions reads 200 MB). The scan reads the 64-dimension prefix of
    both (51 MB), stored dimension-major (one row per dimension), the layout OpenBLAS reads fastest;
    the few candidates get exact 256-dimension cosines: the first 64 dimensions from the scan's
    unit prefixes times their stored lengths, the other 192 from float16 copies (half the memory;
    a cosine moves by about 1e-3 at most).
    """

    def __init__(self) -> None:
        self.count = 0
        self.scan_claims = np.zeros((SCAN_DIMS, 0), dtype=np.float32)
        self.scan_headlines = np.zeros((SCAN_DIMS, 0), dtype=np.float32)
        self.full = np.zeros((0, 2, 256 - SCAN_DIMS), dtype=np.float16)  # dimensions 64 on
        self.prefix_lengths = np.zeros((0, 2), dtype=np.float32)  # of the first 64, before unit
        self.own_headlines = 0  # documents whose headline vector is not their claim's

    def append(self, claims: np.ndarray, headlines: np.ndarray) -> None:
        """Add documents' unit claim and headline vectors (float32, n x 256 each)."""
        needed = self.count + len(claims)
        if needed > len(self.full):
            # Room for a quarter more, left as zeros: untouched zero pages take no memory, and a
            # gunicorn worker adding a new fact-check to the index its master built writes only
            # the new rows' pages instead of copying every vector into a larger array of its own.
            capacity = max(needed + needed // 4, 1024)
            self.scan_claims = _widened(self.scan_claims, capacity)
            self.scan_headlines = _widened(self.scan_headlines, capacity)
            full = np.zeros((capacity, 2, 256 - SCAN_DIMS), dtype=np.float16)
            full[: self.count] = self.full[: self.count]
            self.full = full
            lengths = np.zeros((capacity, 2), dtype=np.float32)
            lengths[: self.count] = self.prefix_lengths[: self.count]
            self.prefix_lengths = lengths
        self.own_headlines += int(np.any(claims != headlines, axis=1).sum())
        self.full[self.count : needed, 0] = claims[:, SCAN_DIMS:]
        self.full[self.count : needed, 1] = headlines[:, SCAN_DIMS:]
        self.prefix_lengths[self.count : needed, 0] = np.linalg.norm(claims[:, :SCAN_DIMS], axis=1)
        self.prefix_lengths[self.count : needed, 1] = np.linalg.norm(
            headlines[:, :SCAN_DIMS], axis=1
        )
        self.scan_claims[:, self.count : needed] = _prefix(claims).T
        self.scan_headlines[:, self.count : needed] = _prefix(headlines).T
        self.count = needed

    def scan(self, query: np.ndarray) -> np.ndarray:
        """Approximate cosine of every document to a unit query vector: the better of its claim
        and headline at 64 dimensions."""
        return self.scan_many(query[None, :])[0]

    def scan_many(self, queries: np.ndarray) -> np.ndarray:
        """`scan` for several queries (one row each) in one pass over the stored prefixes: the
        vectors are read from memory once, not once a query."""
        prefixes = _prefix(queries)
        claims = prefixes @ self.scan_claims[:, : self.count]
        if not self.own_headlines:  # every headline is its claim (an index of claims)
            return claims
        return np.maximum(claims, prefixes @ self.scan_headlines[:, : self.count], out=claims)

    def cosines(self, positions: list[int], query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Exact (256-dimension) cosines of some documents' claims and headlines to a query."""
        rest = self.full[positions].astype(np.float32) @ query[SCAN_DIMS:]
        head = query[:SCAN_DIMS]
        lengths = self.prefix_lengths[positions]
        claims = rest[:, 0] + (head @ self.scan_claims[:, positions]) * lengths[:, 0]
        headlines = rest[:, 1] + (head @ self.scan_headlines[:, positions]) * lengths[:, 1]
        return claims, headlines


def _widened(array: np.ndarray, columns: int) -> np.ndarray:
    grown = np.zeros((array.shape[0], columns), dtype=array.dtype)
    grown[:, : array.shape[1]] = array
    return grown
