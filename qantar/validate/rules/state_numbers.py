"""gw-fits-cow: a state's Gleditsch-Ward number and abbreviation are its Correlates of War ones, but where
the two lists differ (validators/state_numbers.toml: Germany, Vietnam; and four abbreviations).

Gleditsch and Ward built their list on the COW list and kept its codes wherever they kept its states, so
a row whose GW number is not its COW number (Kazakhstan 705 given Uzbekistan's 704) has one of the two
wrong, even when the state whose number it took is not in the package (state-codes-distinct's case).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: the (COW, GW) column pairs compared, and which table of validators/state_numbers.toml lists their exceptions
PAIRS = (("cow_numeric", "gw_numeric", "numbers"), ("cow_alpha", "gw_alpha", "abbreviations"))


@cache
def exceptions() -> dict[str, dict[str, tuple[str, str]]]:
    """'numbers' / 'abbreviations' -> alpha-3 -> (COW, GW) as text."""
    raw = tomllib.loads((catalogue.home() / "state_numbers.toml").read_text(encoding="utf-8"))
    return {k: {code: (str(cow), str(gw)) for code, (cow, gw) in raw[k].items()} for k in ("numbers", "abbreviations")}


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        for cow, gw, kind in PAIRS:
            if not {"country_code", cow, gw} <= set(table.field_names):
                continue
            listed = exceptions()[kind]
            cells = inputs.strings(name).select("country_code", cow, gw).with_row_index("row", offset=1)
            for row, code, a, b in cells.filter(pl.col(cow).is_not_null() & pl.col(gw).is_not_null()
                                                & (pl.col(cow) != "") & (pl.col(gw) != "")).iter_rows():
                expected = listed.get(code)
                if expected is not None:
                    if (a, b) != expected:
                        yield Finding(name, row, gw, b, f"{code}: COW {expected[0]} and Gleditsch-Ward {expected[1]} "
                                      f"(validators/state_numbers.toml), not {a} and {b}")
                elif a != b:
                    yield Finding(name, row, gw, b, f"{code}'s Gleditsch-Ward {gw} {b} is not its COW {cow} {a}: the two "
                                  "lists share their codes but for the states validators/state_numbers.toml lists")
