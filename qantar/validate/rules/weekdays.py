"""weekday-agrees: a row dated to one day whose quote names days of the week ('pada hari Rabu') falls on
one of them: an event through every event_sources passage, a statement through its quote. A
journalist's weekday is the commonest date an Indonesian report prints, and the easiest to lose
when a row is redated by a day or two."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import polars as pl

from qantar.text.dates import weekdays
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.printed_dates import dated_owner

_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def check(inputs: Inputs) -> Iterator[Finding]:
    for span in inputs.model.spans("claim"):
        if span.table not in inputs.tables:
            continue
        frame = inputs.typed(span.table).with_row_index("_row", offset=1)
        table = span.table
        if "date_start" not in frame.columns:
            link = dated_owner(inputs, span.table)
            if link is None:
                continue
            owner, key, target, _pair = link
            frame = frame.drop("_row").join(target.select(pl.col("_owner_row").alias("_row"), key, "date_start",
                                                          "date_end"), on=key, how="inner")
            table = owner
        if "date_end" not in frame.columns or span.text not in frame.columns:
            continue
        named: dict[int, tuple[dt.date, set[int]]] = {}
        one_day = frame.filter(pl.col("date_start").is_not_null() & (pl.col("date_start") == pl.col("date_end"))
                               & pl.col(span.text).str.contains(r"(?i)senin|selasa|rabu|kamis|jum|sabtu|minggu|ahad"))
        for row, day, quote in one_day.select("_row", "date_start", span.text).iter_rows():
            found = weekdays(quote)
            if found:
                named.setdefault(row, (day, set()))[1].update(found)
        for row, (day, days) in sorted(named.items()):
            if day.weekday() not in days:
                yield Finding(table, row, "date_start", day.isoformat(),
                              f"{day.isoformat()} is a {_NAMES[day.weekday()]}, but its quote names "
                              f"{' or '.join(_NAMES[d] for d in sorted(days))}")
