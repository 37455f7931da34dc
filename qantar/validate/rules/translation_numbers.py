"""translation-keeps-numbers: every number a span's text writes in digits (not a year, a date or a
time; read by the Indonesian reader, so '8.000' is 8,000 and '20rb' 20,000) is in its English
translation with the same value, in digits ('8,000', '8000') or with 'thousand' or 'million'."""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.text.numbers import read
from qantar.text.tokens import number_tokens
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_ENGLISH = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion))?", re.IGNORECASE)
_TIMES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def english_values(text: str) -> set[float]:
    """The values an English text writes in digits (thousands separated by ',' or '.', or none)."""
    out: set[float] = set()
    for digits, word in _ENGLISH.findall(text):
        k = _TIMES[word.lower()] if word else 1
        for reading in (digits.replace(",", ""), digits.replace(",", "").replace(".", ""), digits.replace(".", "").replace(",", ".")):
            try:
                out.add(float(reading) * k)
            except ValueError:
                pass
    return out


def _digit_runs(column: str) -> pl.Expr:
    return pl.col(column).str.extract_all(r"\d+(?:[.,]\d+)*").list.eval(pl.element().str.replace_all(r"[.,]", ""))


def check(inputs: Inputs) -> Iterator[Finding]:
    for span in inputs.model.spans():
        if not span.translation:
            continue
        frame = inputs.strings(span.table)
        if not {span.text, span.translation} <= set(frame.columns):
            continue
        rows = frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english")) \
            .with_row_index("row", offset=1) \
            .filter(pl.col("text").str.contains(r"\d") & pl.col("english").is_not_null())
        # cleared at once: every run of digits of the text, separators dropped, is one of the
        # translation's (most rows); the reader looks at the others
        rows = rows.filter(_digit_runs("text").list.set_difference(_digit_runs("english")).list.len() > 0)
        for row, text, english in rows.iter_rows():
            values: set[float] | None = None
            for token in number_tokens(text):
                if token.kind != "digits" or token.is_date:
                    continue
                reading = read(token.text)
                if reading is None or reading.value is None:
                    continue
                values = english_values(english) if values is None else values
                if float(reading.value) not in values:
                    yield Finding(span.table, row, span.translation, english,
                                  f"the {span.text} writes {token.text!r} ({reading.value:,}), which its "
                                  f"{span.translation} does not")
                    break
