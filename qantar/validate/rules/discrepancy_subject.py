"""discrepancy-subject-fits: a discrepancy's claims are about its subject, each of them.

A discrepancy records two claims (claim_a, claim_b: passages of the articles) that disagree about
one subject (subject_table, subject_id). An actor or place subject is named in the claims (by
one of its name forms, a group's too: the claims speak of it; a country also by its cities and regions); a source subject is the
claims' source; a row with passages of its own (a figure, a statement; an event through event_sources) has
one that a claim overlaps or adjoins (only spaces between: the sentence that dates a statement
follows it). A discrepancy re-attached to another subject keeps every key valid; its claims then
speak of something else.

Each claim, not only one: a claim swapped for another verbatim passage of its article (D024's claim B
made Karin's words on foreign states, about the defection E021) keeps every offset and key. Two
articles rarely code one event alike (source 003 records the false reports of soldiers joining the
protesters as disinformation, E031, where source 002 reports the defection E021), so a claim of a row
with passages is about it when it overlaps or adjoins a passage of the row, of a row linked to it
(the event's statements and figures; a statement's or figure's event), or of a row of its table
sharing its own actor (a required link to actors: the speaker's other words); or names, as a whole
word, an actor linked to it (the event's actors, the speaker); or holds a figure's number (read as the figure's
value: 'enam' for 6); or, beside a claim that is about it, repeats that claim's words save one (a
paragraph the article prints twice, the second time with another name: D012).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import polars as pl

from qantar.text import numbers
from qantar.text.tokens import number_tokens
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.named_by_source import NAMED, named_forms

TABLE = "discrepancies"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class About:
    """What a claim may touch to be about a subject row with passages."""

    passages: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # source -> (start, end)
    #: the passages of the rows of its table sharing its own actor (a speaker's words), one dict per actor:
    #: shared by every subject of that actor, where a copy per subject grew with the actor's rows twice over
    kin: list[dict[str, list[tuple[int, int]]]] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)  # lower-cased name forms of the actors linked to it
    values: set[int] = field(default_factory=set)  # a figure's value


def check(inputs: Inputs) -> Iterator[Finding]:
    if TABLE not in inputs.tables or not inputs.table(TABLE).has("subject_table", "subject_id"):
        return
    claims = [s for s in inputs.table(TABLE).spans_of("claim")]
    if not claims:
        return
    frame = inputs.typed(TABLE).with_row_index("_row", offset=1)
    texts = inputs.texts()
    wanted = set(frame.select("subject_table", "subject_id").drop_nulls().iter_rows())
    names = _names(inputs, {k for k in wanted if k[0] in NAMED})
    passaged = {k for k in wanted if k[0] not in NAMED and k[0] != "sources"}
    own = _spans(inputs, passaged, linked=False)
    # only the columns read below (a dict per row of every column cost more than the rule's work)
    used = ["_row", "subject_table", "subject_id", *(c for s in claims for c in (s.source, s.start, s.end, s.text)),
            *(c for c in ("discrepancy_id",) if c in frame.columns)]
    judged = []  # (row, table, subject, said, ok, why); claims of rows with passages judged first on their own
    for row in frame.select(list(dict.fromkeys(used))).iter_rows(named=True):
        table, subject = row["subject_table"], row["subject_id"]
        said = [(s.text, row[s.source], row[s.start], row[s.end], row[s.text]) for s in claims if row[s.text]]
        if not table or not subject or not said:
            continue
        if table in NAMED:
            forms = names.get((table, subject))
            if forms is None:
                continue
            ok = [any(f in low for f in forms) for low in (quote.lower() for *_, quote in said)]
            why = "names it (by any of its name forms)"
        elif table == "sources":
            ok = [source == subject for _, source, *_ in said]
            why = "is taken from it"
        elif table in own:
            if (table, subject) not in own[table]:
                continue
            mine = own[table][table, subject]
            ok = [any(other == source and _meets(texts.get(source), a, b, c, d) for other, c, d in mine)
                  for _, source, a, b, _ in said]
            why = "overlaps or adjoins a passage of it or of a row linked to it, names an actor linked to it"
        else:
            continue
        judged.append((row, table, subject, said, ok, why))
    # what else a claim may touch, gathered only for the subjects a claim did not meet (few)
    about = _about(inputs, {(t, s) for _, t, s, _, ok, _ in judged if (t, s) in passaged and not all(ok)})
    for row, table, subject, said, ok, why in judged:
        it = about.get((table, subject))
        if it is not None:
            ok = [fits or _touches(texts.get(source), source, a, b, quote, it) for fits, (_, source, a, b, quote) in zip(ok, said, strict=True)]
            why += ", or holds its number" if it.values else ""
        name = row.get("discrepancy_id") or "the discrepancy"
        if not any(ok):
            yield Finding(TABLE, row["_row"], "subject_id", subject, f"{name} is about {table} {subject}, but none of its claims {why}")
            continue
        for (column, *_, quote), fits in zip(said, ok, strict=True):
            if not fits and not any(good and _variant(quote, other) for (*_, other), good in zip(said, ok, strict=True)):
                yield Finding(TABLE, row["_row"], column, quote,
                              f"{name} is about {table} {subject}, but this claim is not (a claim about it {why}): "
                              f"both claims of a discrepancy are about its subject")


def _variant(one: str, other: str) -> bool:
    """Whether one claim is the other's words with one changed (a repeated paragraph with another name,
    D012): all but one of the shorter claim's words, and at least two, are words of the other."""
    a, b = _WORD.findall(one.lower()), _WORD.findall(other.lower())
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(1 for w in short if w in set(long))
    return shared >= 2 and shared >= len(short) - 1


