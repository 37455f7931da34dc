"""The data dictionary page: every table and field of the model, with example values from the data."""

from __future__ import annotations

from collections import Counter

from qantar.model import Field, Table

from .data import Site
from .erd import erd_svg
from .escape import anchor, html_text, md_text
from .links import key_links, mdref, table_src
from .render import fmt_int, front_matter

SRC = "data-dictionary.md"
EXAMPLE_MAX = 60


def type_html(f: Field) -> str:
    s = f"<code>{html_text(f.type)}</code>"
    if f.format != "default":
        s += f" ({html_text(f.format)})"
    if f.type == "list":
        s += f" of <code>{html_text(f.raw.get('itemType', 'string'))}</code>, delimiter <code>{html_text(f.delimiter)}</code>"
    return s


def constraints_html(f: Field) -> str:
    c = dict(f.constraints)
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
    # an integer vocabulary (an official list of codes) loads as integers, not as categories
    vocabulary = f.categories if f.categories is not None else enum if isinstance(enum, list) else None
    if vocabulary is not None:
        bits.append("one of " + ", ".join(f"<code>{html_text(v)}</code>" for v in vocabulary))
    for k, v in c.items():
        bits.append(f"{html_text(k)} <code>{html_text(v)}</code>")
    return "<br>".join(bits) if bits else '<span class="qantar-na"></span>'


def examples_html(site: Site, table: Table, f: Field) -> str:
    values = site.frame(table.name)[f.name].to_list()
    present = [v for v in values if v not in (None, "")]
    n, k = len(values), len(present)
    out = []
    if f.categories is not None:
        counts = Counter(present)
        out.append(", ".join(f"<code>{html_text(v)}</code>&nbsp;×{counts[v]}" for v in f.categories if counts[v]) or "")
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


def relations_table(site: Site) -> str:
    rows = []
    for name, t in site.tables.items():
        for r in t.relations:
            req = all(t.has(x) and t.field(x).required for x in r.fields)
            rows.append(
                "<tr>"
                f'<td><a href="#{anchor(name)}">{html_text(name)}</a>.{", ".join(f"<code>{html_text(x)}</code>" for x in r.fields)}</td>'
                f'<td><a href="#{anchor(r.ref_table)}">{html_text(r.ref_table)}</a>.'
                f'{", ".join(f"<code>{html_text(x)}</code>" for x in r.ref_fields)}</td>'
                f"<td>{'required' if req else 'optional'}</td>"
                "</tr>"
            )
    return (
        '<div class="qantar-table-wrap qantar-relations"><table><thead><tr><th>Foreign key</th>'
        "<th>References</th><th>Link</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def table_section(site: Site, t: Table) -> str:
    lines = [f"## {md_text(t.name)} {{#{anchor(t.name)}}}", ""]
    lines.append(f'<p class="qantar-lead">{html_text(t.description)}</p>')
    lines.append("")
    facts = [
        f"**Rows:** {fmt_int(site.frame(t.name).height)}",
        f"**File:** [<code>{md_text(t.path)}</code>]({mdref(SRC, t.path)})" if t.path else "**File:** none",
        "**Primary key:** " + (", ".join(f"<code>{md_text(k)}</code>" for k in t.primary_key) or "none"),
        f"**Rows on the site:** [{md_text(t.name)}]({mdref(SRC, table_src(t.name))})",
    ]
    lines.append(" · ".join(facts))
    lines.append("")
    if t.relations:
        fk_lines = []
        for r in t.relations:
            fk_lines.append(
                f"{', '.join(f'<code>{md_text(x)}</code>' for x in r.fields)} → [{md_text(r.ref_table)}](#{anchor(r.ref_table)})."
                f"{', '.join(f'<code>{md_text(x)}</code>' for x in r.ref_fields)}"
            )
        lines.append("**Foreign keys:** " + " · ".join(fk_lines))
        lines.append("")
    body = [
        '<div class="qantar-table-wrap qantar-dict"><table>',
        "<thead><tr><th>Field</th><th>Type</th><th>Constraints</th><th>Description</th><th>Examples in the data</th></tr></thead><tbody>",
    ]
    pk = set(t.primary_key)
    keys = key_links(t)
    for f in t.fields:
        key = ' <span class="qantar-badge pk">PK</span>' if f.name in pk else ""
        if f.name in keys:
            rt, rf = keys[f.name]
            key += f' <a class="qantar-badge fk" href="#{anchor(rt)}" title="references {html_text(rt)}.{html_text(rf)}">FK → {html_text(rt)}</a>'
        body.append(
            f'<tr id="{anchor(t.name)}.{anchor(f.name)}">'
            f'<td><code>{html_text(f.name)}</code>{key}</td>'
            f"<td>{type_html(f)}</td>"
            f"<td>{constraints_html(f)}</td>"
            f"<td>{html_text(f.description)}</td>"
            f"<td>{examples_html(site, t, f)}</td>"
            "</tr>"
        )
    body.append("</tbody></table></div>")
    lines.append("".join(body))
    lines.append("")
    return "\n".join(lines)


def page(site: Site) -> str:
    files = list(site.package.files.values())
    n_fields = sum(len(t.fields) for t in site.tables.values())
    out = [
        front_matter("Data dictionary", hide_toc=True),
        "# Data dictionary",
        "",
        f"Generated from [`datapackage.json`]({mdref(SRC, 'datapackage.json')}) (version **{md_text(site.version)}**, "
        f"profile <code>{md_text(site.package.raw.get('$schema', 'unknown'))}</code>): {len(site.tables)} tables with "
        f"{n_fields} fields, and {len(files)} article copies as file resources. Examples come from the data itself; "
        "enumerated fields show how often each value occurs. Empty cells are missing values.",
        "",
        "Tables: " + " · ".join(f"[{md_text(t)}](#{anchor(t)})" for t in site.tables)
        + (" · [article copies](#files)" if files else "") + ".",
        "",
        "## Keys and relations {#relations}",
        "",
        "Each box is a table with its key fields; each curve a foreign key. "
        f"[Open the diagram on its own]({mdref(SRC, 'assets/generated/erd.svg')}).",
        "",
        '<div class="qantar-figure qantar-scroll">' + erd_svg(site, SRC) + "</div>",
        "",
        relations_table(site),
        "",
    ]
    for t in site.tables.values():
        out.append(table_section(site, t))
    if files:
        out += ["## Article copies {#files}", "", "File resources (not tables): byte-for-byte copies of the articles.", ""]
        out.append("| Resource | Path | Bytes | Hash | Description |")
        out.append("| --- | --- | ---: | --- | --- |")
        for r in files:
            path = f"[<code>{md_text(r.path)}</code>]({mdref(SRC, r.path)})" if r.path else ""
            out.append(
                f"| <code>{md_text(r.name)}</code> | {path} | {fmt_int(r.bytes or 0)} "
                f"| <code>{md_text(str(r.raw.get('hash', ''))[:23])}…</code> | {md_text(r.raw.get('description', ''))} |"
            )
        out.append("")
    return "\n".join(out)
