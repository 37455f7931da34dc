"""printed-date-agrees: a date printed in a row's quote agrees with the row's interval.

The quoted tables that carry an interval are read from the descriptor's spans and fields (a claim
span beside a ``date_start``/``date_end`` or ``ref_date_start``/``ref_date_end`` pair); for an
event, its interval is checked against every event_sources passage. A passage that prints dates
must print at least one whose interval overlaps the row's: "7 Januari" in a report of January 2022
is 2022-01-07, so an event dated 2019-01-07, or in March, on that passage is caught. A passage
that prints no date says nothing here, and neither does one that also holds a relative date
expression ('tahun lalu', 'minggu depan'): the row may be dated by that, which coverage-dates makes
its reasoning resolve. A statement's quote is what was said: its dates are those of what the
speaker speaks about, not of the speech (docs/curation.md), so they need not meet its interval; but
words about a date that are not about the future (validators/future_words.toml) were said after it
began, so a statement does not end before a date its quote prints ('mengutuk pemilu pada 2019' was
not said in 2018).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

import polars as pl

from qantar.text.dates import MONTH_NUMBER, printed_dates
from qantar.text.tokens import number_tokens
from qantar import model
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.status_tense import markers

_PAIRS = (("date_start", "date_end"), ("ref_date_start", "ref_date_end"))


def _interval(frame: pl.DataFrame) -> tuple[str, str] | None:
    return next(((a, b) for a, b in _PAIRS if a in frame.columns and b in frame.columns), None)


#: a quote that may print a date: a digit or a month's name (Rust's case folding, as Python's, reads 'K' as 'k'
#: and 'ſ' as 's'; Python's also reads 'ı' and 'İ' as 'i', which Rust's does not)
_MAY = r"(?i)\d|" + "|".join(m.replace("i", "[iıİ]") for m in sorted(MONTH_NUMBER, key=len, reverse=True))


def check(inputs: Inputs) -> Iterator[Finding]:
    sources = inputs.typed("sources")
    # each source's publication (the last row of a source id that has one, as a dict)
    today = (sources.select(pl.col("source_id").cast(pl.String).alias("_sid"), pl.col("published_date").alias("_today"))
             .filter(pl.col("_today").is_not_null()).unique("_sid", keep="last", maintain_order=True))
    for span in inputs.model.spans():
        if span.kind != "claim" or span.table not in inputs.tables:
            continue
        if inputs.table(span.table).has("speaker_id"):
            yield from _spoken(inputs, span, today)
            continue
        frame = inputs.typed(span.table).with_row_index("_row", offset=1)
        link = None if _interval(frame) else dated_owner(inputs, span.table)
        if link is not None:
            owner, key, target, pair = link
            # the interval is the owner's: a disagreement is reported on the owner's row
            # only the columns read (and any of its own named as the owner's: the join keeps those): a join
            # gathers every column it carries
            kept = (key, span.source, span.text, *(c for c in pair if c in frame.columns))
            frame = frame.select(*dict.fromkeys(kept)).join(
                target.select(pl.col("_owner_row").alias("_row"), key, *pair), on=key, how="inner")
            table = owner
        else:
            table = span.table
            pair = _interval(frame)
            if pair is None:
                continue
        rows = _quoted(frame, span, pair, today)
        # a row is judged by the dates its quote prints, each distinct (quote, publication) read once: those of
        # the rows none of whose printed dates meets their interval reach Python
        read = _read(rows)
        meets = (rows.join(_flat(read), on=["_quote", "_today"], how="inner")
                 .filter((pl.col("_pf") <= pl.col("_last")) & (pl.col("_first") <= pl.col("_pl"))).select("_i").unique())
        seen: set[int] = set()
        for row, quote, today_, first, last in (rows.join(meets, on="_i", how="anti").sort("_i")
                                                .select("_row", "_quote", "_today", "_first", "_last").iter_rows()):
            found = read.get((quote, today_))
            if found and row not in seen and not _relative(quote):
                seen.add(row)
                said = ", ".join(f"'{p.text}' = {_show(p.first, p.last)}" for p in found)
                yield Finding(table, row, pair[0], str(first),
                              f"the quote prints {said}, none of which meets the row's interval {_show(first, last)}")


def _quoted(frame: pl.DataFrame, span: model.Span, pair: tuple[str, str], today: pl.DataFrame,
            may: pl.Expr = pl.col("_quote").str.contains(_MAY)) -> pl.DataFrame:
    """_i, _row, _quote, _today, _first, _last: the rows with a quote that ``may`` print a date, an interval and a
    published source, in the frame's order."""
    return (frame.select(pl.col("_row"), pl.col(span.source).cast(pl.String).alias("_sid"), pl.col(span.text).alias("_quote"),
                         pl.col(pair[0]).alias("_first"), pl.col(pair[1]).alias("_last"))
            .with_row_index("_i")
            .filter(pl.col("_quote").is_not_null() & (pl.col("_quote") != "") & pl.col("_first").is_not_null()
                    & pl.col("_last").is_not_null())
            .join(today, on="_sid", how="inner")
            .filter(may))  # searched last: only in the rows that may be judged


