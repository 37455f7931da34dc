"""translation-keeps-aspect: a text that says a thing is under way, or still so, has a translation that says it.

'pasukan ... tengah meninggalkan negara itu' is 'are leaving the country', not 'have left the country': a
translation that finishes what its text has in progress turns a withdrawal under way into one done, while every
number, name and offset still holds. A text with a marker of the progressive (`progressive` of
``validators/aspect_words.toml``, 'sedang', 'tengah', right before a verb: a word opening with one of the list's
verb prefixes, not 'di tengah', amid, nor a place's name, 'Asia Tengah') has a translation with a form of 'be' before a word in '-ing' (two words
may stand between: 'are now leaving') or one of the list's `english_progressive` ('under way'). A text with
'masih' (still) before a word has a translation with one of `english_still` ('still', 'remain', 'continue').
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import translated


@cache
def _words() -> dict:
    return tomllib.loads((catalogue.home() / "aspect_words.toml").read_text(encoding="utf-8"))


def _any(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = _words()
    prefixes = "|".join(map(re.escape, raw["verb_prefixes"]))
    return {
        # the marker right before a verb, not the noun 'tengah' after a preposition ('di tengah', amid)
        "progressive": re.compile(rf"(?i)(?<!\bdi )(?<!\bke )\b(?:{_any(raw['progressive'])})\s+(?:{prefixes})\w{{3,}}"),
        "still": re.compile(rf"(?i)\b(?:{_any(raw['still'])})\s+\w{{3,}}"),
        "english_progressive": re.compile(
            rf"(?i)\b(?:{_any(raw['english_be'])})\s+(?:[\w-]+\s+){{0,2}}?\w{{2,}}ing\b|\b(?:{_any(raw['english_progressive'])})\b"),
        "english_still": re.compile(rf"(?i)\b(?:{_any(raw['english_still'])})"),
    }


@cache
def _screen() -> str:
    """A polars pattern that holds in every text either marker may hold in (a superset: Python then decides)."""
    raw = _words()
    return rf"(?i)\b(?:{_any(raw['progressive'] + raw['still'])})\s+\w"


def _progressive(text: str) -> bool:
    """A marker of the progressive before a verb that is not part of a place's name ('Asia Tengah', 'Timur Tengah')."""
    for m in _patterns()["progressive"].finditer(text):
        before = text[: m.start()].split()
        if not (m.group(0)[0].isupper() and before and before[-1][:1].isupper()):
            return True
    return False


def check(inputs: Inputs) -> Iterator[Finding]:
    p = _patterns()
    for span, frame in translated(inputs):
        rows = frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english")).with_row_index(
            "row", offset=1).filter(pl.col("english").is_not_null() & pl.col("text").str.contains(_screen()))
        for row, text, english in rows.iter_rows():
            if _progressive(text) and not p["english_progressive"].search(english):
                yield Finding(span.table, row, span.translation, english,
                              f"the {span.text} says the thing is under way ('sedang', 'tengah' before a verb), its "
                              f"{span.translation} does not ('is ...ing', 'under way')")
            elif p["still"].search(text) and not p["english_still"].search(english):
                yield Finding(span.table, row, span.translation, english,
                              f"the {span.text} says 'masih' (still), its {span.translation} does not ('still', 'remain', "
                              "'continue')")
