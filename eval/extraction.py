"""Claim extraction on annotated news articles: the seed (tests/fixtures) and eval/news/.

Each article is a page (`.html`) or a paste (`.txt`) with a spec `NAME.json` in the seed's
format: `check_worthy` claims (a phrase each must contain, its claimant, its kind) and
`never_claims` (text that must never be part of a claim). `python eval/extraction.py [--readme]`.

`--heldoutN` (`--heldout`, `--heldout2`, `--heldout3`) scores eval/news_heldoutN/ instead:
articles written after the rules, never developed on before their first evaluation (see their
READMEs); the table goes under its own README marker (`extraction-heldout`, …).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, eval/ would come first on sys.path, and eval/numbers.py would shadow the
# standard library's ``numbers``: the repository root takes its place.
sys.path[0] = str(ROOT)

from eval.readme import main_table  # noqa: E402
from factcheck.extraction import extract_claims, extract_from_html, extract_from_text  # noqa: E402

NEWS = ROOT / "eval" / "news"
SEED = ROOT / "tests" / "fixtures"


@dataclass(frozen=True)
class Result:
    name: str
    required: int
    found: int
    attributed: int  # required claims the article attributes to someone
    claimant_right: int  # of those, the claimant exactly as specified
    unattributed_blank: tuple[int, int]  # (left blank, of unattributed required claims)
    kind_right: int
    boilerplate: int  # never_claims text found inside a claim
    extra: int  # claims that match no required claim


def articles(heldout: str = "") -> list[tuple[str, Path, dict]]:
    """(name, page or paste, spec) for the seed and every article in eval/news/, or, given a
    held-out set's name ("heldout", "heldout2"), for every article in eval/news_NAME/."""
    found = [] if heldout else [("seed", SEED / "000_e9fef7baff8a209e.html", SEED / "claims.json")]
    folder = ROOT / "eval" / f"news_{heldout}" if heldout else NEWS
    for spec in sorted(folder.glob("*.json")):
        page = next(
            spec.with_suffix(ext) for ext in (".html", ".txt") if spec.with_suffix(ext).exists()
        )
        found.append((spec.stem, page, spec))
    return [
        (name, page, json.loads(spec.read_text(encoding="utf-8"))) for name, page, spec in found
    ]


def evaluate(name: str, page: Path, spec: dict) -> Result:
    raw = page.read_text(encoding="utf-8")
    article = extract_from_html(raw) if page.suffix == ".html" else extract_from_text(raw)
    claims = extract_claims(article.text)
    required = spec["check_worthy"]
    matches = [[c for c in claims if item["contains"] in c.text] for item in required]
    hit = [(item, found[0]) for item, found in zip(required, matches, strict=True) if found]
    attributed = [item for item in required if item["claimant"]]
    return Result(
        name=name,
        required=len(required),
        found=len(hit),
        attributed=len(attributed),
        claimant_right=sum(
            1 for item, c in hit if item["claimant"] and c.claimant == item["claimant"]
        ),
        unattributed_blank=(
            sum(1 for item, c in hit if not item["claimant"] and not c.claimant),
            len(required) - len(attributed),
        ),
        kind_right=sum(1 for item, c in hit if c.kind == item["kind"]),
        boilerplate=sum(1 for text in spec["never_claims"] if any(text in c.text for c in claims)),
        extra=sum(1 for c in claims if not any(i["contains"] in c.text for i in required)),
    )


def table(results: list[Result]) -> str:
    columns = (
        "article", "required found", "claimant right (attributed)", "unattributed left blank",
        "kind right", "boilerplate claims", "other claims",
    )  # fmt: skip
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for r in [*results, total_of(results)]:
        blank, unattributed = r.unattributed_blank
        lines.append(
            f"| {r.name} | {r.found}/{r.required} | {r.claimant_right}/{r.attributed} | "
            f"{blank}/{unattributed} | {r.kind_right}/{r.required} | {r.boilerplate} | {r.extra} |"
        )
    return "\n".join(lines)


def total_of(results: list[Result]) -> Result:
    def total(field: str) -> int:
        return sum(getattr(r, field) for r in results)

    blank = (
        sum(r.unattributed_blank[0] for r in results),
        sum(r.unattributed_blank[1] for r in results),
    )
    fields = (
        "required",
        "found",
        "attributed",
        "claimant_right",
        "kind_right",
        "boilerplate",
        "extra",
    )
    return Result("**all**", unattributed_blank=blank, **{f: total(f) for f in fields})


def run(heldout: str = "") -> list[Result]:
    return [evaluate(name, page, spec) for name, page, spec in articles(heldout)]


if __name__ == "__main__":
    sets = [a[2:] for a in sys.argv[1:] if a.startswith("--heldout")]
    heldout = sets[0] if sets else ""
    main_table(f"extraction-{heldout}" if heldout else "extraction", table(run(heldout)))
