"""Dense similarity from WordLlama, whose 16 MB English model ships inside its PyPI wheel.

Nothing is downloaded: the package folder is WordLlama's cache and downloads are disabled, so a
missing file is an error here rather than a request to a model hub.
"""

import logging
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@lru_cache(maxsize=1)
def model():  # noqa: ANN201 - WordLlamaInference, imported lazily
    """The packaged WordLlama model (256 dimensions), loaded once per process."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import wordllama  # its import calls logging.basicConfig(level=INFO): undone below

    root.handlers[:] = handlers
    root.setLevel(level)
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
