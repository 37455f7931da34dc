"""reasoning-source-dated: a reasoning that gives a source's date gives the source's publication.

A relative date is resolved against the article's own date (docs/curation.md), and a reasoning says
which: 'in source 002, written on Thursday 2022-01-06', 'Source 001, dated 2022-01-07', 'the
publication of source 002 (2022-01-06)', 'the date of source 001, 2022-01-07'. The day written right
after 'source NNN' (after a comma or an opening parenthesis, 'dated', 'written on' or 'published on'
and a weekday at most) is that source's published_date, or lies within its published_date_min and
_max. A reasoning rewritten to resolve 'kemarin' in "source 001, written on 2022-01-08" (001 is of
2022-01-07) rests on a day the package does not give its source. 'source NNN' is the source whose
source_id begins 'NNN_'; a number no one source has is left to the other rules. The same holds wherever
the package gives its reasons in prose: a discrepancy's resolution ('source 001 is dated 2022-01-07'), a
coding decision's reason and adopted value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|senin|selasa|rabu|kamis|jumat|sabtu|minggu)"
_SOURCE_DAY = re.compile(rf"\bsource (\d+)(?:,\s*| \(| is | was )(?:(?:dated|written|published|of)(?: on)? )?(?:{_WEEKDAY},? )?"
                         r"(\d{4})-(\d{2})-(\d{2})(?![\d-])", re.IGNORECASE)
_ANY = r"(?i)\bsource \d+(?:,\s*| \(| is | was )"
#: the prose in which the package gives its own reasons (a date's reasoning, a discrepancy's resolution, a
#: decision's reason and adopted value); not coding_decisions' first_value and second_value, which keep the
#: codings a decision rejected, as they were
PROSE = ("resolution_en", "description_en", "reason", "adopted_value")


def _prose(column: str) -> bool:
    return column.endswith("date_reasoning") or column in PROSE


def check(inputs: Inputs) -> Iterator[Finding]:
    if not ("sources" in inputs.tables
            and inputs.table("sources").has("source_id", "published_date", "published_date_min", "published_date_max")):
        return
    dates: dict[str, tuple | None] = {}
    for sid, best, low, high in inputs.typed("sources").select(
            "source_id", "published_date", "published_date_min", "published_date_max").iter_rows():
        number = (sid or "").split("_")[0]
        # a number two sources share names neither
        dates[number] = None if number in dates else (sid, best, low, high)
    for name, table in inputs.tables.items():
        for column in (c for c in table.field_names if _prose(c)):
            frame = (inputs.strings(name).select(column).with_row_index("_row", offset=1)
                     .filter(pl.col(column).str.contains(_ANY).fill_null(False)))
            for row, reasoning in frame.iter_rows():
                yield from _read(name, row, column, reasoning, dates)


def _read(name: str, row: int, column: str, reasoning: str, dates: dict) -> Iterator[Finding]:
    for m in _SOURCE_DAY.finditer(reasoning):
        known = dates.get(m.group(1))
        if known is None:
            continue
        sid, best, low, high = known
        try:
            day = dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue  # not a day: reasoning-names-date reads what is written
        low, high = low or best, high or best
        if low is None or high is None or low <= day <= high:
            continue
        window = low.isoformat() if low == high else f"{low.isoformat()}..{high.isoformat()}"
        yield Finding(name, row, column, reasoning,
                      f"the {'reasoning' if column.endswith('reasoning') else column} dates source {m.group(1)} {day.isoformat()} ('{m.group(0)}'), but {sid} "
                      f"was published {window}: a relative word is resolved against its source's own date")
