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


#: a quote that may name a weekday: a superset of ``weekdays`` (Rust's case folding, as Python's, reads 'K' as 'k'
#: and 'ſ' as 's'; Python's also reads 'ı' and 'İ' as 'i', which Rust's does not)
_STEMS = r"(?i)sen[iıİ]n|selasa|rabu|kam[iıİ]s|jum|sabtu|m[iıİ]nggu|ahad"


def check(inputs: Inputs) -> Iterator[Finding]:
    yield from _pinned(inputs)
    published = _bounds(inputs)
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
            # only the columns read (and a date_end of its own: the join keeps it): a join gathers every column
            kept = (c for c in (key, span.source, span.text, "date_end") if c in frame.columns)
            frame = frame.select(*dict.fromkeys(kept)).join(
                target.select(pl.col("_owner_row").alias("_row"), key, "date_start", "date_end"), on=key, how="inner")
            table = owner
        if "date_end" not in frame.columns or span.text not in frame.columns:
            continue
        source = pl.col(span.source).cast(pl.String) if span.source in frame.columns else pl.lit(None, pl.String)
        # the pattern searched only in the rows dated to one day (a filter of the two at once searches every row)
        one_day = (frame.filter(pl.col("date_start").is_not_null() & (pl.col("date_start") == pl.col("date_end")))
                   .filter(pl.col(span.text).str.contains(r"(?i)senin|selasa|rabu|kamis|jum|sabtu|minggu|ahad"))
                   .select("_row", pl.col("date_start").alias("_day"), pl.col(span.text).alias("_quote"), source.alias("_source"))
                   .with_row_index("_i"))
        # each distinct quote's weekdays read once in Python; polars joins them back to the rows naming some
        rows = one_day.join(_named_days(one_day["_quote"]), on="_quote", how="inner").sort("_i").with_columns(
            (pl.col("_day").dt.weekday() - 1).cast(pl.Int64).alias("_wd"))
        named = (rows.explode("_days").group_by("_row").agg(pl.col("_day").first(), pl.col("_wd").first(),
                                                             pl.col("_days").unique().sort())
                 .filter(~pl.col("_days").list.contains(pl.col("_wd"))).sort("_row"))
        for row, day, _, days in named.iter_rows():
            yield Finding(table, row, "date_start", day.isoformat(),
                          f"{day.isoformat()} is a {_NAMES[day.weekday()]}, but its quote names "
                          f"{' or '.join(_NAMES[d] for d in days)}")
        # the passages that fall on a weekday they name, of a published source, and print no day: a bare weekday
        on = rows.filter(pl.col("_days").list.contains(pl.col("_wd"))).join(published, on="_source", how="inner").sort("_i")
        bare = on.join(_unprinted(on), on="_quote", how="semi").sort("_i")
        week = pl.duration(days=_WEEK.days)
        far = (bare.group_by("_row").agg(((pl.col("_a") - week <= pl.col("_day")) & (pl.col("_day") <= pl.col("_b") + week)).any().alias("_near"))
               .filter(~pl.col("_near")).select("_row"))
        whens: dict[int, tuple[dt.date, list[tuple[dt.date, dt.date]]]] = {}
        for row, day, a, b in bare.join(far, on="_row", how="semi").sort("_i").select("_row", "_day", "_a", "_b").iter_rows():
            whens.setdefault(row, (day, []))[1].append((a, b))
        for row, (day, said) in sorted(whens.items()):
            told = ", ".join(dict.fromkeys(f"{a.isoformat()}" if a == b else f"{a.isoformat()}..{b.isoformat()}" for a, b in said))
            yield Finding(table, row, "date_start", day.isoformat(),
                          f"{day.isoformat()} is the {_NAMES[day.weekday()]} its quote names with no date beside it, "
                          f"which is a day within a week of its source's publication ({told}), but it lies further away")


def _bounds(inputs: Inputs) -> pl.DataFrame:
    """_source, _a, _b: each source's publication bounds, both known (the last row of a source id, as a dict)."""
    if not ("sources" in inputs.tables and inputs.table("sources").has("source_id", "published_date_min", "published_date_max")):
        return pl.DataFrame(schema={"_source": pl.String, "_a": pl.Date, "_b": pl.Date})
    return (inputs.typed("sources").select(pl.col("source_id").cast(pl.String).alias("_source"), pl.col("published_date_min").alias("_a"),
                                           pl.col("published_date_max").alias("_b"))
            .filter(pl.col("_a").is_not_null() & pl.col("_b").is_not_null() & pl.col("_source").is_not_null())
            .unique("_source", keep="last", maintain_order=True))


def _named_days(quotes: pl.Series) -> pl.DataFrame:
    """_quote, _days: the weekdays each distinct quote names, for those that name some."""
    found = [(q, sorted(d)) for q in quotes.unique().to_list() if (d := weekdays(q))]
    return pl.DataFrame(found, schema={"_quote": pl.String, "_days": pl.List(pl.Int64)}, orient="row")


def _unprinted(on: pl.DataFrame) -> pl.DataFrame:
    """_quote: the quotes that print no day, each read against the publication of the first row that reads it
    (a day needs a digit: the others print none)."""
    first = on.group_by("_quote", maintain_order=True).agg(pl.col("_b").first())
    dated = first.filter(pl.col("_quote").str.contains(r"\d"))
    printed = [q for q, b in dated.iter_rows() if any(d.precision == "day" for d in printed_dates(q, b))]
    return first.filter(~pl.col("_quote").is_in(pl.Series(printed, dtype=pl.String).implode())).select("_quote")


