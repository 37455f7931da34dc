"""translation-keeps-names: an actor or place a translation names is one its text names.

A translation that says 'NATO' where its quote says 'CSTO', or 'Belarus' where the quote says
'Rusia', moves the row to someone else while every offset, number and key holds. So every actor or
place whose English name (``name_en``) or one of whose name forms a span's translation holds is
named in the span's own text by one of its name forms. Only that way round: English writes
'Russian', 'the US', 'Armenian' for names the text spells out, but it does not invent a name the text
lacks. A person is the exception: a person the text names by its own name ('Antony Blinken',
'Blinken': a name form made of words of its ``name_en``) keeps a name in the translation, its English
name, a name form or its surname, for people's names are not translated ('US Secretary of State Mike
Pompeo' for 'Menteri Luar Negeri AS Antony Blinken' moves the words to someone the package does not
know). The same holds for every actor and place the text names by a name the same in both languages (a
name form made of words of its ``name_en``: 'CSTO', 'Kazakhstan', 'Almaty', 'Reuters'): its translation
names it too, by its English name, that form, or an English adjective of it ('Armenian', 'Belarusian',
'Kazakh'). And no actor or place is named more often in the translation than in its text, every
mention counted (a name inside a longer name too: 'Kazakhstan' in 'Pemerintah Kazakhstan'), a
translator's note in square brackets aside ('[spelt 'Yokayev']'): 'asked for help from Russia - an
alliance made up of Russia ...' for '... dari CSTO - aliansi ... dari Rusia' drops the CSTO and names
Russia twice, the name the quote gives elsewhere. Words are compared whole and without case, except
names of three letters or fewer, compared as written ('AS' is the United States; 'as' is English).
Group actors are described, not named, and are left out.

A country the package does not hold counts too: a translation that names one by its English name
(ISO 3166 from ``pycountry``: its name, common name or official name) names one its text names, by that
name or by its Indonesian one (``pycountry``'s Indonesian translation of ISO 3166: 'Perancis', 'Jerman',
'Belanda'). 'France' for the quote's 'Inggris' moves the words to a state no row links, which the
package's own names cannot see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.model import Span
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import translated

_WORD = re.compile(r"\w+")
#: a name of this many characters or fewer is compared as written
_SHORT = 3
#: actor types without a name of their own
_NAMELESS = frozenset({"group"})
#: endings that make an English adjective of a place's name ('Armenia-n', 'Belarus-ian', 'Japan-ese')
_ENDINGS = ("n", "an", "ian", "i", "ese")
#: a translator's note ('[spelt 'Yokayev']', '[sic]'), no word of the text
_NOTE = re.compile(r"\[[^\]]*\]")

Index = dict[str, dict[tuple[str, ...], tuple[bool, set]]]  # first word -> words -> (as written?, who)
#: who stands for whom: a key of the indexes -> the actors and places ('actors:tokayev') it stands for
Members = dict[str, list[str]]


def _bearers(inputs: Inputs) -> tuple[list[tuple[str, bool, pl.DataFrame]], Members]:
    """The actors and places with a name, each table's (groups left out) with its name data and the key
    (``who``) the indexes know it by, and who stands for whom.

    Every actor or place of a table with the same English name, name forms and type is one key: they are
    named by the same texts, so the lookups hold one key where a large package has thousands of rows of
    one name (sets that long made every union as long). An id borne by more than one row, or empty, keeps
    a key of its own, as its names are those of all its rows."""
    parts = []
    members: Members = {}
    for table, key, kind in (("actors", "actor_id", "actor_type"), ("places", "place_id", "place_type")):
        if table not in inputs.tables or not inputs.table(table).has(key, "name_en", "name_forms"):
            continue
        frame = inputs.typed(table)
        typed = kind in frame.columns
        if typed:
            frame = frame.filter(~pl.col(kind).cast(pl.String).is_in(list(_NAMELESS)).fill_null(False))
        frame = frame.filter(pl.col(key).is_not_null()).select(
            pl.col(key).alias("ident"), "name_en", "name_forms", (pl.col(kind) if typed else pl.lit(None)).alias("kind"))
        # an id borne by more than one row, or empty, keys its own rows; a column first, for a window inside
        # another window (the group's below) would count the id's rows within the group only
        frame = frame.with_columns(((pl.len().over("ident") > 1) | (pl.col("ident") == "")).alias("alone"))
        group = pl.struct("name_en", "name_forms", "kind").rank("dense")
        frame = frame.with_columns(
            # a group's key is its least id, of the ids borne once only
            (pl.lit(f"{table}:") + pl.when(pl.col("alone")).then(pl.col("ident"))
             .otherwise(pl.when(~pl.col("alone")).then(pl.col("ident")).min().over(group)))
            .alias("who"), (pl.lit(f"{table}:") + pl.col("ident")).alias("member"))
        shared = frame.group_by("who").agg(pl.col("member").unique()).filter(pl.col("member").list.len() > 1)
        members.update((who, sorted(its)) for who, its in shared.iter_rows())
        parts.append((table, typed, frame.drop("member", "alone")))
    return parts, members


def _whom(members: Members, who: set[str]) -> list[str]:
    """The actors and places the keys ``who`` stand for, sorted."""
    return sorted(m for w in who for m in members.get(w, (w,)))


def _index(inputs: Inputs, bearers: list[tuple[str, bool, pl.DataFrame]] | None = None) -> tuple[Index, Index]:
    """Two lookups by first word: the names a translation may hold (English names and name forms), and
    the name forms a text may hold, each leading to the actors and places that bear it. Built from the
    distinct names (a large package repeats a few hundred names over many thousands of rows)."""
    bearers = _bearers(inputs)[0] if bearers is None else bearers
    parts = []
    for _, _, named in bearers:
        named = named.unique(["who", "name_en", "name_forms"])
        forms = named.select("who", pl.col("name_forms").alias("name")).explode("name")
        parts += [forms.with_columns(pl.lit(True).alias("form")),
                  named.select("who", pl.col("name_en").alias("name"), pl.lit(False).alias("form"))]
    english: Index = {}
    forms_index: Index = {}
    if not parts:
        return english, forms_index
    names = pl.concat(parts).filter(pl.col("name").is_not_null() & (pl.col("name") != ""))
    for name, form, who in names.group_by("name", "form").agg("who").iter_rows():
        for index in (english, forms_index) if form else (english,):
            _add(index, name, who)
    return english, forms_index


def _add(index: Index, name: str, who) -> None:
    """``who`` bear ``name``: added to the set of its words (one set, grown in place)."""
    exact = len(name) <= _SHORT
    words = tuple(_WORD.findall(name if exact else name.lower()))
    if words:
        known = index.setdefault(words[0], {})
        had = known.get(words)
        if had is None or had[0] != exact:
            known[words] = had = (exact, had[1] if had else set())
        had[1].update(who)


def _named(index: Index, text: str) -> set[str]:
    """Who ``text`` names, by the names of ``index``."""
    as_written = _WORD.findall(text)
    low = [w.lower() for w in as_written]
    out: set[str] = set()
    for i in range(len(low)):
        for key, words in ((low[i], low), (as_written[i], as_written)):
            for name, (exact, who) in index.get(key, {}).items():
                if exact == (words is as_written) and tuple(words[i:i + len(name)]) == name:
                    out |= who
    return out


def _own_names(inputs: Inputs, bearers: list[tuple[str, bool, pl.DataFrame]] | None = None) -> tuple[Index, Index]:
    """Two lookups: an actor's or place's own names in a text (name forms made of words of its name_en,
    the same in both languages), and the names a translation keeps for it (its name_en, those forms,
    a person's surname, the English adjectives of a one-word name)."""
    bearers = _bearers(inputs)[0] if bearers is None else bearers
    own: Index = {}
    kept: Index = {}
    for table, typed, frame in bearers:
        if not typed:
            continue
        named = frame.unique(["who", "name_en", "name_forms", "kind"]).select("who", "ident", "name_en", "name_forms", "kind")
        for who, ident, name, names, its_kind in named.iter_rows():
            if not ident or not name:
                continue
            who = [who]
            words = set(_WORD.findall(name.lower()))
            personal = [f for f in names or () if f and set(_WORD.findall(f.lower())) <= words]
            for form in personal:
                _add(own, form, who)
            surname = [name.split()[-1]] if its_kind == "person" else []
            for form in (name, *surname, *personal):
                _add(kept, form, who)
                if its_kind != "person" and " " not in form.strip() and len(form) > _SHORT:
                    for adjective in _adjectives(form.strip()):
                        _add(kept, adjective, who)
    return own, kept


def _adjectives(name: str) -> list[str]:
    """English adjectives of a one-word name of a place: 'Armenian', 'Belarusian', 'Kazakhstani', 'Kazakh'."""
    out = [name + end for end in _ENDINGS]
    if name.lower().endswith("stan"):
        out.append(name[:-4])
    return out


def _counts(index: Index, text: str) -> dict[str, int]:
    """How many times ``text`` names each actor or place by the names of ``index`` (every mention, one
    inside a longer name too; a word position counts once for each)."""
    as_written = _WORD.findall(text)
    low = [w.lower() for w in as_written]
    out: dict[str, int] = {}
    for i in range(len(low)):
        here: set[str] = set()
        for key, words in ((low[i], low), (as_written[i], as_written)):
            for name, (exact, who) in index.get(key, {}).items():
                if exact == (words is as_written) and tuple(words[i:i + len(name)]) == name:
                    here |= who
        for who in here:
            out[who] = out.get(who, 0) + 1
    return out


def _world(inputs: Inputs) -> tuple[Index, Index]:
    """Two lookups for the countries of ISO 3166 the package holds no row of (by country_code): their
    English names, and the names a text may give them (English or Indonesian)."""
    import gettext

    import pycountry

    held: set[str] = set()
    for table in ("places", "actors"):
        if table in inputs.tables and inputs.table(table).has("country_code"):
            held.update(c for c in inputs.strings(table)["country_code"].unique().to_list() if c)
    try:
        indonesian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"]).gettext
    except OSError:  # pycountry without its translations: the English names alone
        indonesian = str
    english: Index = {}
    text: Index = {}
    for country in pycountry.countries:
        if country.alpha_3 in held:
            continue
        who = [f"countries:{country.name} ({country.alpha_3})"]
        names = {n for n in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)) if n}
        for name in names:
            _add(english, name, who)
            _add(text, name, who)
            _add(text, indonesian(name), who)
    return english, text


