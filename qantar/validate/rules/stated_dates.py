"""stated-date-printed: an event whose date the articles state prints that date.

``date_basis`` 'stated' says the date is in the article: one of the event's passages (event_sources,
a date without its year in its source's year) prints it at the row's precision. A day, month or
year row is the interval of a printed date ('pada 1991' is the year 1991, not 1991-12-16); a range
starts or ends on one. A row made finer than its source ('1991' narrowed to a day), or relabelled
'stated' when nothing is printed, keeps every type and key valid; the passages betray it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

import polars as pl

from qantar.text.dates import PrintedDate, printed_dates
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

STATED = "stated"
WHOLE = frozenset({"day", "month", "year"})


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "date_start", "date_end", "date_precision", "date_basis"),
              "event_sources": ("event_id", "source_id", "quote"), "sources": ("source_id", "published_date")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    events = (inputs.typed("events").with_row_index("_row", offset=1).filter(pl.col("date_basis") == STATED)
              .select("_row", "event_id", "date_start", "date_end", "date_precision"))
    if events.is_empty():
        return
    passages = printed_in(inputs, events["event_id"])
    for row, event, first, last, precision in events.iter_rows():
        if first is None or last is None or event not in passages:
            continue  # no dates or no passages: required and event-has-source say so
        printed = [p for _source, found in passages[event] for p in found]
        if not any(_states(p, first, last, precision) for p in printed):
            said = ", ".join(f"'{p.text}'" for p in printed) or "no date"
            yield Finding("events", row, "date_basis", STATED,
                          f"{event} is dated {first}..{last} ({precision}) as stated, but its passages print {said}: "
                          "none is that date at that precision")


def printed_in(inputs: Inputs, events: pl.Series) -> dict[str, list[tuple[str, list[PrintedDate]]]]:
    """event -> (source, the dates its passage prints) for each passage of ``events`` in a dated source.

    A date without its year is read in its source's year (published_date); a passage quoted by
    several events is read once.
    """
    today = dict(inputs.typed("sources").select("source_id", "published_date").iter_rows())
    read: dict[tuple[str, dt.date], list[PrintedDate]] = {}
    out: dict[str, list[tuple[str, list[PrintedDate]]]] = {}
    for event, source, quote in (inputs.strings("event_sources").select("event_id", "source_id", "quote")
                                 .filter(pl.col("event_id").is_in(events.implode())).iter_rows()):
        if not quote or today.get(source) is None:
            continue
        key = (quote, today[source])
        if key not in read:
            read[key] = printed_dates(quote, today[source])
        out.setdefault(event, []).append((source, read[key]))
    return out


def own(p: PrintedDate) -> tuple[dt.date, dt.date]:
    """The interval of the printed words themselves ('sejak 1991' is the year 1991, read as a whole)."""
    if p.precision == "year":
        return dt.date(p.first.year, 1, 1), dt.date(p.first.year, 12, 31)
    if p.precision == "month":
        return p.first.replace(day=1), p.first.replace(day=calendar.monthrange(p.first.year, p.first.month)[1])
    return p.first, p.last


def _states(p: PrintedDate, first: dt.date, last: dt.date, precision: str | None) -> bool:
    a, b = own(p)
    if precision in WHOLE:
        return p.precision == precision and (a, b) == (first, last)
    return a == first or b == last
