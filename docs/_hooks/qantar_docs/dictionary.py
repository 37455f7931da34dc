"""The data dictionary page, generated from datapackage.json and example values from the CSVs."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .data import Package, Table, mdref, table_src
from .erd import erd_svg
from .escape import anchor, html_text, md_text
from .render import fmt_int, front_matter

SRC = "data-dictionary.md"
EXAMPLE_MAX = 60


def type_html(f: dict[str, Any]) -> str:
    t = f.get("type", "any")
    s = f"<code>{html_text(t)}</code>"
    if f.get("format") and f["format"] != "default":
        s += f" ({html_text(f['format'])})"
    if t == "list":
        s += f" of <code>{html_text(f.get('itemType', 'string'))}</code>, delimiter <code>{html_text(f.get('delimiter', ','))}</code>"
    return s


def constraints_html(f: dict[str, Any]) -> str:
    c = dict(f.get("constraints") or {})
    bits = []
    if c.pop("required", False):
        bits.append('<span class="qantar-badge req">required</span>')
    if c.pop("unique", False):
        bits.append('<span class="qantar-badge uniq">unique</span>')
    if "pattern" in c:
        bits.append(f"pattern <code>{html_text(c.pop('pattern'))}</code>")
    for k in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength"):
        if k in c:
            bits.append(f"{html_text(k)} <code>{html_text(c.pop(k))}</code>")
    enum = c.pop("enum", None)
    if enum is not None:
        bits.append("one of " + ", ".join(f"<code>{html_text(v)}</code>" for v in enum))
    for k, v in c.items():
        bits.append(f"{html_text(k)} <code>{html_text(v)}</code>")
    return "<br>".join(bits) if bits else '<span class="qantar-na"></span>'


def examples_html(table: Table, f: dict[str, Any]) -> str:
    name = f["name"]
    values = [r.get(name) for r in table.rows]
    present = [v for v in values if v not in (None, "")]
    n, k = len(values), len(present)
    enum = (f.get("constraints") or {}).get("enum")
    out = []
    if enum is not None:
        counts = Counter(present)
        out.append(", ".join(f"<code>{html_text(v)}</code>&nbsp;×{counts[v]}" for v in enum if counts[v]) or "")
    else:
        seen: list[str] = []
        for v in present:
            if v not in seen:
                seen.append(v)
            if len(seen) == 3:
                break
        shown = []
        for v in seen:
            sv = str(v)
            if len(sv) > EXAMPLE_MAX:
                sv = sv[: EXAMPLE_MAX - 1] + "…"
            shown.append(f"<code>{html_text(sv)}</code>")
        out.append("<br>".join(shown))
    if k < n:
        out.append(f'<span class="qantar-muted">empty in {n - k} of {n} rows</span>')
    return "<br>".join(x for x in out if x)


def relations_table(pkg: Package) -> str:
    rows = []
    for name, t in pkg.tables.items():
        for fields, rres, rfields in t.relations:
            req = all((next((f for f in t.fields if f["name"] == x), {}).get("constraints") or {}).get("required") for x in fields)
            rows.append(
                "<tr>"
                f'<td><a href="#{anchor(name)}">{html_text(name)}</a>.{", ".join(f"<code>{html_text(x)}</code>" for x in fields)}</td>'
                f'<td><a href="#{anchor(rres)}">{html_text(rres)}</a>.{", ".join(f"<code>{html_text(x)}</code>" for x in rfields)}</td>'
                f"<td>{'required' if req else 'optional'}</td>"
                "</tr>"
            )
    return (
        '<div class="qantar-table-wrap qantar-relations"><table><thead><tr><th>Foreign key</th>'
        "<th>References</th><th>Link</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def table_section(pkg: Package, t: Table) -> str:
    res = t.resource
    lines = [f"## {md_text(t.name)} {{#{anchor(t.name)}}}", ""]
    lines.append(f'<p class="qantar-lead">{html_text(res.get("description", ""))}</p>')
    lines.append("")
    facts = [
        f"**Rows:** {fmt_int(len(t))}",
        f"**File:** [<code>{md_text(t.path)}</code>]({mdref(SRC, t.path)})",
        "**Primary key:** " + (", ".join(f"<code>{md_text(k)}</code>" for k in t.primary_key) or "none"),
        f"**Rows on the site:** [{md_text(t.name)}]({mdref(SRC, table_src(t.name))})",
    ]
    lines.append(" · ".join(facts))
    lines.append("")
    if t.foreign_keys:
        fk_lines = []
        for fields, rres, rfields in t.relations:
            fk_lines.append(
                f"{', '.join(f'<code>{md_text(x)}</code>' for x in fields)} → [{md_text(rres)}](#{anchor(rres)})."
                f"{', '.join(f'<code>{md_text(x)}</code>' for x in rfields)}"
            )
        lines.append("**Foreign keys:** " + " · ".join(fk_lines))
        lines.append("")
    body = [
        '<div class="qantar-table-wrap qantar-dict"><table>',
        "<thead><tr><th>Field</th><th>Type</th><th>Constraints</th><th>Description</th><th>Examples in the data</th></tr></thead><tbody>",
    ]
    pk = set(t.primary_key)
    for f in t.fields:
        key = ' <span class="qantar-badge pk">PK</span>' if f["name"] in pk else ""
        if f["name"] in t.fk_links():
            rt, rf = t.fk_links()[f["name"]]
            key += f' <a class="qantar-badge fk" href="#{anchor(rt)}" title="references {html_text(rt)}.{html_text(rf)}">FK → {html_text(rt)}</a>'
        body.append(
            f'<tr id="{anchor(t.name)}.{anchor(f["name"])}">'
            f'<td><code>{html_text(f["name"])}</code>{key}</td>'
            f"<td>{type_html(f)}</td>"
            f"<td>{constraints_html(f)}</td>"
            f"<td>{html_text(f.get('description', ''))}</td>"
            f"<td>{examples_html(t, f)}</td>"
            "</tr>"
        )
    body.append("</tbody></table></div>")
    lines.append("".join(body))
    lines.append("")
    return "\n".join(lines)


def dictionary_page(pkg: Package) -> str:
    d = pkg.descriptor
    n_fields = sum(len(t.fields) for t in pkg.tables.values())
    out = [
        front_matter("Data dictionary", hide_toc=True),
        "# Data dictionary",
        "",
        f"Generated from [`datapackage.json`]({mdref(SRC, 'datapackage.json')}) (version **{md_text(pkg.version)}**, "
        f"profile <code>{md_text(d.get('$schema', 'unknown'))}</code>): {len(pkg.tables)} tables with {n_fields} fields, "
        f"and {len(pkg.files)} article copies as file resources. Examples come from the data itself; "
        "enumerated fields show how often each value occurs. Empty cells are missing values.",
        "",
        "Tables: " + " · ".join(f"[{md_text(t)}](#{anchor(t)})" for t in pkg.tables)
        + (" · [article copies](#files)" if pkg.files else "") + ".",
        "",
        "## Keys and relations {#relations}",
        "",
        "Each box is a table with its key fields; each curve a foreign key. "
        f"[Open the diagram on its own]({mdref(SRC, 'assets/generated/erd.svg')}).",
        "",
        '<div class="qantar-figure qantar-scroll">' + erd_svg(pkg, SRC) + "</div>",
        "",
        relations_table(pkg),
        "",
    ]
    for t in pkg.tables.values():
        out.append(table_section(pkg, t))
    if pkg.files:
        out += ["## Article copies {#files}", "", "File resources (not tables): byte-for-byte copies of the articles.", ""]
        out.append("| Resource | Path | Bytes | Hash | Description |")
        out.append("| --- | --- | ---: | --- | --- |")
        for r in pkg.files:
            out.append(
                f"| <code>{md_text(r.get('name'))}</code> | [<code>{md_text(r.get('path'))}</code>]({mdref(SRC, r.get('path', ''))}) "
                f"| {fmt_int(int(r.get('bytes', 0)))} | <code>{md_text(str(r.get('hash', ''))[:23])}…</code> | {md_text(r.get('description', ''))} |"
            )
        out.append("")
    return "\n".join(out)
