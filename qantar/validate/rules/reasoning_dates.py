"""reasoning-names-date: a row whose date reasoning writes calendar dates (ISO '2022-01-05', '5 January
2022' or the article's '5 Januari 2022'; a month as '2021-03', 'March 2021' or 'Maret 2021') writes the row's own date among them: for a day, that day (a reasoning that writes
months only, '2021-03', concludes a month, not a day); for a month, a date or month ('2022-01') inside
it; for a range, its first or its last day; for a year, a reasoning that writes years ('pada 2010')
writes the row's year among them. A reasoning that concludes one date and a row that says another is a
row redated without its reasoning, or a reasoning rewritten without its row.

A source's published_date_reasoning is read the same way: it states its conclusion after a colon
('Printed: ...', 'Together: 2022-01-07', '...: written 2022-01-06, at the latest 2022-01-07'), and the first
day written after its last colon that is followed by a day is published_date; a reasoning that writes days and
no such conclusion writes published_date among them; a day it writes as a bound ('at the latest',
'on or after') is published_date_max or _min. A publication moved inside its bounds (which the row rule
and the bounds rule pass) while its reasoning still concludes the old day is caught here.

A row of basis ``reference`` takes its date from the public record, which its reasoning names
(basis-fits-reasoning); the clause that names it ('the date is from the public record (Nazarbayev
announced his resignation on 19 March 2019)', 'which ended on 1945-09-02 by the public record') gives
the record's date, which is the row's day, or its range's first or last day. An event bounded by its
source ('Not dated by the source; ... By public record the government resigned on 5 January 2022')
relabelled reference would rest on a record that dates it elsewhere. Nor does a reference row conclude its
date before it comes to the record: set aside each parenthesis and clause that names the record, and a
reasoning that still writes the row's date ('minggu depan' (next week) in source 001, written ...: the week of
2022-01-10 (by public record the talks began on 2022-01-10)), while the record adds none of the row's dates
that the rest does not, dates the row from the articles (a relative word relabelled reference). A range may
take one end from the record and the other from a source ('after the Second World War, which ended on
1945-09-02 by the public record ... up to the publication of source 003')."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
#: the articles' month names (Indonesian), as reasonings quote them ('Pada Maret 2021')
_BULAN = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember")
_MONTH_NUMBER = {**{n: i for i, n in enumerate(_MONTHS, 1)}, **{n: i for i, n in enumerate(_BULAN, 1)}}
#: a year as a reasoning writes it ('pada 2010', 'in 2021'), not inside an ISO date or a longer number
_YEAR = re.compile(r"(?<![\d.,-])(1[5-9]\d\d|20\d\d)(?![\d.,-]\d|-\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])")
_WORDS = re.compile(rf"(?<![\w-])(?:(\d{{1,2}}) )?({'|'.join(sorted(_MONTH_NUMBER, key=len, reverse=True))})(?:,? (\d{{4}}))?(?![\w-])")


def written(text: str) -> tuple[set[dt.date], set[tuple[int, int]], set[tuple[int, int]]]:
    """The days, the months (year, month) and the days without a year (month, day: 'tanggal 7
    Januari') a reasoning writes. A month name alone ('may', 'march') is a word, not a date."""
    days: set[dt.date] = set()
    months: set[tuple[int, int]] = set()
    yearless: set[tuple[int, int]] = set()
    for y, m, d in _ISO.findall(text):
        months.add((int(y), int(m)))
        if d:
            try:
                days.add(dt.date(int(y), int(m), int(d)))
            except ValueError:
                pass
    # matched in lower case (the month names are): several times faster than IGNORECASE
    for d, name, y in _WORDS.findall(text.lower()):
        m = _MONTH_NUMBER[name]
        if not y:
            if d and 1 <= int(d) <= 31:
                yearless.add((m, int(d)))
            continue
        months.add((int(y), m))
        if d:
            try:
                days.add(dt.date(int(y), m, int(d)))
            except ValueError:
                pass
    return days, months, yearless


#: a bound of the publication as a reasoning writes it: the day that follows is the latest or earliest possible
_LATEST = re.compile(r"\b(?:at the latest|no later than|on or before)\s+")
_EARLIEST = re.compile(r"\b(?:at the earliest|no earlier than|not before|on or after)\s+")
#: a colon that opens a conclusion (not one inside a clock time, '08:40')
_COLON = re.compile(r":\s")


def _first_day(text: str, lower: str, pos: int, year: int, *, at: bool = False) -> dt.date | None:
    """The first day written from ``pos`` on (when ``at``, only one that begins at ``pos``); a day
    without its year ('7 Januari') is read in ``year``."""
    first: tuple[int, dt.date] | None = None
    for m in _ISO.finditer(text, pos):
        if at and m.start() != pos:
            break
        y, mo, d = (int(g) if g else 0 for g in m.groups())
        if d and _exists(y, mo, d):
            first = (m.start(), dt.date(y, mo, d))
            break
    for m in _WORDS.finditer(lower, pos):
        if (at and m.start() != pos) or (first and m.start() > first[0]):
            break
        d, name, y = m.groups()
        day, month, y = int(d) if d else 0, _MONTH_NUMBER[name], int(y) if y else year
        if 1 <= day <= 31 and _exists(y, month, day):
            first = (m.start(), dt.date(y, month, day))
            break
    return first[1] if first else None


def _exists(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _published(inputs: Inputs) -> Iterator[Finding]:
    columns = ("published_date_min", "published_date", "published_date_max", "published_date_reasoning")
    if "sources" not in inputs.tables or not set(columns) <= set(inputs.tables["sources"].field_names):
        return
    frame = inputs.typed("sources").select(*columns).with_row_index("row", offset=1).filter(
        pl.col("published_date").is_not_null() & pl.col("published_date_reasoning").is_not_null()
        & (pl.col("published_date_reasoning") != ""))
    # a row's findings are those of its four values: each distinct four read once, the rows of those that fail named
    said = {key: found for key in frame.select(*columns).unique().iter_rows() if (found := _published_row(*key))}
    failing = pl.DataFrame(list(said), schema=frame.select(*columns).schema, orient="row")
    for row, *key in frame.join(failing, on=list(columns), how="semi", nulls_equal=True).sort("row").iter_rows():
        for col, value, message in said[tuple(key)]:
            yield Finding("sources", row, col, value, message)


def _published_row(earliest: dt.date | None, best: dt.date, latest: dt.date | None,
                   reasoning: str) -> list[tuple[str, str, str]]:
    """(column, value, message) of what a publication's reasoning says against its dates."""
    out = []
    if not isinstance(best, dt.date):
        return out
    lower = reasoning.lower()
    for col, day, words in (("published_date_max", latest, _LATEST), ("published_date_min", earliest, _EARLIEST)):
        for m in words.finditer(lower):
            bound = _first_day(reasoning, lower, m.end(), best.year, at=True)
            if bound is not None and day is not None and bound != day:
                out.append((col, day.isoformat(), f"{col} is {day.isoformat()}, but its published_date_reasoning writes "
                                                  f"'{m.group(0).strip()} {bound.isoformat()}'"))
    concluded = None
    for m in reversed(list(_COLON.finditer(reasoning))):
        concluded = _first_day(reasoning, lower, m.end(), best.year)
        if concluded is not None:
            break
    if concluded is not None and concluded != best:
        out.append(("published_date", best.isoformat(),
                    f"the publication is {best.isoformat()}, but its published_date_reasoning concludes "
                    f"{concluded.isoformat()} (the first day after its last colon)"))
    elif concluded is None:
        days, _, yearless = written(reasoning)
        days |= {dt.date(best.year, m, d) for m, d in yearless if _exists(best.year, m, d)}
        if days and best not in days:
            out.append(("published_date", best.isoformat(),
                        f"the publication is {best.isoformat()}, but its published_date_reasoning writes "
                        f"{', '.join(sorted(d.isoformat() for d in days))} and not this day"))
    return out


#: what polars reads as surely written: an ISO date or month, or a year, between characters that
#: cannot continue it (the boundaries are consumed, so one of two dates a single character apart may be
#: missed; its row is then read in Python, as is every row whose own date is not found here)
_ISO_FOUND = r"(?:^|\D)(\d{4}-\d{2}(?:-\d{2})?)(?:$|[^\d-])"
_YEAR_FOUND = r"(?:^|[^\d.,-])(1[5-9]\d\d|20\d\d)(?:$|[^\d.,-]|[\d.,-](?:$|\D))"


def _agrees(rows: pl.DataFrame) -> pl.Expr:
    """Rows that pass for sure: the reasoning writes the row's own date as ``_ISO``/``_YEAR`` read it
    (a day: that day; a range: its first or last day; a month: that month; a year: that year).

    Each value polars finds is one Python's pattern finds too (its boundaries are the same
    characters, and no earlier match can overlap one), so only rows that may fail reach Python.
    """
    reasoning = pl.col("date_reasoning")
    iso = reasoning.str.extract_all(_ISO_FOUND).list.eval(pl.element().str.extract(r"(\d{4}-\d{2}(?:-\d{2})?)"))
    years = reasoning.str.extract_all(_YEAR_FOUND).list.eval(pl.element().str.extract(r"(1[5-9]\d\d|20\d\d)"))
    start, end = pl.col("date_start"), pl.col("_end")
    day, last = start.dt.strftime("%Y-%m-%d"), end.dt.strftime("%Y-%m-%d")
    precision = pl.col("date_precision").cast(pl.String)
    return (pl.when(precision == "day").then(iso.list.contains(day))
            .when(precision == "range").then(iso.list.contains(day) | iso.list.contains(last))
            .when(precision == "month").then(
                iso.list.eval(pl.element().str.slice(0, 7)).list.contains(start.dt.strftime("%Y-%m")))
            .when(precision == "year").then(years.list.contains(start.dt.year().cast(pl.String)))
            .otherwise(False)).fill_null(False)


#: a clause of a reasoning: sentences and the parts of a sentence set off by a semicolon
_CLAUSE = re.compile(r"(?<=[.;])\s+")
_RECORD = re.compile(r"\bpublic record\b", re.IGNORECASE)


def _misses(text: str, precision: str, start: dt.date, end: dt.date | None) -> str | None:
    """What ``text`` writes of the row's kind when none of it is the row's date (its day, its range's
    first or last day, its month or year); None when it writes the row's date or nothing of the kind."""
    days, months, yearless = written(text)
    years = {int(y) for y in _YEAR.findall(text)} | {y for y, _ in months}
    days |= {dt.date(y, m, d) for m, d in yearless for y in {start.year, (end or start).year} if _exists(y, m, d)}
    if precision in ("day", "range") and days and not days & {start, end or start}:
        return ", ".join(sorted(d.isoformat() for d in days))
    if precision == "month" and months and (start.year, start.month) not in months:
        return ", ".join(sorted(f"{y}-{m:02d}" for y, m in months))
    if precision == "year" and years and start.year not in years:
        return ", ".join(map(str, sorted(years)))
    return None


def _record(name: str, frame: pl.DataFrame) -> Iterator[Finding]:
    """A reference date is the date the record gives: what the clauses naming the public record write.
    A reasoning that misses the row's date as a whole is reported once, by the reading of all of it."""
    # only a reasoning that names the record can fail (a superset of _RECORD: 'record' without word bounds, and
    # no 'i', which Python's case folding also reads in 'ı' and Rust's does not)
    rows = frame.filter((pl.col("_basis") == "reference") & pl.col("date_reasoning").str.contains(r"(?i)record")).drop("_basis")
    yield from _per_value(name, rows, _record_row)


def _record_row(precision: str, start: dt.date, end: dt.date | None, reasoning: str) -> tuple[str, str, str] | None:
    said = [c for c in _CLAUSE.split(reasoning) if _RECORD.search(c)]
    if not said or precision not in ("day", "range", "month", "year") or _misses(reasoning, precision, start, end):
        return None
    wrote = _misses(" ".join(said), precision, start, end)
    if wrote is None:
        # a reference row takes its date from where it names the record: a reasoning that concludes the date
        # before it comes to the record ('...: the week of 2022-01-10 (by public record ...)') dates it from the
        # articles, and the record adds nothing (a range may take one end from the record, the other from a source)
        beside = _beside_record(reasoning)
        own = _own(beside, precision, start, end)
        if not own or not _own(" ".join(said), precision, start, end) <= own:
            return None
        shown = re.sub(r"\s+(?=[.,;])", "", beside).strip()
        return ("date_basis", "reference",
                f"the date is taken from the public record (basis reference), but its date_reasoning concludes the row's "
                f"date outside what it says of the record ('{shown[:120]}'): the articles date this row, and the "
                "record only comments on it (a relative, stated or inferred date)")
    return ("date_basis", "reference",
            f"the date is taken from the public record (basis reference), but the record its date_reasoning "
            f"names gives {wrote}, not the row's {start.isoformat()}"
            f"{'' if end in (None, start) else '..' + end.isoformat()}: the record does not date this row")


def _beside_record(reasoning: str) -> str:
    """The reasoning without what it says of the public record: each outermost parenthesis that names the
    record ('(by public record the talks began on 2022-01-10)'), then each clause that does."""
    kept, depth, opened = [], 0, 0
    for i, ch in enumerate(reasoning):
        if ch == "(":
            if depth == 0:
                kept.append(reasoning[opened:i])
                opened = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                part = reasoning[opened:i + 1]
                kept.append("" if _RECORD.search(part) else part)
                opened = i + 1
    kept.append(reasoning[opened:])
    return " ".join(c for c in _CLAUSE.split("".join(kept)) if not _RECORD.search(c))


def _own(text: str, precision: str, start: dt.date, end: dt.date | None) -> set[object]:
    """What of the row's own date ``text`` writes: its day, its range's first or last day, its month or year."""
    days, months, yearless = written(text)
    days |= {dt.date(y, m, d) for m, d in yearless for y in {start.year, (end or start).year} if _exists(y, m, d)}
    if precision in ("day", "range"):
        return set(days & {start, end or start})
    if precision == "month":
        return {(start.year, start.month)} & months
    return {start.year} & ({int(y) for y in _YEAR.findall(text)} | {y for y, _ in months})


def _per_value(name: str, rows: pl.DataFrame, judge) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    """The findings of ``judge`` (precision, start, end, reasoning -> column, value, message or None) on each
    row (row, date_precision, date_start, _end, date_reasoning), each distinct four values judged once."""
    keys = ["date_precision", "date_start", "_end", "date_reasoning"]
    rows = rows.with_columns(pl.col("date_precision").cast(pl.String))
    said = {key: found for key in rows.select(keys).unique().iter_rows() if (found := judge(*key)) is not None}
    if not said:
        return
    failing = pl.DataFrame(list(said), schema=rows.select(keys).schema, orient="row")
    for row, *key in rows.join(failing, on=keys, how="semi", nulls_equal=True).sort("row").select("row", *keys).iter_rows():
        column, value, message = said[tuple(key)]
        yield Finding(name, row, column, value, message)


def _row(precision: str, start: dt.date, end: dt.date | None, reasoning: str) -> tuple[str, str, str] | None:
    """What a row's reasoning writes against its date: (column, value, message), or None."""
    if precision == "year":
        years = {int(y) for y in _YEAR.findall(reasoning)}
        if years and start.year not in years:
            return ("date_start", start.isoformat(), f"the year is {start.year}, but its date_reasoning writes "
                                                     f"{', '.join(map(str, sorted(years)))} and not this year")
        return None
    days, months, yearless = written(reasoning)
    if not months and not yearless:
        return None  # a reasoning in words only: nothing to compare
    if yearless:  # a day of the month without its year: the row's own year is taken as meant
        days |= {dt.date(y, m, d) for m, d in yearless for y in {start.year, (end or start).year} if _exists(y, m, d)}
    if precision == "day" and days and start not in days:
        return ("date_start", start.isoformat(), f"the day is {start.isoformat()}, but its date_reasoning writes "
                                                 f"{', '.join(sorted(d.isoformat() for d in days))} and not this day")
    if precision == "day" and not days:
        return ("date_precision", precision,
                f"dated to the day {start.isoformat()}, but its date_reasoning writes months only "
                f"({', '.join(sorted(f'{y}-{m:02d}' for y, m in months))}): it concludes a month")
    if precision == "range" and days and start not in days and end not in days:
        return ("date_start", start.isoformat(),
                f"the range is {start.isoformat()} to {end.isoformat() if end else '?'}, but its "
                f"date_reasoning writes {', '.join(sorted(d.isoformat() for d in days))}, neither its "
                "first nor its last day")
    if precision == "month" and months and (start.year, start.month) not in months:
        return ("date_start", start.isoformat(), f"the month is {start:%Y-%m}, but its date_reasoning writes "
                                                 f"{', '.join(sorted(f'{y}-{m:02d}' for y, m in months))} and not this month")
    return None


def check(inputs: Inputs) -> Iterator[Finding]:
    yield from _published(inputs)
    for name, table in inputs.tables.items():
        reasons = [c for c in table.field_names if c == "date_reasoning"]
        if not reasons or not {"date_precision", "date_start"} <= set(table.field_names):
            continue
        ends = "date_end" if "date_end" in table.field_names else "date_start"
        basis = pl.col("date_basis").cast(pl.String) if "date_basis" in table.field_names else pl.lit(None, pl.String)
        frame = inputs.typed(name).select("date_precision", "date_start", pl.col(ends).alias("_end"), *reasons,
                                          basis.alias("_basis")).with_row_index("row", offset=1)
        rows = frame.filter(pl.col("date_precision").cast(pl.String).is_in(["day", "month", "range", "year"])
                            & pl.col("date_start").is_not_null() & pl.col("date_reasoning").is_not_null())
        yield from _record(name, rows)
        rows = rows.drop("_basis")
        rows = rows.filter(_agrees(rows).not_())
        # what Python reads: a year (for a year), an ISO date or a month's name (lower case, as written() reads it)
        reasoning = pl.col("date_reasoning")
        year = pl.col("date_precision").cast(pl.String) == "year"
        rows = rows.filter(pl.when(year).then(reasoning.str.contains(r"1[5-9]\d\d|20\d\d"))
                           .otherwise(reasoning.str.contains(r"\d{4}-\d{2}")
                                      | reasoning.str.to_lowercase().str.contains_any(list(_MONTH_NUMBER))))
        yield from _per_value(name, rows, _row)
