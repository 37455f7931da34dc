"""The slow path: something is wrong with a table; find the first problem and name it.

Imported only when the fast path in ``qantar.csvfile`` has failed a check. Every function here
raises ``DataError`` with the table, row (1-based data row), line (1-based physical line),
column and value, as far as they apply.
"""

from __future__ import annotations

import codecs
from typing import NoReturn

import polars as pl

from qantar import _rfc4180, types
from qantar.errors import DataError
from qantar.model import Field
from qantar.model import Table

_HEAD_BYTES = 1 << 16
def header(resource: Table, data: bytes, where: str) -> None:
    """Return if the (quoted) header matches the descriptor; raise saying how it differs."""
    head = data[:_HEAD_BYTES]
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) == len(data))
    except UnicodeDecodeError as exc:
        _not_utf8(resource, head, exc, where)
    try:
        found = next((cells for _, _, cells in _rfc4180.records(text)), [])
    except _rfc4180.Malformed as exc:
        _raise_malformed(resource, exc, where, header=True)
    expected = resource.field_names
    if found == expected:
        return
    if found and found[0].startswith("\ufeff"):
        raise DataError(
            "file starts with a UTF-8 byte order mark (BOM); the descriptor says plain utf-8",
            table=resource.name, line=1, path=where,
        )
    missing = [n for n in expected if n not in found]
    extra = [n for n in found if n not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(map(repr, missing))}")
        if extra:
            parts.append(f"unexpected column(s) {', '.join(map(repr, extra))}")
        detail = "; ".join(parts)
    elif len(found) != len(set(found)):
        detail = "a column name is repeated"
    else:
        detail = "the columns are in a different order"
    raise DataError(
        f"header does not match the descriptor's fields: {detail} "
        f"(expected {','.join(expected)}; found {','.join(found)})",
        table=resource.name, line=1, path=where,
    )


def unreadable(resource: Table, data: bytes, where: str, exc: Exception) -> NoReturn:
    """The CSV reader refused the file: find out why."""
    text = _decode(resource, data, where)
    _check_records(resource, text, where)
    try:
        strings = pl.read_csv(
            data,
            schema={f.name: pl.String() for f in resource.fields},
            **_rfc4180.reader_options(resource.missing_values),  # type: ignore[arg-type]
        )
    except pl.exceptions.PolarsError:
        strings = None
    if strings is not None:
        for field in resource.fields:
            if field.type in ("string", "any") and field.categories is None:
                continue
            parsed = strings.select(types.parse(field)).to_series()
            if parsed.null_count() != strings[field.name].null_count():
                bad_value(resource, strings, field, data, where)
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    raise DataError(f"the CSV could not be parsed: {message}", table=resource.name, path=where) from exc


def records(resource: Table, data: bytes, where: str) -> None:
    """Raise at the first record whose cell count differs from the header's."""
    _check_records(resource, _decode(resource, data, where), where)


def carriage_returns(resource: Table, rows: int, data: bytes, where: str) -> None:
    """Raise unless the lone carriage returns of ``data`` sit inside quoted cells."""
    text = _decode(resource, data, where)
    _check_records(resource, text, where)  # a lone \r outside a quoted cell is malformed
    records = sum(1 for _ in _rfc4180.records(text)) - 1
    if records != rows:  # pragma: no cover - the strict reader and polars agree on quoted cells
        raise DataError(
            f"CSV readers disagree on this file ({records} records strictly, {rows} rows for polars)",
            table=resource.name, path=where,
        )


def malformed(resource: Table, data: bytes, where: str) -> NoReturn:
    """The file breaks RFC 4180 (``qantar._rfc4180``): name the row, line and column."""
    text = _decode(resource, data, where)
    _check_records(resource, text, where)
    raise DataError("malformed CSV", table=resource.name, path=where)  # pragma: no cover - raised above


def unterminated(resource: Table, rows: int, data: bytes, where: str) -> NoReturn:
    """The file does not end with a line break: its last record may be cut short."""
    line = data.count(b"\n") + 1
    raise DataError(
        "the file does not end with a line break, as every file of the package does: it looks "
        "truncated, and its last row may be cut short (if you edited the file, end it with a line break)",
        table=resource.name, row=rows if rows else None, line=line, path=where,
    )


def bad_value(resource: Table, strings: pl.DataFrame, field: Field, data: bytes, where: str) -> NoReturn:
    """``strings[field.name]`` holds a value that ``from_string`` cannot convert: name it."""
    hit = (
        strings.select(pl.col(field.name).alias("value"), types.parse(field).alias("parsed"))
        .with_row_index("index")
        .filter(pl.col("value").is_not_null() & pl.col("parsed").is_null())
        .row(0, named=True)
    )
    row = hit["index"] + 1
    text = _decode(resource, data, where)
    _check_records(resource, text, where)  # a short row shifts values: report that instead
    raise DataError(
        types.problem(field, hit["value"]),
        table=resource.name, row=row, line=_line_of_row(text, row), column=field.name,
        value=hit["value"], path=where,
    )


# --- helpers ---------------------------------------------------------------------------------


def _decode(resource: Table, data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _not_utf8(resource, data, exc, where)


def _not_utf8(resource: Table, data: bytes, exc: UnicodeDecodeError, where: str) -> NoReturn:
    line = data.count(b"\n", 0, exc.start) + 1
    raise DataError(
        f"bytes are not valid UTF-8: {data[exc.start:exc.end]!r} at byte offset {exc.start}",
        table=resource.name, line=line, path=where,
    ) from None


def _raise_malformed(resource: Table, exc: _rfc4180.Malformed, where: str, *, header: bool = False) -> NoReturn:
    names = resource.field_names
    column = names[exc.cell] if not header and exc.record and exc.cell < len(names) else None
    raise DataError(
        f"malformed CSV: {exc.problem}",
        table=resource.name, row=exc.record or None, line=exc.line, column=column, path=where,
    ) from None


def _check_records(resource: Table, text: str, where: str) -> None:
    """Raise at the first malformed record, or the first whose cell count differs from the header's."""
    width = len(resource.fields)
    try:
        for row, line, cells in _rfc4180.records(text):
            if row and len(cells) != width:
                what = "is a blank line" if not cells else f"has {len(cells)} cells, the header has {width}"
                raise DataError(what, table=resource.name, row=row, line=line, path=where)
    except _rfc4180.Malformed as exc:
        _raise_malformed(resource, exc, where)


def _line_of_row(text: str, wanted: int) -> int | None:
    try:
        for row, line, _cells in _rfc4180.records(text):
            if row == wanted:
                return line
    except _rfc4180.Malformed:
        return None
    return None
