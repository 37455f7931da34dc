"""misspelling-quoted: a misspelling discrepancy's first claim holds the misspelt words.

A discrepancy of kind 'misspelling' describes a spelling an article uses ('Source 002 misspells Tokayev
as 'Yokayev' once') and points claim_a at the passage that has it. The words its description quotes
between single quotation marks name the spellings; claim_a holds one of them (as a whole word, case
kept). A claim moved to another passage of the same article keeps every offset valid; the misspelt word
is no longer in it. Where the description also quotes the right spelling ('... have 'Pashinyan''), the
misspelt ones are those that are no word of the subject's English name (name_en), and claim_a holds one
of those: claims A and B swapped put the right spelling where the wrong one is recorded.

The kind cannot be given to another disagreement and so escape this rule (an office misstated, relabelled a
misspelling): a misspelling concerns a name, so its subject is a row of a table with names (``name_en``);
its description quotes a spelling; and one of the misspelt spellings it quotes is a near-spelling (difflib's
ratio at least ``NEAR``: 'Yokayev' and 'Tokayev', 'Kazhak' and 'Kazakh') of a word of the subject's English
name or of another spelling it quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

KIND = "misspelling"
_WORD = re.compile(r"[\w-]+")
_QUOTED = re.compile(r"(?<!\w)'([^'\s][^']*?)'(?!\w)")
#: how alike a misspelt word and its right spelling are, at least (difflib's ratio; one letter of seven
#: changed is 0.86, 'Kazhak'/'Kazakh' 0.83; 'Minister'/'Secretary' 0.35)
NEAR = 0.75


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
    named = {name for name, table in inputs.tables.items() if table.has("name_en")}
    for row, did, kind, description, claim, *about in frame.iter_rows():
        if len(about) == 2 and about[0] and about[0] not in named:
            yield Finding("discrepancies", row, "kind", kind,
                          f"{did}: a misspelling concerns a name, but its subject is a row of {about[0]!r}, "
                          f"which names nothing (a table with name_en: {', '.join(sorted(named))})")
            continue
        words = [w for w in _QUOTED.findall(description) if len(w) > 2]
        if not words:
            yield Finding("discrepancies", row, "kind", kind,
                          f"{did}: a misspelling, but its description quotes no spelling between single quotation "
                          "marks (the misspelt one, as the article prints it)")
            continue
        right = set(_WORD.findall(names.get(tuple(about), "").lower())) if len(about) == 2 else set()
        wrong = [w for w in words if w.lower() not in right]
        if wrong and not _near(wrong, right | {w.lower() for w in words}):
            yield Finding("discrepancies", row, "kind", kind,
                          f"{did}: a misspelling, but none of the spellings it quotes ({', '.join(repr(w) for w in wrong)}) "
                          "is a near-spelling of a word of its subject's English name or of another spelling it quotes")
            continue
        words = wrong or words
        if not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", claim) for w in words):
            yield Finding("discrepancies", row, "claim_a_quote", claim,
                          f"{did}: a misspelling of {', '.join(repr(w) for w in words)}, but claim_a holds none of them")


def _near(wrong: list[str], others: set[str]) -> bool:
    """Whether a word of a spelling in ``wrong`` is spelled nearly as a word of ``others`` (not the same word):
    word by word, so that a quoted 'Nikol Pasyinyan' meets the name's 'Pashinyan'; words of four letters or
    more (two short words one letter apart, 'the' and 'she', are no misspelling of each other)."""
    mine = {t for w in wrong for t in _WORD.findall(w.lower()) if len(t) >= 4}
    theirs = {t for o in others for t in _WORD.findall(o) if len(t) >= 4}
    return any(SequenceMatcher(None, w, o).ratio() >= NEAR for w in mine for o in theirs if o != w)


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
