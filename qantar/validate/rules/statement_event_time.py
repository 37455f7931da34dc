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
"""

from __future__ import annotations

from collections.abc import Iterator

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
