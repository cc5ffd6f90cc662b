"""Single-thread cost of embedding one tweet, and of embedding the CLEF-2020 claims, per encoder.

    python bench/dense_encode.py [--torch ST_FOLDER] [--onnx FOLDER ...]

Each dev tweet (cleaned as the matcher cleans it) is embedded alone, as a match request does;
prints wall and CPU p50/p95 per tweet (CPU time is the fairer measure on a busy machine), then the time to embed all 10,375 claims and their headlines in batches.

Measured 2026-11-30 on the busy 2-core machine (load about 4), the fine-tuned MiniLM of
eval/dense_experiment.py: WordLlama 0.06 / 0.11 ms a tweet; MiniLM torch 14.0 / 30.4 ms wall,
ONNX float32 (90 MB) 12.7 / 22.4 ms wall, ONNX dynamic int8 (23 MB) 2.6 / 4.6 ms CPU
(3.3 / 8.4 ms wall); 20,732 claims and headlines: torch 179 s, float32 ONNX 107 s, int8 35-49 s.
"""

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import numpy as np  # noqa: E402

from eval import dense_finetune as finetune  # noqa: E402
from factcheck.matching import clef, dense  # noqa: E402
from factcheck.matching import text as mtext  # noqa: E402


def timed(name: str, one, many) -> None:
    tweets = [mtext.clean(t) for t in clef.queries("dev").values()]
    for t in tweets[:20]:
        one(t)  # warm up
    times, cpu = [], []
    for t in tweets:
        started, started_cpu = time.perf_counter(), time.process_time()
        one(t)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    texts = finetune.document_texts()
    documents = [c for c, _ in texts.values()] + [h for c, h in texts.values() if h != c]
    started = time.perf_counter()
    many(documents)
    elapsed = time.perf_counter() - started
    print(
        f"{name:28s} tweet wall p50 {np.percentile(times, 50):6.2f} ms p95 "
        f"{np.percentile(times, 95):6.2f} ms, CPU p50 {np.percentile(cpu, 50):6.2f} ms p95 "
        f"{np.percentile(cpu, 95):6.2f} ms; {len(documents)} claims+headlines {elapsed:6.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--torch")
    parser.add_argument("--onnx", nargs="*", default=[])
    parser.add_argument("--wordllama", action="store_true")
    args = parser.parse_args()
    if args.wordllama:
        timed("wordllama", lambda t: dense.embed([t]), dense.embed)
    if args.torch:
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(1)
        model = SentenceTransformer(args.torch, device="cpu")
        model.max_seq_length = finetune.MAX_TOKENS
        with torch.inference_mode():
            timed(
                "torch",
                lambda t: model.encode([t], convert_to_numpy=True),
                lambda m: model.encode(m, batch_size=64, convert_to_numpy=True),
            )
    for folder in args.onnx:
        from eval.dense_experiment import OnnxEncoder

        encoder = OnnxEncoder(folder)
        size = (Path(folder) / "model.onnx").stat().st_size / 1e6
        timed(f"onnx {Path(folder).name} ({size:.0f} MB)", lambda t, e=encoder: e([t]), encoder)


if __name__ == "__main__":
    main()
