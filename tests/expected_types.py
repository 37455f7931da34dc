"""The descriptor -> polars dtype mapping, written out independently of the loader's code."""

from __future__ import annotations

import polars as pl


def expected_dtype(field: dict) -> pl.DataType:
    ftype = field.get("type", "any")
    if ftype == "string" and field.get("categories") is not None:
        values = [c["value"] if isinstance(c, dict) else c for c in field["categories"]]
        return pl.Enum(values)
    if ftype == "string" and (field.get("constraints") or {}).get("enum") is not None:
        return pl.Enum(field["constraints"]["enum"])
    return {
        "string": pl.String(),
        "any": pl.String(),
        "integer": pl.Int64(),
        "number": pl.Float64(),
        "boolean": pl.Boolean(),
        "date": pl.Date(),
        "datetime": pl.Datetime("us", "UTC"),
        "list": pl.List(pl.String()),
    }[ftype]
