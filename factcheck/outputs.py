"""Each JSON output declared once: a table of fields, each naming its key, the column it is read
from (a ``values()`` lookup, or a related object) and how the value is written.

From a table come the API serializer's declared fields (so the OpenAPI schema), the columns a
query reads (``Output.columns``) and the function that writes a row (``Output.writer``); the
webhooks' verdict payload is built from the same declarations. A ``values()`` row is written by
one dict display compiled once per output: DRF's per-field machinery cost ~1 ms a row, most of a
100-row page.
"""

import functools
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone

from factcheck.http.netsafety import web_url
from factcheck.models import Article, Claim, Evidence, Source, Verdict

Write = Callable[[Any], Any]


@dataclass(frozen=True)
class Context:
    """What a writer may depend on besides the row: the request (for links) and its time zone."""

    request: Any = None
    zone: tzinfo = field(default_factory=timezone.get_current_timezone)


@dataclass(frozen=True)
class Field:
    """One key of an output.

    ``read``: the lookup the value comes from ("" means ``name``); a tuple of lookups passes the
    writer the whole row. ``write``: the value as JSON (None: as read). ``per_response``: ``write``
    is then a factory taking the Context, called once per response. ``kind``: the JSON type,
    for keys that are not a field of the output's model (the schema needs it); ``nested``: the
    output a related object (or, with ``many``, each of a list) is written with.
    """

    name: str
    read: str | tuple[str, ...] = ""
    write: Callable | None = None
    per_response: bool = False
    kind: type | None = None
    nested: "Output | None" = None
    many: bool = False
    help_text: str = ""

    @property
    def lookup(self) -> str | tuple[str, ...]:
        return self.read or self.name

    def bound(self, context: Context) -> Write | None:
        if self.nested is not None:
            write = self.nested.writer(context, from_objects=True)
            if self.many:
                return lambda objects: [write(item) for item in _all(objects)]
            return write
        return self.write(context) if self.per_response else self.write


@dataclass(frozen=True)
class Output:
    """An ordered table of fields written for rows of ``model``."""

    model: type[models.Model]
    fields: tuple[Field, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.fields)

    def columns(self, prefix: str = "") -> tuple[str, ...]:
        """The ``values()`` lookups a row needs (nested single objects' included, prefixed)."""
        found: dict[str, None] = {}
        for item in self.fields:
            if item.nested is not None:
                if not item.many:
                    found.update(dict.fromkeys(item.nested.columns(f"{prefix}{item.lookup}__")))
                continue
            lookups = item.lookup if isinstance(item.lookup, tuple) else (item.lookup,)
            found.update(dict.fromkeys(f"{prefix}{lookup}" for lookup in lookups))
        return tuple(found)

    def pick(self, *names: str) -> tuple[Field, ...]:
        by_name = {item.name: item for item in self.fields}
        return tuple(by_name[name] for name in names)

    def but(self, **fields: Field) -> tuple[Field, ...]:
        """This table's fields, some replaced (by name) in place."""
        return tuple(fields.get(item.name, item) for item in self.fields)

    def writer(self, context: Context, *, from_objects: bool = False) -> Callable[[Any], dict]:
        """The function writing one row (a ``values()`` dict, or a loaded model instance when
        ``from_objects``), bound to this response's context: call it once per response."""
        if not from_objects:
            return _compiled(tuple((item, item.bound(context)) for item in self.fields))
        specs = tuple((item.name, item.lookup, item.bound(context)) for item in self.fields)
        return lambda obj: {
            name: _written(_read(obj, lookup), write) for name, lookup, write in specs
        }


def _compiled(specs: tuple[tuple[Field, Write | None], ...]) -> Callable[[Mapping], dict]:
    """The row function as one dict display, ``{"id": row["id"], "rating": w8(row["rating"]),
    ...}``, as fast as writing it out by hand: a loop over the table cost ~40% more per feed
    row."""
    shape = tuple((item.name, item.lookup, write is not None) for item, write in specs)
    return _row_function(shape)(*(write for _item, write in specs if write is not None))


