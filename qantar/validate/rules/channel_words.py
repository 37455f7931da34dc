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


@cache
def _loose() -> dict[str, str]:
    """English stem of a channel -> a polars (Rust) pattern matching wherever its Python pattern does, and
    perhaps more (no \\b): each letter with the letters Python's case-insensitive matching takes for it
    ('ı' and 'İ' for 'i', 'ſ' for 's', the Kelvin sign for 'k'), a space as any run of what Python's \\s
    matches (Rust's \\s but for the separators \\x1c-\\x1f)."""
    raw = tomllib.loads((catalogue.home() / "channel_words.toml").read_text(encoding="utf-8"))
    fold = {"i": "iIİı", "s": "sSſ", "k": "kKK"}

    def letter(c: str) -> str:
        if c == " ":
            return r"[\s\x1c-\x1f]+"
        if "a" <= c.lower() <= "z":
            return "[" + fold.get(c.lower(), c.lower() + c.upper()) + "]"
        return re.escape(c) if c.isascii() else "[" + c + "]"
    return {k.lower(): "(?:" + "|".join("".join(letter(c) for c in w) for w in words) + ")"
            for k, words in raw["channels"].items()}


def check(inputs: Inputs) -> Iterator[Finding]:
    if "statements" not in inputs.tables or not inputs.table("statements").has("statement_id", "channel", "quote"):
        return
    known = channels()
    loose = _loose()
    # the few quotes that may name a channel, found at once by polars (a superset: any word that starts so)
    frame = inputs.strings("statements").with_row_index("row", offset=1).filter(
        pl.col("quote").str.to_lowercase().str.contains_any(sorted(_words())))
    # which channels each may name (again a superset, by polars); Python's patterns decide, once per quote
    flags = [pl.col("quote").str.contains(loose[k]).alias(f"_{i}") for i, k in enumerate(known)]
    maybe = frame.select("quote", *flags).filter(pl.any_horizontal(pl.col(f"_{i}") for i in range(len(known)))).unique("quote")
    named = []
    for quote, *flagged in maybe.iter_rows():
        said = sorted(k for k, flag in zip(known, flagged, strict=True) if flag and known[k].search(quote))
        if said:
            named.append((quote, said))
    if not named:
        return
    frame = frame.join(pl.DataFrame(named, schema={"quote": pl.String, "_named": pl.List(pl.String)}, orient="row"),
                       on="quote", maintain_order="left")
    for row, ident, channel, said in frame.select("row", "statement_id", "channel", "_named").iter_rows():
        if not (channel and any(k in channel.lower() for k in said)):
            yield Finding("statements", row, "channel", channel,
                          f"{ident}: its words name the channel ({', '.join(said)}; validators/channel_words.toml), "
                          f"but its channel is {channel!r}")
