"""text-clean: no text cell holds a control or invisible format character, starts or ends with
white space, holds white space other than single plain spaces between its words (a no-break space,
a tab, two spaces in a row) unless an article has those words with that space, is not in Unicode
NFC, or holds a compatibility character that Unicode NFKC rewrites (a fullwidth 'ＣＳＴＯ', a ligature
'ﬁ', a superscript) or a phonetic letter no article holds ('Almɑty' with a Latin alpha): it looks like
the plain letters and does not compare equal to them. Invisible characters include every default
ignorable one (a variation selector after 'Violent')."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import polars as pl
import regex

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import cells, outside

#: control, format (zero-width, BOM, bidi marks), private use, surrogate and unassigned characters, and
#: every character Unicode ignores by default when it draws text (variation selectors, the Hangul filler):
#: invisible, they make two equal-looking values differ
_BAD = regex.compile(r"[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}]")
#: letters of the phonetic alphabet (IPA Extensions: 'ɑ', 'ɡ', 'ı'-like forms), which look like plain Latin
#: letters in a name or a summary; a value may hold one only where an article does
_PHONETIC = regex.compile(r"[\u0250-\u02AF\u1D00-\u1DBF]")


#: white space that is not one plain space: a run of two or more, or any other white space character
_GAP = re.compile(r"\s{2,}|[^\S ]")
_LEFT = re.compile(r"\S{0,40}\Z")
_RIGHT = re.compile(r"\S{0,40}")


def _gaps(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, the gap, the gap with the words either side) for every odd gap of ``text``."""
    for m in _GAP.finditer(text):
        a, b = m.span()
        left = _LEFT.search(text, max(0, a - 40), a)
        right = _RIGHT.match(text, b, b + 40)
        yield a, m.group(), (left.group() if left else "") + m.group() + (right.group() if right else "")


def _suspect(value: pl.Expr) -> pl.Expr:
    # printable ASCII without outer spaces or double spaces holds no such character, and is NFC
    # (one pattern reads each value once; four tests read it four times)
    return value.str.contains(r"[^ -~]|^ | $|  ")


#: the blocks of the letters and marks a clean value mostly holds besides ASCII (accented Latin letters,
#: dashes, curly quotes, currency signs)
_COMMON = ((0x21, 0x7E), (0xA1, 0x24F), (0x2010, 0x205E), (0x20A0, 0x20C0))


def _harmless(ch: str) -> bool:
    """A character no check of the rule fails, wherever it stands: not bad, no white space, no phonetic
    letter, its own NFC and NFKC, and no combining mark (which may join the letter before it); so a
    value of these and single plain spaces between them is NFC and NFKC too (these blocks hold no
    character that composes with another)."""
    return (_BAD.match(ch) is None and not ch.isspace() and _PHONETIC.match(ch) is None and unicodedata.combining(ch) == 0
            and unicodedata.normalize("NFC", ch) == ch and unicodedata.normalize("NFKC", ch) == ch)


#: a character outside those, or a space the gaps would read: the values of the others are cleared by
#: polars (the quotes of a clean package hold curly quotes, dashes and accented letters), never by Python
_UNUSUAL = outside(ch for a, b in _COMMON for c in range(a, b + 1) if _harmless(ch := chr(c)))[:-1] + " ]|^ | $|  "


def _unusual(value: pl.Expr) -> pl.Expr:
    return value.str.contains(_UNUSUAL)


def _article_gaps(inputs: Inputs) -> frozenset[str]:
    """Every odd gap of the articles with its words: a value that copies article text keeps its
    spaces. Built only when a value has such a gap (none has, in a clean package)."""
    if "text-clean.gaps" not in inputs.memo:
        inputs.memo["text-clean.gaps"] = frozenset(g for text in inputs.texts().values() for _, _, g in _gaps(text))
    return inputs.memo["text-clean.gaps"]


def _article_letters(inputs: Inputs) -> frozenset[str]:
    """The phonetic letters the articles hold (none, in a clean package), read once."""
    if "text-clean.phonetic" not in inputs.memo:
        inputs.memo["text-clean.phonetic"] = frozenset(ch for text in inputs.texts().values() for ch in _PHONETIC.findall(text))
    return inputs.memo["text-clean.phonetic"]


def _compatibility(value: str) -> str | None:
    """The first character NFKC rewrites ('ＣＳＴＯ', 'ﬁ'), white space aside (the gaps say what of that)."""
    if unicodedata.is_normalized("NFKC", value):
        return None
    return next((ch for ch in value if not ch.isspace() and unicodedata.normalize("NFKC", ch) != ch), None)


def check(inputs: Inputs) -> Iterator[Finding]:
    for c in cells(inputs, _suspect, _unusual):
        bad = _BAD.search(c.value)
        if bad is not None:
            ch = bad.group()
            why = f"holds U+{ord(ch):04X} ({unicodedata.name(ch, unicodedata.category(ch))}) at {bad.start()}"
        elif c.value != c.value.strip():
            why = "starts or ends with white space"
        elif not unicodedata.is_normalized("NFC", c.value):
            why = "is not in Unicode NFC (a letter and its combining accent where one character is meant)"
        elif (ipa := _PHONETIC.search(c.value)) is not None and ipa.group() not in _article_letters(inputs):
            ch = ipa.group()
            why = (f"holds U+{ord(ch):04X} ({unicodedata.name(ch, '?')}), a phonetic letter that looks like a plain one "
                   "and is in no article")
        elif (compat := _compatibility(c.value)) is not None:
            why = (f"holds U+{ord(compat):04X} ({unicodedata.name(compat, '?')}), a compatibility character that stands "
                   f"for {unicodedata.normalize('NFKC', compat)!r} (a fullwidth letter, a ligature; Unicode NFKC)")
        elif (odd := next((g for g in _gaps(c.value) if g[2] not in _article_gaps(inputs)), None)) is not None:
            at, gap, words = odd
            names = f"{len(gap)} spaces in a row" if set(gap) == {" "} else " + ".join(
                dict.fromkeys(unicodedata.name(ch, f"U+{ord(ch):04X}") for ch in gap if ch != " "))
            why = f"holds {names} between words at {at} ({words!r}): words are separated by one plain space"
        else:
            continue
        yield Finding(c.table, c.row, c.column, c.value, f"{c.table}.{c.column} {why}")
