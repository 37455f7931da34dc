"""roles-agree: an actor is not both the doer and the one done to in one event.

A request has a requester and an addressee, an attack a perpetrator and its victim, a deployment a
provider and its host (``role_order.AGENT_BEFORE``). An actor that one source makes the requester of an
event and another (or the same) source its addressee is a contradiction: either a row was given the
counterpart's role by mistake (Tokayev, who asked the CSTO for help, made the addressee of his own
request in one source's rows), or the sources disagree, which the ``discrepancies`` register records,
and then the rows stand: a discrepancy of the event (kind ``between_sources`` or ``within_source``)
whose claims come from a source of each side and whose description or resolution names the actor
(its id, English name or a name form) and both roles. A discrepancy of the same event about something
else (the purpose of a deployment) excuses nothing.

The rows blamed are those of the role fewer sources give (each of them when as many give both).
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.role_order import AGENT_BEFORE

#: each pair of roles that cannot both be one actor's in one event (a doer's and its counterpart's)
_CLASH = {(doer, other) for doer, others in AGENT_BEFORE.items() for other in others}


def check(inputs: Inputs) -> Iterator[Finding]:
    if "event_actors" not in inputs.tables or not inputs.table("event_actors").has("event_id", "actor_id", "role", "source_id"):
        return  # the schema layers report missing tables and columns
    roles = sorted({r for pair in _CLASH for r in pair})
    links = (inputs.typed("event_actors").with_row_index("_row", offset=1)
             .select("_row", *(pl.col(c).cast(pl.String) for c in ("event_id", "actor_id", "role", "source_id")))
             .filter(pl.col("role").is_in(roles) & pl.col("event_id").is_not_null() & pl.col("actor_id").is_not_null()))
    # only an actor given more than one such role in one event (a handful of rows, at any size)
    links = links.filter(pl.col("role").n_unique().over("event_id", "actor_id") > 1)
    if links.is_empty():
        return
    recorded = _recorded(inputs)
    names = _names(inputs, {a for a in links["actor_id"].unique().to_list()})
    held: dict[tuple[str, str], dict[str, list[tuple[int, str | None]]]] = {}
    for row, event, actor, role, source in links.iter_rows():
        held.setdefault((event, actor), {}).setdefault(role, []).append((row, source))
    for (event, actor), by_role in held.items():
        for doer, other in sorted(_CLASH):
            if doer not in by_role or other not in by_role:
                continue
            sides = {r: {s for _, s in by_role[r]} for r in (doer, other)}
            if any((a in sides[doer] and b in sides[other] or b in sides[doer] and a in sides[other])
                   and _says(words, names.get(actor, {actor}), (doer, other)) for a, b, words in recorded.get(event, ())):
                continue
            few = len(sides[doer]) - len(sides[other])
            blamed = [other] if few > 0 else [doer] if few < 0 else [doer, other]
            for role in blamed:
                kept = other if role == doer else doer
                told = ", ".join(sorted(s or "(none)" for s in sides[kept]))
                for row, source in by_role[role]:
                    yield Finding("event_actors", row, "role", role,
                                  f"{event}: source {source} makes {actor} the {role}, but source(s) {told} make it the "
                                  f"{kept}, its counterpart in the same event; one actor is not both (a disagreement of "
                                  "the sources is recorded as a discrepancy of the event naming the actor and both roles)")


def _recorded(inputs: Inputs) -> dict[str, list[tuple[str, str, str]]]:
    """event_id -> (the two sources, the words) of each discrepancy of that event that sets sources against each other."""
    columns = ("kind", "subject_table", "subject_id", "claim_a_source_id", "claim_b_source_id")
    if "discrepancies" not in inputs.tables or not inputs.table("discrepancies").has(*columns):
        return {}
    table = inputs.table("discrepancies")
    told = [c for c in ("description_en", "resolution_en") if table.has(c)]
    frame = inputs.typed("discrepancies").select(
        *(pl.col(c).cast(pl.String) for c in columns),
        pl.concat_str([pl.col(c).cast(pl.String) for c in told], separator=" ", ignore_nulls=True).str.to_lowercase().alias("_words")
        if told else pl.lit("").alias("_words"))
    out: dict[str, list[tuple[str, str, str]]] = {}
    for kind, subject_table, subject, a, b, words in frame.iter_rows():
        if kind in ("between_sources", "within_source") and subject_table == "events" and subject and a and b:
            out.setdefault(subject, []).append((a, b, words or ""))
    return out


def _names(inputs: Inputs, actors: set[str]) -> dict[str, set[str]]:
    """Each actor of ``actors`` -> its id, English name and name forms, lower case."""
    out = {a: {a.lower()} for a in actors}
    if "actors" in inputs.tables and inputs.table("actors").has("actor_id", "name_en", "name_forms"):
        frame = inputs.typed("actors").filter(pl.col("actor_id").cast(pl.String).is_in(sorted(actors)))
        for actor, name, forms in frame.select(pl.col("actor_id").cast(pl.String), "name_en", "name_forms").iter_rows():
            out[actor].update(n.lower() for n in (name, *(forms or ())) if n)
    return out


def _says(words: str, names: set[str], roles: tuple[str, str]) -> bool:
    """Whether a discrepancy's words name the actor and both roles ('alleged_perpetrator' also as 'alleged perpetrator')."""
    return any(n in words for n in names) and all(r in words or r.replace("_", " ") in words for r in roles)
