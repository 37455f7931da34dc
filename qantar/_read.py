"""Read one CSV resource into a polars frame typed exactly as its descriptor says.

Fast path: one ``pl.read_csv`` with an explicit schema. Types the CSV reader parses strictly
enough itself (string, integer, number, string-with-categories as ``pl.Enum``) are read
directly; date, datetime, boolean and list columns are read as strings and converted with
vectorised expressions that follow the Frictionless formats (ISO dates, ISO datetimes *with*
a UTC offset, the field's true/false values, the list delimiter). A conversion that turns a
present value into null is a bad value: comparing null counts before and after catches it at
the cost of a bitmap count.

Anything wrong sends the read to ``_diagnose``, which re-reads the file slowly (stdlib csv,
all-string polars) to name the row, line, column and value. A frame is returned only when the
whole table is good; there is no partial result.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from collections.abc import Iterator
from typing import NoReturn

import polars as pl

from qantar import _verify
from qantar._descriptor import Field, Resource
from qantar.errors import DataError

_DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
_DATETIME_RE = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$"
_HEAD_BYTES = 1 << 16

_EXPECTED = {
    "integer": "is not an integer",
    "number": "is not a number",
    "date": "is not an ISO date (expected YYYY-MM-DD, e.g. 2022-01-05)",
    "datetime": (
        "is not an ISO 8601 datetime with a UTC offset "
        "(expected e.g. 2022-01-10T12:13:00+06:00 or 2022-01-10T06:13:00Z)"
    ),
}


def _native(field: Field) -> bool:
    """Whether the CSV reader itself parses this field (else: string, then convert)."""
    return field.type in ("string", "any", "integer", "number")


def _reader_schema(resource: Resource) -> dict[str, pl.DataType]:
    return {f.name: (f.dtype if _native(f) else pl.String()) for f in resource.fields}


def _from_string(field: Field) -> pl.Expr:
    """Expression turning the string column ``field.name`` into ``field.dtype``.

    Bad values become null (never an exception), so callers find them by null counts.
    """
    col = pl.col(field.name)
    t = field.type
    if field.categories is not None:
        expr = col.cast(field.dtype, strict=False)
    elif t in ("string", "any"):
        expr = col
    elif t == "integer":
        expr = col.cast(pl.Int64, strict=False)
    elif t == "number":
        expr = col.cast(pl.Float64, strict=False)
    elif t == "boolean":
        mapping = {v: True for v in field.true_values} | {v: False for v in field.false_values}
        expr = col.replace_strict(mapping, default=None, return_dtype=pl.Boolean)
    elif t == "date":
        expr = pl.when(col.str.contains(_DATE_RE)).then(col.str.to_date("%Y-%m-%d", strict=False))
    elif t == "datetime":
        parsed = col.str.replace(r"Z$", "+00:00").str.to_datetime(
            "%Y-%m-%dT%H:%M:%S%.f%:z", time_unit="us", time_zone="UTC", strict=False
        )
        expr = pl.when(col.str.contains(_DATETIME_RE)).then(parsed)
    elif t == "list":
        expr = col.str.split(field.delimiter)
    else:  # pragma: no cover - _descriptor rejects other types
        raise AssertionError(t)
    return expr.alias(field.name)


def _problem(field: Field, value: str) -> str:
    if field.categories is not None:
        shown = ", ".join(field.categories[:20]) + (", ..." if len(field.categories) > 20 else "")
        return f"value {value!r} is not one of the field's categories ({shown})"
    if field.type == "boolean":
        allowed = ", ".join(field.true_values + field.false_values)
        return f"value {value!r} is not a boolean (expected one of {allowed})"
    return f"value {value!r} {_EXPECTED.get(field.type, f'does not parse as {field.type}')}"


def _csv_options(resource: Resource) -> dict[str, object]:
    # Listing "" in null_values (not only empty_string_is_null) makes a quoted empty cell
    # ("") missing too, as Frictionless reads it.
    return {
        "has_header": True,
        "null_values": list(resource.missing_values) or None,
        "empty_string_is_null": "" in resource.missing_values,
        "quote_char": '"',
        "separator": ",",
        "encoding": "utf8",
        "raise_if_empty": True,
    }


def read(root: Path, resource: Resource, *, verify: bool) -> pl.DataFrame:
    path = root / resource.path
    where = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DataError("file is missing", table=resource.name, path=where) from None
    except OSError as exc:
        raise DataError(f"file cannot be read: {exc.strerror}", table=resource.name, path=where) from None
    if not path.is_file():
        raise DataError("path is not a regular file", table=resource.name, path=where)
    if size == 0:
        raise DataError("file is empty (it needs at least the header row)", table=resource.name, path=where)

    data: bytes | None = None
    if verify:
        data = path.read_bytes()
        _verify.check(resource, data, where)
        head = data[:_HEAD_BYTES]
    else:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD_BYTES)
    _check_header(resource, head, where, complete=len(head) == size)

    source: bytes | str = data if data is not None else where
    try:
        frame = pl.read_csv(source, schema=_reader_schema(resource), **_csv_options(resource))  # type: ignore[arg-type]
    except pl.exceptions.PolarsError as exc:
        _diagnose(resource, data if data is not None else path.read_bytes(), where, exc)

    converted = [f for f in resource.fields if not _native(f)]
    if converted:
        names = [f.name for f in converted]
        before = frame.select(pl.col(names).null_count()).row(0)
        result = frame.with_columns([_from_string(f) for f in converted])
        after = result.select(pl.col(names).null_count()).row(0)
        if before != after:
            bad = next(f for f, b, a in zip(converted, before, after, strict=True) if a != b)
            _bad_value(resource, frame, bad, data if data is not None else path.read_bytes(), where)
        frame = result

    # A row with too few cells (or a blank line) is padded with nulls by the CSV reader, so
    # it can only hide where the last column has nulls: check the records then.
    last = resource.fields[-1].name
    if frame.height and (frame[last].null_count() or "" not in resource.missing_values):
        _check_records(resource, _decode(resource, data if data is not None else path.read_bytes(), where), where)
    return frame


# --- checks ----------------------------------------------------------------------------------


def _check_header(resource: Resource, head: bytes, where: str, *, complete: bool) -> None:
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError as exc:
        _not_utf8(resource, head, exc, where)
    header = next(csv.reader(io.StringIO(text, newline="")), [])
    expected = resource.field_names
    if header == expected:
        return
    if header and header[0].startswith("\ufeff"):
        raise DataError(
            "file starts with a UTF-8 byte order mark (BOM); the descriptor says plain utf-8",
            table=resource.name, line=1, path=where,
        )
    missing = [n for n in expected if n not in header]
    extra = [n for n in header if n not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(map(repr, missing))}")
        if extra:
            parts.append(f"unexpected column(s) {', '.join(map(repr, extra))}")
        detail = "; ".join(parts)
    elif len(header) != len(set(header)):
        detail = "a column name is repeated"
    else:
        detail = "the columns are in a different order"
    raise DataError(
        f"header does not match the descriptor's fields: {detail} "
        f"(expected {','.join(expected)}; found {','.join(header)})",
        table=resource.name, line=1, path=where,
    )


def _decode(resource: Resource, data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _not_utf8(resource, data, exc, where)


def _not_utf8(resource: Resource, data: bytes, exc: UnicodeDecodeError, where: str) -> NoReturn:
    line = data.count(b"\n", 0, exc.start) + 1
    raise DataError(
        f"bytes are not valid UTF-8: {data[exc.start:exc.end]!r} at byte offset {exc.start}",
        table=resource.name, line=line, path=where,
    ) from None


class _Malformed(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _records(text: str) -> Iterator[tuple[int, int, list[str]]]:
    """Yield (data row, first line, cells) for every record after the header."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        next(reader, None)
        row = 0
        line = reader.line_num + 1
        for cells in reader:
            row += 1
            yield row, line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise _Malformed(str(exc), reader.line_num) from None


