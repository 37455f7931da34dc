"""published-at-offset: a publication timestamp's UTC offset is the one its stated time zone had at
that moment (IANA tz database through ``zoneinfo``): '18:27 WIB' is 18:27+07:00 in Asia/Jakarta, not
18:27+00:00."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


@cache
def zones() -> frozenset[str]:
    """The IANA time zone names the tz database lists."""
    # A zone is looked up only when it is one the tz database lists: ZoneInfo reads a file named by
    # its key, and a package's text must not choose which file is read.
    return frozenset(available_timezones())


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        if not {"published_at", "published_timezone"} <= set(table.field_names):
            continue
        frame = inputs.strings(name).select("published_at", "published_timezone").with_row_index("row", offset=1)
        for row, written, zone in frame.filter(pl.col("published_at").is_not_null()).iter_rows():
            try:
                stamp = dt.datetime.fromisoformat(written.replace("Z", "+00:00"))
            except ValueError:
                continue  # not a timestamp: the schema layers report it
            if stamp.tzinfo is None:
                continue
            if zone is None:
                yield Finding(name, row, "published_timezone", None,
                              f"published_at {written} has no published_timezone to read its offset by")
                continue
            try:
                if zone not in zones():
                    raise ZoneInfoNotFoundError(zone)
                expected = stamp.replace(tzinfo=None).replace(tzinfo=ZoneInfo(zone)).utcoffset()
            except (ZoneInfoNotFoundError, ValueError):
                yield Finding(name, row, "published_timezone", zone, f"{zone!r} is no IANA time zone (zoneinfo)")
                continue
            if stamp.utcoffset() != expected:
                yield Finding(name, row, "published_at", written,
                              f"{written} is written with offset {_hours(stamp.utcoffset())}, but {zone} was at "
                              f"{_hours(expected)} at that local time")


def _hours(offset: dt.timedelta | None) -> str:
    if offset is None:
        return "none"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
