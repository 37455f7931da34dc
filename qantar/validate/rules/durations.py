"""duration-fits-interval: a window the passage measures out is the row's interval.

'tiga presiden Kirgistan dalam 30 tahun' (E002, 1992-01-07..2022-01-07) and 'akan berakhir dalam 10
hari ke depan' (E039, 13..23 January) put a length on the row's interval: the guide writes the
window into the dates ('the within goes into the interval'). Counted back forty years, or stretched to
seventeen days, every date stays valid and before its source, and only the measured window betrays
it. A row longer than a day whose passages measure a window in days, weeks, months or years
('dalam', 'selama', 'hingga', 'sampai' and an exact count: '30', 'tiga') has the length of one of
them. A window ahead ('ke depan', 'mendatang') starts where the row does, so its end is what is
reported; a window back, where the row ends, so its start.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import polars as pl

from qantar.text import numbers
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_WINDOW = re.compile(r"\b(?:dalam|selama|hingga|sampai)\s+(?:waktu\s+)?(\S+)\s+(hari|minggu|pekan|bulan|tahun)\b"
                     r"(\s+(?:ke\s+depan|mendatang|berikutnya|selanjutnya))?")
#: how far the row's end may lie from the window's, in days, by unit: a month or a year is not a fixed
#: number of days, and 'dalam 30 tahun' may count from the event's own day
_SLACK = {"hari": 1, "minggu": 1, "pekan": 1, "bulan": 6, "tahun": 10}
#: a superset of the passages with a window, cut by polars before Python reads their words
_ANY_WINDOW = r"(?i)(?:dalam|selama|hingga|sampai)\s+(?:waktu\s+)?\S+\s+(?:hari|minggu|pekan|bulan|tahun)"


def windows(text: str) -> list[tuple[int, str, bool, str]]:
    """(count, unit, ahead, the words) of each window ``text`` measures with an exact count."""
    out = []
    for m in _WINDOW.finditer(text.lower()):
        reading = numbers.read(m[1])
        if reading is not None and reading.value and reading.kind in ("digits", "word"):
            out.append((reading.value, m[2], bool(m[3]), m.group(0)))
    return out


def _add(day: dt.date, count: int, unit: str) -> dt.date | None:
    try:
        if unit == "hari":
            return day + dt.timedelta(days=count)
        if unit in ("minggu", "pekan"):
            return day + dt.timedelta(weeks=count)
        months = day.month - 1 + count * (12 if unit == "tahun" else 1)
        return day.replace(year=day.year + months // 12, month=months % 12 + 1, day=min(day.day, 28))
    except (OverflowError, ValueError):
        return None


def fits(start: dt.date, end: dt.date, count: int, unit: str) -> bool:
    want = _add(start, count, unit)
    return want is not None and abs((end - want).days) <= _SLACK[unit]


def _check(rows: pl.DataFrame, table: str, start: str, end: str) -> Iterator[Finding]:
    for row, ident, a, b, passages in rows.iter_rows():
        if a is None or b is None or b <= a:
            continue
        found = [w for p in passages or () if p for w in windows(p)]
        if found and not any(fits(a, b, n, unit) for n, unit, _, _ in found):
            n, unit, ahead, words = found[0]
            yield Finding(table, row, end if ahead else start, str(b if ahead else a),
                          f"{ident}'s passage measures a window of {n} {unit} ({words!r}), but {a}..{b} is "
                          f"{(b - a).days} days long")


def check(inputs: Inputs) -> Iterator[Finding]:
    if {"events", "event_sources"} <= set(inputs.tables) and inputs.table("events").has(
            "event_id", "date_start", "date_end") and inputs.table("event_sources").has("event_id", "quote"):
        quotes = inputs.typed("event_sources").filter(pl.col("quote").str.contains(_ANY_WINDOW)).group_by(
            "event_id").agg(pl.col("quote"))
        events = (inputs.typed("events").with_row_index("_row", offset=1)
                  .select("_row", "event_id", "date_start", "date_end")
                  .filter(pl.col("date_end") > pl.col("date_start"))
                  .join(quotes, on="event_id", how="inner").sort("_row"))
        yield from _check(events, "events", "date_start", "date_end")
    if "figures" in inputs.tables and inputs.table("figures").has("figure_id", "ref_date_start", "ref_date_end", "quote"):
        figures = (inputs.typed("figures").with_row_index("_row", offset=1)
                   .filter((pl.col("ref_date_end") > pl.col("ref_date_start")) & pl.col("quote").str.contains(_ANY_WINDOW))
                   .select("_row", "figure_id", "ref_date_start", "ref_date_end", pl.concat_list(pl.col("quote"))))
        yield from _check(figures, "figures", "ref_date_start", "ref_date_end")