def _read(rows: pl.DataFrame) -> dict[tuple[str, dt.date], list]:
    """(quote, publication) -> the dates the quote prints, for those that print some."""
    read = {}
    for quote, today in rows.select("_quote", "_today").unique().iter_rows():
        if found := printed_dates(quote, today):
            read[quote, today] = found
    return read


def _flat(read: dict[tuple[str, dt.date], list]) -> pl.DataFrame:
    """_quote, _today, _pf, _pl: one row per printed date."""
    return pl.DataFrame([(q, d, p.first, p.last) for (q, d), found in read.items() for p in found],
                        schema={"_quote": pl.String, "_today": pl.Date, "_pf": pl.Date, "_pl": pl.Date}, orient="row")


def _spoken(inputs: Inputs, span: model.Span, today: pl.DataFrame) -> Iterator[Finding]:
    """A statement ends no earlier than the start of a date its words print, unless they speak of the future."""
    frame = inputs.typed(span.table).with_row_index("_row", offset=1)
    pair = _interval(frame)
    if pair is None:
        return
    # a printed date has a digit or a month's name: the other quotes print none
    quote = pl.col("_quote")
    rows = _quoted(frame, span, pair, today,
                   quote.str.contains(r"\d") | quote.str.contains_any(list(MONTH_NUMBER), ascii_case_insensitive=True))
    read = _read(rows)
    # the rows a printed date of which begins after their interval ends reach Python
    later = (rows.join(_flat(read), on=["_quote", "_today"], how="inner").filter(pl.col("_pf") > pl.col("_last"))
             .select("_i").unique())
    future: dict[str, bool] = {}  # a quote copied into several rows is read once
    for row, quote, today_, first, last in (rows.join(later, on="_i", how="semi").sort("_i")
                                            .select("_row", "_quote", "_today", "_first", "_last").iter_rows()):
        after = [p for p in read[quote, today_] if p.first > last]
        if quote not in future:
            future[quote] = bool(markers(quote))
        if not future[quote]:
            said = ", ".join(f"'{p.text}' = {_show(p.first, p.last)}" for p in after)
            yield Finding(span.table, row, pair[1], str(last),
                          f"the quote prints {said}, which begins after the statement's interval {_show(first, last)} ends, "
                          "and does not speak of it in the future")


@lru_cache(maxsize=4096)
def _relative(quote: str) -> bool:
    return any(t.kind == "relative" for t in number_tokens(quote))


def dated_owner(inputs: Inputs, table: str) -> tuple[str, str, pl.DataFrame, tuple[str, str]] | None:
    """A table of passages with no interval of its own (event_sources) takes its owner's: the
    table its single-column foreign key points at, when that one has an interval (events)."""
    for rel in inputs.table(table).relations:
        if len(rel.fields) == 1 and rel.ref_table in inputs.tables:
            target = inputs.typed(rel.ref_table)
            pair = _interval(target)
            if pair is not None and rel.ref_fields[0] in target.columns:
                target = target.with_row_index("_owner_row", offset=1).rename({rel.ref_fields[0]: rel.fields[0]})
                return rel.ref_table, rel.fields[0], target, pair
    return None


def _show(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"
