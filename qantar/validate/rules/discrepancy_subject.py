"""discrepancy-subject-fits: a discrepancy's claims are about its subject.

A discrepancy records two claims (claim_a, claim_b: passages of the articles) that disagree about
one subject (subject_table, subject_id). An actor or place subject is named in one of the claims (by
one of its name forms, a group's too: the claims speak of it; a country also by its cities and regions); a source subject is one claim's
source; a row with passages of its own (a figure, a statement; an event through event_sources) has
one that a claim overlaps or adjoins (only spaces between: the sentence that dates a statement
follows it). A discrepancy re-attached to another subject keeps every key valid; its claims then
speak of something else.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.named_by_source import NAMED, named_forms

TABLE = "discrepancies"


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
    spans = _spans(inputs, {k for k in wanted if k[0] not in NAMED and k[0] != "sources"})
    # only the columns read below (a dict per row of every column cost more than the rule's work)
    used = ["_row", "subject_table", "subject_id", *(c for s in claims for c in (s.source, s.start, s.end, s.text)),
            *(c for c in ("discrepancy_id",) if c in frame.columns)]
    for row in frame.select(list(dict.fromkeys(used))).iter_rows(named=True):
        table, subject = row["subject_table"], row["subject_id"]
        said = [(row[s.source], row[s.start], row[s.end], row[s.text]) for s in claims if row[s.text]]
        if not table or not subject or not said:
            continue
        if table in NAMED:
            forms = names.get((table, subject))
            lows = [quote.lower() for *_, quote in said]  # each claim lower-cased once, not once per form
            ok = forms is None or any(f in low for low in lows for f in forms)
            why = "names it (by any of its name forms)"
        elif table == "sources":
            ok = any(source == subject for source, *_ in said)
            why = "is taken from it"
        elif table in spans:
            ok = (table, subject) not in spans[table] or any(
                _meets(texts.get(source), a, b, c, d) for source, a, b, _ in said
                for other, c, d in spans[table][table, subject] if other == source)
            why = "overlaps or adjoins a passage of it"
        else:
            continue
        if not ok:
            yield Finding(TABLE, row["_row"], "subject_id", subject,
                          f"{row.get('discrepancy_id') or 'the discrepancy'} is about {table} {subject}, but none of its claims {why}")


def _names(inputs: Inputs, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    if not wanted:
        return {}
    only: dict[str, list[str]] = {}
    for table, value in wanted:
        only.setdefault(table, []).append(value)
    forms = named_forms(inputs, groups=True, only=only)
    return {(t, v): tuple(fs) for t, v, fs in forms.group_by("_target", "_value").agg("_form").iter_rows()}


def _spans(inputs: Inputs, wanted: set[tuple[str, str]]) -> dict[str, dict[tuple[str, str], list[tuple[str, int, int]]]]:
    """table -> (table, id) -> the passages (source, start, end) of the ``wanted`` rows: their own claim
    spans, and those of the link tables (no id of their own) that point at them (an event's event_sources)."""
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
            if len(rel.fields) == 1 and rel.table != TABLE and inputs.table(rel.table).id_field is None:
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
