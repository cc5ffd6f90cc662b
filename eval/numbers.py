"""Evaluate the number check on labelled claim/passage pairs and print a table.

    python eval/numbers.py [--errors]
        [--split dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9
         |heldout10|heldout11
         |heldout12|heldout13|all]

Data: eval/data/number_pairs.jsonl, written for this project (see eval/data/README.md). Each row
has ``claim``, ``passage``, ``label`` (agrees / close / conflicts / none), ``kind`` (trap, same,
different, no_figure) and ``split``: dev (looked at while building), heldout (evaluated once, then
looked at), heldout2 (written after that evaluation, before the changes it prompted; evaluated
once, then looked at and tuned on), heldout3 (written before the changes that followed heldout2;
evaluated before them and once after them, then looked at), heldout4 (written after
heldout3's errors were read, before the changes they prompted; evaluated before and once after,
then looked at and tuned on), heldout5 (written by another helper before the changes it
measures, while heldout4 was being tuned on; never run before the lead's evaluation), heldout6
(written by a third helper while heldout5 was being tuned on, before the changes it measures; run
once by the lead, then looked at and tuned on by the numfix3 branch), heldout7 (written by a
fourth helper while heldout6 was being tuned on, before the changes it measures; run once by the
lead, then looked at and tuned on by the numfix4 branch), heldout8 (written by a fifth helper
while heldout7 was being tuned on, before the changes it measures; run before and once after them
by the lead, then looked at and tuned on by the numfix5 branch), heldout9 (written by a sixth
helper while the check was changed after heldout8, before the changes it measures; run by the
lead mid-round and once after the round, then looked at and tuned on by the numfix6 branch),
heldout10 (written by a seventh helper while heldout9 was being tuned on, before the changes it
measures; run by the lead before and once after them), heldout11 (written by an eighth helper
while a learned pairing model was being built, before it and before the heldout10 round; run by
the lead before and once after), heldout12 (written by a ninth helper while heldout10 was being
tuned on, before the changes it measures; run by the lead before and once after them), heldout13
(written by a tenth helper while a cross-encoder was tried; run once by the lead, on the rules of
the heldout10 round; kept unseen for the next change).

Measures: precision of ``agrees`` and of ``conflicts`` (of the pairs the check called so, the
share labelled so); decided = share of comparable pairs (label not ``none``) the check did not
call ``none``; and agrees/conflicts on pairs whose figures are about different things (kind
``different`` or a trap labelled ``none``), which must be 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "eval" / "data" / "number_pairs.jsonl"
SPLITS = (
    "dev",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
)


def load(split: str = "all") -> list[dict]:
    """The labelled pairs of one split (``SPLITS``) or of all ('all')."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split == "all" or r["split"] == split]


def evaluate(rows: list[dict]) -> dict:
    """Run the check on each row; the measures of the module doc and the predictions."""
    # Run as a script, this file's folder comes first on sys.path and would shadow the standard
    # library's ``numbers`` (which decimal, and so pint, import).
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "eval"]
    sys.path.insert(0, str(ROOT))
    from factcheck.sources.numbers import check_numbers

    predicted = [check_numbers(r["claim"], r["passage"]).result for r in rows]
    pairs = list(zip(rows, predicted, strict=True))
    comparable = [(r, p) for r, p in pairs if r["label"] != "none"]
    different = [(r, p) for r, p in pairs if r["label"] == "none" and r["kind"] != "no_figure"]
    return {
        "pairs": len(rows),
        "agrees_precision": _precision(pairs, "agrees"),
        "conflicts_precision": _precision(pairs, "conflicts"),
        "decided": sum(p != "none" for _, p in comparable) / len(comparable) if comparable else 1.0,
        "comparable": len(comparable),
        "different": len(different),
        "different_called": sum(p in ("agrees", "conflicts") for _, p in different),
        "accuracy": sum(r["label"] == p for r, p in pairs) / len(rows) if rows else 1.0,
        "predicted": predicted,
    }


def _precision(pairs: list[tuple[dict, str]], result: str) -> float:
    called = [r for r, p in pairs if p == result]
    return sum(r["label"] == result for r in called) / len(called) if called else 1.0


def table(results: dict[str, dict]) -> str:
    """A Markdown table, one column per split."""
    names = list(results)
    lines = [
        "| number check | " + " | ".join(names) + " | target |",
        "|---|" + "---|" * len(names) + "---|",
    ]
    rows = [
        ("labelled pairs", "pairs", "{}", ""),
        ("precision of agrees", "agrees_precision", "{:.2f}", "≥ 0.95"),
        ("precision of conflicts", "conflicts_precision", "{:.2f}", "≥ 0.95"),
        ("comparable pairs decided", "decided", "{:.0%}", "≥ 80 %"),
        ("agrees/conflicts on different things", "different_called", "{}", "0"),
        ("exact label (all four results)", "accuracy", "{:.0%}", ""),
    ]
    for title, key, fmt, target in rows:
        cells = " | ".join(_cell(results[n], key, fmt) for n in names)
        lines.append(f"| {title} | {cells} | {target} |")
    return "\n".join(lines)


def _cell(result: dict, key: str, fmt: str) -> str:
    text = fmt.format(result[key])
    if key == "decided":
        text += f" of {result['comparable']}"
    if key == "different_called":
        text += f" of {result['different']}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default=None)
    parser.add_argument("--errors", action="store_true", help="list the pairs labelled otherwise")
    args = parser.parse_args()
    splits = [args.split] if args.split else [*SPLITS, "all"]
    results = {split: evaluate(load(split)) for split in splits}
    print(table(results))
    if args.errors:
        for split in splits if len(splits) == 1 else SPLITS:
            for row, got in zip(load(split), results[split]["predicted"], strict=True):
                if got != row["label"]:
                    print(f"[{split}] {row['label']} → {got}: {row['claim']} || {row['passage']}")


if __name__ == "__main__":
    main()
