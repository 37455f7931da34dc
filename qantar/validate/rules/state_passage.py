"""state-named-in-passage: a state that takes part in an event is named in that event's passages.

A person, a body or a crowd is often named once and then referred to ('dia', 'pemerintah', 'massa'),
so their roles may rest on a passage that does not name them. A state is named: 'Armenia, Tajikistan
dan Kirgistan menarik pasukan mereka' names every state that withdrew. So an event_actors row whose
actor is a state has, among the passages of its event cited from its source, one that names the state
by one of its name forms or by a name form of a place of its country ('Moskow' for Russia), as a whole
word in any case. named-by-source only asks that the article names it somewhere: a provider moved from
Armenia to Belarus, which the article names elsewhere, keeps every key and every other rule valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"event_actors": ("event_id", "actor_id", "source_id"), "event_sources": ("event_id", "source_id", "quote"),
              "actors": ("actor_id", "actor_type", "name_forms", "country_code")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    states = inputs.typed("actors").filter(pl.col("actor_type") == "state").select(
        pl.col("actor_id").cast(pl.String), pl.col("country_code").cast(pl.String), "name_forms")
    if states.is_empty():
        return
    forms: dict[str, set[str]] = {a: {f.lower() for f in fs or () if f} for a, _c, fs in states.iter_rows()}
    if "places" in inputs.tables and inputs.table("places").has("country_code", "name_forms"):
        by_country: dict[str, set[str]] = {}
        for code, fs in inputs.typed("places").select(pl.col("country_code").cast(pl.String), "name_forms").iter_rows():
            if code:
                by_country.setdefault(code, set()).update(f.lower() for f in fs or () if f)
        for actor, code, _fs in states.iter_rows():
            forms[actor] |= by_country.get(code or "", set())
    links = (inputs.strings("event_actors").with_row_index("row", offset=1)
             .select("row", "event_id", "actor_id", "source_id")
             .filter(pl.col("actor_id").is_in(list(forms))))
    if links.is_empty():
        return
    passages: dict[tuple[str, str], list[str]] = {}
    for event, source, quote in (inputs.strings("event_sources").select("event_id", "source_id", "quote")
                                 .join(links.select("event_id", "source_id").unique(), on=["event_id", "source_id"], how="semi")
                                 .filter(pl.col("quote").is_not_null()).iter_rows()):
        passages.setdefault((event, source), []).append(quote.lower())
    patterns = {a: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(fs, key=len, reverse=True)) + r")(?![\w-])")
                for a, fs in forms.items() if fs}
    seen: dict[tuple[str, str], bool] = {}  # (passage, state) -> named: each read once, however many links share it
    for row, event, actor, source in links.iter_rows():
        texts = passages.get((event, source))
        if not texts or actor not in patterns:
            continue  # a link with no passage is event-actor-sourced's
        for t in texts:
            if (t, actor) not in seen:
                seen[(t, actor)] = patterns[actor].search(t) is not None
        if not any(seen[(t, actor)] for t in texts):
            yield Finding("event_actors", row, "actor_id", actor,
                          f"{event}: the state {actor} takes part according to source {source}, but none of the event's "
                          "passages from it names it (or a place of its country)")
