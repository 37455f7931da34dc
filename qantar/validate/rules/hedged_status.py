"""hedged-is-claimed: an event every passage of which is a hedged report is claimed, not occurred.

A report with no named claimant ('Ada laporan bahwa ...', 'dikabarkan', 'diduga') is claimed when
that is all the sources say, and occurred when another passage reports it as fact (docs/curation.md,
E021). So an event recorded as 'occurred' has at least one passage without a hedge (the `hearsay`
of validators/hedge_words.toml); one whose every passage hedges was relabelled from what its
sources allow.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.claim_attributed import hedges


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "status"), "event_sources": ("event_id", "quote")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()) or not hedges():
        return  # the schema layers report missing tables and columns
    quote = pl.col("quote")
    per_event = (inputs.strings("event_sources").filter(pl.col("event_id").is_not_null() & quote.is_not_null())
                 .group_by("event_id").agg(quote.str.contains_any(list(hedges()), ascii_case_insensitive=True).all()
                                           .alias("_hedged"), pl.len().alias("_n")))
    events = (inputs.strings("events").with_row_index("_row", offset=1).filter(pl.col("status") == "occurred")
              .join(per_event.filter(pl.col("_hedged")), on="event_id", how="inner").sort("_row"))
    for row, event, n in events.select("_row", "event_id", "_n").iter_rows():
        yield Finding("events", row, "status", "occurred",
                      f"{event} is occurred, but each of its {n} passage(s) is a hedged report ('Ada laporan bahwa', "
                      "'dikabarkan'; `hearsay` in validators/hedge_words.toml) with no source stating it as fact: claimed?")
