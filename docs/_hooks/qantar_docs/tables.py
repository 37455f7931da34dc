"""One page per table: its rows as a sortable, filterable HTML table, with download links."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .data import Package, Table, mdref, table_src
from .escape import html_text, md_text
from .render import data_table, fmt_int, front_matter


def table_page(pkg: Package, t: Table, parquet: Path | None) -> str:
    src = table_src(t.name)
    csv_path = pkg.root / t.path
    size = csv_path.stat().st_size
    digest = hashlib.sha256(csv_path.read_bytes()).hexdigest()
    downloads = [
        f"[:material-download: <code>{md_text(Path(t.path).name)}</code>]({mdref(src, t.path)}){{ .md-button }} CSV, {fmt_int(size)} bytes"
    ]
    if parquet is not None:
        downloads.append(
            f"[:material-download: <code>{md_text(parquet.name)}</code>]({mdref(src, f'data/{parquet.name}')}){{ .md-button }} Parquet, "
            f"{fmt_int(parquet.stat().st_size)} bytes"
        )
    pk = ", ".join(f"<code>{md_text(k)}</code>" for k in t.primary_key) or "none"
    lines = [
        front_matter(t.name, hide_toc=True),
        f"# {md_text(t.name)}",
        "",
        f'<p class="qantar-lead">{html_text(t.resource.get("description", ""))}</p>',
        "",
        f"**{fmt_int(len(t))} rows**, {len(t.fields)} fields · primary key {pk} · "
        f"[field definitions]({mdref(src, 'data-dictionary.md', t.name)})",
        "",
        " &nbsp; ".join(downloads),
        "",
        f"<p class=\"qantar-muted\">SHA-256 of the CSV: <code>{digest}</code>. The download is the file in the "
        "package, byte for byte. Click a column heading to sort, type in the box to filter; hover a heading for "
        "the field's description. Linked values lead to the row they reference; offsets lead to the passage in "
        "the article.</p>",
        "",
        data_table(pkg, t, src),
        "",
    ]
    return "\n".join(lines)


def tables_index(pkg: Package) -> str:
    src = "tables/index.md"
    lines = [
        "# Tables",
        "",
        "Every table of the package, one page each. The CSV files are the package's own files, copied byte for byte.",
        "",
        "| Table | Rows | Fields | Description | CSV |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for t in pkg.tables.values():
        lines.append(
            f"| [{md_text(t.name)}]({mdref(src, table_src(t.name))}) | {fmt_int(len(t))} | {len(t.fields)} "
            f"| {md_text(t.resource.get('description', ''))} | [<code>{md_text(Path(t.path).name)}</code>]({mdref(src, t.path)}) |"
        )
    lines.append("")
    return "\n".join(lines)
