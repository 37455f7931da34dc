"""name-spelled-as-written: a row's English name that is one of its own name forms but for case, dashes,
accents or look-alike letters is spelled as that form is.

``name_forms`` are the articles' own spellings of an actor or a place; where ``name_en`` is one of
them save for such details ('Nikol pashinyan', 'Kassym–Jomart' with an en dash, 'Bıshkek' with a
dotless i, beside 'Nikol Pashinyan', 'Kassym-Jomart', 'Bishkek'), the name was retyped, not chosen:
spelling-consistent cannot see it when the name occurs in one row only. Two spellings are compared
as text-unidecode transliterates them to ASCII (Unidecode's tables: 'ı' is 'i', '–' is '-'), case
aside.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

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
            same = next((f for f in forms if f and _fold(f) == _fold(english)), None)
            if same is not None:
                yield Finding(name, row, "name_en", english,
                              f"{english!r} is its name form {same!r} but for case, a dash, an accent or a look-alike "
                              "letter: a name is spelled as its sources write it")


@lru_cache(maxsize=65536)
def _fold(value: str) -> str:
    from text_unidecode import unidecode

    return " ".join(unidecode(value).casefold().split())
