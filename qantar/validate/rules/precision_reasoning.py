"""reasoning-fits-precision: a row dated to one day does not give a reasoning that leaves it undated.

A date reasoning that says its source does not date the row ('Not dated by the source; before the
publication of source 002'), places it between two dates, or offers two dates as alternatives
('puts the start on 2022-01-02 (counting from the day after) or 2022-01-03') concludes an interval, which is a
``range`` (or a month or a year), not a ``day``: a range narrowed to one of its days keeps its
reasoning and every other rule's bounds. A day taken from the public record says so in its own words
('the article states the resignation but not its date; the date is from the public record').
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_ISO = r"\b\d{4}-\d{2}-\d{2}\b"
#: what a reasoning says when it concludes an interval rather than a day: undated, between two
#: dates, or one date or another (within one clause)
INTERVAL = rf"(?i)\bnot dated\b|\bbetween\b|{_ISO}[^.;]{{0,80}}\b(?:or|atau)\b[^.;]{{0,40}}{_ISO}"


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        if not table.has("date_precision", "date_reasoning"):
            continue
        key = table.id_field or table.field_names[0]
        frame = inputs.strings(name).with_row_index("_row", offset=1).filter(
            (pl.col("date_precision") == "day") & pl.col("date_reasoning").str.contains(INTERVAL))
        for row, ident, reasoning in frame.select("_row", key, "date_reasoning").iter_rows():
            yield Finding(name, row, "date_precision", "day",
                          f"{ident}: dated to one day, but its date_reasoning concludes an interval "
                          f"({reasoning[:90]!r}): the precision is 'range' (or month, year)")
