"""relative-date-agrees: an event dated from a relative expression is dated where that expression points.

'tahun lalu' in an article of January 2022 is 2021; 'minggu depan' in one of Friday 7 January is the
week of 10 January (docs/curation.md). An event whose passages hold such expressions (those with
one meaning: qantar.text.dates.RESOLVED) meets at least one of them, resolved against its source's
publication (each of published_date_min and _max, for a source dated within bounds). An event of
'tahun lalu' moved to 2020, or of 'minggu depan' to the week after, keeps its basis, its reasoning's
words and every key: only the resolution is wrong.

Every basis but 'stated' is held to it (a stated date is printed in a passage, and other rules read
it): a basis turned from 'relative' to 'inferred' or 'reference' does not switch the rule off. Such an
event also lies within what its expressions say ('pekan lalu' is Monday to Sunday of the week before;
a day, 'hari ini' or 'kemarin', give or take a day for a publication near midnight): 'minggu depan'
widened to the month keeps meeting the week but no longer says it.
Weekdays and vaguer words ('baru-baru ini') are resolved by the reasoning and checked by other rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import polars as pl

from qantar.text.dates import relative_dates
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: how far an event may reach past a relative day ('hari ini', 'kemarin'): a publication near midnight
_SLACK = dt.timedelta(days=1)
_NONE = dt.timedelta(0)


#: a passage that may hold a relative expression: a superset of ``relative_dates``' words (Rust's case
#: folding, as Python's, reads 'K' as 'k' and 'ſ' as 's'; Python's also reads 'ı' and 'İ' as 'i')
_MAY = r"(?i)tahun|bulan|m[iıİ]nggu|pekan|kemar[iıİ]n|har[iıİ]|besok|lusa"


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "date_start", "date_end", "date_basis"), "event_sources": ("event_id", "source_id", "quote"),
              "sources": ("source_id", "published_date_min", "published_date_max")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return  # the schema layers report missing tables and columns
    events = (inputs.typed("events").with_row_index("_row", offset=1)
              .filter(pl.col("date_basis").fill_null("").ne("stated") & pl.col("date_start").is_not_null()
                      & pl.col("date_end").is_not_null())
              .select("_row", "event_id", "date_start", "date_end", "date_basis"))
    if events.is_empty():
        return
    # each source's publication bounds (the last row of a source id with both), one day when they agree
    a, b = pl.col("published_date_min"), pl.col("published_date_max")
    days = (inputs.typed("sources").select(pl.col("source_id").cast(pl.String), a, b)
            .filter(a.is_not_null() & b.is_not_null()).unique("source_id", keep="last", maintain_order=True)
            .select("source_id", pl.when(a == b).then(pl.concat_list(a)).otherwise(pl.concat_list(a, b)).alias("_day"))
            .explode("_day").with_columns(pl.int_range(pl.len()).over("source_id").alias("_d")))
    passages = (inputs.strings("event_sources").select("event_id", "source_id", "quote").with_row_index("_p")
                .filter(pl.col("event_id").is_in(events["event_id"].implode()) & pl.col("quote").is_not_null()
                        & pl.col("quote").str.contains(_MAY))
                .join(days, on="source_id", how="inner"))
    # each distinct (passage, day) read once in Python; polars meets every event with what its passages say
    keys = passages.select("quote", "_day").unique()
    read = [(q, d, k, p.first, p.last, p.text) for q, d in keys.iter_rows() for k, p in enumerate(relative_dates(q, d))]
    found = pl.DataFrame(read, schema={"quote": pl.String, "_day": pl.Date, "_k": pl.Int64, "_first": pl.Date, "_last": pl.Date,
                                       "_text": pl.String}, orient="row")
    said = events.join(passages.join(found, on=["quote", "_day"], how="inner"), on="event_id", how="inner")
    one_day = pl.col("_first") == pl.col("_last")
    slack = pl.when(one_day).then(pl.duration(days=_SLACK.days)).otherwise(pl.duration(days=0))
    judged = said.group_by("_row").agg(
        ((pl.col("_first") <= pl.col("date_end")) & (pl.col("date_start") <= pl.col("_last"))).any().alias("_meets"),
        (pl.col("_first") - slack).min().alias("_low"), (pl.col("_last") + slack).max().alias("_high"))
    wrong = judged.join(events, on="_row").filter(
        ~pl.col("_meets") | (pl.col("date_start") < pl.col("_low")) | (pl.col("date_end") > pl.col("_high"))).select("_row")
    rows: dict[int, list[tuple]] = {}
    for row, *rest in (said.join(wrong, on="_row", how="semi").sort("_row", "_p", "_d", "_k")
                       .select("_row", "event_id", "date_start", "date_end", "date_basis", "_text", "_first", "_last").iter_rows()):
        rows.setdefault(row, []).append(rest)
    for row, found_row in rows.items():
        event, first, last, basis = found_row[0][:4]
        yield from _judge(row, event, first, last, basis, [(t, f, la) for *_, t, f, la in found_row])


def _judge(row: int, event: str, first: dt.date, last: dt.date, basis: str | None,
           found: list[tuple[str, dt.date, dt.date]]) -> Iterator[Finding]:
    """An event's findings, from what its passages say (text, first, last), in passage order."""
    said = ", ".join(dict.fromkeys(f"'{t}' = {a.isoformat()}..{b.isoformat()}" for t, a, b in found))
    if not any(a <= last and first <= b for _, a, b in found):
        yield Finding("events", row, "date_start", first.isoformat(),
                      f"{event} is dated from a relative expression, but its passages say {said}, none of which "
                      f"meets its interval {first.isoformat()}..{last.isoformat()}")
        return
    # a day ('hari ini', 'kemarin') is given a day's slack either way: a publication near midnight
    low = min(a - (_SLACK if a == b else _NONE) for _, a, b in found)
    high = max(b + (_SLACK if a == b else _NONE) for _, a, b in found)
    if first < low or last > high:
        column, value = ("date_start", first) if first < low else ("date_end", last)
        yield Finding("events", row, column, value.isoformat(),
                      f"{event}'s passages date it by {said}, but its interval {first.isoformat()}..{last.isoformat()} "
                      f"reaches beyond {low.isoformat()}..{high.isoformat()} ({basis or 'no'} basis)")
