"""role-holder-named: a role its quote gives to a person is held by that person, not by the person's state.

A chair is a person or a state (membership-types): the CSTO chaired by Armenia, or 'dipimpin oleh presiden
Armenia Nikol Pasyinyan' (M010), the person. Where the quote names a person of the package who belongs to
the state the row records (the person's country or affiliation), the state is named only as the person's
('presiden Armenia'), and the article gives the role to the person: a chair moved from Nikol Pashinyan to
Armenia keeps every key, type and name (Armenia is in the quote), and only the person in the quote shows it.
A member (a member state) is never a person, so only the other roles are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.named_by_source import named_forms

TABLE = "memberships"


def check(inputs: Inputs) -> Iterator[Finding]:
    if (TABLE not in inputs.tables or not inputs.table(TABLE).has("member_id", "role", "quote")
            or "actors" not in inputs.tables
            or not inputs.table("actors").has("actor_id", "actor_type", "country_code", "affiliation_id", "name_forms")):
        return
    actors = inputs.strings("actors").select("actor_id", "actor_type", "country_code", "affiliation_id")
    states = actors.filter(pl.col("actor_type") == "state").select(pl.col("actor_id").alias("member_id"),
                                                                   pl.col("country_code").alias("_country"))
    # the rows whose holder is a state, in a role a person may hold: few; the quote is read for them only
    held = (inputs.strings(TABLE).with_row_index("_row", offset=1)
            .filter(pl.col("role").is_not_null() & (pl.col("role") != "member") & pl.col("quote").is_not_null())
            .join(states, on="member_id", how="inner"))
    if held.is_empty():
        return
    people = actors.filter(pl.col("actor_type") == "person")
    # a person of the state: of its country, or affiliated to it
    theirs = pl.concat([
        held.join(people.filter(pl.col("country_code").is_not_null()), left_on="_country", right_on="country_code")
        .select("_row", pl.col("actor_id").alias("_person")),
        held.join(people.filter(pl.col("affiliation_id").is_not_null()), left_on="member_id", right_on="affiliation_id")
        .select("_row", pl.col("actor_id").alias("_person")),
    ]).unique()
    if theirs.is_empty():
        return
    forms = named_forms(inputs, only={"actors": theirs["_person"].unique().to_list()}).filter(pl.col("_target") == "actors")
    candidates = (theirs.join(forms.select(pl.col("_value").alias("_person"), "_form"), on="_person")
                  .join(held.select("_row", "member_id", "role", "quote"), on="_row")
                  .filter(pl.col("quote").str.to_lowercase().str.contains(pl.col("_form"), literal=True))
                  .sort("_row", "_person"))
    seen: set[int] = set()
    for row, person, form, member, role, quote in candidates.select(
            "_row", "_person", "_form", "member_id", "role", "quote").iter_rows():
        if row in seen or not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", quote.lower()):
            continue  # a name as a whole word: 'as' is no part of 'pasukan'
        seen.add(row)
        yield Finding(TABLE, row, "member_id", member,
                      f"the quote gives the {role} to {person} ({form!r}), a person of {member}: the {role} is the "
                      f"person's, and {member} is named only as the person's state")
