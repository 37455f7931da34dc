"""misspelling-quoted: a misspelling discrepancy's first claim holds the misspelt words.

A discrepancy of kind 'misspelling' describes a spelling an article uses ('Source 002 misspells Tokayev
as 'Yokayev' once') and points claim_a at the passage that has it. The words its description quotes
between single quotation marks name the spellings; claim_a holds one of them (as a whole word, case
kept). A claim moved to another passage of the same article keeps every offset valid; the misspelt word
is no longer in it. Where the description also quotes the right spelling ('... have 'Pashinyan''), the
misspelt ones are those that are no word of the subject's English name (name_en), and claim_a holds one
of those: claims A and B swapped put the right spelling where the wrong one is recorded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

KIND = "misspelling"
_WORD = re.compile(r"[\w-]+")
_QUOTED = re.compile(r"(?<!\w)'([^'\s][^']*?)'(?!\w)")


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = ("discrepancy_id", "kind", "description_en", "claim_a_quote")
    if "discrepancies" not in inputs.tables or not inputs.table("discrepancies").has(*needed):
        return
    subject = [c for c in ("subject_table", "subject_id") if inputs.table("discrepancies").has(c)]
    # polars keeps the misspelling rows with a description and a claim; Python reads those alone
    frame = inputs.strings("discrepancies").select(
        pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("\0row"), *needed, *subject,
    ).filter((pl.col("kind") == KIND) & (pl.col("description_en") != "") & (pl.col("claim_a_quote") != ""))
    names = _english_names(inputs, frame.select(*subject) if len(subject) == 2 else None)
    for row, did, kind, description, claim, *about in frame.iter_rows():
        words = [w for w in _QUOTED.findall(description) if len(w) > 2]
        right = set(_WORD.findall(names.get(tuple(about), "").lower())) if len(about) == 2 else set()
        wrong = [w for w in words if w.lower() not in right]
        words = wrong or words
        if words and not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", claim) for w in words):
            yield Finding("discrepancies", row, "claim_a_quote", claim,
                          f"{did}: a misspelling of {', '.join(repr(w) for w in words)}, but claim_a holds none of them")


def _english_names(inputs: Inputs, subjects: pl.DataFrame | None) -> dict[tuple[str, str], str]:
    """(table, id) -> name_en, for the ``subjects`` (subject_table, subject_id) of a table with an id and
    an English name (actors, places): only those rows are read."""
    out: dict[tuple[str, str], str] = {}
    if subjects is None:
        return out
    for name, table in inputs.tables.items():
        key = table.id_field
        if key is None or not table.has("name_en"):
            continue
        wanted = subjects.filter(pl.col("subject_table") == name)["subject_id"].drop_nulls().unique()
        if wanted.len() == 0:
            continue
        found = inputs.strings(name).select(key, "name_en").filter(pl.col(key).is_in(wanted.implode()))
        for ident, english in found.iter_rows():
            if ident and english:
                out[(name, ident)] = english
    return out
