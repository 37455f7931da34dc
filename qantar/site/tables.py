"""The tables: an index, and one page per table with its rows as a sortable, filterable HTML table."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from qantar.model import Table

from . import downloads
from .data import Site
from .escape import html_text, md_text
from .links import mdref, table_src
from .render import data_table, fmt_int, front_matter

INDEX = "tables/index.md"


def table_page(site: Site, t: Table) -> str:
    src = table_src(t.name)
    data = site.read_bytes(t.path) if t.path else None
    name = PurePosixPath(t.path).name if t.path else t.name
    lines = [front_matter(t.name, hide_toc=True), f"# {md_text(t.name)}", ""]
    lines += [f'<p class="qantar-lead">{html_text(t.description)}</p>', ""]
    pk = ", ".join(f"<code>{md_text(k)}</code>" for k in t.primary_key) or "none"
    lines += [
        f"**{fmt_int(site.frame(t.name).height)} rows**, {len(t.fields)} fields · primary key {pk} · "
        f"[field definitions]({mdref(src, 'data-dictionary.md', t.name)})",
        "",
    ]
    if data is not None:
        buttons = [f"[:material-download: <code>{md_text(name)}</code>]({mdref(src, t.path)}){{ .md-button }} "
                   f"CSV, {fmt_int(len(data))} bytes"]
        export = downloads.parquet(site, t.name)
        if export is not None:
            parquet = downloads.parquet_path(t.name)
            buttons.append(f"[:material-download: <code>{md_text(PurePosixPath(parquet).name)}</code>]({mdref(src, parquet)})"
                           f"{{ .md-button }} Parquet, {fmt_int(len(export))} bytes")
        lines += [
            " &nbsp; ".join(buttons),
            "",
            f'<p class="qantar-muted">SHA-256 of the CSV: <code>{hashlib.sha256(data).hexdigest()}</code>. The download '
            "is the file in the package, byte for byte. Click a column heading to sort, type in the box to filter; "
            "hover a heading for the field's description. Linked values lead to the row they reference; offsets lead "
            "to the passage in the article.</p>",
            "",
        ]
    lines += [data_table(site, t, src), ""]
    return "\n".join(lines)


def index_page(site: Site) -> str:
    lines = [
        "# Tables",
        "",
        "Every table of the package, one page each. The CSV files are the package's own files, copied byte for byte.",
        "",
        "| Table | Rows | Fields | Description | CSV |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for t in site.tables.values():
        present = t.path is not None and site.read_bytes(t.path) is not None
        csv = f"[<code>{md_text(PurePosixPath(t.path).name)}</code>]({mdref(INDEX, t.path)})" if present else ""
        lines.append(
            f"| [{md_text(t.name)}]({mdref(INDEX, table_src(t.name))}) | {fmt_int(site.frame(t.name).height)} "
            f"| {len(t.fields)} | {md_text(t.description)} | {csv} |"
        )
    lines.append("")
    return "\n".join(lines)
