"""written-name-fits-actor: a name written in a row is the name of the actor the row links beside it.

A table may write a name as text and link the actor it names (``outlet`` and ``outlet_actor_id``,
``original_outlet`` and ``original_outlet_actor_id``): every foreign key to actors named
``<column>_actor_id`` pairs with the text column ``<column>`` of the same table. When both are given,
the text holds the actor's English name or one of its name forms (any case: 'BBC News' holds 'BBC').
One changed without the other ('kumparan' written beside the actor Beritabaru.co) leaves every key
valid while the row names two outlets.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

SUFFIX = "_actor_id"


def check(inputs: Inputs) -> Iterator[Finding]:
    if "actors" not in inputs.tables or not inputs.table("actors").has("actor_id", "name_en", "name_forms"):
        return
    pairs = [(r.table, r.fields[0][: -len(SUFFIX)], r.fields[0]) for r in inputs.model.referencing("actors")
             if len(r.fields) == 1 and r.fields[0].endswith(SUFFIX) and inputs.table(r.table).has(r.fields[0][: -len(SUFFIX)])]
    if not pairs:
        return
    actors, names = _names(inputs)
    for table, text_column, id_column in pairs:
        frame = inputs.strings(table).select(
            pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("row"), pl.col(text_column).alias("text"),
            pl.col(id_column).alias("actor_id"),
        ).filter((pl.col("text") != "") & (pl.col("actor_id") != ""))  # both given
        # an actor that does not exist: foreign-key says so
        frame = frame.filter(pl.col("actor_id").is_in(actors.implode()))
        # a row passes when its text, in lower case, holds one of its actor's names: polars tests each
        # (row, name) pair, Python sees only the rows that fail
        held = (frame.with_columns(pl.col("text").str.to_lowercase().alias("lower")).join(names, on="actor_id")
                .filter(pl.col("lower").str.contains(pl.col("name"), literal=True))["row"].unique())
        failing = frame.filter(~pl.col("row").is_in(held.implode()))
        if failing.height == 0:
            continue
        named: dict[str, list[str]] = {}
        for actor, name in names.filter(pl.col("actor_id").is_in(failing["actor_id"].implode())).iter_rows():
            named.setdefault(actor, []).append(name)
        for row, text, actor in failing.iter_rows():
            yield Finding(table, row, text_column, text,
                          f"{text_column} {text!r} does not hold the name of {id_column} {actor!r} "
                          f"({', '.join(repr(n) for n in sorted(named.get(actor, ())))})")


def _names(inputs: Inputs) -> tuple[pl.Series, pl.DataFrame]:
    """(the actor ids, actor_id -> each of its English name and name forms in lower case, once): of an id
    on two rows, the last row's."""
    frame = inputs.typed("actors").select(pl.col("actor_id").cast(pl.String), "name_en", "name_forms")
    last = frame.filter(pl.col("actor_id").is_not_null()).unique("actor_id", keep="last", maintain_order=True)
    names = pl.concat([last.select("actor_id", pl.col("name_en").cast(pl.String).alias("name")),
                       last.select("actor_id", pl.col("name_forms").alias("name")).explode("name")])
    names = names.filter(pl.col("name") != "").select("actor_id", pl.col("name").str.to_lowercase()).unique()
    return last["actor_id"], names
