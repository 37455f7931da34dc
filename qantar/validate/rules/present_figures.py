"""present-figure-dated: a figure stated in the present refers to the day it is stated.

'Presiden Tokayev yang saat ini memimpin Kazakhstan adalah presiden kedua': the count stands on the
day the article says it, so a figure with no event whose quote speaks in the present
(validators/present_words.toml) has reference dates, and they reach its source's publication window
(docs/curation.md). Moved back to an election year or to the year before, every date stays valid and
before its source, and only the tense betrays it.

Indonesian marks the past, not the present: a dated figure with no event whose quote has no word of the
past (``past`` in the same file), no year and no month ('Karena mayoritas rakyat Kazakhstan justru
menginginkan ...') is in the present too, and its dates reach the publication window. An undated one
of that kind is a habitual or general claim, which has none, unless it names its actor: a figure of an
actor (the majority of Kazakhstan's people, 'kazakh-people', wanting Turkey) is a standing fact about
that actor on the day it is stated, not a claim about every time (all elections, colour revolutions
anywhere), and is dated (a length of time, 'selama beberapa dekade', may have none). A tally of an event that the article
itself gives as standing ('Sekitar 8.000 orang sudah ditahan', 'dikabarkan tewas') runs to the day it
is stated: its reference dates end in the publication window.
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
def present(key: str = "present") -> str:
    """A polars pattern of the words of ``key`` ('present', 'past'), on lower-cased text (ASCII word boundaries)."""
    raw = tomllib.loads((catalogue.home() / "present_words.toml").read_text(encoding="utf-8"))
    words = sorted((w.lower() for w in raw[key]), key=len, reverse=True)
    return r"(?-u:\b)(?:" + "|".join(re.escape(w) for w in words) + r")(?-u:\b)"


#: a figure that measures a length of time has no reference day (as in event-figure-dated)
_DURATIONS = ["hour", "day", "week", "month", "year", "decade", "century", "hours", "days", "weeks", "months", "years",
              "decades", "centuries"]

#: a year or a month's name: a quote that dates what it says is not read as the present
_DATED = r"(?-u:\b)(?:1[89]\d\d|20\d\d|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember)(?-u:\b)"


def check(inputs: Inputs) -> Iterator[Finding]:
    need = ("figure_id", "source_id", "quote", "event_id", "ref_date_start", "ref_date_end", "actor_id", "unit")
    if not ("figures" in inputs.tables and inputs.table("figures").has(*need) and "sources" in inputs.tables
            and inputs.table("sources").has("source_id", "published_date_min", "published_date_max")):
        return
    sources = inputs.typed("sources").select("source_id", "published_date_min", "published_date_max").unique("source_id")
    rows = (inputs.typed("figures").with_row_index("_row", offset=1)
            .filter(pl.col("event_id").is_null())
            .with_columns(pl.col("quote").str.to_lowercase().alias("_low"))
            .with_columns(pl.col("_low").str.extract(f"({present()})", 1).alias("_word"),
                          (~pl.col("_low").str.contains(present("past")) & ~pl.col("_low").str.contains(_DATED)
                           & (pl.col("ref_date_start").is_not_null() | pl.col("ref_date_end").is_not_null()
                              | (pl.col("actor_id").is_not_null()
                                 & ~pl.col("unit").cast(pl.String).str.strip_chars().str.to_lowercase()
                                 .is_in(_DURATIONS).fill_null(False)))).alias("_unmarked"))
            .filter(pl.col("_word").is_not_null() | pl.col("_unmarked"))
            .join(sources, on="source_id", how="left")
            .filter(pl.col("ref_date_start").is_null() | pl.col("ref_date_end").is_null()
                    | (pl.col("ref_date_end") < pl.col("published_date_min"))
                    | (pl.col("ref_date_start") > pl.col("published_date_max")))
            .sort("_row"))
    for r in rows.iter_rows(named=True):
        tense = (f"speaks in the present ({r['_word']!r})" if r["_word"] else
                 "has no word of the past and no date" + ("" if r["ref_date_start"] or r["ref_date_end"]
                                                           else f", and it is a figure of actor {r['actor_id']}"))
        said = f"{r['figure_id']} has no event and its quote {tense}: it refers to the day it is stated"
        if r["ref_date_start"] is None or r["ref_date_end"] is None:
            column = "ref_date_start" if r["ref_date_start"] is None else "ref_date_end"
            yield Finding("figures", r["_row"], column, None, f"{said}, but its reference dates are empty")
        elif r["published_date_min"] is not None:
            yield Finding("figures", r["_row"], "ref_date_start", str(r["ref_date_start"]),
                          f"{said}, but {r['ref_date_start']}..{r['ref_date_end']} does not reach source {r['source_id']}'s "
                          f"publication ({r['published_date_min']}..{r['published_date_max']})")
    yield from _tallies(inputs, sources)


def _tallies(inputs: Inputs, sources: pl.DataFrame) -> Iterator[Finding]:
    """A tally of an event that the article itself gives as standing ('sudah ditahan', 'dikabarkan tewas':
    the file's ``tally``) runs to the day it is stated: its reference dates end in its source's
    publication window (docs/curation.md). A figure someone asserts stands on the day they said it."""
    if not inputs.table("figures").has("asserted_by_id"):
        return
    rows = (inputs.typed("figures").with_row_index("_row", offset=1)
            .filter(pl.col("event_id").is_not_null() & pl.col("asserted_by_id").is_null() & pl.col("ref_date_end").is_not_null())
            .with_columns(pl.col("quote").str.to_lowercase().str.extract(f"({present('tally')})", 1).alias("_word"))
            .filter(pl.col("_word").is_not_null())
            .join(sources, on="source_id", how="inner")
            .filter(pl.col("ref_date_end") < pl.col("published_date_min")).sort("_row"))
    for r in rows.iter_rows(named=True):
        yield Finding("figures", r["_row"], "ref_date_end", str(r["ref_date_end"]),
                      f"{r['figure_id']}'s quote gives a tally standing on the day it is stated ({r['_word']!r}), but its "
                      f"reference dates end {r['ref_date_end']}, before source {r['source_id']}'s publication "
                      f"({r['published_date_min']}..{r['published_date_max']})")
