"""Small HTML helpers shared by the page generators: front matter, cells, data tables, numbers.

Generated pages are Markdown files whose data parts are raw HTML blocks; every value in them goes
through ``escape.html_text`` (see escape.py), which also keeps a block free of blank lines.
"""

from __future__ import annotations

import json
from typing import Any

from qantar.model import Field, Table

from .data import Site
from .escape import html_text
from .links import article_src, href, key_links, row_id, subject_row, table_src
from .search import label_field


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


def fmt_int(n: int) -> str:
    return f"{n:,}"


def numeric(f: Field) -> bool:
    return f.type in ("integer", "number")


def _key_link(site: Site, table: Table, name: str) -> str | None:
    """The table a single-field foreign key ``name`` leads to, when it references that table's key."""
    ref_table, ref_field = key_links(table).get(name, ("", ""))
    ref = site.table(ref_table)
    return ref_table if ref is not None and ref.primary_key == (ref_field,) else None


def cell_html(site: Site, table: Table, f: Field, row: dict[str, Any], from_src: str) -> str:
    """One cell as HTML: a key leads to its row, an article's id to its page, an offset to its passage."""
    value = row.get(f.name)
    if value is None or value == "":
        return missing()
    ref = _key_link(site, table, f.name)
    if ref is not None:
        return f'<a href="{html_text(href(from_src, table_src(ref), value))}">{html_text(value)}</a>'
    if f.name == table.id_field and value in site.texts:
        # A source's own id leads to its article page with the highlighted passages.
        return f'<a href="{html_text(href(from_src, article_src(value)))}" title="article text and quotes">{html_text(value)}</a>'
    subject = site.table(row.get("subject_table") or "")
    if f.name == "subject_id" and subject is not None and row.get("decision") != "remove_row":
        # A register row about a row of another table (discrepancies, coding_decisions); a removed
        # row has no anchor left to link to.
        url = href(from_src, table_src(subject.name), subject_row(subject, value))
        return f'<a href="{html_text(url)}">{html_text(value)}</a>'
    for span in table.spans:
        if f.name == span.start and row.get(span.source) in site.texts:
            url = href(from_src, article_src(row[span.source]), f"c{value}")
            return f'<a href="{html_text(url)}" title="show this passage in the article">{html_text(value)}</a>'
    if f.type == "list":
        items = [html_text(v) for v in str(value).split(f.delimiter)]
        return '<span class="qantar-list">' + '<span class="qantar-sep"> | </span>'.join(
            f"<span>{i}</span>" for i in items
        ) + "</span>"
    return html_text(value)


def width_class(site: Site, table: Table, f: Field) -> str:
    """Short columns (codes, identifiers) do not wrap; long text columns get room to breathe."""
    values = [str(v or "") for v in site.frame(table.name)[f.name].to_list()]
    longest = max((len(v) for v in values), default=0)
    if longest <= 28 or (longest <= 40 and not any(" " in v for v in values)):
        return "qantar-short"
    if longest >= 90:
        return "qantar-long"
    return ""


def columns(table: Table) -> list[Field]:
    """The order of a data table's columns: the key, then what the row is (``summary_en``, ``name_en``:
    ``search.label_field``), then the rest as the descriptor lists them, so that a wide table shows
    what each row is without scrolling sideways (the first column also stays in view: qantar.css)."""
    label = label_field(table)
    first = [*(table.primary_key or table.field_names[:1]), *([label] if label else [])]
    return [table.field(n) for n in dict.fromkeys(first)] + [f for f in table.fields if f.name not in first]


def data_table(site: Site, table: Table, from_src: str) -> str:
    """The rows of a table as a sortable, filterable HTML table (see assets/javascripts/tables.js)."""
    fields = columns(table)
    label = label_field(table)
    parts = [
        # Left out of the site search, which has an entry per row instead (search.py).
        f'<div class="qantar-table-wrap qantar-data" data-search-exclude><table data-table="{html_text(table.name)}">',
        "<thead><tr>",
    ]
    for f in fields:
        kind = "num" if numeric(f) else "text"
        parts.append(f'<th data-type="{kind}" title="{html_text(f.description)}" scope="col">{html_text(f.name)}</th>')
    parts.append("</tr></thead><tbody>")
    classes = {f.name: "qantar-num" if numeric(f) else width_class(site, table, f) for f in fields}
    if label is not None and not numeric(table.field(label)):
        classes[label] = "qantar-label"
    for row in site.rows(table.name):
        parts.append(f'<tr id="{html_text(row_id(table, row))}">')
        for f in fields:
            cls = f' class="{classes[f.name]}"' if classes[f.name] else ""
            parts.append(f"<td{cls}>{cell_html(site, table, f, row, from_src)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)
