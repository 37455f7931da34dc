"""resolution-names-value: a discrepancy's resolution states the number its figure holds.

A resolution says what the dataset adopts. Where it says which number a figure holds, in one of the
three forms the register uses, that number is the figure's value: 'F003 keeps 3,000' (the number right
after the figure's id and 'keep(s)', in English digits, an English number word, or the article's words
quoted: 'F029 keeps 'Puluhan''), '(figure F004 value 6)' ('value' and the number within a few words
after the id), and, for a discrepancy whose subject is a figure, a sentence opening 'Read as six ...'
('Read literally as seven'). A resolution turned to the reading it used to reject (D001 read as seven
members while F004 still holds 6) keeps every key valid; the figure and the register then disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.text import numbers
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

TABLE = "discrepancies"
_ENGLISH = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_ENGLISH |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
_NUMBER = r"(?P<n>'[^']+'|\d[\d,]*|[A-Za-z]+)"
_ID = r"(?<![\w-])(?P<id>[A-Za-z]+\d+)(?![\w-])"
#: 'F003 keeps 3,000'; '(figure F004 value 6)', 'F029 keeps 'Puluhan' (value 10'; a sentence 'Read as six'
_KEEPS = re.compile(_ID + r" keeps? " + _NUMBER)
_VALUE = re.compile(_ID + r"[^.;]{0,30}?\bvalue " + _NUMBER)
_READ = re.compile(r"(?:^|[.;:]\s+)Read(?: [a-z]+ly)? as " + _NUMBER)
#: the same forms loosened for Rust's regex (no look-around; no word boundary, whose Unicode differs a little):
#: every text the pattern above matches in holds a match of its hint
_START = r"(?:'|\d|[A-Za-z])"
_KEEPS_HINT = r"[A-Za-z]\d+ keeps? " + _START
_VALUE_HINT = r"[A-Za-z]\d+[^.;]{0,30}value " + _START
_READ_HINT = r"Read(?: [a-z]+ly)? as " + _START


def check(inputs: Inputs) -> Iterator[Finding]:
    if TABLE not in inputs.tables or not inputs.table(TABLE).has("resolution_en", "subject_table", "subject_id"):
        return
    if "figures" not in inputs.tables or not inputs.table("figures").has("figure_id", "value"):
        return
    # which forms a row may hold, asked in Rust over every row: the Python patterns (look-behind, lazy
    # gaps) then run only on the rows, and for the forms, whose words are there (a superset of each)
    text = pl.col("resolution_en")
    frame = inputs.strings(TABLE).select(
        pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("\0row"),
        (pl.col("discrepancy_id") if inputs.table(TABLE).has("discrepancy_id") else pl.lit(None, pl.String)).alias("\0name"),
        "subject_table", "subject_id", "resolution_en",
        text.str.contains(_KEEPS_HINT).alias("\0keeps"),
        text.str.contains(_VALUE_HINT).alias("\0value"),
        (text.str.contains(_READ_HINT) & (pl.col("subject_table") == "figures")).fill_null(False).alias("\0read"),
    ).filter(pl.col("\0keeps") | pl.col("\0value") | pl.col("\0read"))
    if frame.is_empty():
        return
    # each distinct text's numbers read once in Python ((figure or the subject, words, number) in the order the
    # row reads them); polars meets them with the figures' values, and Python sees only the rows one of which fails
    flags = ["resolution_en", "\0keeps", "\0value", "\0read"]
    said = pl.DataFrame([(*key, k, figure, words, number) for key in frame.select(flags).unique().iter_rows()
                         for k, (figure, words, number) in enumerate(_said(*key))],
                        schema={**frame.select(flags).schema, "\0k": pl.Int64, "\0figure": pl.String, "\0words": pl.String,
                                "\0number": pl.Int64}, orient="row")
    values = (inputs.typed("figures").select(pl.col("figure_id").alias("\0figure"), pl.col("value").alias("\0held"))
              .drop_nulls("\0figure").unique("\0figure", keep="last", maintain_order=True))
    wrong = (frame.join(said, on=flags, how="inner")
             .with_columns(pl.col("\0figure").fill_null(pl.col("subject_id")))
             .join(values, on="\0figure", how="inner")
             .filter(pl.col("\0held").is_not_null() & (pl.col("\0number") != pl.col("\0held")))
             .sort("\0row", "\0k").unique("\0row", keep="first", maintain_order=True))
    for row, name, text, figure, words, number, value in wrong.select(
            "\0row", "\0name", "resolution_en", "\0figure", "\0words", "\0number", "\0held").iter_rows():
        name = name or "the discrepancy"
        yield Finding(TABLE, row, "resolution_en", text,
                      f"{name}'s resolution gives figure {figure} the number {number} ({words!r}), but {figure} "
                      f"holds the value {value}: the resolution states what the rows adopt")


def _said(text: str, keeps: bool, valued: bool, read: bool) -> list[tuple[str | None, str, int]]:
    """(figure id, or None for the row's subject; the words; the number they say) of each number ``text``
    gives a figure, in the order read: its 'keeps' forms, its 'value' forms, then its 'Read as' sentences."""
    found = [(m["id"], m["n"]) for pattern, hinted in ((_KEEPS, keeps), (_VALUE, valued)) if hinted for m in pattern.finditer(text)]
    if read:
        found += [(None, m["n"]) for m in _READ.finditer(text)]
    return [(figure, words, number) for figure, words in found if (number := _number(words)) is not None]


def _number(words: str) -> int | None:
    """The number ``words`` say: English digits ('20,000'), an English number word ('six'), or the
    article's words quoted ('Puluhan', read as the figure's reader reads it); None when they say none."""
    if words.startswith("'"):
        reading = numbers.read(words.strip("'"))
        return reading.value if reading is not None else None
    if words[0].isdigit():
        digits = words.rstrip(",").replace(",", "")
        return int(digits) if digits.isdigit() and len(digits) < 19 else None
    return _ENGLISH.get(words.lower())
