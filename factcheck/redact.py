"""Credentials in URLs (``scheme://user:password@host``) never reach a log line.

``install()`` wraps the process's log record factory, so every record made by any logger (ours,
Celery's, httpx's, a library's) has its message, and the text of its exception, redacted before
any handler or formatter sees it: ``http://alice:S3cret@host/`` is logged as ``http://***@host/``.
It runs once per process from the app's ``ready()`` (web server, workers, commands).
"""

import logging
import re

# The user-info part of an absolute URL: everything between "//" and the next "@" of the
# authority (no "/", "?", "#" or whitespace before it).
_USERINFO = re.compile(r"(?P<scheme>\b[a-z][a-z0-9+.-]*://)[^/?#\s@]+@", re.IGNORECASE)


def redact(text: str) -> str:
    """text with the user name and password of every URL in it replaced by ***."""
    return _USERINFO.sub(r"\g<scheme>***@", text) if "@" in text else text


def _redacting(factory):
    def make_record(*args, **kwargs) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: leave it to the handler to report, as logging does
            return record
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return record

    make_record.redacts_credentials = True
    return make_record


def install() -> None:
    """Redact every log record of this process from now on. Safe to call twice."""
    factory = logging.getLogRecordFactory()
    if not getattr(factory, "redacts_credentials", False):
        logging.setLogRecordFactory(_redacting(factory))
