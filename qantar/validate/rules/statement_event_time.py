"""statement-after-event: a statement about an event that has happened is not dated before it.

A statement's ``event_id`` is the event it is about (docs/curation.md). When that event is recorded
as having happened ('occurred', or 'claimed': said to have happened), words about it were said once
it had begun: the statement does not end before the event starts, unless the words speak of the
future (a warning, a promise: validators/future_words.toml), which may precede what they foretell.
A statement redated into another year ('pada 1991' of the CSTO's withdrawal) or an event moved later
than what is said about it keeps every key and every date inside its sources' window; this is where
the two meet. Planned and announced events are left alone: what announces them comes first.

Words that say the event is done ('telah meninggalkan', have left; validators/future_words.toml
`done`), with no word of the future at all, were said once it had begun: such a statement does not
even start before the event does (its interval may not reach back before it).

A statement made at an occasion lies within it. The statements a source reports through one channel
('virtual meeting of CSTO leaders') were made at one occasion; when that channel names the type of an
event one of them is about (a word of the type's label: 'meeting' of 'Diplomatic meeting'), and only
one such event, that event is the occasion, and each of those statements, whatever it is about (ST24,
at the meeting E034, speaks of the stabilisation E033), starts and ends within the event's interval. A
statement of the meeting of Monday 10 January redated to the Sunday keeps every key and stays before its
source's publication; the occasion it was said at is what it leaves.
"""

from __future__ import annotations

from collections.abc import Iterator

import re

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.status_tense import markers
from qantar.validate.rules.translation_future import _done

#: statuses of an event that has begun, or is said to have
HAPPENED = ("occurred", "claimed")


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"statements": ("statement_id", "event_id", "date_end", "quote"),
              "events": ("event_id", "date_start", "status")}
    if not all(t in inputs.tables and inputs.table(t).has(*cols) for t, cols in needed.items()):
        return  # the schema layers report missing tables and columns
    events = (inputs.typed("events").select("event_id", pl.col("date_start").alias("_begins"), "status")
              .filter(pl.col("status").is_in(HAPPENED) & pl.col("_begins").is_not_null()).unique("event_id", keep="first"))
    yield from _done_before(inputs, events)
    yield from _at_occasion(inputs)
    early = (inputs.typed("statements").with_row_index("_row", offset=1)
             .select("_row", "statement_id", "event_id", "date_end", "quote")
             .join(events, on="event_id", how="inner")
             .filter(pl.col("date_end") < pl.col("_begins")).sort("_row"))
    for row, ident, event, end, quote, begins, status in early.iter_rows():
        if quote and markers(quote):
            continue  # the speaker speaks of the future: a warning or a promise may come first
        yield Finding("statements", row, "date_end", end.isoformat(),
                      f"{ident} is about {event}, which {'is said to have begun' if status == 'claimed' else 'began'} on "
                      f"{begins.isoformat()}, but the statement ends on {end.isoformat()}, before it, and its words do not "
                      "speak of the future")


def _done_before(inputs: Inputs, events: pl.DataFrame) -> Iterator[Finding]:
    """A statement whose words say its event is done, and nothing of the future, starts no earlier than it."""
    if not inputs.table("statements").has("date_start"):
        return
    done, future = _done()
    early = (inputs.typed("statements").with_row_index("_row", offset=1)
             .select("_row", "statement_id", "event_id", "date_start", "date_end", "quote")
             .join(events, on="event_id", how="inner")
             .filter((pl.col("date_start") < pl.col("_begins")) & (pl.col("date_end") >= pl.col("_begins"))
                     & pl.col("quote").str.contains(done) & ~pl.col("quote").str.contains(future)).sort("_row"))
    for row, ident, event, start, _, _, begins, _ in early.iter_rows():
        yield Finding("statements", row, "date_start", start.isoformat(),
                      f"{ident}'s words say {event} is done ('telah', 'sudah' ...) and nothing of the future, so they were "
                      f"said once it had begun ({begins.isoformat()}), but the statement may start on {start.isoformat()}")


#: a word of a channel or of an event type's label that can name an occasion (not 'for', 'of', 'on')
_WORD = re.compile(r"[a-z]{4,}")


def _at_occasion(inputs: Inputs) -> Iterator[Finding]:
    """Each statement of a (source, channel) whose channel names the type of the one event such a statement is
    about starts and ends within that event's interval."""
    needed = {"statements": ("source_id", "channel", "event_id", "date_start", "date_end"),
              "events": ("event_id", "event_type", "date_start", "date_end", "status"), "event_types": ("event_type", "label")}
    if not all(t in inputs.tables and inputs.table(t).has(*cols) for t, cols in needed.items()):
        return
    # the types each channel names, read once per distinct channel and label
    by_word: dict[str, set[str]] = {}
    for code, label in inputs.typed("event_types").select("event_type", "label").drop_nulls().unique().iter_rows():
        for word in _WORD.findall(label.lower()):
            by_word.setdefault(word, set()).add(code)
    statements = (inputs.typed("statements").with_row_index("_row", offset=1)
                  .select("_row", "statement_id", "source_id", "channel", "event_id", "date_start", "date_end")
                  .filter(pl.col("channel").is_not_null() & pl.col("source_id").is_not_null()))
    names = [(channel, code) for channel in statements.get_column("channel").unique().to_list()
             for code in {c for w in _WORD.findall(channel.lower()) for c in by_word.get(w, ())}]
    if not names:
        return
    named = pl.DataFrame(names, schema={"channel": pl.String, "event_type": pl.String}, orient="row")
    events = (inputs.typed("events").select("event_id", pl.col("event_type").cast(pl.String), pl.col("date_start").alias("_from"),
                                            pl.col("date_end").alias("_to"), "status")
              .filter(pl.col("status").is_in(HAPPENED) & pl.col("_from").is_not_null() & pl.col("_to").is_not_null())
              .unique("event_id", keep="first"))
    occasions = (statements.select("source_id", "channel", "event_id").join(events, on="event_id", how="inner")
                 .join(named, on=["channel", "event_type"], how="semi")
                 .select("source_id", "channel", pl.col("event_id").alias("_occasion"), "_from", "_to").unique()
                 # one occasion per source and channel: two meetings reported through one channel name none of them
                 .filter(pl.len().over("source_id", "channel") == 1))
    outside = (statements.join(occasions, on=["source_id", "channel"], how="inner")
               .filter((pl.col("date_start") < pl.col("_from")) | (pl.col("date_end") > pl.col("_to"))).sort("_row"))
    for row, ident, _, channel, _, start, end, occasion, begins, ends in outside.iter_rows():
        column, day = ("date_start", start) if start is not None and start < begins else ("date_end", end)
        yield Finding("statements", row, column, day.isoformat(),
                      f"{ident} was made through '{channel}', the occasion {occasion} ({begins.isoformat()}"
                      f"{'' if ends == begins else ' to ' + ends.isoformat()}) that its source's statements of that channel "
                      f"report, but it is dated {start.isoformat() if start else '?'} to {end.isoformat() if end else '?'}, "
                      "outside it")
