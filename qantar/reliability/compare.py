"""Compare two codings: recall both ways, agreement per field, and every disagreement.

``compare(first, second)`` returns a :class:`Result` with ``summary`` (a JSON-ready dict) and
``disagreements`` (a polars frame, one row per claim missing on one side and per differing field
of a matched pair).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from . import metrics
from .align import ORDER, Alignment, Comparison
from .coding import Coding
from .corroboration import compare_map
from .fields import EMPTY, FIELDS, TRANSLATED, Field, plain, text_key
from .spans import jaccard
from .translation import differs
from .units import Unit

DISAGREEMENT_COLUMNS = ("table", "article", "first_id", "second_id", "field", "first_value",
                        "second_value", "first_quote", "second_quote", "kind", "note")

# Passages at least this alike (shared characters over characters covered) translate the same
# Indonesian, so their English can be screened for changed markers.
SAME_PASSAGE = 0.8


@dataclass
class Result:
    summary: dict
    disagreements: pl.DataFrame
    comparison: Comparison


def compare(first: Coding, second: Coding) -> Result:
    cmp = Comparison(first, second)
    rows: list[dict] = []
    tables = {}
    screen = {"pairs": 0, "same_markers": 0}
    for table in ORDER:
        al = cmp.alignments[table]
        tables[table] = {**_recall(al), "fields": _fields(cmp, al, rows)}
        if table == "event_actors":
            tables[table].update(_links_given_ends(cmp, al))
        rows.extend(_claims(cmp, al))
        if table in TRANSLATED:
            _translations(al, rows, screen)
    screen["agreement"] = screen["same_markers"] / screen["pairs"] if screen["pairs"] else None
    frame = pl.DataFrame(rows, schema={c: pl.String for c in DISAGREEMENT_COLUMNS}, orient="row")
    summary = {
        "first": _describe(first),
        "second": _describe(second),
        "tables": tables,
        "translation_screen": screen,
        "corroboration": compare_map(first, second),
        "disagreements_by_kind": dict(sorted(
            frame.group_by("kind").len().iter_rows(), key=lambda kv: (-kv[1], kv[0]))),
        "disagreements": frame.height,
    }
    return Result(summary, frame, cmp)


def _describe(coding: Coding) -> dict:
    return {"label": coding.label,
            "parts": {p: sorted(s) for p, s in sorted(coding.part_sources.items())},
            "tables_absent": {p: list(t) for p, t in sorted(coding.missing_tables.items()) if t},
            "rows": {t: coding.tables[t].height for t in coding.tables}}


def _recall(al: Alignment) -> dict:
    na, nb = len(al.a), len(al.b)
    found_a = sum(1 for i in range(na) if al.status_a(i) != "missing")
    found_b = sum(1 for j in range(nb) if al.status_b(j) != "extra")
    by_article: dict[str, dict] = {}
    for side, units, status in (("first", al.a, al.status_a), ("second", al.b, al.status_b)):
        for k, u in enumerate(units):
            for src in u.source.split("|"):
                d = by_article.setdefault(src, {"first": 0, "first_found": 0, "second": 0, "second_found": 0})
                d[side] += 1
                d[f"{side}_found"] += status(k) not in ("missing", "extra")
    for d in by_article.values():
        d["recall_first_in_second"] = d["first_found"] / d["first"] if d["first"] else None
        d["recall_second_in_first"] = d["second_found"] / d["second"] if d["second"] else None
    return {
        "units_first": na, "units_second": nb, "pairs": len(al.pairs),
        "found_first_in_second": found_a, "found_second_in_first": found_b,
        "recall_first_in_second": found_a / na if na else None,
        "recall_second_in_first": found_b / nb if nb else None,
        "strict_recall_first_in_second": len(al.a_to_b) / na if na else None,
        "strict_recall_second_in_first": len(al.b_to_a) / nb if nb else None,
        "split": sum(1 for j in range(nb) if al.status_b(j) == "split"),
        "merged": sum(1 for i in range(na) if al.status_a(i) == "merged"),
        "by_article": dict(sorted(by_article.items())),
    }


def value(cmp: Comparison, f: Field, unit: Unit, side: str):
    """The value a unit has for a field, in the first coding's terms (see fields.py)."""
    row = unit.row
    if f.measure == "interval":
        return tuple(plain(row.get(c)) for c in f.columns)
    raw = row.get(f.columns[0])
    if f.measure == "ref":
        if raw is None:
            return EMPTY
        if side == "first":
            return raw
        return cmp.counterpart(f.refers, raw, unit.source) or f"≠{raw}"
    if f.measure == "text":
        return text_key(raw)
    return plain(raw)