@cache
def _named(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the (lower-cased) name forms as whole words: 'as' (the United States) is no part of 'pasukan'."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})(?!\w)")


def _touches(text: str | None, source: str | None, a: int | None, b: int | None, quote: str, it: About) -> bool:
    if source is not None and any(_meets(text, a, b, c, d) for passages in (it.passages, *it.kin) for c, d in passages.get(source, ())):
        return True
    if it.forms and _named(tuple(sorted(it.forms))).search(quote.lower()):
        return True
    if it.values:
        for tok in number_tokens(quote):
            reading = numbers.read(tok.text)
            if reading is not None and reading.value in it.values:
                return True
    return False


def _about(inputs: Inputs, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], About]:
    """(table, id) -> what a claim about that row may touch: its passages, those of rows linked to it
    and of rows of its table sharing its actor, the name forms of its actors, a figure's value."""
    out: dict[tuple[str, str], About] = {k: About() for k in wanted}
    links: dict[tuple[str, str], set[tuple[str, str]]] = {k: set() for k in wanted}  # -> rows whose passages count
    actors: dict[tuple[str, str], set[str]] = {k: set() for k in wanted}
    kin: dict[tuple[str, str], list[tuple[str, str, object]]] = {k: [] for k in wanted}  # -> (table, column, actor)
    members: dict[tuple[str, str, object], list[tuple[str, str]]] = {}  # (table, column, actor) -> its rows
    for table in sorted({t for t, _ in wanted}):
        if table not in inputs.tables:
            continue
        ids = sorted(v for t, v in wanted if t == table)
        key = inputs.table(table).id_field
        rels = [r for r in inputs.model.tables[table].relations if len(r.fields) == 1]
        own_actor = {f.name for f in inputs.model.tables[table].fields if f.required}
        if key:
            typed = inputs.typed(table)
            cols = [c for c in dict.fromkeys([key, *(r.fields[0] for r in rels), "value"]) if c in typed.columns]
            shared: dict[str, set[object]] = {}  # actor column -> the subjects' own actors
            for row in typed.select(cols).filter(pl.col(key).is_in(ids)).iter_rows(named=True):
                k = (table, row[key])
                for r in rels:
                    value = row.get(r.fields[0])
                    if value is None or r.ref_table in ("sources", "places"):
                        continue
                    if r.ref_table == "actors":
                        if r.fields[0] in own_actor:  # the row's own actor (a statement's speaker), not a relay
                            actors[k].add(value)
                            shared.setdefault(r.fields[0], set()).add(value)
                            kin[k].append((table, r.fields[0], value))
                    else:
                        links[k].add((r.ref_table, value))  # a statement's or figure's event
                if isinstance(row.get("value"), int):
                    out[k].values.add(row["value"])
            # the rows of its table sharing an actor (a speaker's other words): one filter per column, the rows
            # kept once per actor (not once per subject of that actor)
            for column, by in shared.items():
                rows = typed.select(key, column).drop_nulls().filter(pl.col(column).is_in(list(by)))
                for other, value in rows.iter_rows():
                    members.setdefault((table, column, value), []).append((table, other))
        # link tables with no id of their own that tie actors to it (event_actors)
        for rel in inputs.model.referencing(table):
            holder = inputs.table(rel.table)
            if len(rel.fields) != 1 or rel.table == TABLE or holder.id_field is not None:
                continue
            for other in inputs.model.tables[rel.table].relations:
                if len(other.fields) == 1 and other.ref_table == "actors":
                    pairs = inputs.typed(rel.table).select(rel.fields[0], other.fields[0]).drop_nulls().filter(pl.col(rel.fields[0]).is_in(ids))
                    for value, actor in pairs.iter_rows():
                        actors[table, value].add(actor)
    every = {x for k in wanted for x in (k, *links[k])} | {x for rows in members.values() for x in rows}
    spans = _spans(inputs, every)
    for k in wanted:
        for row in (k, *links[k]):
            for source, c, d in spans.get(row[0], {}).get(row, ()):
                out[k].passages.setdefault(source, []).append((c, d))
    together: dict[tuple[str, str, object], dict[str, list[tuple[int, int]]]] = {}
    for group, rows in members.items():
        passages = together[group] = {}
        for row in rows:
            for source, c, d in spans.get(row[0], {}).get(row, ()):
                passages.setdefault(source, []).append((c, d))
    for k in wanted:
        out[k].kin = [together[g] for g in dict.fromkeys(kin[k]) if g in together]
    named = _names(inputs, {("actors", a) for k in wanted for a in actors[k]})
    for k in wanted:
        for a in actors[k]:
            out[k].forms.update(named.get(("actors", a), ()))
    return out


