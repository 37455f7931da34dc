"""quote-supports-event: the quote of an event (each of its event_sources rows) says what kind of
event the row records: it holds a word of the event's type (validators/event_keywords.toml). A
figure that counts an event is printed in one of that event's passages of the same source, or its
quote holds a word of the event's type: a count linked to another event is neither. A statement about an
event comes from a source that reports the event (an event_sources row of that event and source), or its
quote holds a word of the event's type: words linked to an event their article never reports and they do
not name are linked to the wrong one.

An actor's name does not count: the same few actors (Tokayev, Putin, the CSTO, Kazakhstan) are
named in passages about most events, so a passage of another event would pass."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


@cache
def keywords() -> dict[str, tuple[str, ...]]:
    """event_type -> its words, lower case (validators/event_keywords.toml)."""
    raw = tomllib.loads((catalogue.home() / "event_keywords.toml").read_text(encoding="utf-8"))
    return {t: tuple(w.lower() for w in words) for t, words in raw["keywords"].items()}


def supports(quote: str, event_type: str | None) -> bool:
    """Whether ``quote`` holds a word of ``event_type``."""
    low = quote.lower()
    return any(w in low for w in keywords().get(event_type or "", ()))


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "event_type"), "event_sources": ("event_id", "quote")}
    if not all(t in inputs.tables and inputs.table(t).has(*cols) for t, cols in needed.items()):
        return  # a package without these tables or columns: the schema layers and the SQL rules say so
    types = dict(inputs.strings("events").select("event_id", "event_type").iter_rows())
    known = keywords()
    # the rows with a quote and an event of some type, joined to its type as ``types`` holds it (the last
    # row of an event id); polars keeps those whose type is unknown or whose quote holds no word of it
    kinds = _types(inputs)
    rows = (inputs.strings("event_sources").select("event_id", "quote").with_row_index("_row", offset=1)
            .filter(pl.col("quote").str.len_bytes() > 0)
            .join(kinds, on="event_id", how="inner", nulls_equal=True, maintain_order="left")
            .filter(pl.col("_type").is_not_null()))
    for i, event, quote, kind in _unsupported(rows, "quote", "_type").iter_rows():
        if kind not in known:
            yield Finding("event_sources", i, "quote", quote, f"{event}: validators/event_keywords.toml lists no words for the type {kind!r}")
        elif not supports(quote, kind):
            yield Finding("event_sources", i, "quote", quote,
                          f"{event}: the quote holds no word of the type {kind!r}: it does not say what the row records")
    if "figures" in inputs.tables and inputs.table("figures").has("figure_id", "event_id", "source_id", "char_start", "char_end", "quote") \
            and inputs.table("event_sources").has("source_id", "char_start", "char_end"):
        yield from _figures(inputs, types)
    if "statements" in inputs.tables and inputs.table("statements").has("statement_id", "event_id", "source_id", "quote") \
            and inputs.table("event_sources").has("source_id"):
        yield from _statements(inputs, types)


def _types(inputs: Inputs) -> pl.DataFrame:
    """(event_id, _type): each event id once, with the type of its last row (as a dict of the rows holds it)."""
    return (inputs.strings("events").select("event_id", pl.col("event_type").alias("_type"))
            .unique("event_id", keep="last", maintain_order=True))


def _unsupported(frame: pl.DataFrame, quote: str, kind: str) -> pl.DataFrame:
    """The rows of ``frame`` (in order) whose ``quote`` holds no word of their type ``kind`` (``supports``
    false): polars lower-cases each quote as Python does and looks for its type's words at once
    (Aho-Corasick), one type at a time."""
    known = keywords()
    kept = [frame.filter(pl.col(kind).is_null() | ~pl.col(kind).is_in(list(known)))]
    for event_type, words in known.items():
        part = frame.filter(pl.col(kind) == event_type)
        if words and part.height:
            part = part.filter(~pl.col(quote).str.to_lowercase().str.contains_any(list(words)))
        kept.append(part)
    every = pl.concat(kept)
    return every.sort(every.columns[0])


def _statements(inputs: Inputs, types: dict[str, str | None]) -> Iterator[Finding]:
    reported = inputs.strings("event_sources").select("event_id", "source_id").unique()
    frame = (inputs.strings("statements").select("statement_id", "event_id", "source_id", "quote")
             .with_row_index("_row", offset=1)
             .join(reported, on=["event_id", "source_id"], how="anti", nulls_equal=False).sort("_row"))
    for row, statement, event, source, quote in frame.iter_rows():
        if event is None or event not in types or source is None or not quote:
            continue  # about no event, or one that does not exist: foreign-key says so
        if supports(quote, types[event]):
            continue
        yield Finding("statements", row, "event_id", event,
                      f"{statement}: is about {event} ({types[event]}), but its source {source} does not report "
                      f"{event} (no event_sources row) and its quote holds no word of the type")


def _figures(inputs: Inputs, types: dict[str, str | None]) -> Iterator[Finding]:
    """A figure in none of its event's passages of its source (polars: the overlapping passages joined by event
    and source, a missing source matching a passage without one), whose quote holds no word of the type."""
    passages = (inputs.typed("event_sources").select("event_id", "source_id", pl.col("char_start").alias("_c"),
                                                     pl.col("char_end").alias("_d"))
                .filter(pl.col("_c").is_not_null() & pl.col("_d").is_not_null()))
    frame = (inputs.typed("figures").select("figure_id", "event_id", "source_id", "char_start", "char_end", "quote")
             .with_row_index("_row", offset=1)
             .filter(pl.col("event_id").is_not_null() & pl.col("char_start").is_not_null() & pl.col("char_end").is_not_null()
                     & (pl.col("quote").str.len_bytes() > 0)))
    inside = (frame.select("_row", "event_id", "source_id", "char_start", "char_end")
              .join(passages, on=["event_id", "source_id"], how="inner", nulls_equal=True)
              .filter((pl.col("_c") < pl.col("char_end")) & (pl.col("char_start") < pl.col("_d"))).select("_row"))
    outside = frame.join(inside.unique(), on="_row", how="anti").join(_types(inputs), on="event_id", how="inner")
    for row, figure, event, source, _a, _b, quote, _kind in _unsupported(outside, "quote", "_type").iter_rows():
        if supports(quote, types[event]):
            continue
        yield Finding("figures", row, "event_id", event,
                      f"{figure}: counts {event} ({types[event]}), but its quote is in none of {event}'s passages of "
                      f"source {source} and holds no word of the type")
