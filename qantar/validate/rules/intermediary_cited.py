"""intermediary-cited: a statement's intermediary is the outlet its article last cites before the words end.

An article that takes a statement from another outlet says so ('dikutip dari Reuters', 'seperti
dilansir dari BBC', 'Dalam wawancara dengan National News Network 24'), and the words it goes on
quoting are still that outlet's until it cites another ('imbuhnya' after 'dikutip dari AFP' is
still AFP's). So the outlet named right after the last citation phrase that begins before the
statement's quote ends is its intermediary. A photo credit ('Foto: Reuters/...') is not a citation.
The phrases are ``CITING``; the outlet is an actor whose name form follows the phrase (the longest
form, any case; actors that share it are each that outlet). And a statement whose own words cite an
outlet ('..., dikutip dari Reuters.') has an intermediary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: the words with which an article says where it took what follows (or what precedes) from
CITING = ("dikutip dari", "sebagaimana dikutip dari", "seperti dikutip dari", "dilansir dari", "dilansir",
          "melansir", "mengutip", "wawancara dengan", "dilaporkan oleh", "diberitakan oleh", "menurut laporan")
#: a name's first word (up to a space or a mark): what a citation's outlet is looked up by
_FIRST = re.compile(r"\w+|\S")
_CITING = re.compile(r"(?i)\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(CITING, key=len, reverse=True)) + r")\s+")


def check(inputs: Inputs) -> Iterator[Finding]:
    if "statements" not in inputs.tables or "intermediary_id" not in inputs.table("statements").field_names:
        return
    texts = inputs.texts()
    frame = inputs.typed("statements").with_row_index("_r", offset=1).filter(pl.col("source_id").is_in(list(texts)))
    # a statement whose own words cite an outlet ('..., dikutip dari Reuters.') was taken from it
    bare = frame.filter(pl.col("intermediary_id").is_null() & pl.col("char_start").is_not_null() & pl.col("char_end").is_not_null())
    cited = frame.filter(pl.col("intermediary_id").is_not_null() & pl.col("char_end").is_not_null())
    sources = pl.concat([bare["source_id"], cited["source_id"]]).unique().to_list()
    if not sources:
        return
    forms = _forms(inputs)
    # every citation of every article read, in polars' hands: (source, where, its index in ``found``)
    found: list[tuple[frozenset[str], str]] = []
    where: list[tuple[str, int, int, list[str]]] = []
    for source in sources:
        for at, who, said in _citations(texts[source], forms):
            where.append((source, at, len(found), list(who)))
            found.append((who, said))
    citations = pl.DataFrame(where, schema={"source_id": pl.String, "_at": pl.Int64, "_c": pl.Int64, "_who": pl.List(pl.String)},
                             orient="row").sort("_at")
    # the first citation naming an outlet at or after the words begin: inside them if before they end
    inside = (bare.select("_r", "statement_id", "source_id", "char_start", "char_end").sort("char_start")
              .join_asof(citations.filter(pl.col("_who").list.len() > 0), left_on="char_start", right_on="_at",
                         by="source_id", strategy="forward", check_sortedness=False)  # both sorted by position
              .filter(pl.col("_at") < pl.col("char_end")).sort("_r"))
    for row, sid, _source, _start, _end, _at, c, _who in inside.iter_rows():
        who, said = found[c]
        yield Finding("statements", row, "intermediary_id", None,
                      f"{sid}: its words cite {said!r} ({', '.join(sorted(who))}), but it has no intermediary")
    # the last citation that begins before the words end
    last = (cited.select("_r", "statement_id", "intermediary_id", "source_id", "char_end").sort("char_end")
            .join_asof(citations, left_on="char_end", right_on="_at", by="source_id", strategy="backward",
                       allow_exact_matches=False, check_sortedness=False)
            .filter(pl.col("_c").is_null() | ~pl.col("_who").list.contains(pl.col("intermediary_id"))).sort("_r"))
    for row, sid, inter, _source, _end, _at, c, _who in last.iter_rows():
        if c is None:
            yield Finding("statements", row, "intermediary_id", inter,
                          f"{sid}: its article cites no outlet ('dikutip dari ...') before the statement's words end")
        else:
            who, said = found[c]
            yield Finding("statements", row, "intermediary_id", inter,
                          f"{sid}: the last citation before the statement's words end is {said!r} "
                          f"({', '.join(sorted(who)) or 'no actor of the package'}), not {inter}")


def _forms(inputs: Inputs) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """First word -> (name form lower-cased, the actors that have it), longest first: a citation
    looks up the word after it instead of trying every name of the package."""
    # each distinct lower-cased form with its actors, grouped by polars in the order forms first appear
    # (Python then reads each distinct form once, not each actor's list)
    forms = (inputs.typed("actors").select("actor_id", "name_forms").explode("name_forms")
             .filter(pl.col("name_forms").is_not_null() & (pl.col("name_forms") != ""))
             .group_by(pl.col("name_forms").str.to_lowercase(), maintain_order=True).agg("actor_id"))
    index: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name, actors in sorted(forms.iter_rows(), key=lambda p: -len(p[0])):
        if (first := _FIRST.match(name)) is not None:
            index.setdefault(first[0], []).append((name, frozenset(actors)))
    return index


def _citations(text: str, forms: dict[str, list[tuple[str, frozenset[str]]]]) -> list[tuple[int, frozenset[str], str]]:
    """(where, the actors whose name follows, the words) of every citation phrase of ``text``, in order."""
    low = text.lower()
    out = []
    for m in _phrases(text, low):
        first = _FIRST.match(low, m.end())
        candidates = forms.get(first[0], ()) if first is not None else ()
        who = next((actors for name, actors in candidates if low.startswith(name, m.end())
                    and not low[m.end() + len(name):m.end() + len(name) + 1].isalnum()), frozenset())
        out.append((m.start(), who, text[m.start():m.end() + 40].split("\n")[0].strip()))
    return out


#: the first word of every phrase: a match of _CITING begins with one of them (a plain alternation of
#: lower-case words, which Python's regex engine skips through by their first letters)
_STARTS = re.compile("|".join(sorted({p.split()[0] for p in CITING}, key=len, reverse=True)))
#: the letters besides A-Z that Python's case-insensitive matching takes for an ASCII letter
#: ('İ', 'ı', 'ſ', the Kelvin sign): where one is in an article, _phrases reads it with _CITING alone
_FOLDS = ("\u0130", "\u0131", "\u017f")


def _phrases(text: str, low: str) -> Iterator[re.Match[str]]:
    """``_CITING.finditer(text)``, but tried only where one of the phrases' first words stands (a
    plain search for the first words instead of the case-insensitive regex's attempt at every character
    of a long article)."""
    if len(low) != len(text) or any(c in text for c in _FOLDS):
        yield from _CITING.finditer(text)
        return
    # low is text.lower() letter for letter: each first word found in it is where a match may begin
    # (the Kelvin sign lowers to 'k'; one found inside a word hides no other, as none begins inside a
    # word); _CITING.match at that place decides, its \b seeing the text before
    end = 0
    for at in (w.start() for w in _STARTS.finditer(low)):
        if at >= end and (m := _CITING.match(text, at)) is not None:
            yield m
            end = m.end()
