"""The units the comparison counts: one claim as one article makes it.

A unit is a row (or a group of rows) of one coding tied to one article. Events and actors are
split by article because a second coder who read one article can only be asked about that
article: an event the first coding reports from three sources is three units (one per source,
each with its passages), an actor named in two articles is two units (one per article, with the
name forms that occur there). Figures, statements, memberships and exclusions belong to one
article already; a discrepancy is one unit whatever the number of articles its claims come from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .coding import PART, ROW, Coding
from .spans import Span, locate


@dataclass
class Unit:
    table: str
    id: str                      # the coding's id of the claim (prefixed per part)
    source: str                  # the article ("000_..|002_.." for a discrepancy across articles)
    part: str
    row: dict                    # the fields compared
    spans: list[Span] = field(default_factory=list)   # what matching overlaps
    quote: str = ""              # the passage(s), for the disagreement list
    quote_en: str = ""
    forms: frozenset[str] = frozenset()               # actors and places: name forms in the article
    aux_spans: list[Span] = field(default_factory=list)  # figures: the whole quote (tie-break)

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.source)


def normal(text: str) -> str:
    """Same length as ``text``: non-breaking spaces and typographic quotes made plain, so that
    offsets found in the result hold in the original."""
    return (text.replace("\u00a0", " ").replace("“", '"').replace("”", '"')
            .replace("‘", "'").replace("’", "'"))


def form_key(form: str) -> str:
    return re.sub(r"\s+", " ", normal(form)).strip().casefold()


def occurs(form: str, text: str) -> bool:
    """Whether a name form occurs in an (already normalised) article as a whole word sequence."""
    form = re.sub(r"\s+", " ", normal(form)).strip()
    if not form:
        return False
    pattern = r"(?<!\w)" + re.escape(form).replace(r"\ ", r"\s+") + r"(?!\w)"
    return re.search(pattern, text) is not None


def _split_forms(value: str | None) -> list[str]:
    return [f.strip() for f in (value or "").split("|") if f.strip()]


def sources(coding: Coding) -> list[Unit]:
    return [Unit("sources", r["source_id"], r["source_id"], r[PART], r)
            for r in coding.rows("sources")]


def named(coding: Coding, table: str) -> list[Unit]:
    """Actors or places: one unit per article of the row's part in which a name form occurs."""
    id_col = "actor_id" if table == "actors" else "place_id"
    texts = {s: normal(t) for s, t in coding.texts.items()}
    units = []
    for r in coding.rows(table):
        forms = _split_forms(r.get("name_forms"))
        for src in sorted(coding.scope(r[PART])):
            present = [f for f in forms if occurs(f, texts[src])]
            if present:
                units.append(Unit(table, r[id_col], src, r[PART], r, quote="|".join(present),
                                  forms=frozenset(form_key(f) for f in present)))
    return units


def events(coding: Coding) -> list[Unit]:
    """One unit per event and article of its part, with that article's passages."""
    passages: dict[tuple[str, str], list[dict]] = {}
    for p in coding.rows("event_sources"):
        passages.setdefault((p["event_id"], p["source_id"]), []).append(p)
    by_id = {r["event_id"]: r for r in coding.rows("events")}
    units = []
    for (event_id, src), rows in sorted(passages.items()):
        ev = by_id.get(event_id)
        if ev is None or src not in coding.scope(ev[PART]):
            continue
        rows.sort(key=lambda p: int(p["char_start"]))
        units.append(Unit("events", event_id, src, ev[PART], ev,
                          spans=[(src, int(p["char_start"]), int(p["char_end"])) for p in rows],
                          quote=" … ".join(p["quote"] for p in rows),
                          quote_en=" … ".join(p.get("quote_en") or "" for p in rows)))
    return units


def quoted(coding: Coding, table: str, id_col: str) -> list[Unit]:
    """Figures, statements, memberships, exclusions: one row, one article, one quote."""
    units = []
    for r in coding.rows(table):
        src = r["source_id"]
        if src not in coding.scope(r[PART]):
            continue
        quote_span = [(src, int(r["char_start"]), int(r["char_end"]))]
        spans = quote_span
        if table == "figures":
            spans = [(src, int(r["number_char_start"]), int(r["number_char_end"]))]
        units.append(Unit(table, r[id_col], src, r[PART], r, spans=spans,
                          quote=r.get("quote") or r.get("text") or "", quote_en=r.get("quote_en") or "",
                          aux_spans=quote_span))
    return units


def discrepancies(coding: Coding) -> list[Unit]:
    units = []
    for r in coding.rows("discrepancies"):
        spans, quotes, quotes_en, srcs = [], [], [], []
        for side in ("a", "b"):
            src, quote = r.get(f"claim_{side}_source_id"), r.get(f"claim_{side}_quote")
            if src is None or quote is None:
                continue
            start, end = r.get(f"claim_{side}_char_start"), r.get(f"claim_{side}_char_end")
            if start is not None and end is not None:
                span = (int(start), int(end))
            else:
                span = locate(coding.texts[src], quote)
            if span is not None:
                spans.append((src, *span))
            quotes.append(quote)
            quotes_en.append(r.get(f"claim_{side}_en") or "")
            if src not in srcs:
                srcs.append(src)
        units.append(Unit("discrepancies", r["discrepancy_id"], "|".join(srcs), r[PART], r,
                          spans=spans, quote=" ‖ ".join(quotes), quote_en=" ‖ ".join(quotes_en)))
    return units


def event_actors(coding: Coding) -> list[Unit]:
    """One unit per (event, actor, source) link; its roles are the set the rows give."""
    links: dict[tuple[str, str, str], list[dict]] = {}
    for r in coding.rows("event_actors"):
        links.setdefault((r["event_id"], r["actor_id"], r["source_id"]), []).append(r)
    units = []
    for (event_id, actor_id, src), rows in sorted(links.items()):
        roles = "+".join(sorted({r["role"] or "" for r in rows}))
        row = {"event_id": event_id, "actor_id": actor_id, "source_id": src, "role": roles,
               PART: rows[0][PART], ROW: rows[0][ROW]}
        units.append(Unit("event_actors", f"{event_id}/{actor_id}", src, rows[0][PART], row))
    return units
