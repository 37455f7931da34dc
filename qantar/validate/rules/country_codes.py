"""country-code-known: every country code is an ISO 3166 code (pycountry). A former country's code
(ISO 3166-3: SUN, YUG) is accepted; where a table can flag a row as historical (a ``*_type``
vocabulary with a ``historical...`` value, as places have), it must: a former country's code only on a
historical row, and a historical row only with one."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import country, is_country_column


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        columns = [c for c in table.field_names if is_country_column(c)]
        if not columns:
            continue
        types = [c for c in table.field_names if c.endswith("_type")]
        flagged = any("historical" in c for f in table.fields if f.name in types for c in f.categories or ())
        historical = pl.any_horizontal(
            [pl.col(c).str.contains("historical", literal=True).fill_null(False) for c in types] or [pl.lit(False)]
        )
        key = table.id_field or table.field_names[0]
        frame = inputs.strings(name)
        for column in columns:
            cells = frame.select(
                pl.col(key).alias("ident"), pl.col(column).alias("code"), historical.alias("historical"),
            ).with_row_index("row", offset=1).filter(pl.col("code").is_not_null() & (pl.col("code") != ""))
            # a verdict depends on the code and the flag only: judged once per distinct pair
            bad = {
                (code, hist): why
                for code, hist in cells.select("code", "historical").unique().iter_rows()
                if (why := _why(code, flagged, hist)) is not None
            }
            if not bad:
                continue
            for row, ident, code, hist in cells.iter_rows():
                if (why := bad.get((code, hist))) is not None:
                    yield Finding(name, row, column, code, f"{ident}: {why}")


def _why(code: str, flagged: bool, historical: bool) -> str | None:
    found = country(code)
    if found is None:
        return f"{code!r} is no ISO 3166-1 country code and no ISO 3166-3 code of a former country (pycountry)"
    if flagged and found.historic and not historical:
        return f"{code} is the code of a former country ({found.name}, ISO 3166-3), but the row is not historical"
    if flagged and historical and not found.historic:
        return f"a historical row with the code of a current country ({found.name})"
    return None
