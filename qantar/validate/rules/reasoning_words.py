"""reasoning-words-in-passage: a date reasoning cites the relative words its event's passages hold.

A reasoning resolves the words the article uses ('tahun lalu' in a text of January 2022 is 2021;
docs/curation.md): an event's date_reasoning that cites a relative date word (those the coverage check
reads, qantar.text.tokens.RELATIVE, and those of one meaning, qantar.text.dates.RESOLVED) cites one
that one of the event's passages (event_sources quotes) holds. A stated date relabelled relative with
a reasoning rewritten to "'kemarin' (yesterday) in source 001" keeps every key and resolves a word no
passage says. A word that dates by itself (RESOLVED: 'kemarin', 'hari ini', 'minggu depan') is the
row's own ground and is in its passages; a vaguer one or a time of day ('dini hari', 'baru-baru ini')
may be cited as context from elsewhere in the event's source articles (E023 quotes the request's
'pada Kamis dini hari' to place its confirmation), and is then in one of those articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.text.dates import RESOLVED
from qantar.text.tokens import RELATIVE
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_WORDS = sorted({" ".join(w.replace("-", " ").split()) for w in (*RELATIVE, *RESOLVED)}, key=len, reverse=True)
#: a word on folded text (boundaries consumed: words a single character apart are not both read, and a
#: word missed is only a finding missed)
_WORD = r"(?:^|[^\w])(" + "|".join(re.escape(w) for w in _WORDS) + r")(?:$|[^\w])"


def _fold(text: pl.Expr) -> pl.Expr:
    """Lower case, a hyphen read as a space ('baru-baru ini' is 'baru baru ini'), blanks as one space."""
    return text.str.to_lowercase().str.replace_all("-", " ", literal=True).str.replace_all(r"\s+", " ")


def check(inputs: Inputs) -> Iterator[Finding]:
    if not ("events" in inputs.tables and inputs.table("events").has("event_id", "date_reasoning")
            and "event_sources" in inputs.tables and inputs.table("event_sources").has("event_id", "source_id", "quote")):
        return
    cited = (inputs.strings("events").with_row_index("_row", offset=1).select("_row", "event_id", "date_reasoning")
             .with_columns(_fold(pl.col("date_reasoning")).str.extract_all(_WORD).alias("_word"))
             .filter(pl.col("_word").list.len() > 0).explode("_word")
             .with_columns(pl.col("_word").str.extract(f"({'|'.join(re.escape(w) for w in _WORDS)})", 1))
             .unique(["_row", "_word"], maintain_order=True))
    if cited.is_empty():
        return
    held = (inputs.strings("event_sources").select("event_id", "source_id", "quote")
            .filter(pl.col("event_id").is_in(cited["event_id"].unique().implode()) & pl.col("quote").is_not_null())
            .group_by("event_id").agg(_fold(pl.col("quote")).str.join("\n").alias("_passages"),
                                      pl.col("source_id").unique().alias("_sources"), pl.len().alias("_n")))
    missing = (cited.join(held, on="event_id", how="left")
               .filter(~pl.col("_passages").fill_null("").str.contains(pl.col("_word"), literal=True)))
    texts: dict[str, str] | None = None
    articles: dict[str, str] = {}
    for row, event, reasoning, word, _, sources, n in missing.sort("_row", maintain_order=True).iter_rows():
        if word not in RESOLVED:
            texts = inputs.texts() if texts is None else texts
            sources = [s for s in sources or () if s in texts]
            for s in set(sources) - articles.keys():
                articles[s] = " ".join(texts[s].lower().replace("-", " ").split())
            if any(word in articles[s] for s in sources):
                continue
        where = "passages" if word in RESOLVED else "passages or source articles"
        yield Finding("events", row, "date_reasoning", reasoning,
                      f"{event}'s date_reasoning cites the relative date word '{word}', but none of the event's "
                      f"{where} ({n or 0} quoted in event_sources) holds it: the reasoning resolves a word "
                      "the article does not say here")
