"""event-place-named: an event placed in a city or a region whose passages name a city or a region
name its own.

Most passages of a country-wide event name no place, or only the country; a passage that does name
a city or a region says where the event happened. So an event placed in a city or region whose
passages (event_sources quotes) name some city or region, but never its own by any of its name
forms, is placed somewhere its sources do not put it: moved to another city (Almaty to Taldykorgan)
while every key still holds. An event with no place at all whose passages name a city or a region
is placed nowhere while its sources say where ('di kota barat Aktobe'). A name inside a longer
name of another place is that place's ('provinsi Almaty' names the province, not the city).

An event's English summary that names a city of the package (by its English name) names the event's
own city, or one of the country or region it is placed in: a summary copied from an event in another
city describes that one.

A country is where most events happen without being named, so a country-wide event is held to less:
where its passages name places that lie in a country (a country, or a city or region with a country
code), one of them is its country or lies in it; an event placed in a wider region with no country code
(Central Asia) whose passages name such places names that region too. A figure whose quote names
places of some country is placed in one of them, or in a country one of them lies in. An event of Bishkek moved to Kazakhstan, or of
Kazakhstan to Kyrgyzstan, is placed where its own words do not put it. A figure placed in a city or a
region narrower than its event's place (figure-place-fits-event lets a figure of a country-wide event lie
in one of its cities) is placed there by its own quote, which names it: a figure counts what its quote
says, and a quote that names no place counts the event's whole place. A country's name forms are
matched as whole words ('AS' is the United States, not the 'as' of 'kelas').
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: the place types a passage names when it says where something happened
LOCAL = frozenset({"city", "region"})


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "place_id"), "event_sources": ("event_id", "quote"),
              "places": ("place_id", "place_type", "name_forms")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    yield from _countries(inputs)
    yield from _figures(inputs)
    yield from _unplaced(inputs)
    yield from _summarised(inputs)
    local = {place: tuple({f.lower() for f in forms or () if f}) for place, kind, forms
             in inputs.typed("places").select("place_id", "place_type", "name_forms").iter_rows() if kind in LOCAL}
    events = inputs.strings("events").with_row_index("row", offset=1).select("row", "event_id", "place_id") \
        .filter(pl.col("place_id").is_in(list(local)))
    if events.height == 0:
        return
    # the passages of those events only, lower-cased, one list per event
    passages = dict(inputs.strings("event_sources").select("event_id", "quote")
                    .filter(pl.col("event_id").is_in(events["event_id"].to_list()) & pl.col("quote").is_not_null())
                    .group_by("event_id", maintain_order=True).agg(pl.col("quote").str.to_lowercase()).iter_rows())
    every = frozenset(f for forms in local.values() for f in forms)  # distinct names: few, however many places
    read: dict[str, frozenset[str]] = {}  # a passage -> the names it prints (read once)
    seen: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}  # each distinct (passages, place) read once
    for row, event, place in events.iter_rows():
        texts = tuple(passages.get(event) or ())
        if not texts:
            continue
        if (texts, place) not in seen:
            for t in texts:
                if t not in read:
                    read[t] = _printed(t, every)
            named = frozenset().union(*(read[t] for t in texts))
            own = bool(named & set(local[place]))
            seen[(texts, place)] = () if own else tuple(sorted(named - set(local[place])))
        others = seen[(texts, place)]
        if others:
            yield Finding("events", row, "place_id", place,
                          f"{event}: its passages name {', '.join(repr(o) for o in others)}, never {place}")


_WORD = re.compile(r"\w+")


def _printed(text: str, names: frozenset[str]) -> frozenset[str]:
    """The names ``text`` prints, each where no longer name holds it: 'provinsi almaty' is the province,
    not also the city 'almaty' inside it."""
    spans = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            spans.append((at, at + len(name), name))
            at = text.find(name, at + 1)
    return frozenset(n for a, b, n in spans
                     if not any(x <= a and b <= y and y - x > b - a for x, y, _ in spans))


def _unplaced(inputs: Inputs) -> Iterator[Finding]:
    """An event with no place whose passages name a city or a region of the package says where it happened:
    emptying its place_id would switch every place rule off for it."""
    starts: dict[str, dict[tuple[str, ...], str]] = {}  # first word -> a form's words -> the place it names
    for place, kind, forms in inputs.typed("places").select("place_id", "place_type", "name_forms").iter_rows():
        if kind in LOCAL:
            for form in set(forms or ()):
                if words := tuple(_WORD.findall(form.lower())):
                    starts.setdefault(words[0], {})[words] = place
    events = inputs.strings("events").with_row_index("row", offset=1).select("row", "event_id", "place_id") \
        .filter(pl.col("place_id").is_null())
    if not starts or events.height == 0:
        return
    names = _passages_naming(inputs, events, starts)
    for row, event, _ in events.iter_rows():
        if named := names(event):
            yield Finding("events", row, "place_id", None,
                          f"{event} has no place, but its passages name {', '.join(sorted(named))}")


def _passages_naming(inputs: Inputs, events: pl.DataFrame, starts: dict) -> Callable[[str], set]:
    """For the events of ``events``: a function from an event to what its passages name, by the forms of
    ``starts`` (first word -> {a form's words: what it names}), each distinct passage read once."""
    passages = dict(inputs.strings("event_sources").select("event_id", "quote")
                    .filter(pl.col("event_id").is_in(events["event_id"].implode()) & pl.col("quote").is_not_null())
                    .group_by("event_id", maintain_order=True).agg("quote").iter_rows())
    read: dict[str, frozenset] = {}

    def named(event: str) -> set:
        out: set = set()
        for text in passages.get(event) or ():
            if text not in read:
                words = _WORD.findall(text.lower())
                read[text] = frozenset(tag for i, w in enumerate(words) for form, tag in starts.get(w, {}).items()
                                       if tuple(words[i:i + len(form)]) == form)
            out |= read[text]
        return out

    return named


def _countries(inputs: Inputs) -> Iterator[Finding]:
    """An event placed in a country or a wider region (not a city or region), whose passages name places of
    some country, names its own place or, for a country, one of its places."""
    if not inputs.table("places").has("country_code"):
        return
    places = inputs.typed("places").select("place_id", "place_type", "country_code", "name_forms")
    wide = {p: c for p, kind, c, _ in places.iter_rows() if kind not in LOCAL and (c or kind != "country")}
    events = (inputs.strings("events").with_row_index("row", offset=1).select("row", "event_id", "place_id")
              .filter(pl.col("place_id").is_in(list(wide))))
    if events.height == 0:
        return
    # a form's words -> what it names, a country code, or '=' and the id of a place with none; a form several
    # places share names each of them
    tags: dict[tuple[str, ...], set[str]] = {}
    for place, _, code, forms in places.iter_rows():
        for form in set(forms or ()):
            words = tuple(_WORD.findall(form.lower()))
            if words:
                tags.setdefault(words, set()).add(code or f"={place}")
    # the passages are read for the forms they print (first word -> {form: form}); what the forms name is
    # looked up per event: the places with no code a form names may be as many as the places
    starts: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
    for words in tags:
        starts.setdefault(words[0], {})[words] = words
    codes_of = {form: frozenset(t for t in named if not t.startswith("=")) for form, named in tags.items()}
    names = _passages_naming(inputs, events, starts)
    for row, event, place in events.iter_rows():
        forms = names(event)
        codes = sorted(set().union(*(codes_of[f] for f in forms)))
        own = wide[place]
        if codes and (own not in codes if own else not any(f"={place}" in tags[f] for f in forms)):
            yield Finding("events", row, "place_id", place,
                          f"{event}: its passages name places of {', '.join(codes)} only, never "
                          + (f"{place} ({own}) or a place in it" if own else place))


def _figures(inputs: Inputs) -> Iterator[Finding]:
    """A figure whose quote names places of some country is placed in one of them, or in a country one of
    them lies in ('di negara tetangga Kirgistan' counts people of Kyrgyzstan, not of Kazakhstan). A figure
    placed in a city or a region is placed where its event is, or its quote names that place (or, for a
    region, a city of its subdivision code): '8,000 detained' of a nationwide event is not Almaty's."""
    if "figures" not in inputs.tables or not inputs.table("figures").has("place_id", "quote") \
            or not inputs.table("places").has("country_code"):
        return
    places = inputs.typed("places").select("place_id", "place_type", "country_code", "name_forms")
    figures = inputs.strings("figures").with_row_index("row", offset=1).select("row", "figure_id", "place_id", "quote",
                                                                               *_event_of(inputs)) \
        .filter(pl.col("place_id").is_not_null() & pl.col("quote").is_not_null())
    split: dict[str, tuple[str, ...]] = {}  # a form -> its words, lower case (each distinct form split once)

    def words_of(forms) -> frozenset[tuple[str, ...]]:
        for f in forms:
            if f not in split:
                split[f] = tuple(_WORD.findall(f.lower()))
        return frozenset(w for w in (split[f] for f in set(forms)) if w)

    # place -> kind, country, its forms: the places the figures name only
    own: dict[str, tuple[str | None, str | None, frozenset[tuple[str, ...]]]] = {
        place: (kind, code, words_of(forms or ())) for place, kind, code, forms
        in places.filter(pl.col("place_id").is_in(figures["place_id"].implode())).iter_rows()}
    within = _cities_within(inputs, [p for p, (kind, _, _) in own.items() if kind == "region"], words_of)
    # first word -> a form's words -> the countries it names, from each distinct (country, form) once
    starts: dict[str, dict[tuple[str, ...], set[str]]] = {}
    pairs = places.select("country_code", "name_forms").filter(pl.col("country_code").str.len_bytes() > 0) \
        .filter(pl.col("name_forms").list.len() > 0).explode("name_forms").unique()
    for code, form in pairs.iter_rows():
        for w in words_of((form,)):
            starts.setdefault(w[0], {}).setdefault(w, set()).add(code)
    # a local place's own forms too, should it have no country code
    for place, (kind, _, mine) in own.items():
        if kind in LOCAL:
            for w in mine | within.get(place, frozenset()):
                starts.setdefault(w[0], {}).setdefault(w, set())
    read: dict[str, tuple[frozenset[tuple[str, ...]], frozenset[str]]] = {}  # quote -> forms it names, their countries
    for row, figure, place, quote, event_place in figures.iter_rows():
        if place not in own:
            continue
        if quote not in read:
            words = _WORD.findall(quote.lower())
            found = {form for i, w in enumerate(words) for form in starts.get(w, {}) if tuple(words[i:i + len(form)]) == form}
            read[quote] = frozenset(found), frozenset(c for f in found for c in starts[f[0]][f])
        forms, codes = read[quote]
        kind, code, mine = own[place]
        mine = mine | within.get(place, frozenset())
        if forms & mine or (kind == "country" and code in codes):
            continue
        if forms:
            yield Finding("figures", row, "place_id", place,
                          f"{figure}: its quote names {', '.join(sorted(' '.join(f) for f in forms))}, not {place} or a place in it")
        elif kind in LOCAL and place != event_place:
            yield Finding("figures", row, "place_id", place,
                          f"{figure} is placed in {place}, but its quote names no place and {place} is not its event's place"
                          f" ({event_place or 'no event'})")


def _event_of(inputs: Inputs) -> list[pl.Expr]:
    """The place of each figure's event, as a column of the figures frame (null without one)."""
    if not inputs.table("figures").has("event_id") or not inputs.table("events").has("event_id", "place_id"):
        return [pl.lit(None, pl.String).alias("event_place")]
    places = dict(inputs.strings("events").select("event_id", "place_id").filter(pl.col("place_id").is_not_null()).iter_rows())
    return [pl.col("event_id").replace_strict(places, default=None, return_dtype=pl.String).alias("event_place")]


def _cities_within(inputs: Inputs, regions: list[str], words_of) -> dict[str, frozenset[tuple[str, ...]]]:
    """region -> the forms of the cities that carry its subdivision code (a city may carry its region's)."""
    if not regions or not inputs.table("places").has("subdivision_code"):
        return {}
    places = inputs.typed("places").select("place_id", "place_type", "subdivision_code", "name_forms") \
        .filter(pl.col("subdivision_code").is_not_null())
    codes = {p: c for p, _, c, _ in places.filter(pl.col("place_id").is_in(regions)).iter_rows()}
    out: dict[str, frozenset[tuple[str, ...]]] = {}
    for _, kind, c, forms in places.filter((pl.col("place_type") == "city") & pl.col("subdivision_code").is_in(list(codes.values()))).iter_rows():
        for region in (r for r, rc in codes.items() if rc == c):
            out[region] = out.get(region, frozenset()) | words_of(forms or ())
    return out


def _summarised(inputs: Inputs) -> Iterator[Finding]:
    """An event whose summary_en names cities of the package, none of them its own or one of its country."""
    if not inputs.table("events").has("summary_en") or not inputs.table("places").has("name_en", "country_code"):
        return
    places = inputs.strings("places").select("place_id", "place_type", "country_code", "name_en")
    cities = places.filter((pl.col("place_type") == "city") & pl.col("name_en").is_not_null()).select(
        pl.col("place_id").alias("_named"), pl.col("country_code").alias("_named_code"),
        pl.col("name_en").str.split(" (").list.first().alias("_name"))
    if cities.is_empty():
        return
    names = cities["_name"].unique().to_list()
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    events = (inputs.strings("events").with_row_index("row", offset=1).select("row", "event_id", "place_id", "summary_en")
              .filter(pl.col("place_id").is_not_null() & pl.col("summary_en").is_not_null()
                      & pl.col("summary_en").str.contains_any(names)))  # a superset, cut by polars at once
    if events.is_empty():
        return
    # each distinct summary read once: the city names it holds; namesakes (one name, several cities) are
    # compared by name and country code, never joined one by one
    summaries = events["summary_en"].unique().to_list()
    said = pl.DataFrame([(t, m.group(1)) for t in summaries for m in pattern.finditer(t)],
                        schema={"summary_en": pl.String, "_name": pl.String}, orient="row").unique()
    codes = said.join(cities.select("_name", "_named_code").unique(), on="_name", how="inner").select(
        "summary_en", pl.col("_named_code").alias("_code")).unique()
    own = places.select("place_id", pl.col("place_type").alias("_kind"), pl.col("country_code").alias("_code"),
                        pl.col("name_en").str.split(" (").list.first().alias("_name"))
    named = events.join(said.select("summary_en").unique(), on="summary_en", how="semi").join(own, on="place_id", how="inner")
    # a city named by its own name; a country or region that one of the named cities lies in
    by_name = named.filter(pl.col("_kind") == "city").join(said, on=["summary_en", "_name"], how="semi")
    by_code = named.filter(pl.col("_kind") != "city").join(codes, on=["summary_en", "_code"], how="semi")
    found = (named.join(pl.concat([by_name, by_code]).select("row"), on="row", how="anti")
             .join(said.group_by("summary_en").agg(pl.col("_name").unique().sort().alias("_named")), on="summary_en")
             .select("row", "event_id", "place_id", "summary_en", "_named").sort("row"))
    for row, event, place, summary, named in found.iter_rows():
        yield Finding("events", row, "summary_en", summary,
                      f"{event} is placed in {place}, but its summary names {', '.join(named)} and not its own place or a "
                      "place in it")
