"""membership-role-worded: a membership's quote states its role.

A membership is quoted from the words that state it: 'terdiri dari enam negara anggota' makes
members, 'ketua CSTO' or 'dipimpin oleh' a chair (validators/membership_words.toml). A member relabelled
chair, or a chair relabelled member, keeps every key and type valid; only the quote's words say
which the article stated.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


@cache
def words() -> dict[str, tuple[str, ...]]:
    raw = tomllib.loads((catalogue.home() / "membership_words.toml").read_text(encoding="utf-8"))
    return {role: tuple(w.lower() for w in listed) for role, listed in raw["roles"].items()}


def check(inputs: Inputs) -> Iterator[Finding]:
    if "memberships" not in inputs.tables or not inputs.table("memberships").has("role", "quote"):
        return
    listed = words()
    frame = inputs.strings("memberships").select("role", "quote").with_row_index("row", offset=1) \
        .filter(pl.col("role").is_not_null() & pl.col("quote").is_not_null())
    worded = pl.lit(False)
    for role, stems in listed.items():
        worded = worded | ((pl.col("role") == role) & pl.col("quote").str.contains_any(list(stems), ascii_case_insensitive=True))
    for row, role, quote in frame.filter(~worded).iter_rows():
        if role not in listed:
            why = f"the role {role!r} has no words in validators/membership_words.toml: add the words that state it"
        else:
            why = f"the quote has no word that states a {role} ({', '.join(repr(w) for w in listed[role][:4])} ...)"
        yield Finding("memberships", row, "role", role, why)
