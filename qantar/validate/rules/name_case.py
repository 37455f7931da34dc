"""name-spelled-as-written: a row's English name that is one of its own name forms in another case
only is spelled as that form is.

``name_forms`` are the articles' own spellings of an actor or a place; where ``name_en`` is one of
them save for case ('Nikol pashinyan' beside 'Nikol Pashinyan'), the name was retyped, not chosen:
spelling-consistent cannot see it when the name occurs in one row only.
"""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        if not table.has("name_en", "name_forms"):
            continue
        frame = inputs.typed(name).select("name_en", "name_forms").with_row_index("row", offset=1)
        for row, english, forms in frame.iter_rows():
            if not english or not forms or english in forms:
                continue
            same = next((f for f in forms if f and f.casefold() == english.casefold()), None)
            if same is not None:
                yield Finding(name, row, "name_en", english,
                              f"{english!r} is its name form {same!r} in another case: a name is spelled as its sources write it")
