"""Passages of a source, how well each bears on a claim, and a suggested stance. Pure — no Django.

Scoring (deterministic, per source document):

* ``bm25`` — Okapi BM25 (k1 = 1.5, b = 0.75) of the claim's distinct terms against the passages
  of this one document; terms are accent-folded, lowercased, stop-word-filtered, lightly stemmed.
* relevance = (bm25 / best bm25 in the document) × √coverage, where coverage is the share of
  the claim's distinct terms the passage contains: the best passage of an off-topic document
  still scores low.
* ``entity_overlap`` — share of the claim's names (capitalised phrases; a surname alone counts)
  and quantities found in the passage (a quantity counts when it pairs and does not conflict).
* ``score`` = 0.6 × relevance + 0.4 × entity_overlap. When ``sentence_transformers`` is
  installed, 0.4 × relevance + 0.3 × overlap + 0.3 × cosine similarity instead.
"""

from __future__ import annotations

import importlib.util
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from factcheck.sources import numbers

K1 = 1.5
B = 0.75
RELEVANT = 0.35  # below this a passage says little about the claim
SUPPORTIVE_OVERLAP = 0.5  # without numbers, support needs this much entity overlap
MAX_QUERY_TERMS = 12
_CANDIDATES = 50  # passages scored in full (numbers, entities) after the BM25 pass
_NEGATION_WINDOW = 6  # words before a predicate that may negate it
EMBEDDING_MODEL = "all-MiniLM-L6-v2"
EMBEDDINGS_AVAILABLE = importlib.util.find_spec("sentence_transformers") is not None

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most mostly my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours said says say saying told tells according stated
    states reported reports announced claimed claims added since""".split()
)
NEGATIONS = frozenset(
    """not no never neither nor none nobody nothing cannot deny denies denied denying false untrue
    refuted refutes rejected rejects dismissed disputed""".split()
)
_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_ENTITY = re.compile(
    rf"{_NAME_WORD}(?:\s+(?:(?:of|the|de|al|bin|van|von|du|la|le)\s+)?{_NAME_WORD})*"
)
_CONTENT = re.compile(r"\S(?:[^\n]*\S)?")  # one line, trimmed
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")
_VISIBLE = re.compile(r"\S")


@dataclass(frozen=True)
class Passage:
    """A stretch of a source: ``source_text[start:end] == text``, never blank at either end."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class RankedPassage:
    """A passage scored against a claim (module doc); ``matched_terms`` are words to highlight."""

    text: str
    start: int
    end: int
    score: float
    bm25: float
    entity_overlap: float
    number_check: str
    matched_terms: tuple[str, ...]
    negated: bool = False  # negates the claim's predicate near a matched word (claim does not)
    number_pairs: tuple = ()  # the number check's (claimed, found, result) pairs


def split_passages(text: str, *, target_chars: int = 600) -> list[Passage]:
    """Lines are paragraphs: long ones cut at sentences (else spaces), short ones merged."""
    if target_chars < 1:
        raise ValueError("target_chars must be positive")
    units = [u for m in _CONTENT.finditer(text) for u in _cut(text, *m.span(), target_chars)]
    merged: list[tuple[int, int]] = []
    for start, end in units:
        if merged and end - merged[-1][0] <= target_chars:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [Passage(text[start:end], start, end) for start, end in merged]


def rank_passages(
    claim_text: str,
    source_text: str,
    *,
    top_k: int = 3,
    tolerance: float | numbers.Bands = 0.05,
) -> list[RankedPassage]:
    """The ``top_k`` (>= 1) passages sharing terms with the claim, best first; [] when none do."""
    if top_k < 1:
        raise ValueError("top_k must be positive")
    claim = _claim(claim_text, tolerance)
    passages, counts = _analysed(source_text)
    bm25 = _bm25(claim.query, counts)
    candidates = sorted((i for i, s in enumerate(bm25) if s > 0), key=lambda i: (-bm25[i], i))
    candidates = candidates[: max(_CANDIDATES, top_k)]
    if not candidates:
        return []
    best = bm25[candidates[0]]
    similarities = _similarities(claim_text, [passages[i].text for i in candidates])
    ranked = [
        _ranked(claim, passages[i], bm25[i], bm25[i] / best, similarity)
        for i, similarity in zip(candidates, similarities, strict=True)
    ]
    return sorted(ranked, key=lambda r: (-r.score, r.start))[:top_k]


def suggest_stance(passages: list[RankedPassage]) -> str:
    """'supports', 'conflicts' or 'related' — a suggestion for the editor, never a verdict.

    The best-ranked relevant passage (score >= RELEVANT) with a decisive signal decides: a number
    conflict or a negated predicate → 'conflicts'; agreeing numbers → 'supports'. With no decisive
    signal, a top passage with no numbers to check but high entity overlap → 'supports'.
    """
    relevant = [p for p in passages if p.score >= RELEVANT]
    for passage in relevant:
        if passage.number_check == "conflicts" or passage.negated:
            return "conflicts"
        if passage.number_check == "agrees":
            return "supports"
    top = relevant[0] if relevant else None
    if top and top.number_check == "none" and top.entity_overlap >= SUPPORTIVE_OVERLAP:
        return "supports"
    return "related"


