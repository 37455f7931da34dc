"""Descriptor field types as polars types, and the casts between CSV text and typed columns.

The one type map of the project: the loader, the validator's frames, the pandera models and the
exports all use it, so a loaded frame always satisfies its model.

=========== ==============================================================
descriptor  polars
=========== ==============================================================
string      String; with a vocabulary (``constraints.enum`` or
            ``categories``) Enum, its categories in descriptor order
any         String
integer     Int64
number      Float64
boolean     Boolean (the field's true and false values)
date        Date (ISO 8601 ``YYYY-MM-DD``)
datetime    Datetime("us", "UTC") (ISO 8601 with a UTC offset or ``Z``)
list        List(String), split at the field's delimiter
=========== ==============================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from qantar.model import Field, Table

DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_RE = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$"
INTEGER_RE = r"^[+-]?\d+$"

_PLAIN: dict[str, pl.DataType] = {
    "string": pl.String(),
    "any": pl.String(),
    "integer": pl.Int64(),
    "number": pl.Float64(),
    "boolean": pl.Boolean(),
    "date": pl.Date(),
    "datetime": pl.Datetime("us", "UTC"),
    "list": pl.List(pl.String()),
}

#: What a value of each type must look like, in words (for error messages).
EXPECTED = {
    "integer": "is not an integer",
    "number": "is not a number",
    "date": "is not an ISO date (expected YYYY-MM-DD, e.g. 2022-01-05)",
    "datetime": (
        "is not an ISO 8601 datetime with a UTC offset "
        "(expected e.g. 2022-01-10T12:13:00+06:00 or 2022-01-10T06:13:00Z)"
    ),
}


def dtype(field: Field) -> pl.DataType:
    """The polars type a field loads as."""
    if field.categories is not None:
        return pl.Enum(list(field.categories))
    return _PLAIN.get(field.type, pl.String())


def schema(table: Table) -> dict[str, pl.DataType]:
    """Column name -> polars type of the loaded frame."""
    return {f.name: dtype(f) for f in table.fields}


def parse(field: Field) -> pl.Expr:
    """Expression turning the string column ``field.name`` into ``dtype(field)``.

    A value that does not parse becomes null, never an exception: callers compare null counts
    (or the cells that turned null) to find it.
    """
    col = pl.col(field.name)
    t = field.type
    if field.categories is not None:
        expr = col.cast(dtype(field), strict=False)
    elif t == "integer":
        expr = pl.when(col.str.contains(INTEGER_RE)).then(col.cast(pl.Int64, strict=False))
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
    else:
        expr = col
    return expr.cast(dtype(field)).alias(field.name)


def render(field: Field) -> pl.Expr:
    """The inverse of ``parse``: the typed column ``field.name`` back to its CSV text (null stays null).

    Datetimes are written in UTC with ``+00:00`` (a polars column holds one time zone, so an
    offset printed in the file, such as +07:00, is not part of the typed value).
    """
    col = pl.col(field.name)
    t = field.type
    if t == "date":
        expr = col.dt.strftime("%Y-%m-%d")
    elif t == "datetime":
        expr = col.dt.strftime("%Y-%m-%dT%H:%M:%S%:z")
    elif t == "list":
        expr = col.list.join(field.delimiter)
    elif t == "boolean":
        expr = pl.when(col).then(pl.lit(field.true_values[0])).when(~col).then(pl.lit(field.false_values[0]))
    else:
        expr = col.cast(pl.String)
    return expr.alias(field.name)


def problem(field: Field, value: str) -> str:
    """Why ``value`` is not a value of ``field``, in words."""
    if field.categories is not None:
        shown = ", ".join(field.categories[:20]) + (", ..." if len(field.categories) > 20 else "")
        return f"value {value!r} is not one of the field's categories ({shown})"
    if field.type == "boolean":
        allowed = ", ".join(field.true_values + field.false_values)
        return f"value {value!r} is not a boolean (expected one of {allowed})"
    return f"value {value!r} {EXPECTED.get(field.type, f'does not parse as {field.type}')}"
