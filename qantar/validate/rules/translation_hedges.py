"""translation-keeps-hedges: a translated text hedges exactly when its English translation does.

'dikabarkan tewas' is 'reportedly killed', 'tampaknya' is 'apparently': a hedge dropped from a
translation states as fact what the article only reports or supposes, and one added doubts what it
states, while every number, name and offset still holds. The words are validators/hedge_words.toml.
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
def _patterns() -> tuple[str, str]:
    """(Indonesian hedges, English hedges) as polars patterns of whole words."""
    raw = tomllib.loads((catalogue.home() / "hedge_words.toml").read_text(encoding="utf-8"))
    def words(names: list[str], lower: list[str]) -> str:
        exact = "".join(f"|(?-i:{re.escape(w)})" for w in lower)
        return r"(?i)(?-u:\b)(?:" + "|".join(map(re.escape, names)) + exact + r")(?-u:\b)"

    return words(raw["indonesian"], []), words(raw["english"], raw.get("english_lowercase", []))


def check(inputs: Inputs) -> Iterator[Finding]:
    indonesian, english = _patterns()
    for pair, frame in translated(inputs):
        rows = frame.select(
            pl.col(pair.text).str.contains(indonesian).alias("hedges"), pl.col(pair.translation).alias("english"),
            pl.col(pair.translation).str.contains(english).alias("english_hedges"),
        ).with_row_index("row", offset=1).filter(
            pl.col("english").is_not_null() & pl.col("hedges").is_not_null() & (pl.col("hedges") != pl.col("english_hedges")))
        for row, hedges, text, _ in rows.iter_rows():
            if hedges:
                why = (f"the {pair.text} hedges ('tampaknya', 'dikabarkan', 'diduga' ...), its {pair.translation} does not "
                       "('apparently', 'reportedly', 'allegedly' ...): it states as fact what the article only reports")
            else:
                why = (f"the {pair.translation} hedges ('apparently', 'reportedly', 'allegedly' ...), its {pair.text} "
                       "does not (validators/hedge_words.toml)")
            yield Finding(pair.table, row, pair.translation, text, why)
