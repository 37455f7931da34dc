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
from collections.abc import Iterable, Iterator

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
    index, outlets, owners = _forms(inputs)
    longest = max((len(name) for names in index.values() for name, _ in names), default=0)
    # every citation of the articles needed, as one frame: (source, where, its index in ``found``, the
    # name that follows it: an id of outlets, not the actors, as a name may be borne by thousands)
    found: list[tuple[int | None, str]] = []
    where: list[tuple[str, int, int, int | None]] = []
    articles = [texts[source] for source in sources]
    # where a phrase may begin in each article: its first words in any ASCII case, found by polars'
    # Aho-Corasick search over every article at once (byte offsets)
    starts = pl.Series(articles, dtype=pl.String).str.find_many(_WORDS, ascii_case_insensitive=True).to_list()
    for source, text, at in zip(sources, articles, starts, strict=True):
        for at, name, said in _citations(text, at or [], index, longest):
            where.append((source, at, len(found), name))
            found.append((name, said))
    citations = pl.DataFrame(where, schema={"source_id": pl.String, "_at": pl.Int64, "_c": pl.Int64, "_n": pl.Int64},
                             orient="row").sort("_at")

    def who(c: int) -> frozenset[str]:
        name = found[c][0]
        return outlets[name] if name is not None else frozenset()

    # the first citation naming an outlet at or after the words begin: inside them if before they end
    inside = (bare.select("_r", "statement_id", "source_id", "char_start", "char_end").sort("char_start")
              .join_asof(citations.filter(pl.col("_n").is_not_null()), left_on="char_start", right_on="_at",
                         by="source_id", strategy="forward", check_sortedness=False)  # both sorted by position
              .filter(pl.col("_at") < pl.col("char_end")).sort("_r"))
    for row, sid, c in inside.select("_r", "statement_id", "_c").iter_rows():
        yield Finding("statements", row, "intermediary_id", None,
                      f"{sid}: its words cite {found[c][1]!r} ({', '.join(sorted(who(c)))}), but it has no intermediary")
    # the last citation that begins before the words end, where the intermediary is not its outlet
    last = (cited.select("_r", "statement_id", "intermediary_id", "source_id", "char_end").sort("char_end")
            .join_asof(citations, left_on="char_end", right_on="_at", by="source_id", strategy="backward",
                       allow_exact_matches=False, check_sortedness=False)
            .join(owners, left_on=["_n", "intermediary_id"], right_on=["_n", "actor_id"], how="anti").sort("_r"))
    for row, sid, inter, c in last.select("_r", "statement_id", "intermediary_id", "_c").iter_rows():
        if c is None:
            yield Finding("statements", row, "intermediary_id", inter,
                          f"{sid}: its article cites no outlet ('dikutip dari ...') before the statement's words end")
        else:
            yield Finding("statements", row, "intermediary_id", inter,
                          f"{sid}: the last citation before the statement's words end is {found[c][1]!r} "
                          f"({', '.join(sorted(who(c))) or 'no actor of the package'}), not {inter}")


def _forms(inputs: Inputs) -> tuple[dict[str, list[tuple[str, int]]], list[frozenset[str]], pl.DataFrame]:
    """(first word -> (name form lower-cased, its id), longest first; id -> the actors that have it;
    the frame of (id, actor)): a citation looks up the word after it instead of trying every name."""
    # each distinct lower-cased form with its actors, grouped by polars in the order forms first appear
    # (Python then reads each distinct form once, not each actor's list)
    forms = (inputs.typed("actors").select("actor_id", "name_forms").explode("name_forms")
             .filter(pl.col("name_forms").is_not_null() & (pl.col("name_forms") != ""))
             .group_by(pl.col("name_forms").str.to_lowercase(), maintain_order=True).agg("actor_id")
             .with_row_index("_n").with_columns(pl.col("_n").cast(pl.Int64)))
    outlets = [frozenset(actors) for actors in forms["actor_id"].to_list()]
    index: dict[str, list[tuple[str, int]]] = {}
    for n, name in sorted(enumerate(forms["name_forms"].to_list()), key=lambda p: -len(p[1])):
        if (first := _FIRST.match(name)) is not None:
            index.setdefault(first[0], []).append((name, n))
    return index, outlets, forms.select("_n", "actor_id").explode("actor_id")


def _citations(text: str, starts: list[int], forms: dict[str, list[tuple[str, int]]],
               longest: int) -> list[tuple[int, int | None, str]]:
    """(where, the id of the name that follows, the words) of every citation phrase of ``text``, in order;
    ``starts``: the byte offsets in ``text`` where a phrase's first word stands, in any ASCII case."""
    if any(c in text for c in _ODD):
        # a letter Python's case-insensitive matching takes for an ASCII one ('İ', 'ı', 'ſ', the Kelvin
        # sign), or one that lowers by its neighbours ('Σ'): the text read by _CITING and lowered whole
        return _citations_of(text, _CITING.finditer(text), text.lower(), 0, forms)
    out = []
    end = 0
    for at in _characters(text, starts):
        # a first word found inside a word hides no other, as no phrase begins inside a word; _CITING
        # decides at each place, its \b seeing the text before
        if at >= end and (m := _CITING.match(text, at)) is not None:
            end = m.end()
            # the text after the phrase lowered alone (letter for letter the whole text's lowering here),
            # long enough to hold the longest name and the letter after it
            out += _citations_of(text, [m], text[m.end():m.end() + longest + 2].lower(), m.end(), forms)
    return out


def _characters(text: str, offsets: list[int]) -> list[int]:
    """Byte offsets of ``text`` in UTF-8 as offsets in characters."""
    if text.isascii():
        return offsets
    data = text.encode()
    out, byte, char = [], 0, 0
    for at in offsets:
        char += len(data[byte:at].decode())
        byte = at
        out.append(char)
    return out


def _citations_of(text: str, phrases: Iterable[re.Match[str]], low: str, offset: int,
                  forms: dict[str, list[tuple[str, int]]]) -> list[tuple[int, int | None, str]]:
    """The citations of ``phrases``, their outlets read in ``low``, ``text`` lowered from ``offset`` on."""
    out = []
    for m in phrases:
        after = m.end() - offset
        first = _FIRST.match(low, after)
        candidates = forms.get(first[0], ()) if first is not None else ()
        name = next((n for name, n in candidates if low.startswith(name, after)
                     and not low[after + len(name):after + len(name) + 1].isalnum()), None)
        out.append((m.start(), name, text[m.start():m.end() + 40].split("\n")[0].strip()))
    return out


#: the first words of the phrases: where a match of _CITING may begin
_WORDS = sorted({p.split()[0] for p in CITING}, key=len, reverse=True)
#: the letters that Python's case-insensitive matching takes for an ASCII letter besides A-Z ('İ', 'ı',
#: 'ſ', the Kelvin sign), and 'Σ', which lowers by its neighbours
_ODD = ("\u0130", "\u0131", "\u017f", "\u212a", "\u03a3")
