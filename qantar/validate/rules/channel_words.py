"""channel-worded: a statement whose words name the channel they were said in has that channel.

'Kemudian dalam pidato yang disiarkan televisi ...' is a televised address; 'dalam sebuah pernyataan di
Facebook' a Facebook post. Where the quote names channels (validators/channel_words.toml), the row's
``channel`` says one of them: a channel swapped for another that the article gives another statement
('Facebook post' for the televised address that follows it) keeps every key and type valid.
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


@cache
def channels() -> dict[str, re.Pattern[str]]:
    """English stem of a channel -> a pattern of its Indonesian words (validators/channel_words.toml)."""
    raw = tomllib.loads((catalogue.home() / "channel_words.toml").read_text(encoding="utf-8"))
    return {k.lower(): re.compile(r"(?i)\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")")
            for k, words in raw["channels"].items()}


@cache
def _words() -> frozenset[str]:
    """The first word of every Indonesian channel word, lower case."""
    raw = tomllib.loads((catalogue.home() / "channel_words.toml").read_text(encoding="utf-8"))
    return frozenset(w.lower().split()[0] for words in raw["channels"].values() for w in words)


def check(inputs: Inputs) -> Iterator[Finding]:
    if "statements" not in inputs.tables or not inputs.table("statements").has("statement_id", "channel", "quote"):
        return
    known = channels()
    # the few quotes that may name a channel, found at once by polars (a superset: any word that starts so)
    frame = inputs.strings("statements").with_row_index("row", offset=1).filter(
        pl.col("quote").str.to_lowercase().str.contains_any(sorted(_words())))
    for row, ident, channel, quote in frame.select("row", "statement_id", "channel", "quote").iter_rows():
        named = sorted(k for k, p in known.items() if p.search(quote))
        if named and not (channel and any(k in channel.lower() for k in named)):
            yield Finding("statements", row, "channel", channel,
                          f"{ident}: its words name the channel ({', '.join(named)}; validators/channel_words.toml), "
                          f"but its channel is {channel!r}")
