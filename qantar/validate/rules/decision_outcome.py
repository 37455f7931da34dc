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
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

EMPTY = "∅"
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
