"""named-by-source: an actor or place a sourced row links to is named in that row's source.

Every row that cites a source (a ``source_id`` referencing ``sources``, or a source's own row) and links
to an actor or a place (a foreign key to ``actors`` or ``places``) takes that link from its article (a
source's outlet only where its ``outlet_basis`` is 'stated'; the original outlet of a repost always): the article
names the actor or place, by one of its name forms, in any case. An event's place is named by one
of the event's sources (``event_sources``). A country is also named by one of its cities or regions
('Almaty' says Kazakhstan). An actor of type ``group`` is named too, by the words that describe it
(its name forms: 'pengunjuk rasa', 'aktivis'), save where it takes part in a protest or a riot (an
event_actors row of role 'participant'): the act's own noun implies its crowd ('demonstrasi', the
demonstrators). A link moved to another actor or place that exists keeps every key valid; what
betrays it is that the article never names the new one.

The more exact readings are other rules': a statement's speaker is named before its words
(actor-named), its intermediary is the outlet the article cites (intermediary-cited), a member in
its membership's quote (actor-named).
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: the tables of named things, and the actor types that have no name of their own
NAMED = ("actors", "places")
UNNAMED_TYPES = frozenset({"group"})
#: the event_actors roles in which a group goes unnamed, and the event types whose noun implies it: a
#: protest's or a riot's crowd ('demonstrasi', 'kerusuhan') is who took part in it
IMPLIED_ROLES = ("participant",)
IMPLIED_BY = ("protest", "riot")
_CHUNK = 500


def named_forms(inputs: Inputs, *, groups: bool = False, only: dict[str, list[str]] | None = None) -> pl.DataFrame:
    """One row per (_target, _value, _form): the lower-cased name forms that name each actor and place
    (a country's with its cities' and regions'); group actors only when ``groups``; only the ids
    ``only`` lists per table, when given."""
    def wanted(frame: pl.DataFrame, table: str, key: str) -> pl.DataFrame:
        return frame if only is None else frame.filter(pl.col(key).is_in(only.get(table, [])))

    parts = []
    if "actors" in inputs.tables and inputs.table("actors").has("actor_id", "actor_type", "name_forms"):
        unnamed = [] if groups else list(UNNAMED_TYPES)
        actors = wanted(inputs.typed("actors"), "actors", "actor_id")
        parts.append(actors.filter(~pl.col("actor_type").is_in(unnamed).fill_null(True))
                     .select(pl.lit("actors").alias("_target"), pl.col("actor_id").alias("_value"), "name_forms"))
    if "places" in inputs.tables and inputs.table("places").has("place_id", "place_type", "country_code", "name_forms"):
        every = inputs.typed("places").select("place_id", "place_type", "country_code", "name_forms")
        local = (every.filter(pl.col("place_type") != "country").select("country_code", "name_forms")
                 .explode("name_forms").unique().group_by("country_code").agg("name_forms"))  # once per country
        places = wanted(every, "places", "place_id")
        countries = places.filter(pl.col("place_type") == "country").select("place_id", "country_code")
        parts.append(places.select(pl.lit("places").alias("_target"), pl.col("place_id").alias("_value"), "name_forms"))
        parts.append(countries.join(local, on="country_code", how="inner")
                     .select(pl.lit("places").alias("_target"), pl.col("place_id").alias("_value"), "name_forms"))
    if not parts:
        return pl.DataFrame(schema={"_target": pl.String, "_value": pl.String, "_form": pl.String})
    return (pl.concat(parts).explode("name_forms").select("_target", "_value", pl.col("name_forms").str.to_lowercase().alias("_form"))
            .filter(pl.col("_value").is_not_null() & (pl.col("_form").str.len_bytes() > 0)).unique())


def _links(inputs: Inputs) -> list[tuple[str, str, str, pl.DataFrame]]:
    """(table, column, target table, frame of _row, _source, column): every link to a named thing and
    the source it is taken from (an event's: each of its sources)."""
    checks: list[tuple[str, str, str, pl.DataFrame]] = []
    relations = [r for t in NAMED for r in inputs.model.referencing(t) if len(r.fields) == 1]
    for table in sorted({r.table for r in relations}):
        links = [(r.fields[0], r.ref_table) for r in relations if r.table == table and r.fields[0] != "source_id"]
        cites = any(r.fields == ("source_id",) and r.ref_table == "sources" for r in inputs.model.tables[table].relations)
        frame = inputs.strings(table).with_row_index("_row", offset=1)
        if table == "sources" and "source_id" in frame.columns:
            # a source's own links (its outlet, the outlet it reproduces) are named in its own article, where
            # a basis column beside the link (outlet_basis) says it is 'stated'; an inferred outlet need not be
            pairs = frame.with_columns(pl.col("source_id").alias("_source"))
            for column, _ in links:
                basis = column.removesuffix("_actor_id") + "_basis"
                if column.endswith("_actor_id") and basis in frame.columns:
                    pairs = pairs.with_columns(pl.when(pl.col(basis) == "stated").then(pl.col(column)).alias(column))
        elif cites and "source_id" in frame.columns:
            pairs = frame.rename({"source_id": "_source"})
        elif table == "events" and "event_id" in frame.columns and "event_sources" in inputs.tables \
                and inputs.table("event_sources").has("event_id", "source_id"):
            cited = inputs.strings("event_sources").select("event_id", pl.col("source_id").alias("_source")).unique()
            pairs = frame.join(cited, on="event_id", how="inner")
        else:
            continue
        checks += [(table, column, target, pairs.select("_row", "_source", column).drop_nulls())
                   for column, target in links if column in pairs.columns]
    return checks


def _implied_left_out(inputs: Inputs, checks: list[tuple[str, str, str, pl.DataFrame]]) -> list[tuple[str, str, str, pl.DataFrame]]:
    """The links without the event_actors rows of a group in a role its act implies (IMPLIED_ROLES of IMPLIED_BY)."""
    if "event_actors" not in inputs.tables or not inputs.table("event_actors").has("role") \
            or "actors" not in inputs.tables or not inputs.table("actors").has("actor_id", "actor_type"):
        return checks
    groups = inputs.typed("actors").filter(pl.col("actor_type").is_in(sorted(UNNAMED_TYPES)))["actor_id"].cast(pl.String)
    links = inputs.strings("event_actors").with_row_index("_row", offset=1).filter(pl.col("role").is_in(IMPLIED_ROLES))
    if "events" in inputs.tables and inputs.table("events").has("event_id", "event_type") and "event_id" in links.columns:
        collective = inputs.strings("events").filter(pl.col("event_type").is_in(IMPLIED_BY))["event_id"]
        links = links.filter(pl.col("event_id").is_in(collective.implode()))
    implied = links["_row"]
    out = []
    for table, column, target, frame in checks:
        if table == "event_actors" and target == "actors":
            frame = frame.filter(~(pl.col("_row").is_in(implied.implode()) & pl.col(column).is_in(groups.implode())))
        out.append((table, column, target, frame))
    return out


def check(inputs: Inputs) -> Iterator[Finding]:
    if "sources" not in inputs.tables:
        return
    checks = _implied_left_out(inputs, _links(inputs))
    forms = named_forms(inputs, groups=True)
    texts = inputs.texts()
    if not checks or forms.is_empty() or not texts:
        return
    # which name forms each article holds: one scan of each article for all the forms at once, a few
    # hundred articles at a time (a lower-cased copy of every article at once is 32 MB at a million rows)
    every = forms["_form"].unique().to_list()
    ids = list(texts)
    present = pl.concat([
        pl.DataFrame({"_source": ids[i:i + _CHUNK], "_text": [texts[s] for s in ids[i:i + _CHUNK]]})
        .select("_source", pl.col("_text").str.to_lowercase().str.extract_many(every, overlapping=True).list.unique().alias("_form"))
        .explode("_form").drop_nulls()  # each article's forms made distinct in its list: a frame's unique cost 4 times more
        for i in range(0, len(ids), _CHUNK)])
    readable = pl.Series(list(texts))
    bad = _unnamed(checks, forms, present, readable)
    for table, column, target, frame in checks:
        if target not in bad:
            continue
        hits = frame.join(bad[target].rename({"_value": column}), on=["_source", column], how="semi")
        if hits.is_empty():
            continue
        if table == "events":  # unnamed by every source of the event, not by one only
            named_by_one = frame.join(hits, on=["_row", "_source", column], how="anti")["_row"]
            found = hits.filter(~pl.col("_row").is_in(named_by_one.implode())).group_by("_row", column).agg("_source")
            for row, value, cited in found.sort("_row").iter_rows():
                yield Finding(table, row, column, value,
                              f"none of the event's sources ({', '.join(sorted(cited))}) names {value} (by any of its name forms)")
        else:
            for row, source, value in hits.sort("_row").iter_rows():
                yield Finding(table, row, column, value, f"source {source} names {value} nowhere (by any of its name forms)")


def _unnamed(checks: list[tuple[str, str, str, pl.DataFrame]], forms: pl.DataFrame, present: pl.DataFrame,
             readable: pl.Series) -> dict[str, pl.DataFrame]:
    """Per target table, the distinct (_source, _value) that some link takes from a readable article which
    holds none of the thing's name forms (a thing without one aside). Whether an article names a thing
    does not depend on the column that links them, so the link columns to one table are read in one query
    (a query per column hashed the name forms and the articles' forms again for each: half the rule's time
    at a million rows)."""
    out = {}
    for target in dict.fromkeys(t for _, _, t, _ in checks):
        pairs = pl.concat([frame.select("_source", pl.col(column).alias("_value"))
                           for _, column, t, frame in checks if t == target]).unique() \
            .filter(pl.col("_source").is_in(readable.implode()))
        names = forms.filter(pl.col("_target") == target).select("_value", "_form")
        # pairs x forms is millions of rows at a million rows: the forms of a pair joined, then only its name kept
        named = (pairs.join(names, on="_value", how="inner").join(present, on=["_source", "_form"], how="semi")
                 .select("_source", "_value").unique())
        bad = pairs.join(names.select("_value").unique(), on="_value", how="semi").join(named, on=["_source", "_value"], how="anti")
        if not bad.is_empty():
            out[target] = bad
    return out
