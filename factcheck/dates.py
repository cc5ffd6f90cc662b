"""Publication times in the zone they were given in: stored in UTC with the offset beside them."""

import re
from datetime import datetime, timedelta, timezone

_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


def offset_text(moment: datetime | None) -> str:
    """ "-05:00" for a time given at UTC-5; "" for no time or no zone."""
    if moment is None or moment.utcoffset() is None:
        return ""
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign, minutes = ("-" if minutes < 0 else "+"), abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def in_offset(moment: datetime | None, offset: str) -> datetime | None:
    """``moment`` shown at ``offset`` ("-05:00"); unchanged when the offset is blank or odd."""
    found = _OFFSET.match(offset or "")
    if moment is None or found is None:
        return moment
    sign, hours, minutes = found.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return moment.astimezone(timezone(-delta if sign == "-" else delta))


def published_text(moment: datetime | None, offset: str) -> str:
    """ "3 March 2024, 19:45 (UTC-05:00)": the time as it was published; "" for none."""
    local = in_offset(moment, offset)
    if local is None:
        return ""
    return f"{local.day} {local:%B %Y, %H:%M} (UTC{offset_text(local) or '+00:00'})"
