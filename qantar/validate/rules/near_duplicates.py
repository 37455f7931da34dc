"""near-duplicate: within a table, no two ids, no two names and no two rows are the same once case
and white space are ignored; nor are two name forms of one row once white space is (case variants
are the articles' own spellings, kept verbatim).

Ids are the primary key and the fields declared unique; names are the fields called ``name...``
or ``label``, and the English words that describe their own row (``DESCRIBES``: an event's summary, an
event type's or a discrepancy's description), which a row copied from another describes that one; a
row is compared on all its fields but its single-field id (a row copied under a new id is a
duplicate). Exact duplicates of a key are the schema layers' (primary-key, unique).
"""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import fold


#: fields whose words describe their own row: two rows that share them describe one thing
DESCRIBES = frozenset({"summary_en", "description", "description_en"})


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        frame = inputs.strings(name)
        if not frame.columns:
            continue
        keys = [f.name for f in table.fields if f.unique or (f.name,) == tuple(table.primary_key)]
        names = [f.name for f in table.fields if f.name.startswith("name") or f.name == "label" or f.name in DESCRIBES]
        for column in (c for c in keys + names if c in frame.columns):
            lists = table.field(column).type == "list"
            seen: dict[str, tuple[int, str]] = {}
            blamed: set[int] = set()  # the first rows of a shared description, reported once
            for i, value in enumerate(frame[column].to_list(), 1):
                if not value:
                    continue
                items = value.split(table.field(column).delimiter) if lists else [value]
                own: dict[str, str] = {}
                for item in items:
                    k = fold(item)
                    spaced = " ".join(item.split())  # case variants are the articles' own spellings; spaces are not
                    if spaced in own and own[spaced] != item:
                        yield Finding(name, i, column, value, f"{column} holds {own[spaced]!r} and {item!r}, the same but for spaces")
                    own.setdefault(spaced, item)
                    first = seen.get(k)
                    if first is not None and first[0] != i and (column in names or first[1] != item):
                        yield Finding(name, i, column, value, f"{column} {item!r} is row {first[0]}'s {first[1]!r} "
                                      "but for case or spaces" if first[1] != item else f"{column} {item!r} is also row {first[0]}'s")
                        if column in DESCRIBES and first[0] not in blamed:
                            # which of the two was copied is not known: a description copied onto an earlier row
                            # is reported there too
                            blamed.add(first[0])
                            yield Finding(name, first[0], column, first[1], f"{column} {first[1]!r} is also row {i}'s")
                    seen.setdefault(k, (i, item))
        rest = [c for c in frame.columns if c != table.id_field]
        rows: dict[tuple, int] = {}
        blame = table.id_field or (table.primary_key[0] if table.primary_key else frame.columns[0])
        for i, rec in enumerate(frame.select(rest).iter_rows(), 1):
            k = tuple(fold(v) if v else "" for v in rec)
            if k in rows:
                yield Finding(name, i, blame, None, f"row {i} repeats row {rows[k]} but for its id, case or spaces")
            rows.setdefault(k, i)
