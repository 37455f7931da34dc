"""country-code-known: every country code is an ISO 3166 code (pycountry). A former country's code
(ISO 3166-3: SUN, YUG) is accepted; where a table can flag a row as historical (a ``*_type``
vocabulary with a ``historical...`` value, as places have), it must: a former country's code only on a
historical row, and a historical row only with one."""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import country, is_country_column, rows


def check(inputs: Inputs) -> Iterator[Finding]:
    flags = {
        name for name, table in inputs.tables.items()
        if any(f.name.endswith("_type") and any("historical" in c for c in f.categories or ()) for f in table.fields)
    }
    for r in rows(inputs, country=True):
        for column in (c for c in r.cells if is_country_column(c)):
            code = r.get(column)
            if code is None:
                continue
            found = country(code)
            if found is None:
                yield Finding(r.table, r.row, column, code, f"{r.ident}: {code!r} is no ISO 3166-1 country code "
                              "and no ISO 3166-3 code of a former country (pycountry)")
            elif r.table in flags and found.historic and not r.historical:
                yield Finding(r.table, r.row, column, code, f"{r.ident}: {code} is the code of a former country "
                              f"({found.name}, ISO 3166-3), but the row is not historical")
            elif r.table in flags and r.historical and not found.historic:
                yield Finding(r.table, r.row, column, code, f"{r.ident}: a historical row with the code of a "
                              f"current country ({found.name})")
