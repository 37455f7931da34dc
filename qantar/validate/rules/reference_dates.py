"""reference-where-unprinted: the public record dates an event only where no article does.

``date_basis`` 'reference' takes a date from outside the articles. The curation guide allows it only
where no article bounds the event ('setelah Perang Dunia II'): where a passage prints a date the
event lies in ('Pemilihannya, pada 2019'), the row is dated as printed ('stated', that year) and a
finer day from the record goes into a public_record discrepancy. A row narrowed by the record and
relabelled 'reference' keeps every type, key and date valid; its passages betray it.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.stated_dates import own, printed_in

REFERENCE = "reference"


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "date_start", "date_end", "date_basis"),
              "event_sources": ("event_id", "source_id", "quote"), "sources": ("source_id", "published_date")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    events = (inputs.typed("events").with_row_index("_row", offset=1).filter(pl.col("date_basis") == REFERENCE)
              .select("_row", "event_id", "date_start", "date_end"))
    if events.is_empty():
        return
    passages = printed_in(inputs, events["event_id"])
    for row, event, first, last in events.iter_rows():
        if first is None or last is None:
            continue
        for source, printed in passages.get(event, ()):
            bound = next((p for p in printed if p.precision in ("day", "month", "year")
                          and own(p)[0] <= first and last <= own(p)[1]), None)
            if bound is not None:
                yield Finding("events", row, "date_basis", REFERENCE,
                              f"{event} is dated {first}..{last} from the public record, but source {source}'s passage "
                              f"prints '{bound.text}', which bounds it: the article's date is the row's (stated), and a "
                              "finer one from the record belongs in a public_record discrepancy (docs/curation.md)")
                break
