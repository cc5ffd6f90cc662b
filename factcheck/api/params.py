"""Strict query-parameter values: what the API refuses with a 400 naming the parameter instead
of silently ignoring (``?has_number_conflict=maybe``) or passing to the database (``+18:30``)."""

from datetime import UTC, datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django_filters.fields import IsoDateTimeField
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation

# PostgreSQL refuses UTC offsets beyond ±15:59 (real ones span −12:00 to +14:00).
MAX_UTC_OFFSET = timedelta(hours=15, minutes=59)
TRUE_WORDS, FALSE_WORDS = frozenset({"true", "1"}), frozenset({"false", "0"})


def positive_int(raw: str, *, name: str, maximum: int = 2**63 - 1) -> int:
    """An ASCII decimal integer from 1 to ``maximum``; "¹" or "٣" raise ValueError naming it."""
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= maximum:
        raise ValueError(f"{name} must be a whole number from 1 to {maximum}.")
    return int(text)


def as_utc(value: datetime) -> datetime:
    """An aware datetime in UTC. Raises ValueError for an offset beyond ±15:59 or a value that
    leaves the calendar (year 1 or 9999) when moved to UTC."""
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        raise ValueError("The UTC offset must be between -15:59 and +15:59.")
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("The date is out of range.") from None


class UTCDateTimeField(IsoDateTimeField):
    """ISO 8601 date-time, with an offset the database can store, handed on in UTC."""

    def to_python(self, value: object) -> datetime | None:
        try:
            parsed = super().to_python(value)
            return None if parsed is None else as_utc(parsed)
        except (ValueError, OverflowError) as exc:
            raise ValidationError(str(exc) or "Enter a valid date/time.", code="invalid") from exc


class StrictBooleanField(forms.Field):
    """``true``/``false`` (or ``1``/``0``, any case); anything else is refused, not ignored."""

    def to_python(self, value: object) -> bool | None:
        text = str(value).strip().lower() if value is not None else ""
        if text == "":
            return None
        if text in TRUE_WORDS | FALSE_WORDS:
            return text in TRUE_WORDS
        raise ValidationError("Use true or false.", code="invalid")


class ContentNegotiation(DefaultContentNegotiation):
    """DRF's, but an unknown ``?format=`` is a 400 naming ``format`` (DRF answers 404)."""

    def filter_renderers(self, renderers: list, format: str) -> list:  # noqa: A002
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            formats = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError({"format": [f"Use one of: {formats}."]})
        return matching
