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
    names = {a: tuple({n.lower() for n in (name, *(forms or ())) if n})
             for a, name, forms in inputs.typed("actors").select("actor_id", "name_en", "name_forms").iter_rows()}
    for table, text_column, id_column in pairs:
        frame = inputs.strings(table).select(text_column, id_column)
        for row, (text, actor) in enumerate(frame.iter_rows(), 1):
            if not text or not actor or actor not in names:
                continue  # one of the two not given, or an actor that does not exist: foreign-key says so
            if not any(n in text.lower() for n in names[actor]):
                yield Finding(table, row, text_column, text,
                              f"{text_column} {text!r} does not hold the name of {id_column} {actor!r} "
                              f"({', '.join(repr(n) for n in sorted(names[actor]))})")
