"""The `extract` and `checkworthiness` management commands: stdin in, text out, no database."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from factcheck.extraction import checkworthiness

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).resolve().parent / "fixtures" / "000_e9fef7baff8a209e"


def _run(command: str, data: bytes, *args: str) -> str:
    """call_command with `data` as stdin bytes (as a pipe delivers them); returns stdout."""
    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    call_command(command, *args, stdin=stdin, stdout=out)
    return out.getvalue()


def test_extract_prints_only_the_article_text_of_a_page():
    printed = _run("extract", SEED.with_suffix(".html").read_bytes())
    assert printed.startswith("Turkish President Recep Tayyip Erdogan acknowledged")
    assert "Tehran one month ahead" in printed
    for chrome in ("Markets fall 3%", "Subscribe for $1 a week", "Leave a Reply", "advocate"):
        assert chrome not in printed


def test_extract_gives_pasted_text_and_its_page_the_same_text():
    from_text = _run("extract", SEED.with_suffix(".txt").read_bytes())
    from_html = _run("extract", SEED.with_suffix(".html").read_bytes())
    assert from_text == from_html


def test_extract_accepts_the_pages_url():
    page = (
        b"<html><body><article><p>The port of Rotterdam said on Monday it moved 3 million "
        b"containers.</p></article></body></html>"
    )
    assert "3 million containers" in _run("extract", page, "--url", "https://port.example/a")


@pytest.mark.parametrize(
    "data",
    [
        b"The army said 4,000 troops \xff\xfe left Idlib on Monday.",
        "The\u200b army said\u202e 4,000 troops left Idlib on Monday 🚀.".encode(),
        b"<script>alert(1)</script><p>The army said 4,000 troops left Idlib on Monday.</p>",
    ],
    ids=["invalid-utf8", "controls-and-emoji", "script"],
)
def test_extract_survives_hostile_input(data):
    printed = _run("extract", data)
    assert "4,000 troops" in printed
    assert "alert(" not in printed
    assert "\u200b" not in printed
    assert "\u202e" not in printed


def test_extract_refuses_input_without_article_text():
    with pytest.raises(CommandError, match="No article text"):
        _run("extract", b"<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_checkworthiness_prints_one_score_per_line_in_order():
    lines = [
        "The United Nations says more than 900,000 people fled Idlib since December.",
        "",
        "I think we should all do better.",
        "Leave a Reply",
    ]
    printed = _run("checkworthiness", "\n".join(lines).encode()).splitlines()
    assert printed == [f"{checkworthiness(line):.3f}" for line in lines]
    assert printed[1] == "0.000"
    assert float(printed[0]) > float(printed[2])


def test_checkworthiness_survives_invalid_utf8_and_crlf():
    printed = _run("checkworthiness", b"Turkey took in 3.7 million \xff refugees.\r\nok\r\n")
    assert len(printed.splitlines()) == 2


def test_extract_reads_a_real_pipe():
    completed = subprocess.run(
        [sys.executable, "manage.py", "extract"],
        input=SEED.with_suffix(".html").read_bytes(),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert completed.stdout.decode().startswith("Turkish President Recep Tayyip Erdogan")
