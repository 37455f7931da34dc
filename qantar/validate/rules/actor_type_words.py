"""actor-type-fits-name: an actor whose name says what kind of actor it is ('Ministry of Defence of
Russia', 'Organisasi untuk Keamanan dan Kerjasama di Eropa', 'pasukan Rusia') is of that kind.

The head noun of each name is read: the last word before 'of', 'for', 'in' ... of an English name
(after a parenthesis is dropped), the first word of an Indonesian name form (after 'para'). The heads
and the types each allows are validators/type_words.toml; a name whose head is not listed (a proper
name: 'Putin', 'Reuters') is not read. An organisation retyped a government body, or a ministry a
group, keeps every key valid and changes what the crosswalks make of it (ACLED's inter codes).

An actor none of whose names has a listed head (a proper name) is read by its role_en, which says
what it is ('Foreign-affairs think tank in London', 'President of Russia', 'News agency cited by
source 004'): the last word of its first phrase (before a comma, a parenthesis, or 'of', 'in', 'by',
'cited' ...). A role that opens with what the actor did ('Approved sending Kyrgyz troops', 'Credited
for ...': a first word ending in '-ed', or 'said', 'sent') says what it did, not what it is, and is
not read; one that opens with what a source calls it ('Called Minister of Foreign Affairs of Kazakhstan by
source 003') is read after those words. So Chatham House retyped an organisation, Reuters a group, or
Erlan Karin a government body, is read too.
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
def heads() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(English head -> types, Indonesian head -> types), from validators/type_words.toml."""
    raw = tomllib.loads((catalogue.home() / "type_words.toml").read_text(encoding="utf-8"))
    return tuple({w.lower(): frozenset(t) for w, t in raw[lang].items()} for lang in ("english", "indonesian"))  # type: ignore[return-value]


#: the heads, found by polars for every name at once (a million actors: no Python per name)
_EN_TAIL = r"(?is)(?:\s(?:of|for|in|at|on|from|to|with)\s|\s*\().*$"
#: the last word (letters, and hyphens between them) with what follows it, and the first word with what precedes it:
#: matched whole and then trimmed to the word, at the start of the match (a capture group costs polars six times
#: more, and a pattern anchored at the end is tried at every character)
_LAST_WORD = r"\p{L}+(?:-\p{L}+)*\P{L}*$"
_WORD = r"^\p{L}+(?:-\p{L}+)*"
_ID_PLURAL = r"(?i)^(?:\P{L}*(?:para|sejumlah|beberapa|kelompok-kelompok)(?:\P{L}+|$))+"
_FIRST_WORD = r"^\P{L}*\p{L}+(?:-\p{L}+)*"
#: a role's first phrase ends at a clause mark, or at a preposition, relative or participle after its head
_ROLE_TAIL = (r"(?is)(?:[,;:(]|\s(?:of|for|in|at|on|from|to|with|by|and|that|who|whose|which|"
              r"cited|credited|said|sent|called|named|accused|based)\s).*$")
#: a role that opens with a verb ('Approved ...', 'Said by ...') tells what the actor did, not what it is
_ROLE_DEED = r"(?i)^\P{L}*(?:\p{L}+ed|said|sent|held|made|led|took|gave)\b"
#: a role that opens with what a source calls the actor ('Called Minister of Foreign Affairs ... by source
#: 003') says what it is after those words
_ROLE_CALLED = r"(?i)^\P{L}*(?:called|named|described as|styled|referred to as|identified as)\s+"


