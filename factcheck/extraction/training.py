"""Train the check-worthiness model from the labelled sentences in data/checkworthiness/.

Reproducible: the splits are fixed (named transcripts, sentence ids hashed with SHA-1) and the
solver is deterministic, so the same data gives the same JSON byte for byte. Needs scikit-learn,
which only training needs; scoring reads the JSON (model.py).

Splits, made before any tuning:
    dev          4 whole CLEF-2019 transcripts + 15 % of ClaimBuster: for `eval/` only
    calibration  4 other CLEF transcripts + 18 % of the rest of ClaimBuster: Platt scaling
    fit          everything else (minus any sentence whose text is also in dev)

CLEF's own labels mark only the sentences fact-checkers checked, so the fit split's CLEF
sentences are labelled by a teacher instead (teacher.py: MiniLM fine-tuned on the fit split's
ClaimBuster sentences): each enters twice, as check-worthy with weight TEACHER_WEIGHT·p and as
not with weight TEACHER_WEIGHT·(1 − p), p the teacher's probability read from
data/checkworthiness/clef19_teacher.jsonl.gz. The calibration split keeps CLEF's labels.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.extraction.grams import grams
from factcheck.extraction.model import MODEL_PATH

DATA_DIR = Path(__file__).resolve().parent / "data" / "checkworthiness"
DATA_FILES = ("clef19_train.jsonl.gz", "cb_train.jsonl.gz")
TEACHER_PATH = DATA_DIR / "clef19_teacher.jsonl.gz"  # made by teacher.py
DEV_TRANSCRIPTS = frozenset(
    {"20160926_1pres", "20170228_trump_address", "20180916_trump_miami", "20170216_trump_press"}
)
CALIBRATION_TRANSCRIPTS = frozenset(
    {"20161010_2pres", "20160414_9dem", "20170928_trump_tax", "20181112_trump_pelosi"}
)
DEV_PERCENT, CALIBRATION_PERCENT = 15, 18
CLEF_WEIGHT = 0.3  # CLEF marks only sentences that were fact-checked: a weaker negative signal
TEACHER_WEIGHT = 1.0  # a CLEF fit sentence, labelled by the teacher, counts as a ClaimBuster one
C = 2.0
MIN_DF = 2
SIGNIFICANT_DIGITS = 7
SEED = 0  # liblinear shuffles with it: a fixed seed makes a retrain identical


@dataclass(frozen=True)
class Row:
    text: str
    label: int
    source: str

    @property
    def transcript(self) -> str:
        """The CLEF transcript name ("20160926_1pres"), or "" for ClaimBuster sentences."""
        if not self.source.startswith("clef"):
            return ""
        return self.source.split("/", 1)[1].split(".tsv", 1)[0]


@dataclass(frozen=True)
class Splits:
    fit: list[Row]
    calibration: list[Row]
    dev: list[Row]


def load_rows(data_dir: Path = DATA_DIR) -> list[Row]:
    rows = []
    for name in DATA_FILES:
        with gzip.open(data_dir / name, "rt", encoding="utf-8") as handle:
            rows += [Row(**json.loads(line)) for line in handle]
    return rows


def split_rows(rows: list[Row]) -> Splits:
    """The fixed fit / calibration / dev split described in the module docstring."""
    dev = [row for row in rows if _in_slice(row, DEV_TRANSCRIPTS, "", DEV_PERCENT)]
    dev_texts = {_normalised(row.text) for row in dev}
    rest = [row for row in rows if _normalised(row.text) not in dev_texts]
    calibration = [
        row for row in rest if _in_slice(row, CALIBRATION_TRANSCRIPTS, "val", CALIBRATION_PERCENT)
    ]
    chosen = set(map(id, calibration))
    return Splits([row for row in rest if id(row) not in chosen], calibration, dev)


def read_teacher(path: Path = TEACHER_PATH) -> dict[str, float]:
    """CLEF sentence source id → the teacher's probability that it is worth checking."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return {item["source"]: float(item["p"]) for item in map(json.loads, handle)}


