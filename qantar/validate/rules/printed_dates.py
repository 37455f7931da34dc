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


def check(inputs: Inputs) -> Iterator[Finding]:
    sources = inputs.typed("sources")
    today = {sid: d for sid, d in sources.select("source_id", "published_date").iter_rows() if d is not None}
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
            frame = frame.drop("_row").join(target.select(pl.col("_owner_row").alias("_row"), key, *pair), on=key, how="inner")
            table = owner
        else:
            table = span.table
            pair = _interval(frame)
            if pair is None:
                continue
        seen: set[int] = set()
        read: dict[tuple[str, dt.date], list] = {}  # a passage quoted by several rows is read once
        cols = ("_row", span.source, span.text, *pair)
        for row, sid, quote, first, last in frame.select(cols).iter_rows():
            if not quote or first is None or last is None or sid not in today or row in seen:
                continue
            key = (quote, today[sid])
            if key not in read:
                read[key] = printed_dates(quote, today[sid])
            found = read[key]
            if found and not any(p.overlaps(first, last) for p in found) and not _relative(quote):
                seen.add(row)
                said = ", ".join(f"'{p.text}' = {_show(p.first, p.last)}" for p in found)
                yield Finding(table, row, pair[0], str(first),
                              f"the quote prints {said}, none of which meets the row's interval {_show(first, last)}")


def _spoken(inputs: Inputs, span: model.Span, today: dict[str, dt.date]) -> Iterator[Finding]:
    """A statement ends no earlier than the start of a date its words print, unless they speak of the future."""
    frame = inputs.typed(span.table).with_row_index("_row", offset=1)
    pair = _interval(frame)
    if pair is None:
        return
    read: dict[tuple[str, dt.date], list] = {}  # a quote copied into several rows is read once
    # a printed date has a digit or a month's name: the other quotes print none
    quote = pl.col(span.text)
    dated = quote.str.contains(r"\d") | quote.str.contains_any(list(MONTH_NUMBER), ascii_case_insensitive=True)
    for row, sid, quote, first, last in frame.filter(dated).select("_row", span.source, span.text, *pair).iter_rows():
        if not quote or first is None or last is None or sid not in today:
            continue
        key = (quote, today[sid])
        if key not in read:
            read[key] = printed_dates(quote, today[sid])
        later = [p for p in read[key] if p.first > last]
        if later and not markers(quote):
            said = ", ".join(f"'{p.text}' = {_show(p.first, p.last)}" for p in later)
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
