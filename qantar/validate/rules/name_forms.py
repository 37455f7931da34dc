"""name-forms-occur: every name form of every actor and place occurs verbatim in an article."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def check(inputs: Inputs) -> Iterator[Finding]:
    # (table, row, id, form) of every name form, split and exploded by polars (a row without forms has one
    # empty form, which occurs nowhere); each distinct form looked for once
    rows = []
    for name, table in inputs.tables.items():
        if not table.has("name_forms") or table.id_field is None:
            continue
        rows.append(inputs.strings(name).select(
            pl.lit(name, pl.String).alias("table"), pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("row"),
            pl.col(table.id_field).cast(pl.String).alias("id"),
            pl.col("name_forms").fill_null("").str.split(table.field("name_forms").delimiter).alias("form"),
        ).explode("form"))
    if not rows:
        return
    every = pl.concat(rows)
    found = occurring(set(every["form"].unique().drop_nulls().to_list()) - {""}, inputs.texts().values())
    for name, i, ident, form in every.filter(~pl.col("form").is_in(list(found))).iter_rows():
        yield Finding(name, i, "name_forms", form, f"{ident}: this name form occurs in no article")


def occurring(forms: set[str], corpus: Iterable[str]) -> set[str]:
    """The strings of ``forms`` that occur (as substrings) in some text of ``corpus``.

    One pass over each text, whatever the number of forms: at each position where some form
    starts, a trie-shaped pattern (one branch per first character, so the regex engine skips
    the other positions by a character set) captures the longest form starting there; the
    shorter forms starting there are its prefixes. Stops as soon as every form is found.
    """
    if not forms:
        return set()
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(form[1:])
    pattern = re.compile("|".join(
        f"{re.escape(first)}(?=({'|'.join(re.escape(rest) for rest in rests)}))" for first, rests in by_first.items()
    ))
    longest: set[str] = set()
    found: set[str] = set()
    for text in corpus:
        for m in pattern.finditer(text):
            longest.add(m.group(0) + m.group(m.lastindex or 0))
        for form in longest:
            found.update(form[:n] for n in range(1, len(form) + 1) if form[:n] in forms)
        longest.clear()
        if len(found) == len(forms):
            break
    return found
