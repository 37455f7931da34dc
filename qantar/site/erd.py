"""Entity-relationship diagram of the package, drawn as a standalone SVG from the descriptor.

Hand-built rather than Mermaid (which mkdocs-material loads from a CDN) or Graphviz (a system binary the
docs build would then need): tables are boxes placed in columns, each foreign key a curve from the
referencing field to the referenced key with crow's-foot ends. The column of each known table is chosen so
that nearly every relation joins neighbouring columns; a table the layout does not know yet goes into an
extra column, so a new resource still appears (the layout only needs a line here to look tidy).
"""

from __future__ import annotations

from qantar.model import Table

from .data import Site
from .escape import anchor, svg_text  # a standalone SVG file too: XML text
from .links import href, key_links

# Column and order within the column. Picked so that relations run between adjacent columns.
LAYOUT: list[list[str]] = [
    ["event_types"],
    ["events", "places", "measures"],
    ["event_actors", "event_sources", "statements", "figures"],
    ["actors", "sources"],
    ["memberships", "discrepancies"],
]

BOX_W = 204
HEAD_H = 26
ROW_H = 18
COL_GAP = 84
ROW_GAP = 34
PAD = 24

EDGE_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]


def _layout(site: Site) -> list[list[str]]:
    known = {t for col in LAYOUT for t in col}
    cols = [[t for t in col if t in site.tables] for col in LAYOUT]
    extra = [t for t in site.tables if t not in known]
    if extra:
        cols.append(extra)
    return [c for c in cols if c]


def _shown_fields(table: Table) -> list[str]:
    keys = set(table.primary_key)
    for r in table.relations:
        keys.update(r.fields)
    return [f for f in table.field_names if f in keys]


