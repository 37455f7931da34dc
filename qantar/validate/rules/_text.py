"""What the text rules share: every text cell of every table, found from the model (every field of
type string or list, each list item on its own), and the cells the articles allow as they are.

A span's text that is, character for character, the article's text at its offsets is the
article's, not ours: it is left to quote-verbatim and exempt from hygiene (a quote keeps the
article's spaces, quotes and letters). A span's text that differs from its article is checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import polars as pl

from qantar.validate.inputs import Inputs

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    table: str
    row: int
    column: str
    value: str


def cells(inputs: Inputs, suspect: Callable[[pl.Expr], pl.Expr],
          narrow: Callable[[pl.Expr], pl.Expr] | None = None) -> Iterator[Cell]:
    """Every non-empty text cell (each list item apart) that the articles do not vouch for and that
    ``suspect`` (and ``narrow``) do not clear.

    ``suspect`` maps a column of text to a boolean column: False where the rule cannot fail (for
    example, a value of printable ASCII only), so that polars clears most cells at once and the
    rule's own Python looks at the rest. It must never clear a cell the rule would fail. ``narrow``,
    another such test, is read only on the cells ``suspect`` leaves: a pattern dearer per cell than
    ``suspect`` that clears most of those (quotes of curly marks and accented letters), so that
    neither Python nor the article's text is read for them.
    """
    texts: dict[str, str] | None = None
    spans = {(s.table, s.text): s for s in inputs.model.spans()}
    for name, table in inputs.tables.items():
        frame = inputs.strings(name)
        fields = [f for f in table.fields if f.type in ("string", "list", "any") and f.name in frame.columns]
        for f, rows in _suspect_rows(frame, fields, suspect):
            span = spans.get((name, f.name))
            where = [span.source, span.start, span.end] if span and f.type != "list" else []
            if not all(c in frame.columns for c in where):
                where = []
            found = frame.select(
                pl.col(f.name).alias("value"), *(pl.col(c).alias(f"_{k}") for k, c in enumerate(where)),
            ).with_row_index("row", offset=1)[rows]
            if f.type == "list":
                found = found.with_columns(pl.col("value").str.split(f.delimiter)).explode("value")
            keep = _filled(pl.col("value")) & suspect(pl.col("value"))
            found = found.filter(keep if narrow is None else keep & narrow(pl.col("value")))
            if where and found.height:
                texts = inputs.texts() if texts is None else texts
                found = found.filter(pl.Series([not _verbatim(texts.get(s), a, b, v) for v, s, a, b in
                                                found.select("value", "_0", "_1", "_2").iter_rows()], dtype=pl.Boolean))
            for row, value in found.select("row", "value").iter_rows():
                yield Cell(name, row, f.name, value)


def _filled(value: pl.Expr) -> pl.Expr:
    return value.is_not_null() & (value != "")


def _suspect_rows(frame: pl.DataFrame, fields: list, suspect: Callable[[pl.Expr], pl.Expr]) -> Iterator[tuple]:
    """Each field with a cell ``suspect`` does not clear, with the 0-based rows of those cells.

    One query per table finds them (a query per column costs more than the check on a small
    package); only the columns and rows found are read again.
    """
    if not fields:
        return
    flags = []
    for i, f in enumerate(fields):
        value = pl.col(f.name)
        if f.type == "list":
            hit = _filled(value) & value.str.split(f.delimiter).list.eval(_filled(pl.element()) & suspect(pl.element())).list.any()
        else:
            hit = _filled(value) & suspect(value)
        flags.append(hit.fill_null(False).alias(f"_{i}"))
    hits = frame.select(*flags).with_row_index("i").filter(pl.any_horizontal(*(f"_{i}" for i in range(len(fields)))))
    if hits.height == 0:
        return
    for i, f in enumerate(fields):
        rows = hits.filter(pl.col(f"_{i}"))["i"]
        if len(rows):
            yield f, rows


def _verbatim(article: str | None, start: str | None, end: str | None, text: str) -> bool:
    """A span text that is, character for character, its article's text at its offsets."""
    try:
        a, b = int(start), int(end)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return article is not None and 0 <= a <= b and article[a:b] == text


def outside(chars: Iterable[str]) -> str:
    """A pattern of polars (Rust regex) that matches any character but ``chars``."""
    points = sorted({ord(ch) for ch in chars})
    ranges: list[list[int]] = []
    for p in points:
        if ranges and ranges[-1][1] == p - 1:
            ranges[-1][1] = p
        else:
            ranges.append([p, p])
    return "[^" + "".join(rf"\x{{{a:X}}}" + (rf"-\x{{{b:X}}}" if b > a else "") for a, b in ranges) + "]"


def fold(value: str) -> str:
    """A value as compared for duplicates: case and runs of white space ignored."""
    return _SPACES.sub(" ", value).strip().casefold()


@dataclass(frozen=True)
class Translated:
    """A column of text and the column of its English translation, in one table."""

    table: str
    text: str
    translation: str


def translated(inputs: Inputs) -> Iterator[tuple[Translated, pl.DataFrame]]:
    """Every column with an English translation beside it, with its table's cells, where both are present:
    each span's text and translation (``qantar:spans``), and each field ``X`` beside a field ``X_en``
    (the descriptor's convention for an English rendering: sources.title and title_en)."""
    pairs = [Translated(s.table, s.text, s.translation) for s in inputs.model.spans() if s.translation]
    for name, table in inputs.tables.items():
        names = set(table.field_names)
        pairs += [Translated(name, f, f"{f}_en") for f in table.field_names
                  if f"{f}_en" in names and Translated(name, f, f"{f}_en") not in pairs]
    for pair in pairs:
        frame = inputs.strings(pair.table)
        if {pair.text, pair.translation} <= set(frame.columns):
            yield pair, frame
