"""actor-named-in-passage: a person, body, force, organisation or outlet that takes part in an event is
named in that event's passages, or referred to by one that names no one of its kind.

A person is named once and then referred to: 'Pada hari Rabu, dia dipecat' is Nazarbayev's dismissal
in a passage that names no person at all. So an event_actors row whose actor is of such a type (any
type but a state, which state-named-in-passage holds to more, and a group, which is described rather
than named: named-by-source) has, among the passages of its event cited from its source, one that names
it by one of its name forms (a whole word, any case), or one that names no actor of its type, which may
be the one that speaks of it. A passage that names another person and not this one speaks of that
other: 'usulan Presiden Sadyr Japarov' (President Sadyr Japarov's proposal) is Japarov's, and a
proposer moved to Tokayev, whom the article names elsewhere, keeps every key, role and type valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: the actor types other rules hold (a state is named in its passages; a group is described)
LEFT_OUT = ("state", "group")


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"event_actors": ("event_id", "actor_id", "source_id"), "event_sources": ("event_id", "source_id", "quote"),
              "actors": ("actor_id", "actor_type", "name_forms")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    actors = (inputs.typed("actors").select(pl.col("actor_id").cast(pl.String), pl.col("actor_type").cast(pl.String), "name_forms")
              .filter(pl.col("actor_id").is_not_null() & pl.col("actor_type").is_not_null() & ~pl.col("actor_type").is_in(LEFT_OUT)))
    kind: dict[str, str] = {}
    forms: dict[str, set[str]] = {}
    for actor, actor_type, names in actors.iter_rows():
        kind[actor] = actor_type
        forms[actor] = {f.lower() for f in names or () if f}
    links = (inputs.strings("event_actors").with_row_index("row", offset=1).select("row", "event_id", "actor_id", "source_id")
             .filter(pl.col("actor_id").is_in(list(kind))))
    if links.is_empty():
        return
    passages: dict[tuple[str, str], list[str]] = {}
    for event, source, quote in (inputs.strings("event_sources").select("event_id", "source_id", "quote")
                                 .join(links.select("event_id", "source_id").unique(), on=["event_id", "source_id"], how="semi")
                                 .filter(pl.col("quote").is_not_null()).iter_rows()):
        passages.setdefault((event, source), []).append(quote.lower())
    owner: dict[str, set[str]] = {}  # a name form -> the actors it names
    for actor, fs in forms.items():
        for f in fs:
            owner.setdefault(f, set()).add(actor)
    if not owner:
        return
    every = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(owner, key=len, reverse=True)) + r")(?![\w-])")
    # a passage -> the actors it names and their types: each read once, however many links share it
    read: dict[str, tuple[set[str], set[str]]] = {}
    for row, event, actor, source in links.iter_rows():
        texts = passages.get((event, source))
        if not texts:
            continue  # a link with no passage is event-actor-sourced's
        for t in texts:
            if t not in read:
                named = {a for m in every.finditer(t) for a in owner[m.group()]}
                read[t] = (named, {kind[a] for a in named})
        if any(actor in read[t][0] or kind[actor] not in read[t][1] for t in texts):
            continue
        others = sorted({a for t in texts for a in read[t][0] if kind[a] == kind[actor]})
        yield Finding("event_actors", row, "actor_id", actor,
                      f"{event}: the {kind[actor].replace('_', ' ')} {actor} takes part according to source {source}, but "
                      f"every passage of the event from it names another of its kind ({', '.join(others)}) and none names "
                      f"{actor}")
