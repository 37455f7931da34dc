"""The discrepancies register, one card per row, generated from data/discrepancies.csv."""

from __future__ import annotations

from collections import Counter

from .data import Package, article_src, href, table_src
from .escape import anchor, html_text, md_text

SRC = "discrepancies.md"


def _claim(pkg: Package, row: dict, side: str) -> str:
    sid = row.get(f"claim_{side}_source_id")
    quote = row.get(f"claim_{side}_quote")
    if not sid and not quote:
        return ""
    start = row.get(f"claim_{side}_char_start")
    end = row.get(f"claim_{side}_char_end")
    where = ""
    if sid:
        fragment = f"c{start}" if start is not None else None
        label = f"{sid.split('_')[0]}" + (f", characters {start}–{end}" if start is not None else "")
        where = f' — <a href="{html_text(href(SRC, article_src(sid), fragment))}">source {html_text(label)}</a>'
    return (
        f'<div class="qantar-claim"><div class="qantar-claim-head">Claim {side.upper()}{where}</div>'
        f'<blockquote lang="id">{html_text(quote)}</blockquote>'
        f'<p class="qantar-en">{html_text(row.get(f"claim_{side}_en") or "")}</p></div>'
    )


def discrepancies_page(pkg: Package) -> str:
    t = pkg.table("discrepancies")
    rows = pkg.rows("discrepancies")
    kinds = Counter(r.get("kind") for r in rows)
    enum = []
    if t is not None:
        for f in t.fields:
            if f["name"] == "kind":
                enum = (f.get("constraints") or {}).get("enum", [])
                kind_desc = f.get("description", "")
    out = [
        "# Discrepancies",
        "",
        f"The register of {len(rows)} disagreements the curators found: between sources, within a source, "
        "misspellings, ambiguities, errors by public record and impossible sequences. Rows elsewhere keep what "
        "their source said; nothing is silently corrected, and each entry says what the dataset adopts. "
        f"The same rows as a table: [discrepancies]({table_src('discrepancies')}).",
        "",
        "| Kind | Rows |",
        "| --- | ---: |",
    ]
    for k in enum or sorted(kinds):
        out.append(f"| <code>{md_text(k)}</code> | {kinds.get(k, 0)} |")
    out.append("")
    if enum:
        out += [f'<p class="qantar-muted">{html_text(kind_desc)}</p>', ""]
    for r in rows:
        did = r["discrepancy_id"]
        st, sid = r.get("subject_table"), r.get("subject_id")
        subj = html_text(f"{st} {sid}")
        if st and pkg.table(st) is not None:
            subj = f'<a href="{html_text(href(SRC, table_src(st), sid))}">{html_text(st)} <code>{html_text(sid)}</code></a>'
        out += [
            f"## {md_text(did)}: {md_text((r.get('kind') or '').replace('_', ' '))} {{#{anchor(did)}}}",
            "",
            '<div class="qantar-disc">'
            f'<p class="qantar-disc-meta"><span class="qantar-badge kind-{html_text(r.get("kind"))}">{html_text(r.get("kind"))}</span> '
            f'about {subj} · <a href="{html_text(href(SRC, table_src("discrepancies"), did))}">row {html_text(did)}</a></p>'
            f'<p>{html_text(r.get("description_en"))}</p>'
            '<div class="qantar-claims">' + _claim(pkg, r, "a") + _claim(pkg, r, "b") + "</div>"
            + (f'<p><strong>Public record:</strong> {html_text(r["reference"])}</p>' if r.get("reference") else "")
            + f'<p class="qantar-resolution"><strong>Resolution:</strong> {html_text(r.get("resolution_en"))}</p>'
            "</div>",
            "",
        ]
    return "\n".join(out)
