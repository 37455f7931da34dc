"""weekday-agrees: a row dated to one day whose quote names days of the week ('pada hari Rabu') falls on
one of them: an event through every event_sources passage, a statement through its quote. A
journalist's weekday is the commonest date an Indonesian report prints, and the easiest to lose
when a row is redated by a day or two.

A weekday also pins a row to its day, so that widening the row to a range cannot switch the check
off: a statement whose reporter's words (its quote outside quotation marks and before what it reports,
'bahwa ...': 'ucap Putin pada Senin (10/1)') name one weekday, or print one day ('pada 10 Januari'), was
made that day, and an event dated from a relative expression whose
passages name one weekday and no other relative word ('Pada hari Rabu, Tokayev memecat ...') happened
that day. Either is dated one day. Words of a span of time ('sejak', 'hingga', 'sampai', 'selama',
'antara') leave a row free to be a range.

A weekday with no date printed beside it is a day of the week the report was written in: 'Pada hari
Rabu' in an article of Thursday 6 January is 5 January (or, of what is to come, 12 January), never 29
December, which is a Wednesday too. A row dated to one day that falls on a weekday its quote names, in a
quote that prints no day, lies within a week of its source's publication (published_date_min and _max).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import polars as pl

from qantar.text.dates import printed_dates, relative_dates, weekdays
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.printed_dates import dated_owner
from qantar.validate.rules.speaker_quote import attribution

_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: words that make a weekday one end of a span of time, not the day of the row
_SPAN = re.compile(r"(?i)\b(?:sejak|hingga|sampai|selama|antara|mulai)\b")
#: what opens the words a reporter reports ('mengatakan bahwa ...'): their dates are of what is said
_THAT = re.compile(r"(?i)\b(?:bahwa|jika|kalau|apakah)\b")
#: how far from its publication a bare weekday reaches: the week before it, or the week after
_WEEK = dt.timedelta(days=7)


def check(inputs: Inputs) -> Iterator[Finding]:
    yield from _pinned(inputs)
    published = ({s: (a, b) for s, a, b in inputs.typed("sources").select("source_id", "published_date_min", "published_date_max")
                  .iter_rows() if a is not None and b is not None}
                 if "sources" in inputs.tables and inputs.table("sources").has("source_id", "published_date_min", "published_date_max")
                 else {})
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
        bare: dict[int, tuple[dt.date, list[tuple[dt.date, dt.date]]]] = {}  # row -> its day, the publications of its bare weekdays
        one_day = frame.filter(pl.col("date_start").is_not_null() & (pl.col("date_start") == pl.col("date_end"))
                               & pl.col(span.text).str.contains(r"(?i)senin|selasa|rabu|kamis|jum|sabtu|minggu|ahad"))
        sources = one_day[span.source].cast(pl.String).to_list() if span.source in one_day.columns else [None] * one_day.height
        unprinted: dict[str, bool] = {}  # each distinct quote read once
        for (row, day, quote), source in zip(one_day.select("_row", "date_start", span.text).iter_rows(), sources, strict=True):
            found = weekdays(quote)
            if not found:
                continue
            named.setdefault(row, (day, set()))[1].update(found)
            when = published.get(source)
            if day.weekday() in found and when is not None:
                if quote not in unprinted:
                    unprinted[quote] = not any(d.precision == "day" for d in printed_dates(quote, when[1]))
                if unprinted[quote]:
                    bare.setdefault(row, (day, []))[1].append(when)
        for row, (day, days) in sorted(named.items()):
            if day.weekday() not in days:
                yield Finding(table, row, "date_start", day.isoformat(),
                              f"{day.isoformat()} is a {_NAMES[day.weekday()]}, but its quote names "
                              f"{' or '.join(_NAMES[d] for d in sorted(days))}")
        for row, (day, whens) in sorted(bare.items()):
            if not any(a - _WEEK <= day <= b + _WEEK for a, b in whens):
                told = ", ".join(dict.fromkeys(f"{a.isoformat()}" if a == b else f"{a.isoformat()}..{b.isoformat()}" for a, b in whens))
                yield Finding(table, row, "date_start", day.isoformat(),
                              f"{day.isoformat()} is the {_NAMES[day.weekday()]} its quote names with no date beside it, "
                              f"which is a day within a week of its source's publication ({told}), but it lies further away")


def _pinned(inputs: Inputs) -> Iterator[Finding]:
    """Rows a weekday pins to one day, dated to more than one."""
    if "statements" in inputs.tables and inputs.table("statements").has("statement_id", "source_id", "quote", "date_start", "date_end"):
        published = ({s: d for s, d in inputs.typed("sources").select("source_id", "published_date_max").iter_rows()}
                     if "sources" in inputs.tables and inputs.table("sources").has("source_id", "published_date_max") else {})
        # the reporter's words: the quote outside its quotation marks
        rows = (inputs.typed("statements").with_row_index("_row", offset=1)
                .filter((pl.col("date_start") != pl.col("date_end")) & pl.col("quote").is_not_null())
                .select("_row", "statement_id", "source_id", attribution(pl.col("quote")), "date_start", "date_end"))
        read: dict[tuple[str, dt.date | None], tuple[set[int], set[dt.date]]] = {}  # each distinct quote read once
        for row, ident, source, quote, first, last in rows.iter_rows():
            today = published.get(source)
            if (quote, today) not in read:
                read[(quote, today)] = _pins(quote, today)
            days, printed = read[(quote, today)]
            if len(days) == 1:
                yield _widened("statements", row, ident, first, last, days, "its reporter's words")
            elif not days and len(printed) == 1:
                day = next(iter(printed))
                column, value = ("date_start", first) if first != day else ("date_end", last)
                yield Finding("statements", row, column, value.isoformat(),
                              f"{ident}: its reporter's words print one day ({day.isoformat()}) and no span of time, "
                              f"which dates it to that day, but it runs {first.isoformat()}..{last.isoformat()}")
    needed = {"events": ("event_id", "date_basis", "date_start", "date_end"), "event_sources": ("event_id", "quote")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    events = (inputs.typed("events").with_row_index("_row", offset=1)
              .filter((pl.col("date_basis") == "relative") & (pl.col("date_start") != pl.col("date_end")))
              .select("_row", "event_id", "date_start", "date_end"))
    if events.is_empty():
        return
    passages: dict[str, list[str]] = {}
    for event, quote in (inputs.strings("event_sources").select("event_id", "quote")
                         .filter(pl.col("event_id").is_in(events["event_id"].implode()) & pl.col("quote").is_not_null())
                         .iter_rows()):
        passages.setdefault(event, []).append(quote)
    read: dict[str, tuple[set[int], bool]] = {}  # a passage -> its weekdays, and whether it speaks of a span or another day
    for row, ident, first, last in events.iter_rows():
        texts = passages.get(ident, [])
        for t in texts:
            if t not in read:
                read[t] = (weekdays(t), bool(_SPAN.search(t) or relative_dates(t, first)))
        days = set().union(*(read[t][0] for t in texts)) if texts else set()
        if len(days) == 1 and not any(read[t][1] for t in texts):
            yield _widened("events", row, ident, first, last, days, "its passages")


def _pins(said: str, today: dt.date | None) -> tuple[set[int], set[dt.date]]:
    """The weekdays and the printed days of a statement's reporter's words (``said``: its quote outside
    quotation marks), none where they speak of a span."""
    # without what they report ('... mengatakan bahwa pada hari Selasa polisi ...')
    narrated = _THAT.split(said, maxsplit=1)[0]
    if _SPAN.search(narrated):
        return set(), set()
    days = weekdays(narrated)
    printed = {d.first for d in printed_dates(narrated, today) if d.precision == "day"} if today and not days else set()
    return days, printed


def _widened(table: str, row: int, ident: str, first: dt.date, last: dt.date, days: set[int], where: str) -> Finding:
    day = next(iter(days))
    name = _NAMES[day]
    # the end that is not on the weekday is the one moved (the end, when both are)
    column, value = ("date_start", first) if first.weekday() != day and last.weekday() == day else ("date_end", last)
    return Finding(table, row, column, value.isoformat(),
                   f"{ident}: {where} name one weekday ({name}) and no span of time, which dates it to that day, "
                   f"but it runs {first.isoformat()}..{last.isoformat()}")

