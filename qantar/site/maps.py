"""The map page: places on offline SVG maps in an equirectangular projection, drawn at build time.

Country outlines come from the ``countryinfo`` package (a PyPI package whose data ships the low-resolution
GeoJSON outline of each country); if it is not installed the maps still draw, with the lat/lon grid only.
Markers show coordinate_precision: a city point is a dot, a region's administrative centre a square, an
approximate country centroid a dashed ring; places without coordinates are listed, not drawn.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from .data import Site
from .escape import html_text, md_text, svg_text
from .links import href, mdref, table_src
from .render import front_matter

SRC = "map.md"
FONT = "font-family=\"-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif\""

WORLD = {"lon": (-180.0, 180.0), "lat": (-58.0, 84.0), "width": 1080, "grid": 30}
REGION = {"lon": (43.0, 91.0), "lat": (35.0, 56.5), "width": 1080, "grid": 5}

STYLE = {
    "city_point": {"label": "city point: the city itself", "colour": "#c62828"},
    "region_admin_centre": {"label": "region: drawn at its administrative centre", "colour": "#ef6c00"},
    "country_centroid": {"label": "country: an approximate centroid (whole degrees)", "colour": "#1565c0"},
    "none": {"label": "no coordinates (not drawn)", "colour": "#777"},
}


@lru_cache(maxsize=1)
def outlines() -> tuple[str, list[tuple[str, list[list[tuple[float, float]]]]]]:
    """(reference, [(iso3, rings)]) from countryinfo; empty when the package is missing."""
    try:
        import importlib.metadata as md

        import countryinfo  # type: ignore
    except ImportError:
        return "", []
    out = []
    for c in countryinfo.all_countries():
        try:
            gj = c.geo_json() or {}
        except Exception:  # a country without an outline
            continue
        for feat in gj.get("features", []):
            geom = feat.get("geometry") or {}
            polys = []
            if geom.get("type") == "Polygon":
                polys = [geom["coordinates"]]
            elif geom.get("type") == "MultiPolygon":
                polys = geom["coordinates"]
            rings = [[(float(p[0]), float(p[1])) for p in ring] for poly in polys for ring in poly]
            if rings:
                out.append((str(feat.get("id") or ""), rings))
    try:
        ver = md.version("countryinfo")
    except Exception:
        ver = "?"
    return f"countryinfo {ver}", out


class Frame:
    def __init__(self, spec: dict[str, Any]):
        self.lon0, self.lon1 = spec["lon"]
        self.lat0, self.lat1 = spec["lat"]
        self.width = spec["width"]
        self.k = self.width / (self.lon1 - self.lon0)
        self.height = round((self.lat1 - self.lat0) * self.k)
        self.grid = spec["grid"]

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.k, (self.lat1 - lat) * self.k

    def contains(self, lon: float, lat: float) -> bool:
        return self.lon0 <= lon <= self.lon1 and self.lat0 <= lat <= self.lat1

    def ring_visible(self, ring: list[tuple[float, float]]) -> bool:
        lons = [p[0] for p in ring]
        lats = [p[1] for p in ring]
        return not (max(lons) < self.lon0 or min(lons) > self.lon1 or max(lats) < self.lat0 or min(lats) > self.lat1)


def _path(frame: Frame, rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        if not frame.ring_visible(ring):
            continue
        pts = []
        last = None
        for lon, lat in ring:
            x, y = frame.xy(lon, lat)
            p = (round(x, 1), round(y, 1))
            if last is None or abs(p[0] - last[0]) + abs(p[1] - last[1]) >= 0.8:
                pts.append(p)
                last = p
        if len(pts) >= 3:
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in pts) + "Z")
    return "".join(parts)


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _marker(prec: str, x: float, y: float) -> str:
    c = STYLE.get(prec, STYLE["none"])["colour"]
    if prec == "city_point":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{c}" stroke="#fff" stroke-width="1.2"/>'
    if prec == "region_admin_centre":
        return f'<rect x="{x - 7:.1f}" y="{y - 7:.1f}" width="14" height="14" fill="{c}" fill-opacity="0.35" stroke="{c}" stroke-width="1.6"/>'
    if prec == "country_centroid":
        return (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="{c}" fill-opacity="0.10" stroke="{c}" stroke-width="1.4" stroke-dasharray="3 2"/>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2" fill="{c}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="none" stroke="{c}"/>'


def _text_w(s: str, size: float) -> float:
    return len(s) * size * 0.56


def map_svg(site: Site, spec: dict[str, Any], title: str, sid: str, inset: dict[str, Any] | None = None,
            label_only_outside: dict[str, Any] | None = None) -> str:
    frame = Frame(spec)
    ref, shapes = outlines()
    countries = {r.get("country_code") for r in site.rows("places") if r.get("place_type") == "country"}
    W, H = frame.width, frame.height
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" class="qantar-map" '
        f'role="img" aria-labelledby="{sid}-title" {FONT}>',
        f'<title id="{sid}-title">{svg_text(title)}</title>',
        f'<defs><clipPath id="{sid}-clip"><rect width="{W}" height="{H}"/></clipPath></defs>',
        f'<rect width="{W}" height="{H}" fill="#eaf2f8"/>',
        f'<g clip-path="url(#{sid}-clip)">',
    ]
    for iso, rings in shapes:
        d = _path(frame, rings)
        if not d:
            continue
        fill = "#dce6f5" if iso in countries else "#f4f1ea"
        if iso == "KAZ":
            fill = "#c8d7f0"
        out.append(f'<path d="{d}" fill="{fill}" stroke="#9aa3ad" stroke-width="0.6" stroke-linejoin="round"/>')
    # Graticule.
    g = frame.grid
    lon = math.ceil(frame.lon0 / g) * g
    while lon <= frame.lon1:
        x, _ = frame.xy(lon, 0)
        out.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{H}" stroke="#7a8a99" stroke-width="0.5" stroke-dasharray="2 3"/>')
        out.append(f'<text x="{x + 2:.1f}" y="{H - 4}" font-size="10" fill="#556">{abs(lon):g}°{"E" if lon > 0 else "W" if lon < 0 else ""}</text>')
        lon += g
    lat = math.ceil(frame.lat0 / g) * g
    while lat <= frame.lat1:
        _, y = frame.xy(0, lat)
        out.append(f'<line x1="0" y1="{y:.1f}" x2="{W}" y2="{y:.1f}" stroke="#7a8a99" stroke-width="0.5" stroke-dasharray="2 3"/>')
        out.append(f'<text x="3" y="{y - 2:.1f}" font-size="10" fill="#556">{abs(lat):g}°{"N" if lat > 0 else "S" if lat < 0 else ""}</text>')
        lat += g
    out.append("</g>")
    if inset is not None:
        f2 = Frame(inset)
        x0, y0 = frame.xy(f2.lon0, f2.lat1)
        x1, y1 = frame.xy(f2.lon1, f2.lat0)
        out.append(
            f'<a href="#region"><rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" fill="none" '
            f'stroke="#333" stroke-width="1.2" stroke-dasharray="5 3"><title>Area of the regional map below</title></rect></a>'
        )
    # Markers, grouped by identical coordinates so coincident places share one label.
    groups: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for r in located(site):
        la, lo = r["latitude"], r["longitude"]
        if frame.contains(lo, la):
            groups.setdefault((lo, la), []).append(r)
    order = {"country_centroid": 0, "region_admin_centre": 1, "city_point": 2}
    placed: list[tuple[float, float, float, float]] = []
    for (lo, la), rows in groups.items():
        x, y = frame.xy(lo, la)
        placed.append((x - 6, y - 6, x + 6, y + 6))
    labels = []
    for (lo, la), rows in sorted(groups.items(), key=lambda kv: -kv[0][1]):
        x, y = frame.xy(lo, la)
        rows = sorted(rows, key=lambda r: order.get(r.get("coordinate_precision"), 9))
        for r in rows:
            tip = (
                f"{r['name_en']} ({r.get('place_type')}): {la:g}, {lo:g} — {r.get('coordinate_precision')}"
            )
            link = href(SRC, table_src("places"), r["place_id"])
            out.append(f'<a href="{svg_text(link)}"><title>{svg_text(tip)}</title>{_marker(r.get("coordinate_precision"), x, y)}</a>')
        if label_only_outside is not None and Frame(label_only_outside).contains(lo, la):
            continue
        text = " · ".join(r["name_en"] for r in rows)
        size = 12
        w, h = _text_w(text, size), size
        cands = [(x + 9, y + 4), (x - 9 - w, y + 4), (x - w / 2, y - 12), (x - w / 2, y + 19),
                 (x + 9, y - 8), (x + 9, y + 16), (x - 9 - w, y - 8), (x - 9 - w, y + 16)]
        best = None
        for cx, cy in cands:
            box = (cx, cy - h + 2, cx + w, cy + 3)
            if box[0] < 0 or box[2] > W or box[1] < 0 or box[3] > H:
                continue
            hits = sum(1 for b in placed if not (box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3]))
            if best is None or hits < best[0]:
                best = (hits, cx, cy, box)
            if hits == 0:
                break
        if best is None:
            continue
        _, cx, cy, box = best
        placed.append(box)
        link = href(SRC, table_src("places"), rows[-1]["place_id"])
        labels.append(
            f'<a href="{svg_text(link)}"><text x="{cx:.1f}" y="{cy:.1f}" font-size="{size}" fill="#1a1a1a" '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">{svg_text(text)}</text></a>'
        )
    out += labels
    if ref:
        out.append(f'<text x="{W - 6}" y="14" font-size="10" text-anchor="end" fill="#445" stroke="#fff" stroke-width="3" paint-order="stroke">Outlines: {svg_text(ref)} · equirectangular projection</text>')
    out.append("</svg>")
    return "\n".join(out)


def legend() -> str:
    items = []
    for prec, st in STYLE.items():
        items.append(
            f'<li><svg width="28" height="28" viewBox="-14 -14 28 28">{_marker(prec, 0, 0)}</svg> '
            f"<code>{html_text(prec)}</code>: {html_text(st['label'])}</li>"
        )
    return '<ul class="qantar-map-legend">' + "".join(items) + "</ul>"


def place_link(place: dict[str, Any]) -> str:
    """A Markdown link to a place's row, named by its English name."""
    return f"[{md_text(place['name_en'])}]({mdref(SRC, table_src('places'), place['place_id'])})"


