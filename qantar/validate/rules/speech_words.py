"""quote-reports-speech: a statement's quote reports something said, declared or thought.

A statement records words; its passage either prints them between quotation marks or reports them
with a verb of saying or thinking (validators/speech_words.toml: 'mengatakan', 'menurut',
'berjanji', 'khawatir'). A passage with neither is narration, a photo caption or a figure's sentence:
a statement's quote replaced by another verbatim passage of its article keeps its offsets valid, and
this is what betrays it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.speech_mode import MARKS


@cache
def words() -> tuple[str, ...]:
    """The words of speech, lower case (validators/speech_words.toml)."""
    raw = tomllib.loads((catalogue.home() / "speech_words.toml").read_text(encoding="utf-8"))
    return tuple(w.lower() for w in raw["words"])


def check(inputs: Inputs) -> Iterator[Finding]:
    for span in inputs.model.spans("claim"):
        if span.table not in inputs.tables or not inputs.table(span.table).has("speech_mode", span.text):
            continue  # a table of spoken words is one that records how they were spoken
        quote = pl.col(span.text)
        spoken = quote.str.contains_any(list(words()), ascii_case_insensitive=True) | pl.any_horizontal(
            [quote.str.contains(m, literal=True) for m in MARKS])
        frame = inputs.strings(span.table).with_row_index("_row", offset=1)
        for row, text in frame.filter(quote.is_not_null() & ~spoken).select("_row", span.text).iter_rows():
            yield Finding(span.table, row, span.text, text,
                          "the quote has no quotation mark and no word of saying or thinking "
                          "(validators/speech_words.toml): it reports no one's words")