def heads_of(names: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(the English head, the Indonesian head) of each name, lower case (None where it has no word)."""
    english = _last_word(names.str.replace(_EN_TAIL, ""))
    indonesian = names.str.replace(_ID_PLURAL, "").str.extract(_FIRST_WORD, 0).str.replace(r"^\P{L}+", "").str.to_lowercase()
    return english, indonesian


def _last_word(text: pl.Expr) -> pl.Expr:
    """The last word of each text, lower case."""
    return text.str.extract(_LAST_WORD, 0).str.extract(_WORD, 0).str.to_lowercase()


def role_head(roles: pl.Expr) -> pl.Expr:
    """The head of each role_en, lower case: the last word of its first phrase (None for a role that opens
    with a deed, or has no word)."""
    roles = roles.str.replace(_ROLE_CALLED, "")
    head = _last_word(roles.str.replace(_ROLE_TAIL, ""))
    return pl.when(~roles.str.contains(_ROLE_DEED)).then(head)


def check(inputs: Inputs) -> Iterator[Finding]:
    table = inputs.table("actors") if "actors" in inputs.tables else None
    if table is None or not table.has("actor_id", "actor_type"):
        return
    english, indonesian = heads()
    has = set(table.field_names)
    frame = inputs.typed("actors").with_row_index("row", offset=1).select(
        "row", pl.col("actor_id").cast(pl.String), pl.col("actor_type").cast(pl.String).alias("kind"),
        (pl.col("name_en").cast(pl.String) if "name_en" in has else pl.lit(None, pl.String)).alias("name_en"),
        (pl.col("name_forms") if "name_forms" in has else pl.lit(None, pl.List(pl.String))).alias("forms"),
        (pl.col("role_en").cast(pl.String) if "role_en" in has else pl.lit(None, pl.String)).alias("role_en"),
    ).filter(pl.col("kind").is_not_null())
    # one row per name: the English name first (read as English), then each form (Indonesian, else English)
    en_name = frame.select("row", "actor_id", "kind", pl.col("name_en").alias("name"), pl.lit(0, pl.Int64).alias("order"),
                           pl.lit(True).alias("is_english"))
    forms = frame.select("row", "actor_id", "kind", pl.col("forms").alias("name"),  # each form's place in its list
                         pl.int_ranges(1, pl.col("forms").list.len() + 1, dtype=pl.Int64).alias("order")).explode(
        "name", "order").with_columns(pl.lit(False).alias("is_english"))
    names = pl.concat([en_name, forms.select(en_name.columns)]).filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
    en_head, id_head = heads_of(pl.col("name"))
    known_en, known_id = pl.Series(sorted(english)), pl.Series(sorted(indonesian))
    # each head found once, as a column (polars evaluates an expression in every branch that names it)
    names = names.with_columns(en_head.alias("_en"), id_head.alias("_id"))
    en_head, id_head = pl.col("_en"), pl.col("_id")
    names = names.with_columns(
        pl.when(~pl.col("is_english") & id_head.is_in(known_id.implode())).then(id_head)
        .when(en_head.is_in(known_en.implode())).then(en_head).alias("head"),
        (~pl.col("is_english") & id_head.is_in(known_id.implode())).alias("as_indonesian"),
    ).filter(pl.col("head").is_not_null()).drop("_en", "_id")
    # an actor with no head in its names: its role, read as English, after them
    roles = frame.filter(~pl.col("row").is_in(names["row"].implode()) & pl.col("role_en").is_not_null())
    names = pl.concat([names, roles.select(
        "row", "actor_id", "kind", pl.col("role_en").alias("name"), pl.lit(0, pl.Int64).alias("order"),
        pl.lit(True).alias("is_english"), role_head(pl.col("role_en")).alias("head"), pl.lit(False).alias("as_indonesian"),
        pl.lit("role").alias("field"),
    ).filter(pl.col("head").is_in(known_en.implode()))], how="diagonal_relaxed").with_columns(pl.col("field").fill_null("name"))
    allowed = pl.DataFrame(
        [(h, lang, t) for lang, table_ in ((True, indonesian), (False, english)) for h, types in table_.items() for t in types],
        schema={"head": pl.String, "as_indonesian": pl.Boolean, "kind": pl.String}, orient="row")
    # the names whose head allows another type than the actor's; the first of each actor is reported
    wrong = (names.join(allowed, on=["head", "as_indonesian", "kind"], how="anti")
             .sort("row", "order").unique("row", keep="first", maintain_order=True))
    for row, ident, kind, name, head, as_indonesian, field in wrong.select(
            "row", "actor_id", "kind", "name", "head", "as_indonesian", "field").iter_rows():
        types = (indonesian if as_indonesian else english)[head]
        yield Finding("actors", row, "actor_type", kind,
                      f"{ident}: its {field} {name!r} is a {head!r}, which names a {' or a '.join(sorted(types))}, "
                      f"not a {kind} (validators/type_words.toml)")