@functools.cache
def _row_function(shape: tuple[tuple[str, str | tuple[str, ...], bool], ...]) -> Callable:
    """Compiled once per output: a function taking the bound writers, returning the row
    function. Only names and lookups from the tables in this module are written into it."""
    items, writers = [], []
    for index, (name, lookup, written) in enumerate(shape):
        value = "row" if isinstance(lookup, tuple) else f"row[{lookup!r}]"
        if written:
            writers.append(f"w{index}")
            value = f"w{index}({value})"
        items.append(f"{name!r}: {value}")
    return eval(f"lambda {', '.join(writers)}: lambda row: {{{', '.join(items)}}}")


def _written(value: Any, write: Write | None) -> Any:
    return value if write is None else write(value)


def _read(obj: Any, lookup: str | tuple[str, ...]) -> Any:
    if isinstance(lookup, tuple):
        return {name: _follow(obj, name) for name in lookup}
    return _follow(obj, lookup)


def _follow(obj: Any, lookup: str) -> Any:
    for name in lookup.split("__"):
        obj = getattr(obj, name)
    return obj


def _all(objects: Iterable | models.Manager) -> Iterable:
    return objects.all() if isinstance(objects, models.Manager) else objects


# --- Writers ------------------------------------------------------------------------------------


_UTC_ZONE = zoneinfo.ZoneInfo("UTC")  # the one instance get_current_timezone() returns for UTC


def iso_datetime(value: datetime | None, zone: tzinfo) -> str | None:
    """A datetime as DRF's DateTimeField writes it: ISO 8601 in ``zone`` (the current time
    zone, looked up once per response: per value it cost more than the rest of a feed row),
    UTC as "Z"."""
    if value is None:
        return None
    if value.tzinfo is UTC and zone is _UTC_ZONE:  # as the database reads it, the usual case
        return value.isoformat()[:-6] + "Z"
    if timezone.is_naive(value):
        value = timezone.make_aware(value, zone)
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _in_zone(context: Context) -> Write:
    return functools.partial(iso_datetime, zone=context.zone)