def claim_query(claim_text: str, claimant: str = "") -> str:
    """A search query: claimant, names, figures, content words; MAX_QUERY_TERMS words at most."""
    chosen: list[str] = []
    for term in [_strip_stop_words(claimant), *key_terms(claim_text)]:
        folded = _fold(term)
        if not term or any(folded in _fold(c) or _fold(c) in folded for c in chosen):
            continue
        if len(" ".join([*chosen, term]).split()) > MAX_QUERY_TERMS:
            break
        chosen.append(term)
    return " ".join(chosen)


def key_terms(text: str) -> list[str]:
    """Names, then figures (without qualifiers), then other content words, each once, in order."""
    quantities = [q for q in numbers.parse_quantities(text) if q.kind != "ordinal"]
    taken = [q.span for q in quantities]
    names = [(m.span(), _strip_stop_words(m[0])) for m in _ENTITY.finditer(text)]
    names = [(span, name) for span, name in names if len(name) > 1 and not _overlaps(span, taken)]
    taken += [span for span, _ in names]
    words = [
        m[0] for m in _WORD.finditer(text) if _is_content(m[0]) and not _overlaps(m.span(), taken)
    ]
    terms = [name for _, name in names] + [numbers.bare_text(q) for q in quantities] + words
    return list(dict.fromkeys(terms))


# --- passages -------------------------------------------------------------------------------


def _cut(text: str, start: int, end: int, target: int) -> list[tuple[int, int]]:
    """A paragraph as spans of at most ``target`` characters, cut at sentence ends if possible."""
    if end - start <= target:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    for s, e in _sentences(text, start, end):
        if pieces and e - pieces[-1][0] <= target:
            pieces[-1] = (pieces[-1][0], e)
        else:
            pieces.extend(_hard_cut(text, s, e, target))
    return pieces


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, at = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans.append((at, m.end() - len(m[0]) + len(m[0].rstrip())))
        at = m.end()
    return [*spans, (at, end)] if at < end else spans


