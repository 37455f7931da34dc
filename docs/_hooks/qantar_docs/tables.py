"""One page per table: its rows as a sortable, filterable HTML table, with download links."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .data import Package, Table, mdref
from .render import data_table, esc, fmt_int


def table_page(pkg: Package, t: Table, parquet: Path | None) -> str:
    src = f"tables/{t.name}.md"
    csv_path = pkg.root / t.path
    size = csv_path.stat().st_size
    digest = hashlib.sha256(csv_path.read_bytes()).hexdigest()
    downloads = [f"[:material-download: `{Path(t.path).name}`]({mdref(src, t.path)}){{ .md-button }} CSV, {fmt_int(size)} bytes"]
    if parquet is not None:
        downloads.append(
            f"[:material-download: `{parquet.name}`]({mdref(src, f'data/{parquet.name}')}){{ .md-button }} Parquet, "
            f"{fmt_int(parquet.stat().st_size)} bytes"
        )
    pk = ", ".join(f"`{k}`" for k in t.primary_key) or "none"
    lines = [
        "---\nhide:\n  - toc\n---\n",
        f"# {t.name}",
        "",
        f'<p class="qantar-lead">{esc(t.resource.get("description", ""))}</p>',
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
        desc = esc(t.resource.get("description", "")).replace("|", "&#124;")
        lines.append(
            f"| [{t.name}]({mdref(src, f'tables/{t.name}.md')}) | {fmt_int(len(t))} | {len(t.fields)} | {desc} "
            f"| [`{Path(t.path).name}`]({mdref(src, t.path)}) |"
        )
    lines.append("")
    return "\n".join(lines)
