"""reasoning-bound-holds: a date reasoning that bounds the row in words holds for the row's dates.

A reasoning that says when the row can be ('after the start of the deployment (2022-01-06)', 'after
the Second World War, which ended on 1945-09-02', 'before the withdrawal began on 2022-01-13', 'at the
latest in the early hours of 2022-01-06') gives a bound: the first date written in the phrase the bound
word opens. 'after', 'not before', 'no earlier than', 'at the earliest' and 'on or after' bound the
start; 'before', 'no later than', 'at the latest' and 'on or before' bound the end. The bound is read as
including its day (the arrival 'after the start of the deployment (2022-01-06)' starts on the 6th) and,
for a month ('after March 2021'), the whole month. An event moved to start the day before the deployment
it follows (E025 to 2022-01-05) keeps its reasoning, its keys and every date inside its sources' window;
its own reasoning is what it breaks.

The phrase ends where the bound's clause does: at the next bound word ('after the deployment and before
the withdrawal began on 2022-01-13' bounds only the end), at a semicolon, a sentence's end or a colon,
and at the parenthesis that closes around the bound word ('(counting from the day after) or 2022-01-03'
bounds nothing). A day or range row lies within its bounds; a month or year row, whose interval is only
as fine as its precision, reaches them. 'from' is not read: it dates the words it follows ('the
peacekeepers leaving (from 2022-01-13)') as often as the row.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.reasoning_dates import _ISO, _MONTH_NUMBER, _WORDS, _exists, _per_value

_EARLIEST = ("not before", "no earlier than", "at the earliest", "on or after", "after")
_LATEST = ("no later than", "at the latest", "on or before", "before")
#: a bound word; the longer forms come first, so 'not before' is read as one bound and not as 'before'
_BOUND = re.compile(r"\b(" + "|".join(sorted(_EARLIEST + _LATEST, key=len, reverse=True)) + r")\b")
#: where a bound's clause ends, besides a closing parenthesis: a semicolon, a sentence's end, a colon
_STOP = re.compile(r"[;:]|\.(?:\s|$)")
_RANGE_DAY = re.compile(r"/(\d{2})(?!\d)")


def _scope(lower: str, start: int) -> str:
    """The phrase a bound word opens at ``start``: up to the next bound word, clause end or closing parenthesis."""
    stop = len(lower)
    if (m := _BOUND.search(lower, start)) is not None:
        stop = m.start()
    if (m := _STOP.search(lower, start, stop)) is not None:
        stop = m.start()
    depth = 0
    for i in range(start, stop):
        if lower[i] == "(":
            depth += 1
        elif lower[i] == ")":
            depth -= 1
            if depth < 0:
                return lower[start:i]
    return lower[start:stop]


def _first_date(text: str, year: int) -> tuple[dt.date, dt.date, str] | None:
    """The first date ``text`` writes, as its first and last day and as written: an ISO day ('2022-01-05',
    '2022-01-05/06' for either day) or month, a day or month in words with its year, or a day without
    its year ('13 January', read in ``year``). A month's name alone is a word, not a date."""
    found: list[tuple[int, dt.date, dt.date, str]] = []
    for m in _ISO.finditer(text):
        y, mo, d = (int(g) if g else 0 for g in m.groups())
        if not 1 <= mo <= 12:
            continue
        if d and _exists(y, mo, d):
            last = dt.date(y, mo, d)
            if (r := _RANGE_DAY.match(text, m.end())) and _exists(y, mo, int(r.group(1))) and int(r.group(1)) > d:
                last = dt.date(y, mo, int(r.group(1)))
            found.append((m.start(), dt.date(y, mo, d), last, text[m.start():m.end() + (3 if last.day != d else 0)]))
            break
        if not d and 1 <= y:
            found.append((m.start(), dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), m.group(0)))
            break
    for m in _WORDS.finditer(text):
        if found and m.start() > found[0][0]:
            break
        d, name, y = m.groups()
        month = _MONTH_NUMBER[name]
        if y and not d and int(y) >= 1:
            first, last = dt.date(int(y), month, 1), dt.date(int(y), month, calendar.monthrange(int(y), month)[1])
        elif d and _exists(int(y) if y else year, month, int(d)):
            first = last = dt.date(int(y) if y else year, month, int(d))
        else:
            continue
        found = [(m.start(), first, last, m.group(0))]
        break
    if not found:
        return None
    _, first, last, said = min(found)
    return first, last, said


def _judge(precision: str, start: dt.date, end: dt.date | None, reasoning: str) -> tuple[str, str, str] | None:
    """The first bound of ``reasoning`` the row's dates break: (column, value, message), or None."""
    end = end or start
    coarse = precision in ("month", "year")  # the interval is as wide as its precision: it need only reach the bound
    lower = reasoning.lower()
    for m in _BOUND.finditer(lower):
        word = m.group(1)
        bound = _first_date(_scope(lower, m.end()), start.year if word in _EARLIEST else end.year)
        if bound is None:
            continue
        first, last, said = bound
        if word in _EARLIEST and (end if coarse else start) < first:
            return ("date_start", start.isoformat(),
                    f"the row {'ends' if coarse else 'starts'} on {(end if coarse else start).isoformat()}, but its "
                    f"date_reasoning says '{word} ... {said}': it cannot be before {first.isoformat()}")
        if word in _LATEST and (start if coarse else end) > last:
            return ("date_end", end.isoformat(),
                    f"the row {'starts' if coarse else 'ends'} on {(start if coarse else end).isoformat()}, but its "
                    f"date_reasoning says '{word} ... {said}': it cannot be after {last.isoformat()}")
    return None


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        if not {"date_reasoning", "date_precision", "date_start"} <= set(table.field_names):
            continue
        ends = "date_end" if "date_end" in table.field_names else "date_start"
        reasoning = pl.col("date_reasoning")
        # only a reasoning with a bound word and a digit can break a bound (a date in words has its year or day)
        rows = (inputs.typed(name).select("date_precision", "date_start", pl.col(ends).alias("_end"), "date_reasoning")
                .with_row_index("row", offset=1)
                .filter(pl.col("date_start").is_not_null() & reasoning.str.contains(r"\d")
                        & reasoning.str.to_lowercase().str.contains(_BOUND.pattern)))
        yield from _per_value(name, rows, _judge)