def _shown(f: Field, unit: Unit, v) -> str:
    if f.measure == "interval":
        return "..".join(v)
    if f.measure == "text":
        return plain(unit.row.get(f.columns[0]))
    if f.measure == "ref":
        raw = unit.row.get(f.columns[0])
        return v if raw is None or v == raw else f"{raw} (= {v})" if not v.startswith("≠") else f"{raw} (paired with no first-coding row)"
    return v


def _fields(cmp: Comparison, al: Alignment, rows: list[dict]) -> dict:
    out = {}
    for f in FIELDS[al.table]:
        pairs, conventions = [], 0
        for i, j in al.pairs:
            ua, ub = al.a[i], al.b[j]
            if f.columns[0] not in ua.row and f.columns[0] not in ub.row:
                continue
            va, vb = value(cmp, f, ua, "first"), value(cmp, f, ub, "second")
            pairs.append((va, vb))
            if (metrics._num(va) != metrics._num(vb)) if f.measure == "exact" else va != vb:
                kind, note = _classify(al.table, f, ua, ub, va, vb)
                if kind != f.kind:
                    conventions += 1
                if ua.spans and ub.spans:
                    # A weak overlap warns that the pair may be two claims sharing a passage.
                    note = "; ".join(filter(None, [f"passages overlap {jaccard(ua.spans, ub.spans):.2f}", note]))
                rows.append(_row(al.table, ua, ub, f.name, _shown(f, ua, va), _shown(f, ub, vb), kind, note))
        if f.measure == "interval":
            out[f.name] = metrics.interval(pairs)
        elif f.measure == "exact":
            out[f.name] = metrics.exact(pairs)
        else:
            out[f.name] = metrics.nominal(pairs)
        out[f.name]["kind"] = f.kind
        if conventions:
            out[f.name]["differences_of_convention_only"] = conventions
    return out


def _classify(table: str, f: Field, ua: Unit, ub: Unit, va, vb) -> tuple[str, str]:
    """The kind of a field difference; a bound left empty by one coding and set to the point
    value by the other says the same thing under two conventions (the guide requires bounds
    only for vague figures), so it is told apart from a real difference of number."""
    if table == "figures" and f.name in ("value_low", "value_high"):
        point_a, point_b = plain(ua.row.get("value")), plain(ub.row.get("value"))
        if point_a == point_b and {va, vb} == {EMPTY, point_a}:
            return "number_convention", "one coding leaves the bound empty, the other repeats the point value"
    if table == "discrepancies":
        # Discrepancies are aligned by their claims' passages only: show what each one is about, since
        # two coders may have seen different problems in the same passage.
        return f.kind, f"first: {ua.row.get('description_en')} | second: {ub.row.get('description_en')}"
    return f.kind, ""


def describe(unit: Unit) -> str:
    """A one-line account of a claim for the list of missing ones."""
    r = unit.row
    g = r.get
    return {
        "sources": lambda: f"{g('genre')}; outlet {g('outlet')}",
        "actors": lambda: f"{g('name_en')} ({g('actor_type')}); forms here: {unit.quote}",
        "places": lambda: f"{g('name_en')} ({g('place_type')}); forms here: {unit.quote}",
        "events": lambda: f"{g('event_type')}, {g('status')}, {g('date_start')}..{g('date_end')}: {g('summary_en')}",
        "event_actors": lambda: f"{g('actor_id')} as {g('role')} in {g('event_id')}",
        "figures": lambda: f"{g('number_as_written')} = {g('value')} [{g('value_low')}, {g('value_high')}] "
                           f"{g('unit')}, {g('qualifier')}, measure {g('measure')}",
        "statements": lambda: f"{g('speaker_id')}, {g('speech_mode')}, {g('date_start')}..{g('date_end')}",
        "memberships": lambda: f"{g('member_id')} {g('role')} of {g('organisation_id')}",
        "exclusions": lambda: f"{g('reason')}: {g('text')}",
        "discrepancies": lambda: f"{g('kind')} on {g('subject_table')} {g('subject_id')}: {g('description_en')}",
    }[unit.table]()


