"""actor-named: the actor a quoted row names is named by its source.

A membership's member appears (one of its name forms, any case) in the membership's quote; a
statement's speaker is named in its quote or earlier in the same article (a pronoun, 'Ia' or
'Mereka', points back to a name already given); a group speaker, which has no name of its own,
only words the article describes it with, is named somewhere in the article. Two actors swapped
consistently in every table keep every key, role and type valid: what betrays them is that the
passages name the other one.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def check(inputs: Inputs) -> Iterator[Finding]:
    needed: set[str] = set()
    for table, column in (("memberships", "member_id"), ("statements", "speaker_id")):
        if table in inputs.tables:
            needed.update(inputs.typed(table)[column].drop_nulls().unique().to_list())
    actors = inputs.typed("actors").filter(pl.col("actor_id").is_in(list(needed)))
    # each actor's lower-case forms, sorted (its last row's, as a dict built row by row kept), and an id
    # per distinct list: actors of the same names share it, and each name is looked for once per text
    last = actors.unique("actor_id", keep="last", maintain_order=True)
    lowered = (last.select("actor_id", "name_forms").explode("name_forms")
               .filter(pl.col("name_forms").is_not_null() & (pl.col("name_forms") != ""))
               .group_by("actor_id").agg(pl.col("name_forms").str.to_lowercase().unique().sort()))
    forms = (last.select("actor_id", pl.col("actor_type").cast(pl.String)).join(lowered, on="actor_id", how="left")
             .with_columns(pl.col("name_forms").fill_null(pl.lit([], pl.List(pl.String))))
             .with_columns(pl.col("name_forms").rank("dense").cast(pl.Int64).alias("_k")))
    names = dict(forms.select("_k", "name_forms").unique("_k").iter_rows())
    if "memberships" in inputs.tables:
        frame = (inputs.typed("memberships").with_row_index("_r", offset=1).select("_r", "membership_id", "member_id", "quote")
                 .filter(pl.col("quote").is_not_null()).join(forms.select("actor_id", "_k"), left_on="member_id",
                                                             right_on="actor_id", maintain_order="left"))
        unnamed = [(quote, k) for quote, k in frame.select("quote", "_k").unique().iter_rows()  # each pair read once
                   if not any(f in quote.lower() for f in names[k])]
        frame = frame.join(pl.DataFrame(unnamed, schema={"quote": pl.String, "_k": pl.Int64}, orient="row"),
                           on=["quote", "_k"], how="semi", maintain_order="left")
        for row, mid, member, _quote, _k in frame.iter_rows():
            yield Finding("memberships", row, "member_id", member, f"{mid}: the quote names none of {member}'s name forms")
    if "statements" not in inputs.tables:
        return
    texts = inputs.texts()
    frame = (inputs.typed("statements").with_row_index("_r", offset=1).select("_r", "statement_id", "speaker_id", "source_id", "char_end")
             .filter(pl.col("source_id").is_in(list(texts)) & pl.col("char_end").is_not_null())
             .join(forms.select("actor_id", "_k", (pl.col("actor_type") == "group").fill_null(False).alias("_group")),
                   left_on="speaker_id", right_on="actor_id", maintain_order="left"))
    # where the speaker's name first ends in its article, in bytes of the article lowered by polars (all
    # at once): never before the character it ends at, so a name ending by the statement's end in bytes
    # ends by it in characters, and the row is cleared; the rest are read in characters below
    sources = frame["source_id"].unique().to_list()
    lowered = pl.DataFrame({"source_id": sources, "_low": [texts[s] for s in sources]},
                           schema={"source_id": pl.String, "_low": pl.String}).with_columns(pl.col("_low").str.to_lowercase())
    name = pl.col("name_forms")
    ends = (frame.select("source_id", "_k").unique().join(forms.select("_k", "name_forms").unique("_k").explode("name_forms"), on="_k")
            .join(lowered, on="source_id").with_columns((pl.col("_low").str.find(name, literal=True) + name.str.len_bytes()).alias("_b"))
            .group_by("source_id", "_k").agg(pl.col("_b").min()))
    frame = frame.join(ends, on=["source_id", "_k"], how="left", maintain_order="left").filter(
        pl.col("_b").is_null() | (~pl.col("_group") & (pl.col("_b") > pl.col("char_end")))).drop("_b")
    # the rows left: where the name first ends in characters, each (article, names) read once, each article lowered once
    articles: dict[str, str] = {}
    first = []
    for source, k in frame.select("source_id", "_k").unique().iter_rows():
        if source not in articles:
            articles[source] = texts[source].lower()
        ends_at = [p + len(f) for f in names[k] if (p := articles[source].find(f)) >= 0]
        first.append((source, k, min(ends_at) if ends_at else None))
    frame = frame.join(pl.DataFrame(first, schema={"source_id": pl.String, "_k": pl.Int64, "_at": pl.Int64}, orient="row"),
                       on=["source_id", "_k"], maintain_order="left")
    wrong = frame.filter(
        pl.col("_at").is_null() | (~pl.col("_group") & (pl.col("_at") > pl.col("char_end"))))
    for row, sid, speaker, source, _end, _k, is_group, at in wrong.iter_rows():
        where = "nowhere" if is_group or at is None else "neither in the quote nor before it"
        yield Finding("statements", row, "speaker_id", speaker,
                      f"{sid}: source {source} names {speaker} (by any of its name forms) {where}")
