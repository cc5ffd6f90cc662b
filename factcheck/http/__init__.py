"""The one safe HTTP client: every page fetched and every webhook POSTed goes through here.

client.py     fetch() and post(): one connection path, pinned to the checked address
policy.py     FetchPolicy: sizes, types, timeouts, redirects, robots.txt, spacing
answers.py    reading an answer: status, redirect, Retry-After, type, charset, text
errors.py     FetchError and the reasons a fetch gives up
netsafety.py  which links and addresses may be fetched (SSRF checks), URL normal form
robots.py     robots.txt rules per site, shared by every worker
ratelimit.py  per-host spacing across processes
backoff.py    how long to wait before trying a fetch or a delivery again
"""

from factcheck.http.answers import parse_retry_after, pdf_text, sniff_type
from factcheck.http.client import FetchResult, PostResult, fetch, post
from factcheck.http.errors import (
    BlockedByRobots,
    FetchError,
    FetchTimeout,
    TooLarge,
    TooManyRedirects,
    TransientFetchError,
    UnsafeURL,
    UnsupportedContent,
)
from factcheck.http.policy import FetchPolicy, configured_policy

__all__ = [
    "BlockedByRobots",
    "FetchError",
    "FetchPolicy",
    "FetchResult",
    "FetchTimeout",
    "PostResult",
    "TooLarge",
    "TooManyRedirects",
    "TransientFetchError",
    "UnsafeURL",
    "UnsupportedContent",
    "configured_policy",
    "fetch",
    "parse_retry_after",
    "pdf_text",
    "post",
    "sniff_type",
]
