"""country-numeric-fits: a table's ISO 3166 numeric code (``iso_numeric``) is the numeric code of the
row's own alpha-3 ``country_code``, as pycountry gives it (ISO 3166-1, or ISO 3166-3 for a former
country)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


@cache
def _numeric(alpha_3: str) -> int | None:
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha_3) or pycountry.historic_countries.get(alpha_3=alpha_3)
    number = getattr(found, "numeric", None)
    return int(number) if number and number.isdigit() else None


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        if not {"country_code", "iso_numeric"} <= set(table.field_names):
            continue
        cells = inputs.strings(name).select("country_code", "iso_numeric").with_row_index("row", offset=1)
        for row, code, written in cells.filter(pl.col("country_code").is_not_null() & pl.col("iso_numeric").is_not_null()).iter_rows():
            expected = _numeric(code) if len(code) == 3 and code.isupper() else None
            if expected is None or not written.isdecimal() or len(written) > 9:
                continue  # an unknown code is country-code-known's, a number that does not parse the schema layers'
            if int(written) != expected:
                yield Finding(name, row, "iso_numeric", written,
                              f"{code}'s ISO 3166 numeric code is {expected:03d} (pycountry), not {written}")
