"""Write an evaluation table into README.md's Evaluation section, between the markers
`<!-- eval: NAME -->` and `<!-- /eval: NAME -->` (added at the section's end when missing)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SECTION_END = "<!-- /section: evaluation -->"


def write_table(name: str, table: str, readme: Path = README) -> None:
    """Replace (or add) the block `name` with `table` in the README's Evaluation section."""
    text = readme.read_text(encoding="utf-8")
    start, end = f"<!-- eval: {name} -->", f"<!-- /eval: {name} -->"
    block = f"{start}\n{table.rstrip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    elif SECTION_END in text:
        text = text.replace(SECTION_END, f"{block}\n\n{SECTION_END}", 1)
    else:
        sys.exit(f"{readme} has no {SECTION_END!r} marker")
    readme.write_text(text, encoding="utf-8")


def main_table(name: str, table: str) -> None:
    """Print `table`; with --readme on the command line, also write it into the README."""
    print(table)
    if "--readme" in sys.argv[1:]:
        write_table(name, table)
