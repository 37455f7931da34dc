"""translation-keeps-negation: a span's text negates exactly when its English translation does.

'ini hanya untuk waktu yang singkat' is 'this is only for a short time', not 'this is not only for
a short time': a negation added to a translation, or dropped from it, reverses what the row says
while every number, name and offset still holds. The words are ``validators/negation_words.toml``
('tidak', 'bukan', 'belum', 'tanpa'; 'not', 'no', 'never', 'without', "n't"). An Indonesian
negation may come out as a negative affix in English ('tidak dikenal', unidentified), so a
translation with such a word answers one; an English negation needs an Indonesian one. 'tanpa' is
'without', and 'without' answers nothing else: 'meminta ... untuk tidak mengirim tentara' (asked not to send
soldiers) translated 'asked ... to send soldiers without delay' keeps a negative word and reverses the request.
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
def _raw() -> dict:
    return tomllib.loads((catalogue.home() / "negation_words.toml").read_text(encoding="utf-8"))


def _any(words: list[str]) -> str:
    return r"(?i)\b(?:" + "|".join(map(re.escape, words)) + r")\b"


@cache
def _verbal() -> tuple[str, str]:
    """The negations other than 'tanpa' and 'without' (which answer only each other), as polars patterns."""
    raw = _raw()
    english = _any([w for w in raw["english"] if w not in raw["without"]]) + "|" + re.escape(raw["english_contraction"]) + r"\b"
    return _any([w for w in raw["indonesian"] if w not in raw["tanpa"]]), english


@cache
def _patterns() -> tuple[str, str, re.Pattern[str]]:
    """(Indonesian negations, English negations) as polars patterns, and English negative-affix words."""
    raw = _raw()
    indonesian = _any(raw["indonesian"])
    english = _any(raw["english"]) + "|" + re.escape(raw["english_contraction"]) + r"\b"
    prefixes, suffixes = "|".join(raw["english_prefixes"]), "|".join(raw["english_suffixes"])
    adjectival = "|".join(raw["english_adjective_prefixes"])
    affixed = re.compile(r"(?i)\b(?:(?:" + prefixes + r")-?[a-z]{3,}|(?:" + adjectival + r")[a-z]{3,}(?:ed|able|ible|ful|ive)"
                         + r"|[a-z]{3,}(?:" + suffixes
                         + r")|" + "|".join(map(re.escape, raw["english_negative_words"])) + r")\b")
    return indonesian, english, affixed


def check(inputs: Inputs) -> Iterator[Finding]:
    indonesian, english, affixed = _patterns()
    verbal, english_verbal = _verbal()
    for span, frame in translated(inputs):
        rows = frame.select(
            pl.col(span.text).str.contains(indonesian).alias("negates"), pl.col(span.translation).alias("english"),
            pl.col(span.translation).str.contains(english).alias("english_negates"),
            (pl.col(span.text).str.contains(verbal) & ~pl.col(span.translation).str.contains(english_verbal)).alias("only_without"),
        ).with_row_index("row", offset=1).filter(
            pl.col("english").is_not_null() & pl.col("negates").is_not_null()
            & ((pl.col("negates") != pl.col("english_negates")) | pl.col("only_without")))
        for row, negates, text, english_negates, only_without in rows.iter_rows():
            if negates and affixed.search(text):
                continue  # 'tidak dikenal': unidentified
            if negates and english_negates and only_without:
                why = (f"the {span.text} negates ('tidak', 'bukan', 'belum' ...), its {span.translation} only says "
                       "'without', which answers 'tanpa'")
            elif negates:
                why = f"the {span.text} negates ('tidak', 'bukan', 'belum', 'tanpa' ...), its {span.translation} does not"
            else:
                why = f"the {span.translation} negates ('not', 'no', 'never', 'without' ...), its {span.text} does not"
            yield Finding(span.table, row, span.translation, text, why)
