"""Near-duplicate texts: MinHash signatures (datasketch) over word shingles. Pure.

The same story pasted, uploaded and fetched by URL, or a wire story on two sites, differs in a
dateline, a byline or a trailing paragraph; its 5-word shingles mostly agree. Two texts whose
estimated Jaccard similarity reaches NEAR_DUPLICATE are one story.
"""

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
NEAR_DUPLICATE = 0.8
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Lower-cased word 5-grams (the whole text as one shingle when shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> MinHash:
    """The MinHash of a text's shingles."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(bytes(data), dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


class NearDuplicates:
    """An LSH index of signatures by key; `similar` lists keys likely above NEAR_DUPLICATE."""

    def __init__(self, threshold: float = NEAR_DUPLICATE) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def __contains__(self, key: str) -> bool:
        return key in self.signatures

    def add(self, key: str, minhash: MinHash) -> None:
        if key not in self.signatures:
            self.lsh.insert(key, minhash)
            self.signatures[key] = minhash

    def similar(self, minhash: MinHash) -> list[tuple[str, float]]:
        """(key, estimated Jaccard) of indexed texts at or above the threshold, best first."""
        found = [(k, self.signatures[k].jaccard(minhash)) for k in self.lsh.query(minhash)]
        return sorted((f for f in found if f[1] >= self.threshold), key=lambda f: -f[1])
