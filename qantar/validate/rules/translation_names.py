"""translation-keeps-names: an actor or place a translation names is one its text names.

A translation that says 'NATO' where its quote says 'CSTO', or 'Belarus' where the quote says
'Rusia', moves the row to someone else while every offset, number and key holds. So every actor or
place whose English name (``name_en``) or one of whose name forms a span's translation holds is
named in the span's own text by one of its name forms. Only that way round: English writes
'Russian', 'the US', 'Armenian' for names the text spells out, but it does not invent a name the text
lacks. Words are compared whole and without case, except names of three letters or fewer, compared
as written ('AS' is the United States; 'as' is English). Group actors are described, not named, and
are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import translated

_WORD = re.compile(r"\w+")
#: a name of this many characters or fewer is compared as written
_SHORT = 3
#: actor types without a name of their own
_NAMELESS = frozenset({"group"})

Index = dict[str, dict[tuple[str, ...], tuple[bool, frozenset[str]]]]  # first word -> words -> (as written?, who)


def _index(inputs: Inputs) -> tuple[Index, Index]:
    """Two lookups by first word: the names a translation may hold (English names and name forms), and
    the name forms a text may hold, each leading to the actors and places that bear it. Built from the
    distinct names (a large package repeats a few hundred names over many thousands of rows)."""
    parts = []
    for table, key, kind in (("actors", "actor_id", "actor_type"), ("places", "place_id", "place_type")):
        if table not in inputs.tables or not inputs.table(table).has(key, "name_en", "name_forms"):
            continue
        frame = inputs.typed(table)
        if kind in frame.columns:
            frame = frame.filter(~pl.col(kind).is_in(list(_NAMELESS)).fill_null(False))
        who = pl.lit(f"{table}:") + pl.col(key)
        named = frame.filter(pl.col(key).is_not_null())
        forms = named.select(who.alias("who"), pl.col("name_forms").alias("name")).explode("name")
        parts += [forms.with_columns(pl.lit(True).alias("form")),
                  named.select(who.alias("who"), pl.col("name_en").alias("name"), pl.lit(False).alias("form"))]
    english: Index = {}
    forms_index: Index = {}
    if not parts:
        return english, forms_index
    names = pl.concat(parts).filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
    for name, form, who in names.group_by("name", "form").agg("who").iter_rows():
        for index in (english, forms_index) if form else (english,):
            _add(index, name, who)
    return english, forms_index


def _add(index: Index, name: str, who: list[str]) -> None:
    exact = len(name) <= _SHORT
    words = tuple(_WORD.findall(name if exact else name.lower()))
    if words:
        known = index.setdefault(words[0], {})
        had = known.get(words, (exact, frozenset()))[1]
        known[words] = (exact, had | frozenset(who))


def _named(index: Index, text: str) -> set[str]:
    """Who ``text`` names, by the names of ``index``."""
    as_written = _WORD.findall(text)
    low = [w.lower() for w in as_written]
    out: set[str] = set()
    for i in range(len(low)):
        for key, words in ((low[i], low), (as_written[i], as_written)):
            for name, (exact, who) in index.get(key, {}).items():
                if exact == (words is as_written) and tuple(words[i:i + len(name)]) == name:
                    out |= who
    return out


def check(inputs: Inputs) -> Iterator[Finding]:
    english, forms = _index(inputs)
    if not english:
        return
    for span, frame in translated(inputs):
        pairs = frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english")) \
            .filter(pl.col("text").is_not_null() & pl.col("english").is_not_null())
        # each distinct (text, translation) read once: a large package repeats passages
        wrong = {(text, said): extra for text, said in pairs.unique().iter_rows()
                 if (extra := sorted(_named(english, said) - _named(forms, text)))}
        if not wrong:
            continue
        rows = frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english")) \
            .with_row_index("row", offset=1)
        hit = pl.DataFrame({"text": [t for t, _ in wrong], "english": [e for _, e in wrong]})
        for row, text, said in rows.join(hit, on=["text", "english"], how="semi").sort("row").iter_rows():
            who = ", ".join(x.split(":", 1)[1] for x in wrong[(text, said)])
            yield Finding(span.table, row, span.translation, said,
                          f"the {span.translation} names {who}, whom its {span.text} does not name by any name form")
