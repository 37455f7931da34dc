"""actor-named-in-passage: a person, body, force, organisation or outlet that takes part in an event is
named in that event's passages, or referred to by one that names no one of its kind.

A person is named once and then referred to: 'Pada hari Rabu, dia dipecat' is Nazarbayev's dismissal
in a passage that names no person at all. So an event_actors row whose actor is of such a type (any
type but a state, which state-named-in-passage holds to more, and a group, which is described rather
than named: named-by-source) has, among the passages of its event cited from its source, one that names
it by one of its name forms (a whole word, any case), or one that names no actor of its type, which may
be the one that speaks of it. A passage that names another person and not this one speaks of that
other: 'usulan Presiden Sadyr Japarov' (President Sadyr Japarov's proposal) is Japarov's, and a
proposer moved to Tokayev, whom the article names elsewhere, keeps every key, role and type valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: the actor types other rules hold (a state is named in its passages; a group is described)
LEFT_OUT = ("state", "group")


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"event_actors": ("event_id", "actor_id", "source_id"), "event_sources": ("event_id", "source_id", "quote"),
              "actors": ("actor_id", "actor_type", "name_forms")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    # an actor_id of several rows: its last row's type and forms, as dicts built row by row kept
    actors = (inputs.typed("actors").select(pl.col("actor_id").cast(pl.String), pl.col("actor_type").cast(pl.String), "name_forms")
              .filter(pl.col("actor_id").is_not_null() & pl.col("actor_type").is_not_null() & ~pl.col("actor_type").is_in(LEFT_OUT))
              .unique("actor_id", keep="last", maintain_order=True))
    links = (inputs.strings("event_actors").with_row_index("row", offset=1).select("row", "event_id", "actor_id", "source_id")
             .filter(pl.col("actor_id").is_in(actors["actor_id"].implode())))
    if links.is_empty():
        return
    key = ["event_id", "source_id"]
    passages = (inputs.strings("event_sources").select(*key, "quote")
                .join(links.select(key).unique(), on=key, how="semi").filter(pl.col("quote").is_not_null()))
    owned = actors.select("actor_id", "actor_type", pl.col("name_forms").alias("_raw")).explode("_raw") \
        .filter(pl.col("_raw").is_not_null() & (pl.col("_raw") != ""))
    lower = {f: f.lower() for f in owned["_raw"].unique().to_list()}  # each distinct form lowered once, by Python
    if not lower:
        return
    every = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(set(lower.values()), key=len, reverse=True))
                       + r")(?![\w-])")
    owned = owned.join(pl.DataFrame({"_raw": list(lower), "_form": list(lower.values())}, schema={"_raw": pl.String, "_form": pl.String}),
                       on="_raw").select("_form", "actor_id", "actor_type").unique()
    # a passage -> the forms it names: each distinct passage read once, however many links share it
    quotes = passages["quote"].unique().to_list()
    read: dict[str, set[str]] = {}
    found = []
    for q, quote in enumerate(quotes):
        low = quote.lower()
        if low not in read:
            read[low] = {m.group() for m in every.finditer(low)}
        found += [(q, f) for f in read[low]]
    named = (pl.DataFrame(found, schema={"_q": pl.Int64, "_form": pl.String}, orient="row")
             .join(owned, on="_form").select("_q", "actor_id", "actor_type").unique())  # who each passage names
    cited = (links.join(actors.select("actor_id", "actor_type"), on="actor_id")
             .join(passages.join(pl.DataFrame({"quote": quotes, "_q": range(len(quotes))},
                                              schema={"quote": pl.String, "_q": pl.Int64}), on="quote").select(*key, "_q"), on=key))
    # a link is borne out by a passage that names it, or that names no actor of its type
    borne = pl.concat([cited.join(named, on=["_q", "actor_id"], how="semi"),
                       cited.join(named.select("_q", "actor_type"), on=["_q", "actor_type"], how="anti")])
    wrong = cited.join(borne.select("row"), on="row", how="anti")
    if wrong.is_empty():
        return
    others = (wrong.join(named.rename({"actor_id": "_other"}), on=["_q", "actor_type"])
              .group_by("row").agg(pl.col("_other").unique().sort()))
    wrong = wrong.unique("row").sort("row").join(others, on="row", how="left", maintain_order="left")
    for row, event, actor, source, kind, _q, others_of in wrong.iter_rows():
        yield Finding("event_actors", row, "actor_id", actor,
                      f"{event}: the {kind.replace('_', ' ')} {actor} takes part according to source {source}, but "
                      f"every passage of the event from it names another of its kind ({', '.join(others_of or ())}) and none "
                      f"names {actor}")
