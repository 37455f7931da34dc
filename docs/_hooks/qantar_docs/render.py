"""Small HTML helpers shared by the page generators.

Generated pages are Markdown files whose data parts are raw HTML blocks; every value in them goes
through ``escape.html_text`` (see escape.py), which also keeps a block free of blank lines.
"""

from __future__ import annotations

import json
from typing import Any

from .data import Package, Table, article_src, href, table_src
from .escape import html_text


def front_matter(title: Any, *, hide_toc: bool = False) -> str:
    """YAML front matter giving the page its title as escaped text.

    The theme puts ``page.meta.title`` into ``<title>`` and the header as it is; without it, it would
    use the heading's text with its character references decoded (``striptags``), which a data value
    could use to leave the ``<title>`` element."""
    lines = ["---", f"title: {json.dumps(html_text(title))}"]
    if hide_toc:
        lines += ["hide:", "  - toc"]
    return "\n".join(lines + ["---", ""])


def missing() -> str:
    return '<span class="qantar-na" title="empty (missing value)"></span>'


def char_start_source_field(table: Table, fname: str) -> str | None:
    """For an offset field (``char_start``, ``claim_a_char_start`` ...) the field naming its source."""
    if not fname.endswith("char_start"):
        return None
    prefix = fname[: -len("char_start")]
    names = table.field_names
    for cand in (prefix + "source_id", prefix.rstrip("_") + "_source_id"):
        if cand in names:
            return cand
    if "source_id" in names:
        return "source_id"
    return None


def row_link(pkg: Package, from_src: str, table_name: str, value: str) -> str:
    return href(from_src, table_src(table_name), value)


def cell_html(pkg: Package, table: Table, fdef: dict[str, Any], row: dict[str, Any], from_src: str) -> str:
    name = fdef["name"]
    value = row.get(name)
    if value is None or value == "":
        return missing()
    fks = table.fk_links()
    if name in fks:
        ref_table, ref_field = fks[name]
        ref = pkg.table(ref_table)
        if ref is not None and ref.primary_key == [ref_field]:
            return f'<a href="{html_text(row_link(pkg, from_src, ref_table, value))}">{html_text(value)}</a>'
    if table.name == "sources" and name == "source_id":
        # The source's own id leads to its article page with the highlighted quotes.
        return f'<a href="{html_text(href(from_src, article_src(value)))}" title="article text and quotes">{html_text(value)}</a>'
    if (name == "subject_id" and row.get("subject_table") and pkg.table(row["subject_table"]) is not None
            and row.get("decision") != "remove_row"):  # a removed row has no anchor left to link to
        # A link table's key is written with '/' between its values (coding_decisions); its rows'
        # anchors join them with '--' (Table.row_id).
        anchor = value.replace("/", "--") if len(pkg.table(row["subject_table"]).primary_key) > 1 else value
        return f'<a href="{html_text(row_link(pkg, from_src, row["subject_table"], anchor))}">{html_text(value)}</a>'
    src_field = char_start_source_field(table, name)
    if src_field and row.get(src_field) in pkg.texts:
        url = href(from_src, article_src(row[src_field]), f"c{value}")
        return f'<a href="{html_text(url)}" title="show this passage in the article">{html_text(value)}</a>'
    if fdef.get("type") == "list":
        sep = fdef.get("delimiter", ",")
        items = [html_text(v) for v in str(value).split(sep)]
        return '<span class="qantar-list">' + '<span class="qantar-sep"> | </span>'.join(
            f"<span>{i}</span>" for i in items
        ) + "</span>"
    return html_text(value)


def numeric(fdef: dict[str, Any]) -> bool:
    return fdef.get("type") in ("integer", "number", "year")


def width_class(table: Table, fdef: dict[str, Any]) -> str:
    """Short columns (codes, identifiers) do not wrap; long text columns get room to breathe."""
    values = [str(r.get(fdef["name"]) or "") for r in table.rows]
    longest = max((len(v) for v in values), default=0)
    if longest <= 28 or (longest <= 40 and not any(" " in v for v in values)):
        return "qantar-short"
    if longest >= 90:
        return "qantar-long"
    return ""


def data_table(pkg: Package, table: Table, from_src: str) -> str:
    """The rows of a table as a sortable, filterable HTML table (see assets/javascripts/tables.js)."""
    parts = [
        f'<div class="qantar-table-wrap qantar-data"><table data-table="{html_text(table.name)}">',
        "<thead><tr>",
    ]
    for f in table.fields:
        kind = "num" if numeric(f) else "text"
        parts.append(
            f'<th data-type="{kind}" title="{html_text(f.get("description", ""))}" scope="col">{html_text(f["name"])}</th>'
        )
    parts.append("</tr></thead><tbody>")
    widths = {f["name"]: width_class(table, f) for f in table.fields}
    for row in table.rows:
        parts.append(f'<tr id="{html_text(table.row_id(row))}">')
        for f in table.fields:
            cls = "qantar-num" if numeric(f) else widths[f["name"]]
            cls = f' class="{cls}"' if cls else ""
            parts.append(f"<td{cls}>{cell_html(pkg, table, f, row, from_src)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


def fmt_int(n: int) -> str:
    return f"{n:,}"
