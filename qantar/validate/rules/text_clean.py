"""text-clean: no text cell holds a control or invisible format character, starts or ends with
white space, or is not in Unicode NFC."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import polars as pl
import regex

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import cells

#: control, format (zero-width, BOM, bidi marks), private use, surrogate and unassigned characters
_BAD = regex.compile(r"[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}]")


def _suspect(value: pl.Expr) -> pl.Expr:
    # printable ASCII without outer spaces holds no such character, and is NFC
    return value.str.contains(r"[^ -~]") | value.str.starts_with(" ") | value.str.ends_with(" ")


def check(inputs: Inputs) -> Iterator[Finding]:
    for c in cells(inputs, _suspect):
        bad = _BAD.search(c.value)
        if bad is not None:
            ch = bad.group()
            why = f"holds U+{ord(ch):04X} ({unicodedata.name(ch, unicodedata.category(ch))}) at {bad.start()}"
        elif c.value != c.value.strip():
            why = "starts or ends with white space"
        elif not unicodedata.is_normalized("NFC", c.value):
            why = "is not in Unicode NFC (a letter and its combining accent where one character is meant)"
        else:
            continue
        yield Finding(c.table, c.row, c.column, c.value, f"{c.table}.{c.column} {why}")
