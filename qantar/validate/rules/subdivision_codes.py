"""subdivision-code-fits: every ISO 3166-2 subdivision code exists (pycountry) and belongs to the
row's own country."""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import country, rows, subdivision


def check(inputs: Inputs) -> Iterator[Finding]:
    for r in rows(inputs, "subdivision_code"):
        code = r.get("subdivision_code")
        if code is None:
            continue
        found = subdivision(code)
        if found is None:
            yield Finding(r.table, r.row, "subdivision_code", code, f"{r.ident}: {code!r} is no ISO 3166-2 subdivision code (pycountry)")
            continue
        own = country(r.get("country_code") or "")
        if own is None:
            yield Finding(r.table, r.row, "subdivision_code", code,
                          f"{r.ident}: a subdivision code ({found.name}) on a row with no valid country code")
        elif found.country_code != own.alpha_2:
            yield Finding(r.table, r.row, "subdivision_code", code,
                          f"{r.ident}: {code} ({found.name}) is a subdivision of {found.country_code}, not of {own.alpha_3}")