def train(rows: list[Row] | None = None) -> dict:
    """The model document (JSON-ready) trained on the fit split, calibrated on calibration.

    Numerical libraries run on one thread: the sums then come out the same whatever
    OMP_NUM_THREADS says (with several threads the last digits of the weights varied).
    """
    from threadpoolctl import threadpool_limits  # training only, as scikit-learn below

    with threadpool_limits(limits=1):
        return _train(rows)


def _train(rows: list[Row] | None) -> dict:
    # Imported here: only training needs scikit-learn, and loading it costs every process a second.
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    splits = split_rows(load_rows() if rows is None else rows)
    vectoriser = TfidfVectorizer(analyzer=grams, sublinear_tf=True, min_df=MIN_DF)
    vectoriser.fit([row.text for row in splits.fit])
    texts, labels, weights = _taught(splits.fit, read_teacher())
    classifier = LogisticRegression(
        C=C, class_weight="balanced", solver="liblinear", max_iter=5000, random_state=SEED
    )
    classifier.fit(vectoriser.transform(texts), labels, sample_weight=weights)
    raw = classifier.decision_function(vectoriser.transform([r.text for r in splits.calibration]))
    platt = LogisticRegression(
        C=1e6, class_weight="balanced", solver="liblinear", random_state=SEED
    )
    platt.fit(raw.reshape(-1, 1), _labels(splits.calibration), _weights(splits.calibration))
    features = vectoriser.get_feature_names_out()
    return {
        "features": [str(feature) for feature in features],
        "idf": [_rounded(value) for value in vectoriser.idf_],
        "coef": [_rounded(value) for value in np.asarray(classifier.coef_[0])],
        "intercept": _rounded(classifier.intercept_[0]),
        "platt": [_rounded(platt.coef_[0][0]), _rounded(platt.intercept_[0])],
        "meta": _meta(splits),
    }


def write_document(document: dict, path: Path = MODEL_PATH) -> None:
    """Write the document gzipped with a fixed timestamp, so equal models give equal bytes."""
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with path.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as handle:
        handle.write(payload)


def _taught(fit: list[Row], teacher: dict[str, float]) -> tuple[list[str], list[int], list[float]]:
    """Texts, labels and weights to train on: ClaimBuster rows as they are, then every CLEF
    row twice with the teacher's probability as weights (see the module docstring)."""
    claimbuster = [row for row in fit if not row.transcript]
    clef = [row for row in fit if row.transcript]
    missing = [row.source for row in clef if row.source not in teacher]
    if missing:
        raise ValueError(f"no teacher label for {missing[:3]}…: remake it (teacher.py)")
    taught = [teacher[row.source] for row in clef]
    texts = [row.text for row in claimbuster] + [row.text for row in clef] * 2
    labels = [row.label for row in claimbuster] + [1] * len(clef) + [0] * len(clef)
    weights = [1.0] * len(claimbuster)
    weights += [TEACHER_WEIGHT * p for p in taught] + [TEACHER_WEIGHT * (1 - p) for p in taught]
    return texts, labels, weights


def _in_slice(row: Row, transcripts: frozenset[str], salt: str, percent: int) -> bool:
    if row.transcript:
        return row.transcript in transcripts
    digest = hashlib.sha1((salt + row.source).encode("utf-8")).hexdigest()
    return int(digest, 16) % 100 < percent


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _labels(rows: list[Row]) -> list[int]:
    return [row.label for row in rows]


def _weights(rows: list[Row]) -> list[float]:
    return [CLEF_WEIGHT if row.transcript else 1.0 for row in rows]


def _rounded(value: float) -> float:
    return float(f"{float(value):.{SIGNIFICANT_DIGITS}g}")


def _meta(splits: Splits) -> dict:
    import sklearn  # only training needs scikit-learn (see train)

    return {
        "trained_with": f"scikit-learn {sklearn.__version__}",
        "fit_rows": len(splits.fit),
        "calibration_rows": len(splits.calibration),
        "dev_rows": len(splits.dev),
        "settings": {
            "C": C,
            "clef_weight": CLEF_WEIGHT,
            "min_df": MIN_DF,
            "clef_fit_labels": "teacher (clef19_teacher.jsonl.gz)",
            "teacher_weight": TEACHER_WEIGHT,
        },
    }
