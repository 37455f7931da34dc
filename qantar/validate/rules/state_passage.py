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
    keys, forms = _forms(inputs, states)
    links = (inputs.strings("event_actors").with_row_index("row", offset=1)
             .select("row", "event_id", "actor_id", "source_id")
             .filter(pl.col("actor_id").is_in(keys["actor_id"].implode())))
    if links.is_empty():
        return
    key = ["event_id", "source_id"]
    passages = (inputs.strings("event_sources").select(*key, "quote")
                .join(links.select(key).unique(), on=key, how="semi").filter(pl.col("quote").is_not_null()))
    quotes = passages["quote"].unique().to_list()
    passages = passages.join(pl.DataFrame({"quote": quotes, "_q": range(len(quotes))}, schema={"quote": pl.String, "_q": pl.Int64}),
                             on="quote")
    # a state with no forms has nothing to be named by (it is left alone, as it always was)
    cited = (links.join(keys.filter(pl.col("_k").is_in([k for k, fs in enumerate(forms) if fs])), on="actor_id")
             .join(passages.select(*key, "_q"), on=key))
    # whether a passage names a set of forms: each distinct pair read once (states of one country and
    # names share one set), however many links ask
    patterns: dict[int, re.Pattern[str]] = {}
    lowered: dict[int, str] = {}
    named = []
    for q, k in cited.select("_q", "_k").unique().iter_rows():
        if k not in patterns:
            patterns[k] = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms[k], key=len, reverse=True))
                                     + r")(?![\w-])")
        if q not in lowered:
            lowered[q] = quotes[q].lower()
        if patterns[k].search(lowered[q]) is not None:
            named.append((q, k))
    # a link none of whose passages names its state
    hit = cited.join(pl.DataFrame(named, schema={"_q": pl.Int64, "_k": pl.Int64}, orient="row"), on=["_q", "_k"], how="semi")
    wrong = cited.join(hit.select("row"), on="row", how="anti").unique("row").sort("row")
    for row, event, actor, source in wrong.select("row", "event_id", "actor_id", "source_id").iter_rows():
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
    keys, forms = _forms(inputs, named)
    every = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(set().union(*forms), key=len, reverse=True))
                       + r")(?![\w-])")
    read: dict[str, frozenset[str]] = {}  # a quote -> the forms it names
    judged: dict[tuple[str, int], bool] = {}  # (quote, set of forms) -> the quote names others and none of them
    rows = figures.join(keys, on="actor_id", how="left", maintain_order="left")
    for row, figure, actor, quote, k in rows.iter_rows():
        if (quote, k) not in judged:
            if quote not in read:
                read[quote] = frozenset(m.group() for m in every.finditer(quote.lower()))
            judged[(quote, k)] = bool(read[quote]) and not read[quote] & forms[k]
        if judged[(quote, k)]:
            found = read[quote]
            yield Finding("figures", row, "actor_id", actor,
                          f"{figure} counts {actor}, but its quote names {', '.join(sorted(found))} and not {actor}")


def _forms(inputs: Inputs, actors: pl.DataFrame) -> tuple[pl.DataFrame, list[frozenset[str]]]:
    """Each actor of ``actors`` (actor_id, country_code, name_forms) with the id of its set of lower-case
    name forms (its last row's forms, a state's with those of the places of the countries of its rows),
    and the sets by id: actors of the same forms and countries share one set, built once."""
    places: dict[str, set[str]] = {}
    if "places" in inputs.tables and inputs.table("places").has("country_code", "name_forms"):
        by_country = (inputs.typed("places").select(pl.col("country_code").cast(pl.String), pl.col("name_forms").alias("_f"))
                      .filter(pl.col("country_code").is_not_null() & (pl.col("country_code") != ""))
                      .explode("_f").filter(pl.col("_f").is_not_null() & (pl.col("_f") != ""))
                      .group_by("country_code").agg(pl.col("_f").unique()))
        places = {code: {f.lower() for f in fs} for code, fs in by_country.iter_rows()}
    own = actors.unique("actor_id", keep="last", maintain_order=True).select("actor_id", pl.col("name_forms").alias("_own"))
    codes = actors.group_by("actor_id").agg(pl.col("country_code").drop_nulls().unique().sort().alias("_codes"))
    actors = own.join(codes, on="actor_id", nulls_equal=True)
    sets: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    out: list[frozenset[str]] = []
    ids = []
    for own_forms, country in actors.select(pl.col("_own").list.sort(), "_codes").unique().iter_rows():
        asked = (tuple(own_forms or ()), tuple(country))
        sets[asked] = len(out)
        out.append(frozenset({f.lower() for f in asked[0] if f}.union(*(places.get(c, ()) for c in asked[1]))))
    for own_forms, country in actors.select(pl.col("_own").list.sort(), "_codes").iter_rows():
        ids.append(sets[(tuple(own_forms or ()), tuple(country))])
    return actors.select("actor_id").with_columns(pl.Series("_k", ids, dtype=pl.Int64)), out