def _hard_cut(text: str, start: int, end: int, target: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at the last space within reach, or mid-word if there is none."""
    pieces = []
    while end - start > target:
        spaces = list(_SPACE.finditer(text, start + 1, start + target + 1))
        cut = spaces[-1].start() if spaces else start + target
        pieces.append((start, cut))
        visible = _VISIBLE.search(text, cut, end)  # ``end`` is visible, so this always matches
        start = visible.start() if visible else end
    return [*pieces, (start, end)]


# --- terms and BM25 -------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Accent-folded, case-folded: 'Erdoğan' → 'erdogan'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=65_536)
def _term(word: str) -> str:
    """One word as a BM25 term: folded, possessive and thousands separators dropped, stemmed."""
    return _folded_term(_fold(word))


def _folded_term(word: str) -> str:
    word = word.replace("’", "'")
    if word[:1].isdigit():
        return word.replace(",", "")
    return _stem(word[:-2] if word.endswith("'s") else word)


def _stem(word: str) -> str:
    """Light suffix stripping so 'escaped'/'escape' and 'refugees'/'refugee' meet."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _terms(text: str) -> list[str]:
    return [_folded_term(w) for w in _WORD.findall(_fold(text)) if w not in STOP_WORDS]


@lru_cache(maxsize=8)
def _analysed(source_text: str) -> tuple[list[Passage], list[Counter[str]]]:
    """A source text's passages and their term counts, made once for the many claims citing it
    (read only)."""
    passages = split_passages(source_text)
    return passages, [Counter(_terms(p.text)) for p in passages]


def _bm25(query: list[str], documents: list[Counter[str]]) -> list[float]:
    if not documents:
        return []
    lengths = [sum(d.values()) for d in documents]
    average = sum(lengths) / len(lengths) or 1.0
    idf = {t: _idf(sum(1 for d in documents if t in d), len(documents)) for t in query}
    return [
        sum(
            idf[t] * d[t] * (K1 + 1) / (d[t] + K1 * (1 - B + B * n / average))
            for t in query
            if t in d
        )
        for d, n in zip(documents, lengths, strict=True)
    ]


def _idf(containing: int, total: int) -> float:
    return math.log((total - containing + 0.5) / (containing + 0.5) + 1)


# --- entities, numbers, negation ------------------------------------------------------------


@dataclass(frozen=True)
class _Claim:
    """What ranking needs from a claim, worked out once per source."""

    text: str
    query: tuple[str, ...]  # distinct BM25 terms
    names: tuple[str, ...]
    quantities: int
    predicates: frozenset[str]
    negated: bool
    tolerance: float | numbers.Bands


def _claim(text: str, tolerance: float | numbers.Bands) -> _Claim:
    found = (_strip_stop_words(m[0]) for m in _ENTITY.finditer(text))
    names = dict.fromkeys(name for name in found if len(name) > 1)
    predicates = _predicates(text)
    return _Claim(
        text=text,
        query=tuple(sorted(set(_terms(text)))),
        names=tuple(names),
        quantities=len(numbers.figures(text)),
        predicates=predicates,
        negated=_negates(text, predicates),
        tolerance=tolerance,
    )


def _ranked(
    claim: _Claim, passage: Passage, bm25: float, share: float, similarity: float | None
) -> RankedPassage:
    terms = _passage_counts(passage.text)
    coverage = sum(1 for t in claim.query if t in terms) / len(claim.query)
    checked = numbers.check_numbers(claim.text, passage.text, claim.tolerance)
    overlap = _entity_overlap(claim, passage.text, checked)
    return RankedPassage(
        text=passage.text,
        start=passage.start,
        end=passage.end,
        score=_score(share * math.sqrt(coverage), overlap, similarity),
        bm25=bm25,
        entity_overlap=overlap,
        number_check=checked.result,
        matched_terms=_matched_terms(passage.text, set(claim.query), checked),
        negated=_negates(passage.text, claim.predicates) != claim.negated,
        number_pairs=checked.pairs,
    )


@lru_cache(maxsize=4096)
def _passage_counts(text: str) -> Counter[str]:
    """A passage's term counts (read only), shared by the claims citing its source."""
    return Counter(_terms(text))


def _score(relevance: float, overlap: float, similarity: float | None) -> float:
    if similarity is None:
        return round(0.6 * relevance + 0.4 * overlap, 6)
    return round(0.4 * relevance + 0.3 * overlap + 0.3 * max(0.0, similarity), 6)


def _entity_overlap(claim: _Claim, passage: str, checked: numbers.NumberCheck) -> float:
    folded = _fold(passage)
    found = sum(1 for name in claim.names if _mentions(folded, _fold(name)))
    agreeing = sum(1 for _, _, result in checked.pairs if result != "conflicts")
    total = len(claim.names) + claim.quantities
    return (found + agreeing) / total if total else 0.0


def _mentions(folded_passage: str, folded_name: str) -> bool:
    """The whole name, or for a multi-word name its last word (a surname, 'Erdogan')."""
    options = {folded_name, folded_name.split()[-1]}
    return any(re.search(rf"(?<!\w){re.escape(o)}(?!\w)", folded_passage) for o in options)


def _matched_terms(passage: str, query: set[str], checked: numbers.NumberCheck) -> tuple[str, ...]:
    figures = [found.span for _, found, _ in checked.pairs]
    words = _WORD.finditer(passage)
    hits = [
        (m.start(), m[0])
        for m in words
        if _term(m[0]) in query and not _overlaps(m.span(), figures)
    ]
    hits += [(found.span[0], found.text) for _, found, _ in checked.pairs]
    seen: dict[str, str] = {}
    for _, surface in sorted(hits):
        seen.setdefault(_fold(surface), surface)
    return tuple(seen.values())


def _predicates(claim: str) -> frozenset[str]:
    """The claim's lowercase content words, as terms: its verbs and common nouns."""
    return frozenset(_term(w) for w in _WORD.findall(claim) if w[0].islower() and _is_content(w))


def _negates(text: str, predicates: frozenset[str]) -> bool:
    """A negation within a few words before one of the predicates."""
    words = [_fold(w) for w in _WORD.findall(text)]
    for i, word in enumerate(words):
        if _term(word) in predicates:
            window = words[max(0, i - _NEGATION_WINDOW) : i]
            if any(w in NEGATIONS or w.endswith("n't") for w in window):
                return True
    return False


def _strip_stop_words(phrase: str) -> str:
    words = phrase.split()
    while words and _fold(words[0]) in STOP_WORDS:
        words.pop(0)
    return " ".join(words)


def _is_content(word: str) -> bool:
    return len(word) > 2 and not word[0].isdigit() and _fold(word) not in STOP_WORDS


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


# --- optional sentence embeddings -----------------------------------------------------------


@cache
def _encoder() -> Any | None:
    """The sentence-embedding model, or None when it is not installed or cannot load."""
    if not EMBEDDINGS_AVAILABLE:
        return None
    try:
        # Imported here: optional (EMBEDDINGS_AVAILABLE), and slow to load when present.
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(EMBEDDING_MODEL)
    except (ImportError, OSError):
        return None


def _similarities(claim: str, texts: list[str]) -> list[float | None]:
    """Cosine similarity of each text to the claim; all None when no encoder is available."""
    encoder = _encoder()
    if encoder is None or not texts:
        return [None] * len(texts)
    claim_vector, *vectors = encoder.encode([claim, *texts])
    return [_cosine(claim_vector, v) for v in vectors]


def _cosine(a: Any, b: Any) -> float:
    dot = sum(float(x) * float(y) for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(float(x) ** 2 for x in a)) * math.sqrt(sum(float(y) ** 2 for y in b))
    return dot / norm if norm else 0.0
