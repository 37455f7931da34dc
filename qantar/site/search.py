"""The site search's entries for rows: one per row of every table, titled by its id and what it is.

The theme's search indexes pages by section; a table page is one section, so a search would show
the whole table as one blob of cells. The table blobs are left out of the index (``data-search-exclude``
on them, see ``render.data_table``) and each row gets an entry of its own instead, which leads to the
row on its table page (``tables/events.html#E012``) and reads ``E012 — <summary>`` under the
table's page. Its text holds every cell of the row, so any value finds it, and the names of the rows
it names (an event's place, the actors of ``event_actors``, a figure's actor): every name form an
actor or a place is known by (``name_forms``) finds the actor or place, and the events they took
part in. Nothing here knows a table: the labels, names and links come from the descriptor.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from qantar.model import Table

from .data import Site
from .escape import html_text, url_path
from .links import page_url, row_id, table_src

#: The search rank of the rows of a table that other tables reference (an actor, a place, an event):
#: the thing itself before the registers and link rows that mention it.
ENTITY_BOOST = 4

#: Fields that say what a row is, best first; a table without any is labelled by its first text field.
LABELS = ("summary_en", "name_en", "label", "title_en", "description_en", "counted_en", "quote_en", "text", "reason")


def label_field(t: Table) -> str | None:
    """The field whose value titles a row of ``t`` beside its id."""
    key = set(t.primary_key)
    for name in LABELS:
        if t.has(name) and name not in key:
            return name
    return next((f.name for f in t.fields if f.is_text and f.name not in key), None)


def name_fields(t: Table) -> list[str]:
    """The fields that hold what a row is called (``name_en``, ``name_forms``)."""
    return [f.name for f in t.fields if f.name.startswith("name")]


def _values(t: Table, row: dict[str, Any], fields: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in fields:
        value = row.get(name)
        if value in (None, ""):
            continue
        f = t.field(name)
        out += [v.strip() for v in str(value).split(f.delimiter)] if f.type == "list" else [str(value)]
    return list(dict.fromkeys(v for v in out if v))


def _names(site: Site) -> dict[tuple[str, str], list[str]]:
    """(table, key value) -> every name of that row, for the tables whose rows have names."""
    out: dict[tuple[str, str], list[str]] = {}
    for t in site.tables.values():
        fields = name_fields(t)
        if t.id_field is None or not fields:
            continue
        for row in site.rows(t.name):
            if row.get(t.id_field):
                out[(t.name, str(row[t.id_field]))] = _values(t, row, fields)
    return out


def _refs(t: Table, row: dict[str, Any], names: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    """The names of each named row that ``row`` references (an event's place, an event_actors' actor)."""
    out = []
    for r in t.relations:
        if len(r.fields) == 1 and row.get(r.fields[0]) not in (None, ""):
            found = names.get((r.ref_table, str(row[r.fields[0]])))
            if found and (r.ref_table, str(row[r.fields[0]])) != (t.name, str(row.get(t.id_field))):
                out.append(found)
    return out


def _linked(site: Site, names: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], list[str]]:
    """(table, key value) -> the names a row is linked to: those it references, and, for a row without
    names of its own (an event), those of the rows referenced beside it by the rows that reference it
    (the actors of an event in ``event_actors``, a figure's actor and place)."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    unnamed = {t.name for t in site.tables.values() if t.id_field and not name_fields(t)}
    # The articles (the table the spans' source columns reference) are cited by every row, not about them.
    articles = {r.ref_table for t in site.tables.values() for r in t.relations for s in t.spans if r.fields == (s.source,)}
    for t in site.tables.values():
        for row in site.rows(t.name):
            found = [n for group in _refs(t, row, names) for n in group]
            if t.id_field:
                out[(t.name, str(row.get(t.id_field)))] += found
            for r in t.relations:
                value = row.get(r.fields[0]) if len(r.fields) == 1 and r.ref_table not in articles else None
                if r.ref_table in unnamed and r.ref_table != t.name and value not in (None, ""):
                    out[(r.ref_table, str(value))] += found
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def entries(site: Site) -> list[dict[str, str]]:
    """One search entry per row of every table, in table and row order (the theme's index format:
    location, title and text, both HTML, and the rank ``boost`` of an entity's row)."""
    names = _names(site)
    linked = _linked(site, names)
    out = []
    for t in site.tables.values():
        boost = {"boost": ENTITY_BOOST} if any(r.table != t.name for r in site.package.referencing(t.name)) else {}
        label = label_field(t)
        page = page_url(table_src(t.name))
        for row in site.rows(t.name):
            key = " · ".join(str(row.get(k) or "") for k in t.primary_key or t.field_names[:1])
            what = row.get(label) if label else None
            if not what:  # a row of keys only (event_actors): the names it links
                what = ", ".join(group[0] for group in _refs(t, row, names))
            title = key + (f" — {what}" if what else "")
            own = (t.name, str(row.get(t.id_field))) if t.id_field else None
            also = [n for n in names.get(own, []) if n != what] if own else []
            text = [f"<p>Table <code>{html_text(t.name)}</code>, row <code>{html_text(key)}</code>.</p>"]
            if also:
                text.append(f"<p>Also called: {html_text(', '.join(also))}.</p>")
            links = linked.get(own, []) if own else [n for group in _refs(t, row, names) for n in group]
            if links:
                text.append(f"<p>Linked: {html_text(', '.join(links))}.</p>")
            text.append(f"<p>{html_text(' · '.join(_values(t, row, t.field_names)))}</p>")
            out.append({"location": url_path(page, row_id(t, row)), "title": html_text(title), "text": "".join(text)} | boost)
    return out


def add_to_index(index: str, site: Site) -> str:
    """The theme's ``search_index.json`` with the rows' entries, each after its table's page."""
    data = json.loads(index)
    rows = defaultdict(list)
    for entry in entries(site):
        rows[entry["location"].split("#", 1)[0]].append(entry)
    docs = []
    for doc in data.get("docs", []):
        docs.append(doc)
        if "#" not in doc["location"]:
            docs += rows.pop(doc["location"], [])
    data["docs"] = docs
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