def _names(inputs: Inputs, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    if not wanted:
        return {}
    only: dict[str, list[str]] = {}
    for table, value in wanted:
        only.setdefault(table, []).append(value)
    forms = named_forms(inputs, groups=True, only=only)
    return {(t, v): tuple(fs) for t, v, fs in forms.group_by("_target", "_value").agg("_form").iter_rows()}


def _spans(inputs: Inputs, wanted: set[tuple[str, str]], *, linked: bool = True) -> dict[str, dict[tuple[str, str], list[tuple[str, int, int]]]]:
    """table -> (table, id) -> the passages (source, start, end) of the ``wanted`` rows: their own claim
    spans, and those of the rows that point at them: the link tables' (no id of their own: an event's
    event_sources), and when ``linked`` those of rows with ids too (an event's statements and figures)."""
    out: dict[str, dict[tuple[str, str], list[tuple[str, int, int]]]] = {}
    for table in sorted({t for t, _ in wanted}):
        ids = sorted(v for t, v in wanted if t == table)
        if table not in inputs.tables:
            continue
        places: list[tuple[str, str, object]] = []  # (holding table, key column, span)
        key = inputs.table(table).id_field
        if key:
            places += [(table, key, s) for s in inputs.table(table).spans_of("claim")]
        for rel in inputs.model.referencing(table):
            if len(rel.fields) == 1 and rel.table != TABLE and (linked or inputs.table(rel.table).id_field is None):
                places += [(rel.table, rel.fields[0], s) for s in inputs.table(rel.table).spans_of("claim")]
        found: dict[tuple[str, str], list[tuple[str, int, int]]] = {}
        for holder, column, span in places:
            if column == span.source:  # type: ignore[attr-defined]
                continue  # a passage's own source is not what it is about
            cols = (column, span.source, span.start, span.end)  # type: ignore[attr-defined]
            rows = inputs.typed(holder).select(cols).drop_nulls().filter(pl.col(column).is_in(ids))
            for value, source, a, b in rows.iter_rows():
                found.setdefault((table, value), []).append((source, a, b))
        if found:
            out[table] = found
    return out


def _meets(text: str | None, a: int | None, b: int | None, c: int, d: int) -> bool:
    """Whether [a, b) overlaps [c, d) or only spaces lie between them in ``text``."""
    if a is None or b is None:
        return False
    if a < d and c < b:
        return True
    gap = (text or "")[min(b, d):max(a, c)] if text is not None else None
    return gap is not None and gap.strip() == ""