def check(inputs: Inputs) -> Iterator[Finding]:
    bearers, members = _bearers(inputs)
    english, forms = _index(inputs, bearers)
    if not english:
        return
    abroad, abroad_forms = _world(inputs)
    for index, more in ((english, abroad), (forms, abroad_forms)):
        for first, names in more.items():
            for words, (exact, who) in names.items():
                had = index.setdefault(first, {}).get(words)
                index[first][words] = (exact, had[1] | who if had else set(who))
    own, kept = _own_names(inputs, bearers)
    for span, frame in translated(inputs):
        pairs = frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english")) \
            .filter(pl.col("text").is_not_null() & pl.col("english").is_not_null())
        # each distinct (text, translation) read once: a large package repeats passages
        distinct = pairs.unique().rows()
        wrong = {(text, said): _whom(members, extra) for text, said in distinct
                 if (extra := _named(english, said) - _named(forms, text))}
        lost = {(text, said): _whom(members, gone) for text, said in distinct
                if own and (gone := _named(own, text) - _named(kept, said))}
        more = {}
        for text, said in distinct:
            if (text, said) in wrong or (text, said) in lost:
                continue  # one finding a row
            there = _counts(forms, text)
            if extra := {w for w, n in _counts(english, _NOTE.sub(" ", said)).items() if n > there.get(w, 0)}:
                more[(text, said)] = _whom(members, extra)
        yield from _report(span, frame, wrong, "the {translation} names {who}, whom its {text} does not name by any name form")
        yield from _report(span, frame, lost, "the {translation} does not name {who}, whom its {text} names by name")
        yield from _report(span, frame, more, "the {translation} names {who} more often than its {text} does "
                                              "(a name the {text} gives put in the place of another)")


def _report(span: Span, frame: pl.DataFrame, found: dict[tuple[str, str], list[str]], message: str) -> Iterator[Finding]:
    """One finding per row whose (text, translation) is in ``found``."""
    if not found:
        return
    rows = frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english")).with_row_index("row", offset=1)
    hit = pl.DataFrame({"text": [t for t, _ in found], "english": [e for _, e in found]})
    for row, text, said in rows.join(hit, on=["text", "english"], how="semi").sort("row").iter_rows():
        who = ", ".join(dict.fromkeys(x.split(":", 1)[1] for x in found[(text, said)]))
        yield Finding(span.table, row, span.translation, said,
                      message.format(translation=span.translation, text=span.text, who=who))
