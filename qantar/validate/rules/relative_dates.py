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
    bounds = {s: (a, b) for s, a, b in inputs.typed("sources").select("source_id", "published_date_min", "published_date_max")
              .iter_rows() if a is not None and b is not None}
    passages: dict[str, list[tuple[str, str]]] = {}
    for event, source, quote in (inputs.strings("event_sources").select("event_id", "source_id", "quote")
                                 .filter(pl.col("event_id").is_in(events["event_id"].implode()) & pl.col("quote").is_not_null())
                                 .iter_rows()):
        passages.setdefault(event, []).append((source, quote))
    read: dict[tuple[str, dt.date], list] = {}
    for row, event, first, last, basis in events.iter_rows():
        found = []
        for source, quote in passages.get(event, ()):
            for day in dict.fromkeys(bounds.get(source, ())):
                if (quote, day) not in read:
                    read[(quote, day)] = relative_dates(quote, day)
                found += read[(quote, day)]
        if found and not any(p.overlaps(first, last) for p in found):
            said = ", ".join(dict.fromkeys(f"'{p.text}' = {p.first.isoformat()}..{p.last.isoformat()}" for p in found))
            yield Finding("events", row, "date_start", first.isoformat(),
                          f"{event} is dated from a relative expression, but its passages say {said}, none of which "
                          f"meets its interval {first.isoformat()}..{last.isoformat()}")
        elif found:
            # a day ('hari ini', 'kemarin') is given a day's slack either way: a publication near midnight
            low = min(p.first - (_SLACK if p.first == p.last else _NONE) for p in found)
            high = max(p.last + (_SLACK if p.first == p.last else _NONE) for p in found)
            if first < low or last > high:
                said = ", ".join(dict.fromkeys(f"'{p.text}' = {p.first.isoformat()}..{p.last.isoformat()}" for p in found))
                column, value = ("date_start", first) if first < low else ("date_end", last)
                yield Finding("events", row, column, value.isoformat(),
                              f"{event}'s passages date it by {said}, but its interval {first.isoformat()}..{last.isoformat()} "
                              f"reaches beyond {low.isoformat()}..{high.isoformat()} ({basis or 'no'} basis)")
