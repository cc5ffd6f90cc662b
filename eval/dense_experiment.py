"""Experiment: a fine-tuned MiniLM bi-encoder in the claim matcher, measured on CLEF-2020 dev.

    python eval/dense_experiment.py MODEL [--onnx]

MODEL is a sentence-transformers folder (from eval/dense_finetune.py) or, with --onnx, a folder
holding model.onnx and tokenizer.json (dense_finetune.export). Train tweets are split as in
dense_finetune.split: the encoder learned from 600 of them; fusion weights are fitted here on the
other 200 ("fusion tweets"), and dev is evaluated once per configuration:

- dense alone: max(cosine to claim, cosine to headline) at 384, 256 and 64 dimensions;
- control: the WordLlama matcher, its fusion fitted on the same 200 fusion tweets;
- addition: the WordLlama matcher's candidates and features plus the encoder's three cosines;
- replacement: the matcher with the encoder's 256-dimension prefix in place of WordLlama.

Measured 2026-11-30 (MAP@5; dense 384 dims fusion tweets / dev; fused dev):
zero-shot MiniLM 0.807 / 0.771, addition 0.809, replacement 0.803; fine-tuned 4 epochs
(batch 32, 3e-5) 0.803 / 0.794, addition 0.814, replacement 0.812 (int8 ONNX: 0.811, 0.812);
fine-tuned 6 epochs (batch 64, 5e-5) 0.799 / 0.800, addition 0.816, replacement 0.815;
control 0.789 (the shipped matcher, fusion fitted on all 800 train tweets: 0.790). Not adopted.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)

import numpy as np  # noqa: E402

from eval import dense_finetune as finetune  # noqa: E402
from factcheck.matching import clef, dense, fusion  # noqa: E402
from factcheck.matching import text as mtext  # noqa: E402
from factcheck.matching.index import Matcher  # noqa: E402

PRODUCTION_DIMS = 256


class TorchEncoder:
    """A sentence-transformers folder's embeddings (unit length, 384 dimensions), one thread."""

    def __init__(self, folder: str) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        self.model = SentenceTransformer(folder, device="cpu")
        self.model.max_seq_length = finetune.MAX_TOKENS

    def __call__(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, batch_size=64, convert_to_numpy=True)


class OnnxEncoder:
    """An exported model's mean-pooled token vectors (not unit length), one thread, batches of 32
    texts of similar length."""

    def __init__(self, folder: str) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(Path(folder) / "model.onnx"), options)
        self.tokenizer = Tokenizer.from_file(str(Path(folder) / "tokenizer.json"))
        self.tokenizer.enable_truncation(finetune.MAX_TOKENS)

    def __call__(self, texts: list[str]) -> np.ndarray:
        out = []
        order = np.argsort([len(t) for t in texts])  # similar lengths together: less padding
        for start in range(0, len(texts), 32):
            chunk = [texts[i] for i in order[start : start + 32]]
            self.tokenizer.enable_padding()
            encodings = self.tokenizer.encode_batch(chunk)
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            out.append(self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0])
        vectors = np.zeros((len(texts), out[0].shape[1]), dtype=np.float32)
        vectors[order] = np.vstack(out)
        return vectors


def unit(vectors: np.ndarray, dims: int) -> np.ndarray:
    prefix = vectors[:, :dims].astype(np.float32)
    return prefix / np.maximum(np.linalg.norm(prefix, axis=1, keepdims=True), 1e-12)


def map5(rankings: dict[str, list[str]], split: str, ids: list[str] | None = None) -> float:
    wanted = clef.relevant(split)
    ids = ids if ids is not None else list(rankings)
    return float(np.mean([clef.average_precision(rankings[t], wanted.get(t, set())) for t in ids]))


def fused_rankings(matcher: Matcher, texts: dict[str, str], weights: np.ndarray, extra=None):
    rankings = {}
    for tweet_id, text in texts.items():
        positions, rows = matcher.candidate_rows(text)
        if extra is not None and positions:
            rows = np.hstack([rows, extra(text, positions)])
        if not positions:
            rankings[tweet_id] = []
            continue
        scores = 1.0 / (1.0 + np.exp(-(rows @ weights)))
        order = np.argsort(-scores, kind="stable")
        ranked = matcher._earliest_twin_first([(positions[i], float(scores[i])) for i in order])
        rankings[tweet_id] = [matcher.ids[p] for p, _ in ranked[:5]]
    return rankings