def _isoformat(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _as_web_url(value: str | None) -> str:
    return web_url(str(value or ""))


def article_link(canonical_url: str | None, url: str | None) -> str:
    """An article's link as served: its canonical URL, else the one it came from; http(s) only."""
    return web_url(str(canonical_url or "")) or web_url(str(url or ""))


def _article_url(row: Mapping) -> str:
    canonical, url = row["claim__article__canonical_url"], row["claim__article__url"]
    return web_url(str(canonical or "")) or web_url(str(url or ""))  # article_link, inlined


RATING_LABELS = dict(Verdict.Rating.choices)
_PK_MARK = 987654321987654321  # a placeholder id, replaced by each row's own


def _verdict_link(context: Context) -> Write:
    """Reversed once per response, then filled in per row."""
    url = reverse("api:verdict-detail", args=[_PK_MARK])
    if context.request is not None:
        url = context.request.build_absolute_uri(url)
    head, _, tail = url.partition(str(_PK_MARK))
    return lambda pk: f"{head}{pk}{tail}"


def _rating_label(rating: str) -> str:
    return str(RATING_LABELS.get(rating, rating))


def _when(name: str, **extra: Any) -> Field:
    return Field(name, write=_in_zone, per_response=True, **extra)


# --- Verdicts ------------------------------------------------------------------------------------


VERDICT = Output(
    Verdict,
    (
        Field("id"),
        Field("url", "id", _verdict_link, per_response=True, kind=str),
        Field("claim", "claim_id"),
        Field("claim_text", "claim__text", str, kind=str),
        Field("claimant", "claim__claimant", str, kind=str),
        Field(
            "article_url",
            ("claim__article__canonical_url", "claim__article__url"),
            _article_url,
            kind=str,
        ),
        Field("publisher", "claim__article__publisher", str, kind=str),
        Field("version", write=int),
        Field("rating", write=str),
        Field("rating_label", "rating", _rating_label, kind=str),
        Field("summary", write=str),
        Field("status", write=str),
        Field("is_current"),
        _when("published_at"),
        Field("corrects", "corrects_id"),
        Field("correction_note", write=str),
        _when("updated_at"),
    ),
)
"""A feed row: the verdict with its claim's text and claimant and its article's link."""

VERDICT_VERSION = Output(
    Verdict,
    (
        Field("id"),
        Field("version", write=int),
        Field("status", write=str),
        Field("rating", write=str),
        Field("summary", write=str),
        Field("is_current"),
        _when("published_at"),
        Field("corrects", "corrects_id"),
        Field("correction_note", write=str),
        Field("revision", write=int),
    ),
)
"""One version of a claim's verdict (a draft's revision included, for the next write)."""

VERDICT_CLAIM = Output(
    Claim,
    (
        Field("id"),
        Field("text", write=str),
        Field("claimant", write=str),
        Field("claimant_type", write=str),
        Field("kind", write=str),
        Field("status", write=str),
        Field("score", write=float),
    ),
)

VERDICT_ARTICLE = Output(
    Article,
    (
        Field("id"),
        Field("url", write=_as_web_url, kind=str),
        Field("canonical_url", write=_as_web_url, kind=str),
        Field("title", write=str),
        Field("authors", write=str),
        Field("publisher", write=str),
        _when("published_at"),
    ),
)

SOURCE = Output(
    Source,
    (
        Field("id"),
        Field("url", write=str),
        Field("domain", write=str),
        Field("title", write=str),
        Field("publisher", write=str),
        Field("status", write=str),
        _when("fetched_at"),
    ),
)

PASSAGES_HELP = (
    "The source's best passages for the claim, best first: each `text`, `start`, `end`, `score`, "
    "`matched_terms`, its `number_check` and `pairs`, the figures the number check compared "
    "(`claimed`, the claim's figure; `found`, the passage's; `found_span`, [start, end] of `found` "
    "in `text`; `result`: agrees, close or conflicts). Evidence ranked before a key was kept "
    "lacks it."
)

CITED_SOURCE = Output(
    Evidence,
    (
        Field("id"),
        Field("source", nested=SOURCE),
        Field("passages", help_text=PASSAGES_HELP),
        Field("suggested_stance", write=str),
        Field("number_check", write=str),
    ),
)
"""One piece of evidence a verdict cites: the source and the passages that mattered."""

VERDICT_DETAIL = Output(
    Verdict,
    (
        *VERDICT.but(claim=Field("claim", nested=VERDICT_CLAIM)),
        Field("article", "claim__article", nested=VERDICT_ARTICLE),
        Field("cited_sources", "cited_evidence", nested=CITED_SOURCE, many=True),
        Field(
            "versions",
            "visible_versions",
            nested=VERDICT_VERSION,
            many=True,
            help_text="Every version of this claim's verdict the reader may see, oldest first.",
        ),
    ),
)
"""A verdict with its claim, article, cited sources and the versions the reader may see
(``visible_versions``, set by ``selectors.verdict_detail``)."""

WEBHOOK_VERDICT = Output(
    Verdict,
    (
        *VERDICT.pick("id", "claim", "version", "rating", "summary"),
        Field("published_at", write=_isoformat),  # Python's isoformat: "+00:00", never "Z"
        *VERDICT.pick("corrects", "correction_note"),
    ),
)
"""The ``verdict`` of a verdict event's payload (webhooks add its public ``url``)."""


def written(output: Output, objects: Any, context: Context | None = None) -> Any:
    """One loaded object (or a list of them) written as ``output`` says, outside a response."""
    write = output.writer(context or Context(), from_objects=True)
    if isinstance(objects, list | tuple):
        return [write(item) for item in objects]
    return write(objects)
