"""`manage.py numbercheck`: JSON lines of claim/passage pairs in, one result a line out."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parent.parent
PAIRS = [
    {
        "claim": "More than 9,000 cases were confirmed.",
        "passage": "90,000 vaccinations were given.",
    },
    {"claim": "Turnout was 91 percent.", "passage": "Turnout was 86 percent."},
    {"claim": "The storm brought gusts of 75mph.", "passage": "A gust of 74 mph was recorded."},
    {"claim": "The tower is 300 metres tall.", "passage": "The 984-foot tower opened."},
    {
        "claim": "Fewer than 50 people joined the vigil.",
        "passage": "Some 52 people joined the vigil.",
    },
]


def _run(data: bytes) -> str:
    out = io.StringIO()
    call_command(
        "numbercheck", stdin=io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"), stdout=out
    )
    return out.getvalue()


def test_numbercheck_prints_one_result_per_pair_in_order():
    lines = "\n".join(json.dumps(p) for p in PAIRS) + "\n\n"

    assert _run(lines.encode()).splitlines() == ["none", "conflicts", "agrees", "agrees", "close"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"not json", "Line 1 is not JSON"),
        (b'["claim", "passage"]', "Line 1 is not a JSON object"),
        (b'{"claim": "x"}', 'Line 1: "passage" must be a string'),
        (b'{"claim": 5, "passage": "x"}', 'Line 1: "claim" must be a string'),
    ],
)
def test_numbercheck_names_the_line_it_cannot_read(line, message):
    with pytest.raises(CommandError, match=message):
        _run(line)


def test_numbercheck_survives_invalid_utf8_and_crlf():
    printed = _run(
        b'{"claim": "12 percent \xff", "passage": "12%"}\r\n{"claim": "", "passage": ""}\r\n'
    )

    assert printed.splitlines() == ["none", "none"]


def test_numbercheck_reads_a_real_pipe():
    completed = subprocess.run(
        [sys.executable, "manage.py", "numbercheck"],
        input=json.dumps(PAIRS[1]).encode() + b"\n",
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )

    assert completed.stdout.decode() == "conflicts\n"
