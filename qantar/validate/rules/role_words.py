"""role-worded: an actor plays the part the words beside its name give it.

'tentara Tajik menyerang warga sipil Kirgistan': the civilians are attacked (a victim or target);
'pembicaraan tentang Ukraina': Ukraine is what the talks are about (a subject); 'belasan aparat keamanan
juga jadi korban jiwa': the officers are among the dead (victims). The words and the roles each gives
are validators/role_words.toml. Where an actor's every mention beside such a word, in the passages of
its event and source, gives roles it does not have, it is in the wrong role: two actors' roles swapped
within an event, or a victim made a perpetrator, keep every role fitting its event type and actor type.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_WORD = re.compile(r"[\w-]+")
_NUMBER = re.compile(r"[\d.,]+")


@cache
def words() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], frozenset[str]]:
    """(word before a name -> roles, word after a name -> roles, words that may stand between)."""
    raw = tomllib.loads((catalogue.home() / "role_words.toml").read_text(encoding="utf-8"))
    return ({w.lower(): frozenset(r) for w, r in raw["before"].items()},
            {w.lower(): frozenset(r) for w, r in raw["after"].items()}, frozenset(w.lower() for w in raw["skipped"]))


@cache
def _cues() -> re.Pattern[str]:
    before, after, _ = words()
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted({*before, *after}, key=len, reverse=True)) + r")(?![\w-])")


@cache
def _any_cue() -> str:
    """A polars pattern matching every passage with a cue in it (and some with a cue inside a longer word)."""
    before, after, _ = words()
    return "(?i)(?:" + "|".join(re.escape(w) for w in sorted({*before, *after})) + ")"


#: A cue's slot: the text a name beside it would fill (lower case, as long as the longest name form
#: looked for, and one character more to see where the name ends), the cue, and the roles it gives.
Slot = tuple[str, str, frozenset[str]]
Slots = tuple[list[Slot], list[Slot]]


def slots(quote: str, reach: int) -> Slots:
    """(the slots of names after a cue, the slots of names before a cue) of ``quote``: found once per
    passage, however many actors are looked for in it. Only the slots' text is kept, not the passage's
    (a million-row package holds a hundred thousand passages with a cue)."""
    before, after, skipped = words()
    low = quote.lower()
    starts, ends = [], []
    for m in _cues().finditer(low):
        cue = m.group()
        if cue in before:
            at = m.end()
            for w in _WORD.finditer(low, at):
                if w.group() in skipped or _NUMBER.fullmatch(w.group()):
                    at = w.end()
                    continue
                starts.append((low[w.start():w.start() + reach + 1], cue, before[cue]))
                break
        if cue in after:
            kept = [w for w in _WORD.finditer(low[max(0, m.start() - 120):m.start()])][-6:]
            while kept and kept[-1].group() in skipped:
                kept.pop()
            if kept:
                end = max(0, m.start() - 120) + kept[-1].end()
                ends.append((low[max(0, end - reach - 1):end], cue, after[cue]))
    return starts, ends


def named(slotted: Slots, forms: list[str]) -> list[tuple[str, frozenset[str]]]:
    """(the cue, the roles it gives) for each cue beside which one of ``forms`` (lower case, none longer
    than the reach the slots were cut with) is named."""
    starts, ends = slotted
    out = []
    for text, cue, roles in starts:
        if any(text.startswith(f) and not text[len(f):len(f) + 1].isalnum() for f in forms):
            out.append((cue, roles))
    for text, cue, roles in ends:
        if any(text.endswith(f) and not text[len(text) - len(f) - 1:len(text) - len(f)].isalnum() for f in forms):
            out.append((cue, roles))
    return out


def cued(quote: str, forms: list[str]) -> list[tuple[str, frozenset[str]]]:
    """(the cue word, the roles it gives) for each mention of one of ``forms`` beside a cue in ``quote``."""
    low = [f.lower() for f in forms if f]
    return named(slots(quote, max(map(len, low), default=0)), low)


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = {"event_actors": ("event_id", "actor_id", "role", "source_id"), "event_sources": ("event_id", "source_id", "quote"),
              "actors": ("actor_id", "name_forms")}
    if not all(t in inputs.tables and inputs.table(t).has(*cols) for t, cols in needed.items()):
        return
    actors = inputs.typed("actors").select(
        pl.col("actor_id").cast(pl.String), pl.col("name_forms").list.eval(pl.element().str.to_lowercase()))
    reach = actors.select(pl.col("name_forms").list.eval(pl.element().str.len_chars()).list.max().max()).item() or 0
    key = ["event_id", "source_id"]
    passages = inputs.typed("event_sources").with_row_index("_q").filter(
        pl.col("quote").str.contains(_any_cue())  # a superset, cut by polars at once; slots() reads words
    ).select("_q", *key, "quote")
    # each distinct passage read once, however many events and sources cite it
    slotted: list[Slots] = []
    quotes: list[str] = []
    for quote in passages["quote"].unique(maintain_order=True).to_list():
        found = slots(quote, reach)
        if found[0] or found[1]:
            quotes.append(quote)
            slotted.append(found)
    if not slotted:
        return
    passages = passages.join(pl.DataFrame({"quote": quotes, "_p": range(len(quotes))},
                                          schema={"quote": pl.String, "_p": pl.Int64}), on="quote")
    # only the links of events and sources with a cue; an actor may play several parts in one event
    # ('kz-government' claims a coup against itself): any of them will do
    links = (inputs.typed("event_actors").with_row_index("_row", offset=1)
             .select("_row", pl.col("event_id", "actor_id", "source_id").cast(pl.String), pl.col("role").cast(pl.String))
             .join(passages.select(key).unique(), on=key, how="semi").filter(pl.col("role").is_not_null()))
    held = links.group_by("event_id", "actor_id", "source_id").agg(pl.col("role").alias("held"))
    # actors of the same name forms are one key (a name borne by thousands of actors is read once per
    # passage); an actor_id of several rows has its last row's forms, as a dict built row by row had
    element = pl.element()
    named_as = (actors.unique("actor_id", keep="last", maintain_order=True)
                .with_columns(pl.col("name_forms").list.eval(element.filter(element.is_not_null() & (element != ""))))
                .filter(pl.col("name_forms").list.len() > 0)
                .with_columns(pl.col("name_forms").rank("dense").cast(pl.Int64).alias("_f")))
    cited = links.join(passages.select(*key, "_q", "_p"), on=key).join(named_as.select("actor_id", "_f"), on="actor_id")
    forms = dict(named_as.select("_f", "name_forms").unique("_f").iter_rows())
    # what each passage says of each set of forms, read once per (passage, forms)
    said = []
    for passage, form in cited.select("_p", "_f").unique().iter_rows():
        if found := named(slotted[passage], forms[form]):
            word, roles = found[0]
            said.append((passage, form, word, " or a ".join(sorted(roles)), sorted({r for _, rs in found for r in rs})))
    if not said:
        return
    said_frame = pl.DataFrame(said, schema={"_p": pl.Int64, "_f": pl.Int64, "_word": pl.String, "_roles": pl.String,
                                            "_given": pl.List(pl.String)}, orient="row")
    # a link is wrong where its passages name it beside cues that give none of the roles it holds; the
    # cue reported is the first in the first passage (event_sources' order)
    wrong = (cited.join(said_frame, on=["_p", "_f"]).sort("_row", "_q")
             .group_by("_row", maintain_order=True)
             .agg(pl.first("event_id", "actor_id", "source_id", "role", "_word", "_roles"), pl.col("_given").list.explode(keep_nulls=False, empty_as_null=False))
             .join(held, on=["event_id", "actor_id", "source_id"], how="left", nulls_equal=True)
             .filter(pl.col("_given").list.set_intersection(pl.col("held")).list.len() == 0))
    for row, event, actor, source, role, word, roles, _given, _held in wrong.iter_rows():
        yield Finding("event_actors", row, "role", role,
                      f"{event}: source {source}'s passage names {actor} beside {word!r}, which makes it a "
                      f"{roles}, not a {role} (validators/role_words.toml)")
