"""published-at-printed: a publication timestamp says what the article's printed line says.

``published_at`` is read from the line the article prints (``published_as_printed``, 'Senin, 10
Januari 2022 | 12:13 WIB'), so the two agree: the timestamp's clock time is a time the line prints,
its offset is the one the line's zone abbreviation stands for (WIB +07:00, WITA +08:00, WIT +09:00),
a zone name the line prints is ``published_timezone``, and its local date is ``published_date``.
source-dates-plausible ties the publication dates to the line; this rule ties the time: a timestamp
moved by hours within its day changes nothing the other rules read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.published_offset import zones

#: a clock time, '12:13' or '12.13' (not part of a date written with dots, '10.01.2022')
_TIME = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.:])")
#: Indonesia's time zone abbreviations and their offsets
_ABBREVIATIONS = {"WIB": dt.timedelta(hours=7), "WITA": dt.timedelta(hours=8), "WIT": dt.timedelta(hours=9)}
#: an IANA zone name ('Asia/Jakarta'); possessive runs that start at a word's start, so a long line costs
#: linear time
_ZONE_NAME = re.compile(r"\b[A-Za-z_]++(?:/[A-Za-z_]++)+")


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        if not table.has("published_at", "published_as_printed"):
            continue
        extra = [c for c in ("published_timezone", "published_date") if table.has(c)]
        frame = inputs.strings(name).with_row_index("_row", offset=1).filter(
            pl.col("published_at").is_not_null() & pl.col("published_as_printed").is_not_null())
        for row, written, printed, *rest in frame.select("_row", "published_at", "published_as_printed", *extra).iter_rows():
            values = dict(zip(extra, rest, strict=True))
            try:
                stamp = dt.datetime.fromisoformat(written.replace("Z", "+00:00"))
            except ValueError:
                continue  # not a timestamp: the schema layers report it
            yield from _compare(name, row, written, stamp, printed, values)


def _compare(table: str, row: int, written: str, stamp: dt.datetime, printed: str,
             values: dict[str, str | None]) -> Iterator[Finding]:
    times = {(int(h), int(m)) for h, m in _TIME.findall(printed)}
    if times and (stamp.hour, stamp.minute) not in times:
        shown = ", ".join(f"{h:02d}:{m:02d}" for h, m in sorted(times))
        yield Finding(table, row, "published_at", written,
                      f"{written} is at {stamp.hour:02d}:{stamp.minute:02d}, but the printed line {printed!r} shows {shown}")
    words = set(re.findall(r"[A-Z]+", printed))
    for abbreviation, offset in _ABBREVIATIONS.items():
        if abbreviation in words and stamp.utcoffset() is not None and stamp.utcoffset() != offset:
            yield Finding(table, row, "published_at", written,
                          f"the printed line {printed!r} gives the time in {abbreviation} (UTC+{offset.seconds // 3600}), "
                          f"but {written} is written with another offset")
    zone = values.get("published_timezone")
    for named in _ZONE_NAME.findall(printed):
        if zone is not None and named != zone and named in zones():  # 'and/or' is no zone
            yield Finding(table, row, "published_timezone", zone,
                          f"the printed line {printed!r} names the time zone {named}, not {zone}")
    day = values.get("published_date")
    if day is not None and stamp.date().isoformat() != day:
        yield Finding(table, row, "published_at", written,
                      f"{written} falls on {stamp.date().isoformat()} where it was printed, but published_date is {day}")
