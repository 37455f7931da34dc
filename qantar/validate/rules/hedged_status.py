"""hedged-is-claimed: an event every passage of which is a hedged report is claimed, not occurred.

A report with no named claimant ('Ada laporan bahwa ...', 'dikabarkan', 'diduga') is claimed when
that is all the sources say, and occurred when another passage reports it as fact (docs/curation.md,
E021). So an event recorded as 'occurred' has at least one passage without a hedge (the `hearsay`
of validators/hedge_words.toml); one whose every passage hedges was relabelled from what its
sources allow. The same holds for a report with a named claimant: an event whose every passage
reports someone's words (a quotation mark or a word of saying, validators/speech_words.toml, or lies
inside a statement's quote of its source), and
which records who claims it (a claimant), is known only as that claim (E018: 'Kanat Taimerdenov,
mengatakan "ekstremis dan radikal" telah menyerang 500 warga sipil'): it is claimed, whether or not
the accused is recorded as alleged (an alleged perpetrator made a perpetrator along with the status
keeps the claimant, and the words stay someone's).

So, too, is an event whose act is only attributed: one that records who is said to have done or stirred it up
(alleged_perpetrator, alleged_instigator) and no one who did it (perpetrator, participant) is known only as
that accusation (E031, officials said by source 003 to have spread false information), whatever its passages'
words: an occurred riot with alleged terrorists beside its rioters (E011) keeps a doer of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.claim_attributed import hedges
from qantar.validate.rules.speech_mode import MARKS
from qantar.validate.rules.speech_words import words


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "status"), "event_sources": ("event_id", "quote")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()) or not hedges():
        return  # the schema layers report missing tables and columns
    quote = pl.col("quote")
    per_event = (inputs.strings("event_sources").filter(pl.col("event_id").is_not_null() & quote.is_not_null())
                 .group_by("event_id").agg(quote.str.contains_any(list(hedges()), ascii_case_insensitive=True).all()
                                           .alias("_hedged"), pl.len().alias("_n")))
    events = (inputs.strings("events").with_row_index("_row", offset=1).filter(pl.col("status") == "occurred")
              .join(per_event.filter(pl.col("_hedged")), on="event_id", how="inner").sort("_row"))
    for row, event, n in events.select("_row", "event_id", "_n").iter_rows():
        yield Finding("events", row, "status", "occurred",
                      f"{event} is occurred, but each of its {n} passage(s) is a hedged report ('Ada laporan bahwa', "
                      "'dikabarkan'; `hearsay` in validators/hedge_words.toml) with no source stating it as fact: claimed?")
    yield from _said_only(inputs)
    yield from _only_alleged(inputs)


#: roles that say who is accused of an act, and roles that say who did it (validators/roles.toml)
ALLEGED = ("alleged_perpetrator", "alleged_instigator")
DOERS = ("perpetrator", "participant")


def _only_alleged(inputs: Inputs) -> Iterator[Finding]:
    if "event_actors" not in inputs.tables or not inputs.table("event_actors").has("event_id", "role"):
        return
    role = pl.col("role")
    roles = (inputs.strings("event_actors").filter(pl.col("event_id").is_not_null()).group_by("event_id")
             .agg(role.filter(role.is_in(ALLEGED)).unique().sort().alias("_alleged"), role.is_in(DOERS).any().alias("_done"))
             .filter((pl.col("_alleged").list.len() > 0) & ~pl.col("_done")))
    events = (inputs.strings("events").with_row_index("_row", offset=1).filter(pl.col("status") == "occurred")
              .join(roles, on="event_id", how="inner").sort("_row"))
    for row, event, alleged in events.select("_row", "event_id", "_alleged").iter_rows():
        yield Finding("events", row, "status", "occurred",
                      f"{event} is occurred, but it records only who is said to have done it ({', '.join(alleged)}) and "
                      f"no one who did it ({', '.join(DOERS)}): an act known only as an accusation is claimed")


def _said_only(inputs: Inputs) -> Iterator[Finding]:
    if "event_actors" not in inputs.tables or not inputs.table("event_actors").has("event_id", "role"):
        return
    quote = pl.col("quote")
    said = (quote.str.contains_any(list(words()), ascii_case_insensitive=True)
            | pl.any_horizontal([quote.str.contains(m, literal=True) for m in MARKS]))
    roles = inputs.strings("event_actors").group_by("event_id").agg(
        (pl.col("role") == "claimant").any().alias("_claimant")).filter(pl.col("_claimant"))
    occurred = inputs.strings("events").with_row_index("_row", offset=1).filter(pl.col("status") == "occurred") \
        .join(roles, on="event_id", how="semi")
    passages = inputs.strings("event_sources").filter(pl.col("event_id").is_in(occurred["event_id"].implode())
                                                      & quote.is_not_null()).with_columns(said.alias("_said"))
    passages = _inside_statements(inputs, passages)
    per_event = passages.group_by("event_id").agg(pl.col("_said").all(), pl.len().alias("_n")).filter(pl.col("_said"))
    events = occurred.join(per_event, on="event_id", how="inner").sort("_row")
    for row, event, n in events.select("_row", "event_id", "_n").iter_rows():
        yield Finding("events", row, "status", "occurred",
                      f"{event} is occurred, but each of its {n} passage(s) reports someone's words, and it records a "
                      "claimant and whom the claim accuses (alleged): it is known only as that claim, claimed?")


def _inside_statements(inputs: Inputs, passages: pl.DataFrame) -> pl.DataFrame:
    """A passage cut from inside a statement's quote of its source is someone's words, with or without a
    word of saying of its own ('peristiwa di Kazakhstan bukanlah percobaan pertama ...' of Putin's)."""
    columns = ("source_id", "char_start", "char_end")
    if not (inputs.table("event_sources").has(*columns) and "statements" in inputs.tables
            and inputs.table("statements").has(*columns)):
        return passages
    open_ = passages.with_row_index("_i").filter(~pl.col("_said"))
    if open_.height == 0:
        return passages
    typed = [pl.col("char_start").cast(pl.Int64, strict=False), pl.col("char_end").cast(pl.Int64, strict=False)]
    spans = inputs.strings("statements").select("source_id", *typed).drop_nulls()
    inside = (open_.select("_i", "source_id", *(t.alias(f"_{n}") for t, n in zip(typed, ("a", "b"), strict=True)))
              .join(spans, on="source_id", how="inner")
              .filter((pl.col("char_start") <= pl.col("_a")) & (pl.col("_b") <= pl.col("char_end")))["_i"].unique())
    return passages.with_row_index("_i").with_columns(pl.col("_said") | pl.col("_i").is_in(inside.implode())).drop("_i")