def _claims(cmp: Comparison, al: Alignment) -> list[dict]:
    rows = []
    for i, ua in enumerate(al.a):
        st = al.status_a(i)
        if st == "matched":
            continue
        other = al.best_other("a", i)
        if st == "missing":
            kind, note = _elsewhere(cmp, al.table, ua, "b")
            rows.append(_row(al.table, ua, None, "", describe(ua), "", kind, note or _why(cmp, al, ua)))
        else:
            rows.append(_row(al.table, ua, other, "", describe(ua), describe(other), "merge",
                             f"the second coding's {other.id} also covers this first-coding claim, "
                             f"which it aligned with {al.a[al.b_to_a[al.b.index(other)]].id}"))
    for j, ub in enumerate(al.b):
        st = al.status_b(j)
        if st == "matched":
            continue
        other = al.best_other("b", j)
        if st == "extra":
            kind, note = _elsewhere(cmp, al.table, ub, "a")
            rows.append(_row(al.table, None, ub, "", "", describe(ub), kind.replace("missing", "extra"),
                             note or _why(cmp, al, ub, "second")))
        else:
            note = (f"the first coding's {other.id} is aligned with "
                    f"{al.b[al.a_to_b[al.a.index(other)]].id}; this claim also overlaps it")
            if set(ub.source.split("|")) < set(other.source.split("|")):
                note += " (it covers only some of the articles the first-coding claim spans)"
            rows.append(_row(al.table, other, ub, "", describe(other), describe(ub), "split", note))
    return rows


def _elsewhere(cmp: Comparison, table: str, unit: Unit, other_side: str) -> tuple[str, str]:
    """A name missing from actors (places) that the other coding has among its places (actors)
    in the same article: the two codings put one name in different tables."""
    if table not in ("actors", "places"):
        return "missing_claim", ""
    twin = "places" if table == "actors" else "actors"
    al = cmp.alignments[twin]
    for u in (al.a if other_side == "a" else al.b):
        if u.source == unit.source and u.forms & unit.forms:
            return "actor_or_place", f"the other coding has this name in {twin} as {u.id}"
    return "missing_claim", ""


def _why(cmp: Comparison, al: Alignment, unit: Unit, side: str = "first") -> str:
    if al.table != "event_actors":
        return ""
    ev_ok, act_ok = _link_ends_aligned(cmp, unit, side)
    if not ev_ok:
        return "the event is not aligned in this article"
    if not act_ok:
        return "the actor is not aligned in this article"
    return "event and actor aligned; the other coding gives the actor no role in it"


def _link_ends_aligned(cmp: Comparison, unit: Unit, side: str) -> tuple[bool, bool]:
    """Whether an event_actors link's event and actor have counterparts in its article."""
    ev, actor = unit.row["event_id"], unit.row["actor_id"]
    if side == "second":
        return (cmp.counterpart("events", ev, unit.source) is not None,
                cmp.counterpart("actors", actor, unit.source) is not None)
    out = []
    for table, key in (("events", ev), ("actors", actor)):
        al = cmp.alignments[table]
        out.append(any(u.key == (key, unit.source) and i in al.a_to_b for i, u in enumerate(al.a)))
    return out[0], out[1]


def _links_given_ends(cmp: Comparison, al: Alignment) -> dict:
    """Recall of role links among those whose event and actor both have counterparts: it says
    how often the coders agree that an actor takes part in an event both of them coded."""
    out = {}
    for side, units, found in (("first", al.a, al.a_to_b), ("second", al.b, al.b_to_a)):
        eligible = [k for k, u in enumerate(units) if all(_link_ends_aligned(cmp, u, side))]
        n = len(eligible)
        hit = sum(k in found for k in eligible)
        other = "second" if side == "first" else "first"
        out[f"links_with_aligned_ends_{side}"] = n
        out[f"recall_{side}_in_{other}_given_aligned_ends"] = hit / n if n else None
    return out


def _translations(al: Alignment, rows: list[dict], screen: dict) -> None:
    for i, j in al.pairs:
        ua, ub = al.a[i], al.b[j]
        spans_a = ua.aux_spans or ua.spans
        spans_b = ub.aux_spans or ub.spans
        if not (ua.quote_en and ub.quote_en) or jaccard(spans_a, spans_b) < SAME_PASSAGE:
            continue
        screen["pairs"] += 1
        changed = differs(ua.quote_en, ub.quote_en)
        if not changed:
            screen["same_markers"] += 1
            continue
        rows.append(_row(al.table, ua, ub, "quote_en", ua.quote_en, ub.quote_en, "translation",
                         "markers in one translation only: " + ", ".join(sorted(changed))))


def _row(table, ua: Unit | None, ub: Unit | None, field, first_value, second_value, kind, note) -> dict:
    article = (ua or ub).source
    return {"table": table, "article": article,
            "first_id": ua.id if ua else "", "second_id": ub.id if ub else "",
            "field": field, "first_value": first_value, "second_value": second_value,
            "first_quote": ua.quote if ua else "", "second_quote": ub.quote if ub else "",
            "kind": kind, "note": note}
