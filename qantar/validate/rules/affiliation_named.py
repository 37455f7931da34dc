"""affiliation-named: an actor whose English name names a state or an organisation belongs to it.

'Government of Kazakhstan', 'CSTO Collective Peacekeeping Forces', 'Ministry of Defence of Russia',
'BBC Monitoring': where an actor's ``name_en`` names an actor an affiliation may point to (a state,
an international organisation, a government body, a security force, a media outlet or a think tank,
as affiliation-is-organisation allows) by its English name or a name form (whole words, any case,
names of three letters or fewer as written), the actor's affiliations (``affiliation_id``, followed
up the chain) reach it. An affiliation moved to
another state keeps every key, type and cycle rule valid; the actor's own name says where it
belongs. So does an actor with no affiliation at all: emptying ``affiliation_id`` would otherwise
switch this rule off for it. Groups, which are described rather than part of a state ('Protesters in
Kazakhstan'), are left out.

A person's office says the same: where a person's ``role_en`` names the state of its own country code
('United States Secretary of State', 'President of Kazakhstan'), its affiliations reach that state
(Blinken affiliated to NATO does not). Other states a role names need not be the person's ('expert on
Kazakhstan'), so only the person's own is read.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.speaker_quote import _chain
from qantar.validate.rules.translation_names import Index, _add, _named

#: the actor types another actor can belong to by name: those an affiliation may point to (the SQL
#: rule affiliation-is-organisation); an outlet's service ('BBC Monitoring') is the outlet's as a
#: state's ministry is the state's
OWNERS = ("state", "international_organisation", "government_body", "security_force", "media", "think_tank")
#: the owners that belong to no one of their own: a state or an international organisation
SOVEREIGN = ("state", "international_organisation")


def check(inputs: Inputs) -> Iterator[Finding]:
    if "actors" not in inputs.tables or not inputs.table("actors").has(
            "actor_id", "name_en", "name_forms", "actor_type", "affiliation_id"):
        return
    actors = inputs.typed("actors").select("actor_id", "name_en", "name_forms", "actor_type", "affiliation_id")
    owners: Index = {}
    names = (actors.filter(pl.col("actor_type").is_in(OWNERS) & pl.col("actor_id").is_not_null())
             .select("actor_id", pl.concat_list(pl.col("name_en"), pl.col("name_forms").fill_null([])).alias("name"))
             .explode("name").filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
             .group_by("name").agg("actor_id"))
    namesakes: dict[str, set[str]] = {}  # a whole name -> the owners it is the name of
    for name, who in names.iter_rows():
        _add(owners, name, who)
        namesakes[name] = set(who)
    if not owners:
        return
    up = dict(zip(actors["actor_id"].to_list(), actors["affiliation_id"].to_list(), strict=True))
    # the rows that may fail, in polars: a named actor that is not a group, nor a state of no one's
    may = actors.with_row_index("row", offset=1).filter(
        _filled("name_en") & pl.col("actor_type").is_not_null() & (pl.col("actor_type") != "group")
        & ~(pl.col("actor_type").is_in(SOVEREIGN) & ~_filled("affiliation_id")))
    # each distinct English name read once: the owners it names, but an owner of the same whole name, a
    # namesake and not one its name names as a part ('BBC' in 'BBC Monitoring')
    read: dict[str, set[str]] = {}
    for name in may["name_en"].unique().to_list():
        if named := _named(owners, name) - namesakes.get(name, set()):
            read[name] = named
    if read:
        may = may.filter(pl.col("name_en").is_in(list(read)))
    for row, actor, name, belongs in may.select("row", "actor_id", "name_en", "affiliation_id").iter_rows() if read else ():
        named = read[name]
        if actor in named:  # not copied for every row: a large package has thousands of namesakes
            named = named - {actor}
        if not named:
            continue
        chain = _chain(belongs, up) if belongs else set()
        if not named & chain:
            yield Finding("actors", row, "affiliation_id", belongs,
                          f"{actor}: its name {name!r} names {', '.join(sorted(named))}, but " + _says(belongs, chain))
    yield from _offices(inputs, owners, up)


def _offices(inputs: Inputs, owners: Index, up: dict[str, str | None]) -> Iterator[Finding]:
    """A person whose role names the state of its own country code belongs to that state."""
    if not inputs.table("actors").has("role_en", "country_code"):
        return
    actors = inputs.typed("actors").select("actor_id", "actor_type", pl.col("country_code").cast(pl.String),
                                            "role_en", "affiliation_id")
    states: dict[str, set[str]] = {}
    for actor, code in actors.filter(pl.col("actor_type") == "state").select("actor_id", "country_code").iter_rows():
        if actor is not None and code is not None:
            states.setdefault(code, set()).add(actor)
    read: dict[tuple[str, str], set[str]] = {}  # a distinct (role, country) -> the states of the country it names
    # the persons with a role and a country the package holds a state of, found in polars
    persons = actors.with_row_index("row", offset=1).filter(
        (pl.col("actor_type") == "person") & _filled("role_en") & pl.col("country_code").is_in(list(states)))
    for row, actor, _, code, role, belongs in persons.iter_rows():
        if (role, code) not in read:
            read[(role, code)] = _named(owners, role) & states[code]
        own = read[(role, code)]
        if not own:
            continue
        chain = _chain(belongs, up) if belongs else set()
        if not any(a in own for a in chain):  # the short chain is walked: a large package has many namesakes
            yield Finding("actors", row, "affiliation_id", belongs,
                          f"{actor}: its role {role!r} names its own state {', '.join(sorted(own))}, but " + _says(belongs, chain))


def _filled(column: str) -> pl.Expr:
    return pl.col(column).is_not_null() & (pl.col(column) != "")


def _says(belongs: str | None, chain: set[str]) -> str:
    if not belongs:
        return "it has no affiliation"
    return f"its affiliations ({' -> '.join([belongs, *sorted(chain - {belongs})])}) never reach it"
