"""Read one CSV resource into a polars frame typed exactly as its descriptor says.

The file is read into memory once; the same bytes are verified (``verify=True``), have their
header checked and are parsed, so what is checked is what is loaded.

Fast path: one ``pl.read_csv`` with an explicit schema. Types the CSV reader parses strictly
enough itself (string, integer, number) are read directly; categories, date, datetime,
boolean and list columns are read as strings and converted with vectorised expressions that
follow the Frictionless formats (categories as ``pl.Enum``, ISO dates, ISO datetimes *with* a
UTC offset, the field's true/false values, the list delimiter). A conversion that turns a
present value into null is a bad value: comparing null counts before and after finds it at
the cost of a bitmap count. Rows with too few cells, which the reader would pad with nulls,
are found by counting separators (see ``_separators_missing``).

The file is read through ``qantar._safe_files`` (inside the package, a regular file, at most
``MAX_TABLE_BYTES``), and its quotes are checked against ``qantar._rfc4180`` before polars sees
it: polars guesses where a cell with a stray quote ends and can merge rows into one cell.

Anything wrong goes to ``qantar._diagnose``, which re-reads the bytes slowly to name the row,
line, column and value. A frame is returned only when the whole table is good.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import polars as pl

from qantar import _rfc4180, _safe_files, _verify
from qantar._descriptor import Field, Resource
from qantar.errors import DataError

DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_RE = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$"


def native(field: Field) -> bool:
    """Whether the CSV reader itself parses this field (else: string, then convert).

    Categories are read as strings and cast to ``pl.Enum`` afterwards: older polars 1.x
    cannot read an Enum column from CSV, and the cast costs next to nothing.
    """
    return field.type in ("string", "any", "integer", "number") and field.categories is None


def reader_schema(resource: Resource) -> dict[str, pl.DataType]:
    return {f.name: (f.dtype if native(f) else pl.String()) for f in resource.fields}


def csv_options(resource: Resource) -> dict[str, object]:
    # Listing "" in null_values makes a quoted empty cell ("") missing too, as Frictionless
    # reads it; an unquoted empty cell is null by default.
    options: dict[str, object] = {
        "has_header": True,
        "null_values": list(resource.missing_values) or None,
        "quote_char": '"',
        "separator": ",",
        "encoding": "utf8",
        "raise_if_empty": True,
    }
    if "" not in resource.missing_values:
        options.update(_keep_empty_strings())
    return options


@lru_cache(maxsize=1)
def _keep_empty_strings() -> dict[str, bool]:
    """read_csv option that keeps empty cells as "" (renamed and inverted in polars 1.x)."""
    import inspect

    if "empty_string_is_null" in inspect.signature(pl.read_csv).parameters:
        return {"empty_string_is_null": False}
    return {"missing_utf8_is_empty_string": True}


def from_string(field: Field) -> pl.Expr:
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
        expr = pl.when(col.str.contains(DATE_RE)).then(col.str.to_date("%Y-%m-%d", strict=False))
    elif t == "datetime":
        parsed = col.str.replace(r"Z$", "+00:00").str.to_datetime(
            "%Y-%m-%dT%H:%M:%S%.f%:z", time_unit="us", time_zone="UTC", strict=False
        )
        expr = pl.when(col.str.contains(DATETIME_RE)).then(parsed)
    elif t == "list":
        expr = col.str.split(field.delimiter)
    else:  # pragma: no cover - _descriptor rejects other types
        raise AssertionError(t)
    return expr.alias(field.name)


def read(root: Path, resource: Resource, *, verify: bool) -> pl.DataFrame:
    where = str(root / resource.path)
    data = _safe_files.read(root, resource.path, limit=_safe_files.MAX_TABLE_BYTES, table=resource.name)
    if verify:
        _verify.check(resource, data, where)
    if not data:
        raise DataError("file is empty (it needs at least the header row)", table=resource.name, path=where)

    if not _rfc4180.quotes_well_formed(data):
        # polars would guess where a cell with a stray quote ends, and could merge rows
        from qantar import _diagnose

        _diagnose.malformed(resource, data, where)

    if not _header_is_plain_match(resource, data):
        from qantar import _diagnose

        _diagnose.header(resource, data, where)  # raises unless a quoted header matches

    try:
        frame = pl.read_csv(data, schema=reader_schema(resource), **csv_options(resource))  # type: ignore[arg-type]
    except pl.exceptions.PolarsError as exc:
        from qantar import _diagnose

        _diagnose.unreadable(resource, data, where, exc)

    # A row with too few cells (or a blank line) is padded with nulls by the CSV reader, so it
    # can only hide where the last column has nulls (or where "" is not a missing value).
    last = resource.fields[-1].name
    if frame.height and (frame[last].null_count() or "" not in resource.missing_values):
        if _separators_missing(resource, frame, data):
            from qantar import _diagnose

            _diagnose.records(resource, data, where)

    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        # A carriage return without its line feed ends a record for some CSV readers (Python's
        # csv module, spreadsheets) and is plain text for others (polars): never guess.
        from qantar import _diagnose

        _diagnose.carriage_returns(resource, frame.height, data, where)

    if not data.endswith(b"\n"):
        # Every file of the package ends with a line break; a file cut short (a copy or a
        # download interrupted) almost never does, and its last cell would load cut short.
        from qantar import _diagnose

        _diagnose.unterminated(resource, frame.height, data, where)

    converted = [f for f in resource.fields if not native(f)]
    if converted:
        result = frame.with_columns([from_string(f) for f in converted])
        for f in converted:
            if result.get_column(f.name).null_count() != frame.get_column(f.name).null_count():
                from qantar import _diagnose

                _diagnose.bad_value(resource, frame, f, data, where)
        frame = result
    return frame


def _header_is_plain_match(resource: Resource, data: bytes) -> bool:
    """The common case, checked on bytes: an unquoted header line equal to the field names."""
    end = data.find(b"\n")
    line = data if end < 0 else data[:end]
    if line.endswith(b"\r"):
        line = line[:-1]
    return line == ",".join(resource.field_names).encode("utf-8")


def _separators_missing(resource: Resource, frame: pl.DataFrame, data: bytes) -> bool:
    """Whether some record has fewer cells than the header (fast, vectorised).

    Every record of a well-formed file has ``width - 1`` separating commas. Commas inside
    quoted cells survive parsing unchanged, so the separators are all commas in the bytes
    minus the commas in the parsed text cells (and in header names). Longer rows never get
    here (the reader rejects them), so a shortfall means a short row or a blank line.
    """
    width = len(resource.fields)
    if width == 1:
        return True  # no separators to count: let the record check decide
    text = [f.name for f in resource.fields if f.type in ("string", "any", "list")]
    inside = 0
    if text:
        counts = frame.select(pl.col(text).cast(pl.String).str.count_matches(",", literal=True).sum())
        inside = int(sum(counts.row(0)))
    inside += sum(name.count(",") for name in resource.field_names)
    return data.count(b",") - inside != (width - 1) * (frame.height + 1)
