"""quote-supports-event: the quote of an event (each of its event_sources rows) says what the row
says: it holds a word of the event's type (validators/event_keywords.toml) or a name form of one of
the event's actors that is not a state (a state's name is in nearly every passage, so it proves
nothing)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


@cache
def keywords() -> dict[str, tuple[str, ...]]:
    """event_type -> its words, lower case (validators/event_keywords.toml)."""
    raw = tomllib.loads((catalogue.home() / "event_keywords.toml").read_text(encoding="utf-8"))
    return {t: tuple(w.lower() for w in words) for t, words in raw["keywords"].items()}


def actor_forms(inputs: Inputs) -> dict[str, list[str]]:
    """event_id -> the name forms of its actors that are not states."""
    actors = inputs.strings("actors")
    delimiter = inputs.table("actors").field("name_forms").delimiter
    forms = {a: (f or "").split(delimiter) for a, f, t in actors.select("actor_id", "name_forms", "actor_type").iter_rows()
             if t != "state"}
    out: dict[str, list[str]] = {}
    for event, actor in inputs.strings("event_actors").select("event_id", "actor_id").iter_rows():
        out.setdefault(event, []).extend(f for f in forms.get(actor, []) if f)
    return out


def supports(quote: str, event_type: str | None, forms: list[str]) -> bool:
    low = quote.lower()
    if any(w in low for w in keywords().get(event_type or "", ())):
        return True
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", quote) for f in forms)


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"events": ("event_id", "event_type"), "event_sources": ("event_id", "quote"),
              "event_actors": ("event_id", "actor_id"), "actors": ("actor_id", "name_forms", "actor_type")}
    if not all(t in inputs.tables and inputs.table(t).has(*cols) for t, cols in needed.items()):
        return  # a package without these tables or columns: the schema layers and the SQL rules say so
    types = dict(inputs.strings("events").select("event_id", "event_type").iter_rows())
    forms = actor_forms(inputs)
    known = keywords()
    for i, (event, quote) in enumerate(inputs.strings("event_sources").select("event_id", "quote").iter_rows(), 1):
        kind = types.get(event)
        if not quote or kind is None:
            continue  # no quote or no event: required and foreign-key say so
        if kind not in known:
            yield Finding("event_sources", i, "quote", quote, f"{event}: validators/event_keywords.toml lists no words for the type {kind!r}")
        elif not supports(quote, kind, forms.get(event, [])):
            yield Finding("event_sources", i, "quote", quote, f"{event}: the quote holds no word of the type {kind!r} "
                          "and names none of the event's actors (but states): it does not support the row")
