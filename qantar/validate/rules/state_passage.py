"""state-named-in-passage: a state that takes part in an event is named in that event's passages, and
a state or organisation a figure counts is named in its quote when the quote names one.

A person, a body or a crowd is often named once and then referred to ('dia', 'pemerintah', 'massa'),
so their roles may rest on a passage that does not name them. A state is named: 'Armenia, Tajikistan
dan Kirgistan menarik pasukan mereka' names every state that withdrew. So an event_actors row whose
actor is a state has, among the passages of its event cited from its source, one that names the state
by one of its name forms or by a name form of a place of its country ('Moskow' for Russia), as a whole
word in any case. named-by-source only asks that the article names it somewhere: a provider moved from
Armenia to Belarus, which the article names elsewhere, keeps every key and every other rule valid.

A figure's actor that is a state or an international organisation is named in the figure's quote
whenever the quote names some state or organisation ('Rusia membantu ... dengan mengirimkan 3.000
tentaranya' counts Russia's troops, not the CSTO's); a quote that names none ('negaranya sendiri') says
nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def check(inputs: Inputs) -> Iterator[Finding]:
    yield from _figures(inputs)
    needed = {"event_actors": ("event_id", "actor_id", "source_id"), "event_sources": ("event_id", "source_id", "quote"),
              "actors": ("actor_id", "actor_type", "name_forms", "country_code")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    states = inputs.typed("actors").filter(pl.col("actor_type") == "state").select(
        pl.col("actor_id").cast(pl.String), pl.col("country_code").cast(pl.String), "name_forms")
    if states.is_empty():
        return
    forms = _forms(inputs, states)
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


#: the actor types a figure's quote names by name when it names them at all
NAMED_TYPES = ("state", "international_organisation")


def _figures(inputs: Inputs) -> Iterator[Finding]:
    needed = {"figures": ("figure_id", "actor_id", "quote"), "actors": ("actor_id", "actor_type", "name_forms", "country_code")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    named = inputs.typed("actors").filter(pl.col("actor_type").is_in(NAMED_TYPES)).select(
        pl.col("actor_id").cast(pl.String), pl.col("country_code").cast(pl.String), "name_forms")
    figures = (inputs.strings("figures").with_row_index("row", offset=1).select("row", "figure_id", "actor_id", "quote")
               .filter(pl.col("actor_id").is_in(named["actor_id"].implode()) & pl.col("quote").is_not_null()))
    if figures.is_empty():
        return
    forms = _forms(inputs, named)
    form_of = {f: a for a, fs in forms.items() for f in fs}  # a form -> an actor it names (which one does not matter here)
    every = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(form_of, key=len, reverse=True)) + r")(?![\w-])")
    read: dict[str, frozenset[str]] = {}  # a quote -> the forms it names
    for row, figure, actor, quote in figures.iter_rows():
        if quote not in read:
            read[quote] = frozenset(m.group() for m in every.finditer(quote.lower()))
        found = read[quote]
        if found and not found & forms[actor]:
            yield Finding("figures", row, "actor_id", actor,
                          f"{figure} counts {actor}, but its quote names {', '.join(sorted(found))} and not {actor}")


def _forms(inputs: Inputs, actors: pl.DataFrame) -> dict[str, set[str]]:
    """Each actor of ``actors`` (actor_id, country_code, name_forms) -> its lower-case name forms, a state's
    with those of the places of its country."""
    forms: dict[str, set[str]] = {a: {f.lower() for f in fs or () if f} for a, _c, fs in actors.iter_rows()}
    if "places" in inputs.tables and inputs.table("places").has("country_code", "name_forms"):
        by_country: dict[str, set[str]] = {}
        for code, fs in inputs.typed("places").select(pl.col("country_code").cast(pl.String), "name_forms").iter_rows():
            if code:
                by_country.setdefault(code, set()).update(f.lower() for f in fs or () if f)
        for actor, code, _fs in actors.iter_rows():
            forms[actor] |= by_country.get(code or "", set())
    return forms

