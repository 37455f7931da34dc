"""subdivision-code-fits: every ISO 3166-2 subdivision code exists (pycountry) and belongs to the
row's own country; where the row says it is a region (``place_type``), its code is not a city's
(pycountry's subdivision type: 'City', 'Autonomous city', 'Capital territory'), and no two regions
with different names share one code (a region given its neighbour's code). A city may carry the code
of the region it lies in, which other cities share.

A region or city whose name is that of subdivisions of its country (pycountry's 'Zhambyl oblysy' for
'Jambyl Region', 'Almaty City' and 'Almaty oblysy' for 'Almaty') carries one of their codes: a
region given another region's valid code of the same country, or a city the code of a region it is
not named after, is reported. Names are compared as romanisations of one name ('Zhambyl' and
'Jambyl', 'Aqtöbe' and 'Aktobe'), without the words for a kind of subdivision; a name that is no
subdivision's ('West Kazakhstan Region' beside pycountry's 'Batys Qazaqstan oblysy') says nothing.
A city given a city-type subdivision's code is that city, by one of its names or GeoNames' names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import Row, country, known_names, rows, subdivision
from qantar.validate.rules._reference import fold as fold_name
from qantar.validate.rules._text import fold


#: pycountry subdivision types that are a city (or a capital's own territory), not a region around it
_CITY_TYPES = ("city", "capital")


def _name(r: Row) -> str:
    return fold(r.get("name_en") or r.ident)


#: Words that say what kind of subdivision a name is, not which (English, pycountry's Kazakh, Kyrgyz
#: and Russian romanisations, Indonesian): 'Almaty Region', 'Almaty oblysy', 'Bishkek Shaary', 'provinsi Almaty'
_KIND_WORDS = frozenset(
    "region oblast oblys oblysy oblasty province city shaary shahri shahar gorod krai kray district territory "
    "of the provinsi kota wilayah daerah".split()
)
#: Letters the romanisations of one Kazakh, Kyrgyz or Russian name differ by (ASCII, after folding)
_ROMANISATIONS = (("zh", "j"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("y", "i"), ("w", "v"), ("ts", "c"))


@lru_cache(maxsize=1 << 16)  # bounded: a hostile package may hold a million distinct values
def name_key(name: str) -> str:
    """A subdivision's or place's name as compared here ('Zhambyl oblysy' and 'Jambyl Region': 'jambil')."""
    key = "".join(w for w in fold_name(name).split() if w not in _KIND_WORDS)
    for spelled, as_ in _ROMANISATIONS:
        key = key.replace(spelled, as_)
    return re.sub(r"(.)\1+", r"\1", key.replace("'", ""))


@lru_cache(maxsize=256)
def _subdivisions_by_name(alpha_2: str) -> dict[str, frozenset[str]]:
    """A country's subdivisions by name key: key -> their codes."""
    import pycountry

    out: dict[str, set[str]] = {}
    for d in pycountry.subdivisions.get(country_code=alpha_2) or ():
        if key := name_key(d.name):
            out.setdefault(key, set()).add(d.code)
    return {k: frozenset(v) for k, v in out.items()}


def _names_of(r: Row, inputs: Inputs) -> set[str]:
    """The row's names, a parenthesised one apart ('Nur-Sultan (Astana)'), and its GeoNames names."""
    out: set[str] = set()
    for n in r.names(inputs):
        out.add(n)
        out.update(m.strip() for m in re.findall(r"\(([^()]*)\)", n))
        out.add(re.sub(r"\([^()]*\)", " ", n))
    gid = r.get("geonames_id")
    if gid is not None and str(gid).isdecimal() and len(str(gid)) <= 12:  # a GeoNames id, not any string of digits
        out.update(known_names(int(gid)))
    return out


def _named(r: Row, inputs: Inputs, alpha_2: str) -> frozenset[str]:
    """Codes of the subdivisions of ``alpha_2`` whose name is one of the row's names."""
    by_name = _subdivisions_by_name(alpha_2)
    return frozenset().union(*(by_name.get(name_key(n), frozenset()) for n in _names_of(r, inputs)))


def _described(codes: frozenset[str]) -> str:
    return ", ".join(f"{c} ({subdivision(c).name})" for c in sorted(codes))


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
        if kind not in ("region", "city") or own is None or found.country_code != own.alpha_2:
            continue
        city_code = any(t in (found.type or "").lower() for t in _CITY_TYPES)
        named = _named(r, inputs, own.alpha_2)
        if named and code not in named and (kind == "region" or not city_code):
            yield Finding(r.table, r.row, "subdivision_code", code,
                          f"{r.ident}: {code} is {found.name}, but the {kind}'s name is that of {_described(named)} (pycountry)")
            continue
        if kind == "city":
            if city_code and code not in named:
                yield Finding(r.table, r.row, "subdivision_code", code,
                              f"{r.ident}: {code} is the city {found.name}, whose name is none of this city's names")
            continue
        if city_code:
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
