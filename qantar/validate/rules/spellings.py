"""spelling-consistent: within a column, one value has one spelling: two cells that are the same once
case, white space and an English plural 's' are ignored ('persons' and 'Persons', 'person' and 'persons',
'kumparan' and 'Kumparan ') are written the same. The spelling most rows use is kept; the others are reported. Quotes and their translations are
the articles' (and the translators') own words, checked verbatim elsewhere, and are left out. (Odd
spacing inside a value is text-clean's; here values are compared once lower-cased and stripped.)"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def _folded(value: pl.Expr) -> pl.Expr:
    # a final English plural 's' is folded too ('person' and 'persons' are one unit)
    return value.str.to_lowercase().str.strip_chars().str.strip_suffix("s")


def check(inputs: Inputs) -> Iterator[Finding]:
    verbatim = {(s.table, c) for s in inputs.model.spans() for c in (s.text, s.translation) if c}
    for name, table in inputs.tables.items():
        frame = inputs.strings(name)
        columns = [f.name for f in table.fields
                   if f.type == "string" and f.name in frame.columns and (name, f.name) not in verbatim]
        if not columns:
            continue
        # the common case, decided for every column of the table in one query on its distinct values:
        # no two spellings of one value (nulls and empty cells aside, as below)
        filled = [pl.col(c).filter(pl.col(c).is_not_null() & (pl.col(c) != "")).unique() for c in columns]
        distinct = frame.select(*(v.len().alias(f"v{i}") for i, v in enumerate(filled)),
                              *(_folded(v).n_unique().alias(f"k{i}")
                                for i, v in enumerate(filled))).row(0)
        for i, column in enumerate(columns):
            if distinct[i] == distinct[len(columns) + i]:
                continue
            cells = frame.select(pl.col(column).alias("value")).with_row_index("row", offset=1) \
                .filter(pl.col("value").is_not_null() & (pl.col("value") != ""))
            spelled = cells.with_columns(_folded(pl.col("value")).alias("key"))
            counts = spelled.group_by("key", "value").agg(pl.len().alias("n"), pl.col("row").min().alias("first"))
            # per key, the spelling most rows use (the earliest on a tie)
            kept = counts.sort(["key", "n", "first"], descending=[False, True, False]).unique("key", keep="first")
            clash = spelled.join(counts.group_by("key").agg(pl.len().alias("spellings")).filter(pl.col("spellings") > 1),
                                 on="key").join(kept.select("key", pl.col("value").alias("usual")), on="key") \
                .filter(pl.col("value") != pl.col("usual")).sort("row")
            for row, value, usual in clash.select("row", "value", "usual").iter_rows():
                yield Finding(name, row, column, value,
                              f"{name}.{column} {value!r} is {usual!r} spelled otherwise (case, spacing or a plural 's'): "
                              "one value, one spelling")
