"""roles-in-word-order: who does what to whom, as the passage's word order says.

An Indonesian news sentence in the active voice names the doer before the one done to: 'tentara
Tajik menyerang warga sipil Kirgistan', 'Kazakhstan meminta tolong Rusia'. So where one source's
passage of an event names both the actor in a doer's role and the actor in its counterpart's role
(``AGENT_BEFORE``), the doer is named first in at least one of those passages. In the passive voice,
with the word 'oleh' (by: 'Tokayev dikutuk oleh OSCE'), the doer is named after 'oleh' and the one done
to before it; a passage that names both on one side of 'oleh' says nothing about the order.
Two actors' roles swapped within an event keep every role fitting its event type and actor type;
the order of the names is what betrays them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: a doer's role -> the roles of those it acts on
AGENT_BEFORE = {"perpetrator": ("victim", "target"), "alleged_perpetrator": ("victim", "target"), "requester": ("addressee",),
                "critic": ("subject", "target"), "provider": ("host",)}
_PASSIVE = re.compile(r"(?i)\boleh\b")


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"event_actors": ("event_id", "actor_id", "role", "source_id"), "event_sources": ("event_id", "source_id", "quote"),
              "actors": ("actor_id", "name_forms")}
    if not all(t in inputs.tables and inputs.table(t).has(*cols) for t, cols in needed.items()):
        return  # the schema layers and the SQL rules report missing tables and columns
    roles = set(AGENT_BEFORE) | {r for rs in AGENT_BEFORE.values() for r in rs}
    links = (inputs.typed("event_actors").with_row_index("_row", offset=1)
             .select("_row", "event_id", "actor_id", pl.col("role").cast(pl.String), "source_id")
             .filter(pl.col("role").is_in(sorted(roles))))
    if links.height == 0:
        return
    key = ["event_id", "source_id"]
    # each doer and each counterpart it acts on in one event and source, found by a join (not a
    # Python scan of every link and passage); a key is ordered by its first link, as the rows read
    first = links.group_by(key).agg(pl.col("_row").min().alias("_first"))
    counterparts = pl.DataFrame([(a, p) for a, ps in AGENT_BEFORE.items() for p in ps], schema=["role", "role_p"], orient="row")
    pairs = (links.join(counterparts, on="role")
             .join(links.rename({"_row": "_row_p", "actor_id": "actor_p", "role": "role_p"}), on=[*key, "role_p"], nulls_equal=True)
             .filter(pl.col("actor_p").ne_missing(pl.col("actor_id")))
             .join(first, on=key, nulls_equal=True))
    if pairs.height == 0:
        return
    quote = pl.col("quote")
    passages = (inputs.typed("event_sources").select(*key, "quote").with_row_index("_q")
                .filter(quote.is_not_null() & (quote != ""))
                .join(pairs.select(key).unique(), on=key, nulls_equal=True)
                .with_columns(quote.str.find(_PASSIVE.pattern).alias("_by")))  # Rust regex: \b Unicode, as Python's
    # where each actor of a pair is first named in each passage of its key (byte offsets: only their order counts)
    actors = pl.concat([pairs.select(*key, "actor_id"), pairs.select(*key, pl.col("actor_p").alias("actor_id"))]).unique()
    forms = (inputs.typed("actors").select("actor_id", "name_forms")
             .unique("actor_id", keep="last", maintain_order=True)  # the last row of an actor_id, as a dict keeps
             .explode("name_forms").filter(pl.col("name_forms").is_not_null() & (pl.col("name_forms") != "")))
    # each distinct (passage text, form) searched once (a passage cited by several events, an actor's
    # copies of one name), joined by integer ids rather than carrying the texts through the joins
    texts = passages.select("quote").unique().with_row_index("_t")
    named = (passages.join(texts, on="quote").select(*key, "_q", "_t").join(actors, on=key, nulls_equal=True)
             .join(forms, on="actor_id", nulls_equal=True))
    found = (named.select("_t", "name_forms").unique().join(texts, on="_t")
             .with_columns(quote.str.find(pl.col("name_forms"), literal=True).alias("_at")).drop("quote"))
    where = named.join(found, on=["_t", "name_forms"]).group_by("_q", "actor_id").agg(pl.col("_at").min())
    # _reading, as a polars expression
    a, p, by = pl.col("_at"), pl.col("_at_p"), pl.col("_by")
    reading = (pl.when(a.is_null() | p.is_null()).then(None)
               .when(by.is_null()).then(a < p)
               .when((p < by) & (by < a)).then(True)
               .when((a < by) & (by < p)).then(False)
               .otherwise(None))
    readings = (pairs.join(passages.select(*key, "_q", "_by"), on=key, nulls_equal=True)
                .join(where, on=["_q", "actor_id"], how="left", nulls_equal=True)
                .join(where.rename({"actor_id": "actor_p", "_at": "_at_p"}), on=["_q", "actor_p"], how="left", nulls_equal=True)
                .with_columns(reading.alias("_reads")))
    wrong = (readings.group_by("_first", "_row", "_row_p")
             .agg(pl.first("event_id", "actor_id", "role", "source_id", "actor_p", "role_p"),
                  pl.col("_reads").count().alias("_said"), pl.col("_reads").any().alias("_right"))
             .filter((pl.col("_said") > 0) & ~pl.col("_right")).sort("_first", "_row", "_row_p"))
    for _f, row, _p, event, agent, role, source, patient, other_role, _s, _r in wrong.iter_rows():
        yield Finding("event_actors", row, "role", role,
                      f"{event}: {agent} is the {role} and {patient} the {other_role}, but source {source}'s "
                      f"passage names {patient} as the doer: first in an active sentence, after 'oleh' (by) in a "
                      "passive one")


def _reading(agent: int | None, patient: int | None, by: int | None) -> bool | None:
    """Whether a passage's word order has the agent act on the patient (None: it does not say).

    Active: the agent is named first. Passive ('dikutuk oleh OSCE'): the patient before 'oleh', the
    agent after it; names on one side of 'oleh' only say nothing. (check computes it in polars.)"""
    if agent is None or patient is None:
        return None
    if by is None:
        return agent < patient
    if patient < by < agent:
        return True
    if agent < by < patient:
        return False
    return None