def _check_records(resource: Resource, text: str, where: str) -> None:
    width = len(resource.fields)
    try:
        for row, line, cells in _records(text):
            if len(cells) != width:
                what = "is a blank line" if not cells else f"has {len(cells)} cells, the header has {width}"
                raise DataError(what, table=resource.name, row=row, line=line, path=where)
    except _Malformed as exc:
        raise DataError(f"malformed CSV: {exc}", table=resource.name, line=exc.line, path=where) from None


def _line_of_row(text: str, wanted: int) -> int | None:
    try:
        for row, line, _cells in _records(text):
            if row == wanted:
                return line
    except _Malformed:
        return None
    return None


def _bad_value(resource: Resource, strings: pl.DataFrame, field: Field, data: bytes, where: str) -> NoReturn:
    """``strings[field.name]`` holds a value that ``_from_string`` cannot convert: name it."""
    hit = (
        strings.select(pl.col(field.name).alias("value"), _from_string(field).alias("parsed"))
        .with_row_index("index")
        .filter(pl.col("value").is_not_null() & pl.col("parsed").is_null())
        .row(0, named=True)
    )
    row = hit["index"] + 1
    text = _decode(resource, data, where)
    _check_records(resource, text, where)  # a short row shifts values: report that instead
    raise DataError(
        _problem(field, hit["value"]),
        table=resource.name, row=row, line=_line_of_row(text, row), column=field.name,
        value=hit["value"], path=where,
    )


def _diagnose(resource: Resource, data: bytes, where: str, exc: Exception) -> NoReturn:
    """The fast read failed: find the first concrete problem and raise it as a DataError."""
    text = _decode(resource, data, where)
    _check_records(resource, text, where)
    try:
        strings = pl.read_csv(
            data,
            schema={f.name: pl.String() for f in resource.fields},
            **_csv_options(resource),  # type: ignore[arg-type]
        )
    except pl.exceptions.PolarsError:
        strings = None
    if strings is not None:
        for field in resource.fields:
            if field.type in ("string", "any") and field.categories is None:
                continue
            parsed = strings.select(_from_string(field)).to_series()
            if parsed.null_count() != strings[field.name].null_count():
                _bad_value(resource, strings, field, data, where)
    stray = _stray_quote_line(text)
    if stray is not None:
        raise DataError(
            'a double quote (") inside a cell that does not start with one: quote the whole cell '
            'and double the inner quote ("")',
            table=resource.name, line=stray, path=where,
        ) from exc
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    raise DataError(f"the CSV could not be parsed: {message}", table=resource.name, path=where) from exc


def _stray_quote_line(text: str) -> int | None:
    """Line of the first '"' in an unquoted cell (RFC 4180 forbids it; polars rejects it)."""
    line, in_quotes, cell_start, i, n = 1, False, True, 0, len(text)
    while i < n:
        ch = text[i]
        if in_quotes:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    i += 1
                else:
                    in_quotes = False
            elif ch == "\n":
                line += 1
        elif ch == '"':
            if not cell_start:
                return line
            in_quotes = True
            cell_start = False
        elif ch == ",":
            cell_start = True
        elif ch == "\n":
            line += 1
            cell_start = True
        elif ch != "\r":
            cell_start = False
        i += 1
    return None
