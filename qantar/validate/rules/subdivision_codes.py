"""subdivision-code-fits: every ISO 3166-2 subdivision code exists (pycountry) and belongs to the
row's own country; where the row says it is a region (``place_type``), its code is not a city's
(pycountry's subdivision type: 'City', 'Autonomous city', 'Capital territory'), and no two regions
with different names share one code (a region given its neighbour's code). A city may carry the code
of the region it lies in, which other cities share."""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import Row, country, rows, subdivision
from qantar.validate.rules._text import fold


#: pycountry subdivision types that are a city (or a capital's own territory), not a region around it
_CITY_TYPES = ("city", "capital")


def _name(r: Row) -> str:
    return fold(r.get("name_en") or r.ident)


def check(inputs: Inputs) -> Iterator[Finding]:
    holders: dict[tuple[str, str, str], tuple[str, int, str]] = {}
    reported: set[tuple[str, int]] = set()
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
        kind = r.get("place_type")
        if kind != "region":
            continue
        if any(t in (found.type or "").lower() for t in _CITY_TYPES):
            yield Finding(r.table, r.row, "subdivision_code", code,
                          f"{r.ident}: a region with {code}, the code of {found.name}, a subdivision of type {found.type!r}")
        elif (first := holders.setdefault((r.table, kind, code), (r.ident, r.row, _name(r))))[2] != _name(r):
            # which of the two is wrong the codes cannot say: both rows are reported (two rows of one
            # name are one place written twice, which near-duplicate reports)
            for ident, row, other in ((first[0], first[1], r.ident), (r.ident, r.row, first[0])):
                if (r.table, row) in reported:
                    continue
                reported.add((r.table, row))
                yield Finding(r.table, row, "subdivision_code", code,
                              f"{ident}: {code} ({found.name}) is also the code of {other}, another {kind}")
