"""mixed-script: no word of a text cell mixes Latin letters with letters of another script (a
Cyrillic or Greek lookalike inside a Latin word); scripts are Unicode's, read with ``regex``."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import polars as pl
import regex

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import cells, outside

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_LATIN = regex.compile(r"\p{Script=Latin}")
_OTHER = regex.compile(r"[^\P{L}\p{Script=Latin}]")  # a letter of any script but Latin


def _suspect(value: pl.Expr) -> pl.Expr:
    # a letter of another script is never ASCII, and a value is ASCII when it has as many bytes as
    # characters (two counts, where a pattern reads each byte: a seventh of the time)
    return value.str.len_bytes() != value.str.len_chars()


#: the blocks of the letters and marks a Latin value mostly holds besides ASCII (accented Latin letters,
#: combining accents, dashes, curly quotes, currency signs), less any letter of another script among them
_COMMON = ((0x00, 0x36F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20C0))
#: a character outside those: a value of none is cleared by polars, never read by Python
_FOREIGN = outside(ch for a, b in _COMMON for c in range(a, b + 1) if _OTHER.match(ch := chr(c)) is None)


def _foreign(value: pl.Expr) -> pl.Expr:
    return value.str.contains(_FOREIGN)


def check(inputs: Inputs) -> Iterator[Finding]:
    for c in cells(inputs, _suspect, _foreign):
        if not _OTHER.search(c.value):
            continue
        for m in _WORD.finditer(c.value):
            word = m.group()
            other = _OTHER.search(word)
            if other and _LATIN.search(word):
                ch = other.group()
                yield Finding(c.table, c.row, c.column, c.value,
                              f"the word {word!r} mixes Latin letters with U+{ord(ch):04X} ({unicodedata.name(ch, '?')})")
                break
