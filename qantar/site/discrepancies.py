"""The discrepancies register, one card per row, each claim drawn from a span the table declares."""

from __future__ import annotations

from collections import Counter

from qantar.model import Span

from .data import Site
from .escape import anchor, html_text, md_text
from .links import article_src, href, mdref, subject_row, table_src

SRC = "discrepancies.md"
TABLE = "discrepancies"


def _claim(span: Span, row: dict) -> str:
    sid, quote = row.get(span.source), row.get(span.text)
    if not sid and not quote:
        return ""
    start, end = row.get(span.start), row.get(span.end)
    where = ""
    if sid:
        label = sid.split("_")[0] + (f", characters {start}–{end}" if start is not None else "")
        url = href(SRC, article_src(sid), f"c{start}" if start is not None else None)
        where = f' — <a href="{html_text(url)}">source {html_text(label)}</a>'
    english = row.get(span.translation) if span.translation else None
    return (
        f'<div class="qantar-claim"><div class="qantar-claim-head">{html_text(span.name.replace("_", " ").title())}'
        f'{where}</div><blockquote lang="id">{html_text(quote)}</blockquote>'
        f'<p class="qantar-en">{html_text(english or "")}</p></div>'
    )


def page(site: Site) -> str:
    t = site.table(TABLE)
    rows = site.rows(TABLE)
    kinds = Counter(r.get("kind") for r in rows)
    kind = t.field("kind") if t is not None and t.has("kind") else None
    vocabulary = list(kind.categories or []) if kind is not None else []
    claims = t.spans_of("claim") if t is not None else []
    out = [
        "# Discrepancies",
        "",
        f"The register of {len(rows)} disagreements the curators found: between sources, within a source, "
        "misspellings, ambiguities, errors by public record and impossible sequences. Rows elsewhere keep what "
        "their source said; nothing is silently corrected, and each entry says what the dataset adopts. "
        f"The same rows as a table: [discrepancies]({mdref(SRC, table_src(TABLE))}).",
        "",
        "| Kind | Rows |",
        "| --- | ---: |",
    ]
    for k in vocabulary or sorted(k for k in kinds if k):
        out.append(f"| <code>{md_text(k)}</code> | {kinds.get(k, 0)} |")
    out.append("")
    if kind is not None and kind.description:
        out += [f'<p class="qantar-muted">{html_text(kind.description)}</p>', ""]
    for r in rows:
        did = r["discrepancy_id"]
        subject, key = site.table(r.get("subject_table") or ""), r.get("subject_id")
        subj = html_text(f"{r.get('subject_table')} {key}")
        if subject is not None and key:
            url = href(SRC, table_src(subject.name), subject_row(subject, key))
            subj = f'<a href="{html_text(url)}">{html_text(subject.name)} <code>{html_text(key)}</code></a>'
        out += [
            f"## {md_text(did)}: {md_text((r.get('kind') or '').replace('_', ' '))} {{#{anchor(did)}}}",
            "",
            '<div class="qantar-disc">'
            f'<p class="qantar-disc-meta"><span class="qantar-badge kind-{html_text(r.get("kind"))}">{html_text(r.get("kind"))}</span> '
            f'about {subj} · <a href="{html_text(href(SRC, table_src(TABLE), did))}">row {html_text(did)}</a></p>'
            f'<p>{html_text(r.get("description_en"))}</p>'
            '<div class="qantar-claims">' + "".join(_claim(s, r) for s in claims) + "</div>"
            + (f'<p><strong>Public record:</strong> {html_text(r["reference"])}</p>' if r.get("reference") else "")
            + f'<p class="qantar-resolution"><strong>Resolution:</strong> {html_text(r.get("resolution_en"))}</p>'
            "</div>",
            "",
        ]
    return "\n".join(out)