def _pinned(inputs: Inputs) -> Iterator[Finding]:
    """Rows a weekday pins to one day, dated to more than one."""
    if "statements" in inputs.tables and inputs.table("statements").has("statement_id", "source_id", "quote", "date_start", "date_end"):
        yield from _pinned_statements(inputs)
    needed = {"events": ("event_id", "date_basis", "date_start", "date_end"), "event_sources": ("event_id", "quote")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    events = (inputs.typed("events").with_row_index("_row", offset=1)
              .filter((pl.col("date_basis") == "relative") & (pl.col("date_start") != pl.col("date_end")))
              .select("_row", "event_id", "date_start", "date_end"))
    if events.is_empty():
        return
    passages = (inputs.strings("event_sources").select("event_id", pl.col("quote").alias("_quote"))
                .filter(pl.col("event_id").is_in(events["event_id"].implode()) & pl.col("_quote").is_not_null()))
    # a passage -> its weekdays, and whether it speaks of a span or another day, read once per distinct passage:
    # first those that may name a weekday, then the others of the events that one of those names a weekday in
    named = passages.filter(pl.col("_quote").str.contains(_STEMS))["_quote"].unique().to_list()
    read = [(t, sorted(weekdays(t)), _free(t)) for t in named]
    read_frame = pl.DataFrame(read, schema={"_quote": pl.String, "_days": pl.List(pl.Int64), "_span": pl.Boolean}, orient="row")
    naming = read_frame.filter(pl.col("_days").list.len() > 0)
    passages = passages.join(passages.join(naming, on="_quote", how="semi").select("event_id").unique(), on="event_id", how="semi")
    others = passages.join(read_frame, on="_quote", how="anti")["_quote"].unique().to_list()
    read_frame = pl.concat([read_frame, pl.DataFrame([(t, [], _free(t)) for t in others], schema=read_frame.schema, orient="row")])
    per = (passages.join(read_frame, on="_quote", how="left").explode("_days")
           .group_by("event_id").agg(pl.col("_days").drop_nulls().unique(), pl.col("_span").any()))
    pinned = per.filter((pl.col("_days").list.len() == 1) & ~pl.col("_span"))
    for row, ident, first, last, days in events.join(pinned, on="event_id", how="inner").sort("_row").select(
            "_row", "event_id", "date_start", "date_end", "_days").iter_rows():
        yield _widened("events", row, ident, first, last, set(days), "its passages")


def _free(passage: str) -> bool:
    """Whether a passage speaks of a span of time or of another day (a relative expression: any day reads it)."""
    return bool(_SPAN.search(passage) or relative_dates(passage, _ANY_DAY))


#: the day ``relative_dates`` is asked against when only whether a passage holds an expression matters
_ANY_DAY = dt.date(2000, 1, 1)


def _pinned_statements(inputs: Inputs) -> Iterator[Finding]:
    published = (inputs.typed("sources").select(pl.col("source_id").cast(pl.String), "published_date_max")
                 .unique("source_id", keep="last", maintain_order=True)
                 if "sources" in inputs.tables and inputs.table("sources").has("source_id", "published_date_max")
                 else pl.DataFrame(schema={"source_id": pl.String, "published_date_max": pl.Date}))
    # the reporter's words: the quote outside its quotation marks
    rows = (inputs.typed("statements").with_row_index("_row", offset=1)
            .filter((pl.col("date_start") != pl.col("date_end")) & pl.col("quote").is_not_null())
            .select("_row", "statement_id", pl.col("source_id").cast(pl.String), attribution(pl.col("quote")).alias("_said"), "date_start", "date_end")
            .join(published, on="source_id", how="left").sort("_row"))
    # words that name no weekday and print no digit pin nothing: each distinct other (words, publication) read once
    keys = rows.filter(pl.col("_said").str.contains(_STEMS) | pl.col("_said").str.contains(r"\d")).select(
        "_said", "published_date_max").unique()
    read = {key: _pins(*key) for key in keys.iter_rows()}
    pins = [(q, d, sorted(days), sorted(printed)) for (q, d), (days, printed) in read.items()
            if len(days) == 1 or (not days and len(printed) == 1)]
    pin_frame = pl.DataFrame(pins, schema={"_said": pl.String, "published_date_max": pl.Date, "_days": pl.List(pl.Int64),
                                           "_printed": pl.List(pl.Date)}, orient="row")
    for row, ident, first, last, days, printed in (rows.join(pin_frame, on=["_said", "published_date_max"], how="inner", nulls_equal=True)
                                                   .sort("_row").select("_row", "statement_id", "date_start", "date_end", "_days", "_printed")
                                                   .iter_rows()):
        if len(days) == 1:
            yield _widened("statements", row, ident, first, last, set(days), "its reporter's words")
        else:
            day = printed[0]
            column, value = ("date_start", first) if first != day else ("date_end", last)
            yield Finding("statements", row, column, value.isoformat(),
                          f"{ident}: its reporter's words print one day ({day.isoformat()}) and no span of time, "
                          f"which dates it to that day, but it runs {first.isoformat()}..{last.isoformat()}")


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

