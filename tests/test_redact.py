"""Credentials in URLs never reach a log line: not ours, not a library's, not a worker's."""

import logging
import subprocess
import sys

import pytest

from factcheck import ingest
from factcheck.redact import redact
from tests.conftest import ROOT, wait_for

SECRET = "S3cr3t-pa55"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"http://alice:{SECRET}@example.org/x", "http://***@example.org/x"),
        (f"Fetching HTTPS://alice:{SECRET}@example.org", "Fetching HTTPS://***@example.org"),
        (f"redis://:{SECRET}@127.0.0.1:6379/0", "redis://***@127.0.0.1:6379/0"),
        (
            f"postgres://wb:{SECRET}@db/wb and ftp://bob@files",
            "postgres://***@db/wb and ftp://***@files",
        ),
        ("https://example.org/search?who=a@b.org", "https://example.org/search?who=a@b.org"),
        ("https://example.org/@alice/post", "https://example.org/@alice/post"),
        ("write to desk@example.org", "write to desk@example.org"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
    ],
)
def test_it_redacts_the_user_and_password_of_urls_only(text, expected):
    assert redact(text) == expected


def test_every_log_record_is_redacted_message_and_exception(caplog):
    logger = logging.getLogger("any.library")
    with caplog.at_level(logging.INFO):
        logger.info("Fetching %s", f"http://alice:{SECRET}@example.org/feed")
        try:
            raise ValueError(f"cannot reach http://alice:{SECRET}@example.org/feed")
        except ValueError:
            logger.exception("Fetch failed")
    assert "http://***@example.org/feed" in caplog.text
    assert SECRET not in caplog.text
    assert all(SECRET not in record.getMessage() for record in caplog.records)


def test_a_fresh_process_logs_redacted_to_its_console():
    code = (
        "import django, logging; django.setup(); "
        f"logging.getLogger('factcheck').warning('Skipped %s', 'http://alice:{SECRET}@h.example/')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**_environ(), "DJANGO_SETTINGS_MODULE": "workbench.settings"},
        capture_output=True,
        text=True,
    )
    assert "Skipped http://***@h.example/" in result.stderr
    assert SECRET not in result.stderr


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)


ARTICLE = f"""<html><head><title>Schools</title></head><body><article>
<h1>Schools closed</h1>
<p>The minister said that 40% of schools closed in 2020, according to
<a href="http://alice:{SECRET}@stats.example.net/report">the statistics office report</a>.</p>
<p>Teachers said the closures lasted for months in most regions of the country.</p>
</article></body></html>"""


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_skipping_a_link_with_a_password_logs_it_redacted(own_workers):
    _process, log = own_workers(extra_env={"SOURCES_FIND_ON_INGEST": "true"})
    article = ingest.article_ingest_html(html=ARTICLE, url="https://news.example.org/schools")
    assert article.claims.exists()
    wait_for(lambda: "Skipped http://***@stats.example.net/report" in log.read_text(), timeout=60)
    assert SECRET not in log.read_text()
