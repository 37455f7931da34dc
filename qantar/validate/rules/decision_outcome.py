"""coding-decision-outcome-fits: the row a coding decision is about holds what the decision decided.

A decision records a field's value in the first coding and the second, and what was decided
(docs/reliability.md): 'keep_first' keeps the first value, 'take_second' takes the second (or the
``adopted_value`` it gives), 'revise' and 'flag' adopt ``adopted_value``. So the subject row's field
holds that outcome ('∅' is an empty cell), as long as no later decision is about the same field:
a decision moved to another row (F019's to F018), or a row edited after its adjudication with no
decision of its own, breaks the record of why the row is as it is. A convention applied to one field
('convention' with a field) keeps the first value or adopts adopted_value; a convention of no field and
added or removed rows are not values of one field and are left alone. A link row (event_actors,
event_sources) is found by its key's values joined by '/', as coding-decision-subject-exists finds
it; a decision about one of those key columns (an event_actors role) that gives a term of the column's
vocabulary is then held by the key itself: 'E011/unidentified-rioters/perpetrator/...' holds the role
'perpetrator', which a 'keep_first' of 'participant' did not decide. (A decision that adds a link
from the second coding describes the row instead, 'E024/blinken/critic (source 003)', and is left alone.)

An added row is described, not given one value: 'kyrgyz-public, indirect, 2022-01-05..2022-01-07' adds
statement ST43. Where that description names actors by their ids (other than the row's own), the row
holds one of them in a column that refers to actors (a statement's speaker or intermediary, a figure's
actor or asserter), unless a later decision is about such a column: a speaker moved to another actor
(ST43 to the state kyrgyzstan, though the decision and discrepancy D021 read the Kyrgyz people) keeps
every key and type valid. A link whose key holds the actor is left to coding-decision-subject-exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

EMPTY = "∅"
_TOKEN = re.compile(r"[\w-]+")
#: decision -> the columns, in order, whose value is its outcome (the first given one)
OUTCOME = {"keep_first": ("first_value",), "take_second": ("adopted_value", "second_value"),
           "revise": ("adopted_value",), "flag": ("adopted_value",),
           # a convention applied to one field keeps its first value unless it adopts another ('∅': emptied)
           "convention": ("adopted_value", "first_value")}


def _value(text: str | None) -> str:
    return "" if text is None or text == EMPTY else text


def _a_value(vocabulary: tuple[str, ...] | None, outcome: str) -> bool:
    """Whether a decision's outcome for a key column is a value of it: a term of its vocabulary, the only
    key columns whose decisions give one value rather than describe the row."""
    return bool(vocabulary) and outcome in vocabulary


def check(inputs: Inputs) -> Iterator[Finding]:
    columns = ("subject_table", "subject_id", "field", "decision", "first_value", "second_value", "adopted_value")
    if "coding_decisions" not in inputs.tables or not inputs.table("coding_decisions").has(*columns):
        return
    decisions = inputs.strings("coding_decisions").select(*columns).with_row_index("_row", offset=1)
    # the last decision about each (table, row, field) is the one the row must hold
    last = decisions.group_by("subject_table", "subject_id", "field").agg(pl.col("_row").max())["_row"]
    judged = decisions.filter(pl.col("_row").is_in(last.implode()) & pl.col("decision").is_in(list(OUTCOME)))
    for table, group in judged.group_by("subject_table", maintain_order=True):
        name = table[0]
        if name not in inputs.tables or not inputs.table(name).primary_key:
            continue
        pk = inputs.table(name).primary_key
        frame = inputs.strings(name)
        fields = set(group["field"].to_list()) & set(frame.columns)
        if not fields or not set(pk) <= set(frame.columns):
            continue
        keys = frame.select(pl.concat_str([pl.col(c) for c in pk], separator="/").alias("_key"))["_key"].to_list()
        values = {f: dict(zip(keys, frame[f].to_list(), strict=True)) for f in fields}
        for row, _, ident, field, decision, *given in group.sort("_row").select("_row", *columns).iter_rows():
            if field not in values or ident not in values[field]:
                continue  # a field or row that is not there: coding-decision-subject-exists says so
            chosen = dict(zip(("first_value", "second_value", "adopted_value"), given, strict=True))
            outcome = next((chosen[c] for c in OUTCOME[decision] if chosen[c] not in (None, "")), None)
            if outcome is None:
                continue  # the decision gives no value to hold
            if field in pk and not _a_value(inputs.table(name).field(field).categories, outcome):
                continue  # a link's key column decided by a description of the row ('E024/blinken/critic (source 003)')
            held = _value(values[field][ident])
            if held != _value(outcome):
                yield Finding("coding_decisions", row, "subject_id", ident,
                              f"{decision} on {name}.{field} of {ident} decided {_value(outcome)[:60]!r}, but the row holds "
                              f"{held[:60]!r}, and no later decision is about that field")
    yield from _added(inputs, decisions)


def _added(inputs: Inputs, decisions: pl.DataFrame) -> Iterator[Finding]:
    """An added row holds one of the actors its decision's description names by id."""
    if "actors" not in inputs.tables or not inputs.table("actors").has("actor_id"):
        return
    ids = set(inputs.strings("actors")["actor_id"].drop_nulls().to_list())
    added = decisions.filter((pl.col("decision") == "add_row") & pl.col("adopted_value").is_not_null())
    for table, group in added.group_by("subject_table", maintain_order=True):
        name = table[0]
        if name not in inputs.tables:
            continue
        pk = inputs.table(name).primary_key
        columns = [r.fields[0] for r in inputs.model.referencing("actors") if r.table == name and len(r.fields) == 1
                   and r.fields[0] not in pk and r.fields[0] in inputs.strings(name).columns]
        if not columns or len(pk) != 1 or pk[0] not in inputs.strings(name).columns:
            continue
        frame = inputs.strings(name).with_row_index("_row", offset=1)
        rows = {k: (r, held) for k, r, *held in frame.select(pk[0], "_row", *columns).iter_rows() if k is not None}
        # a later decision about an actor column of the row decides it instead
        later = dict(decisions.filter((pl.col("subject_table") == name) & pl.col("field").is_in(columns))
                     .group_by("subject_id").agg(pl.col("_row").max()).iter_rows())
        for at, ident, described in group.select("_row", "subject_id", "adopted_value").iter_rows():
            named = (set(_TOKEN.findall(described)) & ids) - {ident}
            if not named or ident not in rows or later.get(ident, 0) > at:
                continue
            row, held = rows[ident]
            if named.isdisjoint(held):
                column = next((c for c, v in zip(columns, held, strict=True) if v), columns[0])
                yield Finding(name, row, column, dict(zip(columns, held, strict=True))[column],
                              f"{ident} was added by a coding decision (row {at}) that describes it as "
                              f"{described[:60]!r}, naming {', '.join(sorted(named))}, but none of its "
                              f"{', '.join(columns)} holds {'it' if len(named) == 1 else 'any of them'}")
