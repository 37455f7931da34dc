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


#: what every word holds (lower case): a text with none of these holds no word
_STEMS = ["hari", "baru", "minggu", "pekan", "bulan", "tahun", "kemarin", "besok", "lusa"]


def _fold(text: pl.Expr, runs: str = r"\s{2,}|[^\S ]") -> pl.Expr:
    """Lower case, a hyphen read as a space ('baru-baru ini' is 'baru baru ini'), blanks as one space (``runs``:
    runs of blanks and single blanks other than a space, so that single spaces are left as they are: every
    space rewritten costs three times as much)."""
    return text.str.to_lowercase().str.replace_all("-", " ", literal=True).str.replace_all(runs, " ")


#: blanks as Python's str.split() reads them (str.isspace: Rust's \s and \x1c-\x1f), as ``_fold``'s runs
_SPLIT_RUNS = r"[\s\x1c-\x1f]{2,}|[[\s\x1c-\x1f]&&[^ ]]"


def check(inputs: Inputs) -> Iterator[Finding]:
    if not ("events" in inputs.tables and inputs.table("events").has("event_id", "date_reasoning")
            and "event_sources" in inputs.tables and inputs.table("event_sources").has("event_id", "source_id", "quote")):
        return
    cited = (inputs.strings("events").with_row_index("_row", offset=1).select("_row", "event_id", "date_reasoning")
             .filter(pl.col("date_reasoning").str.to_lowercase().str.contains_any(_STEMS))
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
    # a word that does not date by itself may be in the event's source articles: those of the rows that miss
    # such a word are folded as Python's split() reads blanks (str.isspace), in polars
    missing = missing.with_row_index("_at")
    vague = missing.filter(~pl.col("_word").is_in(list(RESOLVED)))
    if not vague.is_empty():
        texts = inputs.texts()
        wanted = [s for s in vague["_sources"].explode().drop_nulls().unique().to_list() if s in texts]
        articles = pl.DataFrame({"_sid": wanted, "_article": [texts[s] for s in wanted]},
                                schema={"_sid": pl.String, "_article": pl.String})
        articles = articles.with_columns(_fold(pl.col("_article"), _SPLIT_RUNS))
        found = (vague.select("_row", "_word", pl.col("_sources").alias("_sid")).explode("_sid").join(articles, on="_sid")
                 .filter(pl.col("_article").str.contains(pl.col("_word"), literal=True)).select("_row", "_word").unique())
        missing = missing.join(found, on=["_row", "_word"], how="anti")
    for _, row, event, reasoning, word, _, _, n in missing.sort("_row", "_at").iter_rows():
        where = "passages" if word in RESOLVED else "passages or source articles"
        yield Finding("events", row, "date_reasoning", reasoning,
                      f"{event}'s date_reasoning cites the relative date word '{word}', but none of the event's "
                      f"{where} ({n or 0} quoted in event_sources) holds it: the reasoning resolves a word "
                      "the article does not say here")
