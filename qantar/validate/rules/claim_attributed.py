"""claimed-is-attributed: a claimed event is someone's assertion, and its rows say whose.

'claimed' means asserted by a party, not established by the reporting (docs/curation.md): an alleged
coup, an attack reported only by the police. So a claimed event has an actor in a claim's role (a
claimant, an alleged perpetrator or instigator), or a passage that reports someone's words or a
hedged report (a quotation mark, a word of saying or thinking, or a hedge: 'Ada laporan bahwa',
'dikabarkan'; `hearsay` in validators/hedge_words.toml). An event the articles state as fact, turned 'claimed',
has neither.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.speech_mode import MARKS
from qantar.validate.rules.speech_words import words

#: the roles of a claim: who asserts it, and whom it accuses
CLAIM_ROLES = ("claimant", "alleged_perpetrator", "alleged_instigator")


@cache
def hedges() -> tuple[str, ...]:
    raw = tomllib.loads((catalogue.home() / "hedge_words.toml").read_text(encoding="utf-8"))
    return tuple(w.lower() for w in raw.get("hearsay", ()))


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "status"), "event_sources": ("event_id", "quote"), "event_actors": ("event_id", "role")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return  # the schema layers report missing tables and columns
    claimed = inputs.strings("events").with_row_index("_row", offset=1).filter(pl.col("status") == "claimed")
    if claimed.is_empty():
        return
    quote = pl.col("quote")
    ids = claimed["event_id"].implode()
    attributed = (inputs.strings("event_sources").filter(pl.col("event_id").is_in(ids)).filter(
        quote.str.contains_any([*words(), *hedges()], ascii_case_insensitive=True)
        | pl.any_horizontal([quote.str.contains(m, literal=True) for m in MARKS]))["event_id"])
    accused = inputs.strings("event_actors").filter(pl.col("role").is_in(CLAIM_ROLES))["event_id"]
    bare = claimed.filter(~pl.col("event_id").is_in(attributed.implode()) & ~pl.col("event_id").is_in(accused.implode()))
    for row, event in bare.select("_row", "event_id").iter_rows():
        yield Finding("events", row, "status", "claimed",
                      f"{event} is claimed, but no actor of it is a claimant or alleged, and none of its passages reports "
                      "anyone's words or a hedged report (validators/speech_words.toml, `hearsay` in hedge_words.toml): whose claim is it?")
