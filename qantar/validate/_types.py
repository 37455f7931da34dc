"""Descriptor field types as polars types, and the casts between CSV text and typed frames.

The mapping is the loader's (``qantar._descriptor.DTYPES``), with one deliberate difference: a
string field with a closed vocabulary (``constraints.enum`` or ``categories``), which the loader
reads as an Enum, stays a String here, so that an unknown value is reported by the enum rule
with its row instead of failing the cast of the whole column.
"""

from __future__ import annotations

from typing import Any

DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_RE = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$"
INTEGER_RE = r"^[+-]?\d+$"


def dtype(field: dict[str, Any]):  # -> pl.DataType
    import polars as pl

    from qantar._descriptor import DTYPES

    return DTYPES.get(field.get("type", "string"), pl.String())


def _expr(field: dict[str, Any]):
    import polars as pl

    name = field["name"]
    col = pl.col(name)
    t = field.get("type", "string")
    if t == "integer":
        return pl.when(col.str.contains(INTEGER_RE)).then(col.cast(pl.Int64, strict=False))
    if t == "number":
        return col.cast(pl.Float64, strict=False)
    if t == "boolean":
        trues = field.get("trueValues", ["true", "True", "TRUE", "1"])
        falses = field.get("falseValues", ["false", "False", "FALSE", "0"])
        mapping = {v: True for v in trues} | {v: False for v in falses}
        return col.replace_strict(mapping, default=None, return_dtype=pl.Boolean)
    if t == "date":
        return pl.when(col.str.contains(DATE_RE)).then(col.str.to_date("%Y-%m-%d", strict=False))
    if t == "datetime":
        parsed = col.str.replace(r"Z$", "+00:00").str.to_datetime(
            "%Y-%m-%dT%H:%M:%S%.f%:z", time_unit="us", time_zone="UTC", strict=False
        )
        return pl.when(col.str.contains(DATETIME_RE)).then(parsed)
    if t == "list":
        return col.str.split(field.get("delimiter", ","))
    return col


def cast_frame(raw, fields: list[dict[str, Any]]):
    """Type an all-string frame. Returns (frame, [(row, column, value, type), ...])."""
    import polars as pl

    exprs = [_expr(f).cast(dtype(f)).alias(f["name"]) for f in fields]
    typed = raw.with_columns(exprs) if exprs else raw
    failures: list[tuple[int, str, str, str]] = []
    for f in fields:
        name = f["name"]
        bad = raw[name].is_not_null() & typed[name].is_null()
        if bad.any():
            idx = pl.arange(0, raw.height, eager=True).filter(bad).to_list()
            values = raw[name].filter(bad).to_list()
            failures.extend((i + 1, name, v, f.get("type", "string")) for i, v in zip(idx, values, strict=True))
    return typed, failures


def format_frame(frame, fields: list[dict[str, Any]]):
    """The inverse of ``cast_frame``: every column back to its CSV text (null stays null).

    Datetimes are written in UTC with ``+00:00`` (a polars column holds one time zone, so an
    offset printed in the file, such as +07:00, is not part of the typed value).
    """
    import polars as pl

    exprs = []
    for f in fields:
        name = f["name"]
        col = pl.col(name)
        t = f.get("type", "string")
        if t == "date":
            e = col.dt.strftime("%Y-%m-%d")
        elif t == "datetime":
            e = col.dt.strftime("%Y-%m-%dT%H:%M:%S%:z")
        elif t == "list":
            e = col.list.join(f.get("delimiter", ","))
        elif t == "boolean":
            e = pl.when(col).then(pl.lit("true")).when(~col).then(pl.lit("false"))
        elif t == "number":
            e = col.cast(pl.String)
        else:
            e = col.cast(pl.String)
        exprs.append(e.alias(name))
    return frame.select(exprs)