def fit_rows(matcher: Matcher, texts: dict[str, str], extra=None) -> np.ndarray:
    wanted = clef.relevant("train")
    rows, labels = [], []
    for tweet_id, text in texts.items():
        positions, candidate_rows = matcher.candidate_rows(text)
        if not positions:
            continue
        if extra is not None:
            candidate_rows = np.hstack([candidate_rows, extra(text, positions)])
        rows.append(candidate_rows)
        labels.extend(float(matcher.ids[p] in wanted.get(tweet_id, ())) for p in positions)
    return fusion.fit(np.vstack(rows), np.asarray(labels))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--onnx", action="store_true")
    args = parser.parse_args()
    encoder = OnnxEncoder(args.model) if args.onnx else TorchEncoder(args.model)
    encoder_ids, fusion_ids = finetune.split()
    train, dev = clef.queries("train"), clef.queries("dev")
    fusion_texts = {t: train[t] for t in fusion_ids}
    documents = clef.verified_claims()
    texts = finetune.document_texts()
    claims = [texts[d.id][0] for d in documents]
    headlines = [texts[d.id][1] for d in documents]
    started = time.perf_counter()
    tweets = {mtext.clean(t) for t in [*train.values(), *dev.values()]}
    distinct = sorted(set(claims) | set(headlines) | tweets)
    table = dict(zip(distinct, encoder(distinct), strict=True))
    print(f"encoded {len(distinct)} distinct texts in {time.perf_counter() - started:.0f} s")

    def lookup(many: list[str]) -> np.ndarray:
        return np.stack([table[t] if t in table else encoder([t])[0] for t in many])

    C, H = np.stack([table[c] for c in claims]), np.stack([table[h] for h in headlines])
    ids = [d.id for d in documents]
    print("dense alone, MAP@5: encoder tweets (seen) / fusion tweets (unseen) / dev")
    for dims in (384, 256, 64):
        c, h = unit(C, dims), unit(H, dims)
        result = {}
        for split, queries in (("train", train), ("dev", dev)):
            q = unit(lookup([mtext.clean(t) for t in queries.values()]), dims)
            scores = np.maximum(q @ c.T, q @ h.T)
            top = np.argsort(-scores, axis=1)[:, :5]
            result[split] = {t: [ids[i] for i in row] for t, row in zip(queries, top, strict=True)}
        print(
            f"  {dims:3d} dims: {map5(result['train'], 'train', encoder_ids):.3f} / "
            f"{map5(result['train'], 'train', fusion_ids):.3f} / {map5(result['dev'], 'dev'):.3f}"
        )

    wordllama = Matcher(documents)
    weights = fit_rows(wordllama, fusion_texts)
    control = fused_rankings(wordllama, dev, weights)
    print(f"control (WordLlama, fusion fitted on fusion tweets): dev {map5(control, 'dev'):.3f}")

    def extra(text: str, positions: list[int]) -> np.ndarray:
        q = unit(lookup([mtext.clean(text)]), 384)[0]
        c, h = unit(C[positions], 384) @ q, unit(H[positions], 384) @ q
        best = np.sort(c)[::-1]
        runner = np.where(c >= best[0], best[1] if len(best) > 1 else 0.0, best[0])
        return np.stack([c, h, c - runner], axis=1)

    weights = fit_rows(wordllama, fusion_texts, extra)
    added = fused_rankings(wordllama, dev, weights, extra)
    fit_side = fused_rankings(wordllama, fusion_texts, weights, extra)
    print(
        f"addition (WordLlama + MiniLM cosines as features): fusion tweets "
        f"{map5(fit_side, 'train'):.3f}, dev {map5(added, 'dev'):.3f}"
    )
    del wordllama

    dense.embed = lambda many: unit(lookup(many), PRODUCTION_DIMS) if many else np.zeros((0, 256))
    replaced = Matcher(documents)
    weights = fit_rows(replaced, fusion_texts)
    fit_side = fused_rankings(replaced, fusion_texts, weights)
    held_out = fused_rankings(replaced, dev, weights)
    print(
        f"replacement (MiniLM {PRODUCTION_DIMS} dims for WordLlama): fusion tweets "
        f"{map5(fit_side, 'train'):.3f}, dev {map5(held_out, 'dev'):.3f}"
    )


if __name__ == "__main__":
    main()