def located(site: Site) -> list[dict[str, Any]]:
    """The places drawn on the maps: with both coordinates, and a precision that is not ``none``."""
    return [r for r in site.typed_rows("places") if _num(r.get("latitude")) is not None
            and _num(r.get("longitude")) is not None and r.get("coordinate_precision") != "none"]


def page(site: Site) -> str:
    places = site.rows("places")
    drawn = {r["place_id"] for r in located(site)}
    without = [r for r in places if r.get("place_id") not in drawn]
    by_prec: dict[str, int] = {}
    for r in places:
        by_prec[r.get("coordinate_precision") or "?"] = by_prec.get(r.get("coordinate_precision") or "?", 0) + 1
    ref, shapes = outlines()
    out = [
        front_matter("Map", hide_toc=True),
        "# Map",
        "",
        f"The {len(places)} places of the [places table]({mdref(SRC, table_src('places'))}): "
        + ", ".join(f"{n} <code>{md_text(k)}</code>" for k, n in by_prec.items())
        + ". Coordinates say different things depending on their precision, and the markers show it: a country's "
        "marker is an approximate centroid in whole degrees, not a location of anything that happened. "
        "Click a marker or a label to open the place's row.",
        "",
        legend(),
        "",
        "## World {#world}",
        "",
        '<div class="qantar-figure qantar-scroll">'
        + map_svg(site, WORLD, "World map of the places", "map-world", inset=REGION, label_only_outside=REGION)
        + "</div>",
        "",
        "## Kazakhstan and its neighbours {#region}",
        "",
        '<div class="qantar-figure qantar-scroll">' + map_svg(site, REGION, "Map of Kazakhstan and its neighbours", "map-region") + "</div>",
        "",
        "## All places {#places}",
        "",
        "| Place | Type | Latitude | Longitude | Precision | Note |",
        "| --- | --- | ---: | ---: | --- | --- |",
    ]
    for r in places:
        out.append(
            f"| {place_link(r)} | {md_text(r.get('place_type'))} | {md_text(r.get('latitude'))} "
            f"| {md_text(r.get('longitude'))} | <code>{md_text(r.get('coordinate_precision'))}</code> | {md_text(r.get('note'))} |"
        )
    out.append("")
    if without:
        out.append(
            "Not on the maps (no coordinates): "
            + ", ".join(place_link(r) for r in without)
            + "."
        )
        out.append("")
    if not shapes:
        out.append('!!! note "No country outlines"\n    The `countryinfo` package was not installed when this site was built, so the maps show the grid only.\n')
    else:
        refs = sorted({r.get("coordinates_reference") for r in places if r.get("coordinates_reference")})
        out.append(f"<p class=\"qantar-muted\">Country outlines from {html_text(ref)} (low resolution, for orientation only). "
                   f"Coordinates of the places from: {html_text('; '.join(refs))}.</p>")
        out.append("")
    return "\n".join(out)
