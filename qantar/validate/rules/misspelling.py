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
    frame = inputs.strings("discrepancies").select(*needed, *subject)
    names = _english_names(inputs)
    for row, (did, kind, description, claim, *about) in enumerate(frame.iter_rows(), 1):
        if kind != KIND or not description or not claim:
            continue
        words = [w for w in _QUOTED.findall(description) if len(w) > 2]
        right = set(_WORD.findall(names.get(tuple(about), "").lower())) if len(about) == 2 else set()
        wrong = [w for w in words if w.lower() not in right]
        words = wrong or words
        if words and not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", claim) for w in words):
            yield Finding("discrepancies", row, "claim_a_quote", claim,
                          f"{did}: a misspelling of {', '.join(repr(w) for w in words)}, but claim_a holds none of them")


def _english_names(inputs: Inputs) -> dict[tuple[str, str], str]:
    """(table, id) -> name_en, for every table with an id and an English name (actors, places)."""
    out: dict[tuple[str, str], str] = {}
    for name, table in inputs.tables.items():
        key = table.id_field
        if key is None or not table.has("name_en"):
            continue
        for ident, english in inputs.strings(name).select(key, "name_en").iter_rows():
            if ident and english:
                out[(name, ident)] = english
    return out