def erd_svg(site: Site, from_src: str | None = None) -> str:
    """Return the SVG document. ``from_src``: page the SVG is inlined in, to make table names links."""
    cols = _layout(site)
    boxes: dict[str, dict] = {}
    col_heights = []
    for ci, col in enumerate(cols):
        y = PAD + 28
        for name in col:
            t = site.tables[name]
            shown = _shown_fields(t)
            more = len(t.field_names) - len(shown)
            n_rows = len(shown) + (1 if more else 0)
            h = HEAD_H + n_rows * ROW_H + 6
            x = PAD + ci * (BOX_W + COL_GAP)
            boxes[name] = {"x": x, "y": y, "h": h, "col": ci, "fields": shown, "more": more}
            y += h + ROW_GAP
        col_heights.append(y)
    width = PAD * 2 + len(cols) * BOX_W + (len(cols) - 1) * COL_GAP
    height = max(col_heights) + PAD - ROW_GAP + 40

    def field_y(name: str, field: str) -> float:
        b = boxes[name]
        if field in b["fields"]:
            return b["y"] + HEAD_H + b["fields"].index(field) * ROW_H + ROW_H / 2 + 3
        return b["y"] + HEAD_H / 2

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qantar-erd" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="erd-title erd-desc" '
        'font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" font-size="12">',
        '<title id="erd-title">Entity-relationship diagram of the Qantar tables</title>',
        f'<desc id="erd-desc">{len(site.tables)} tables with their primary keys (PK) and foreign keys (FK); '
        "each curve joins a foreign key to the key it references, the crow's foot at the referencing side "
        "(many rows), the bar at the referenced side (one row; a circle too when the foreign key may be empty).</desc>",
        '<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="{PAD}" y="{PAD + 8}" font-size="13" fill="#444">PK primary key · FK foreign key · '
        "crow's foot = many rows · bar = one row · circle = optional</text>",
    ]
    # Edges first, boxes on top.
    parents = sorted({ref for t in site.tables.values() for ref, _ in key_links(t).values()})
    colour = {p: EDGE_COLOURS[i % len(EDGE_COLOURS)] for i, p in enumerate(parents)}
    edges = []
    for name, t in site.tables.items():
        required = {f.name for f in t.fields if f.required}
        for fld, (ref, ref_field) in key_links(t).items():
            if ref not in boxes:
                continue
            edges.append((name, fld, ref, ref_field, fld in required))
    for child, fld, parent, pfield, req in edges:
        cb, pb = boxes[child], boxes[parent]
        y1, y2 = field_y(child, fld), field_y(parent, pfield)
        c = colour.get(parent, "#555")
        if pb["col"] < cb["col"]:
            x1, x2, s = cb["x"], pb["x"] + BOX_W, -1  # leave the child leftwards
        elif pb["col"] > cb["col"]:
            x1, x2, s = cb["x"] + BOX_W, pb["x"], 1
        else:  # same column: loop out to the left
            x1, x2, s = cb["x"], pb["x"], -1
        if pb["col"] == cb["col"]:
            d = f"M{x1},{y1} C{x1 - 70},{y1} {x2 - 70},{y2} {x2},{y2}"
            end_dir = -1
        else:
            dx = abs(x2 - x1) / 2
            d = f"M{x1},{y1} C{x1 + s * dx},{y1} {x2 - s * dx},{y2} {x2},{y2}"
            end_dir = -s
        out.append(
            f'<path d="{d}" fill="none" stroke="{c}" stroke-width="1.6" opacity="0.85">'
            f"<title>{svg_text(child)}.{svg_text(fld)} → {svg_text(parent)}.{svg_text(pfield)}</title></path>"
        )
        # Crow's foot at the child end (many).
        fx = x1 + s * 12
        out.append(
            f'<path d="M{fx},{y1} L{x1},{y1 - 6} M{fx},{y1} L{x1},{y1 + 6} M{fx},{y1} L{x1},{y1}" '
            f'stroke="{c}" stroke-width="1.6" fill="none"/>'
        )
        # Bar (one) at the parent end, plus a circle when the foreign key is optional.
        bx = x2 + end_dir * 8
        out.append(f'<line x1="{bx}" y1="{y2 - 6}" x2="{bx}" y2="{y2 + 6}" stroke="{c}" stroke-width="1.6"/>')
        if not req:
            cx = x2 + end_dir * 17
            out.append(f'<circle cx="{cx}" cy="{y2}" r="4" fill="#fff" stroke="{c}" stroke-width="1.4"/>')
    for name, b in boxes.items():
        t = site.tables[name]
        x, y, h = b["x"], b["y"], b["h"]
        pk = set(t.primary_key)
        fks = set(key_links(t))
        link_open = link_close = ""
        if from_src is not None:
            link_open = f'<a href="{svg_text(href(from_src, "data-dictionary.md", name))}">'
            link_close = "</a>"
        out.append(f'<g class="erd-table" id="erd-{anchor(name)}">')
        out.append(f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{h}" rx="5" fill="#fbfbfd" stroke="#3f51b5" stroke-width="1.3"/>')
        out.append(f'<path d="M{x},{y + 5} a5,5 0 0 1 5,-5 h{BOX_W - 10} a5,5 0 0 1 5,5 v{HEAD_H - 5} h-{BOX_W} z" fill="#3f51b5"/>')
        out.append(
            f'{link_open}<text x="{x + 10}" y="{y + 17}" fill="#fff" font-weight="bold" font-size="13">{svg_text(name)}'
            f'<tspan fill="#dfe3ff" font-weight="normal" font-size="11"> ({site.frame(name).height} rows)</tspan></text>{link_close}'
        )
        for i, fld in enumerate(b["fields"]):
            fy = y + HEAD_H + i * ROW_H + ROW_H / 2 + 7
            tags = []
            if fld in pk:
                tags.append("PK")
            if fld in fks:
                tags.append("FK")
            weight = ' font-weight="bold"' if fld in pk else ""
            out.append(f'<text x="{x + 10}" y="{fy}"{weight} fill="#222">{svg_text(fld)}</text>')
            out.append(f'<text x="{x + BOX_W - 10}" y="{fy}" text-anchor="end" fill="#3f51b5" font-size="10">{" ".join(tags)}</text>')
        if b["more"]:
            fy = y + HEAD_H + len(b["fields"]) * ROW_H + ROW_H / 2 + 7
            out.append(f'<text x="{x + 10}" y="{fy}" fill="#777" font-style="italic" font-size="11">+ {b["more"]} more fields</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
