"""Sources and provenance: each article's text with every curated passage highlighted, and corroboration.

Spans come from every table that has offset fields (``char_start``/``char_end`` and the prefixed forms such
as ``claim_a_char_start`` or ``number_char_start``), so a new table with quotes is picked up without
changing this file. Overlapping and nested spans are handled by cutting the text at every span boundary:
each piece is shaded by how many passages cover it, and the links to the citing rows are placed where each
passage ends (links cannot nest, so the highlighted text itself is not a link).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .data import Package, Table, article_src, href, mdref, table_src
from .escape import anchor, html_text, md_text
from .render import char_start_source_field, fmt_int, front_matter

TEXT_FIELDS = {"number_": "number_as_written", "published_": "published_as_printed"}


@dataclass
class Ref:
    label: str
    table: str
    row_id: str
    english: str | None


@dataclass
class Span:
    start: int
    end: int
    kind: str  # quote, number, published, excluded
    quote: str
    refs: list[Ref] = field(default_factory=list)


def independence_key(src: dict[str, Any]) -> str:
    """The source's independence group, by the package's one rule (qantar.corroboration)."""
    import polars as pl

    from qantar.corroboration import independence_groups

    row = {k: src.get(k) for k in ("source_id", "original_outlet", "outlet")}
    return independence_groups(pl.DataFrame([row], schema={k: pl.String for k in row}))["independence_group"][0]


def _label(t: Table, row: dict[str, Any], prefix: str) -> str:
    pk = [k for k in t.primary_key if k not in ("source_id",) and not k.endswith("char_start")]
    base = str(row.get(pk[0])) if pk else t.row_id(row)
    if prefix.startswith("claim_"):
        base += prefix[len("claim_"):].rstrip("_").upper()  # D001A / D001B
    if prefix == "published_":
        base = "published"
    return base


def collect_spans(pkg: Package) -> tuple[dict[str, list[Span]], list[str]]:
    """source_id -> spans (grouped by start, end, kind); and a list of offset problems found."""
    groups: dict[str, dict[tuple[int, int, str], Span]] = defaultdict(dict)
    problems: list[str] = []
    for t in pkg.tables.values():
        names = t.field_names
        for f in names:
            src_field = char_start_source_field(t, f)
            if not src_field:
                continue
            prefix = f[: -len("char_start")]
            end_f = prefix + "char_end"
            text_f = TEXT_FIELDS.get(prefix, prefix + "quote")
            if text_f not in names and prefix == "" and "text" in names:
                text_f = "text"  # the exclusions register: spans with no claim
            en_f = prefix + "en" if prefix.startswith("claim_") else (prefix + "quote_en")
            if end_f not in names or text_f not in names:
                continue
            kind = "number" if prefix == "number_" else "published" if prefix == "published_" else "excluded" if text_f == "text" else "quote"
            for row in t.rows:
                sid, s, e = row.get(src_field), row.get(f), row.get(end_f)
                if not sid or s is None or e is None:
                    continue
                try:
                    s, e = int(s), int(e)
                except ValueError:
                    problems.append(f"{t.name} {t.row_id(row)}: offsets {s}–{e} are not integers")
                    continue
                text = pkg.texts.get(sid)
                if text is None:
                    continue
                if text[s:e] != row.get(text_f):
                    problems.append(f"{t.name} {t.row_id(row)}: text[{s}:{e}] differs from {text_f}")
                    continue
                key = (s, e, kind)
                span = groups[sid].get(key) or Span(s, e, kind, text[s:e])
                groups[sid][key] = span
                ref = Ref(_label(t, row, prefix), t.name, t.row_id(row), row.get(en_f) if en_f in names else None)
                if not any(r.table == ref.table and r.row_id == ref.row_id and r.label == ref.label for r in span.refs):
                    span.refs.append(ref)
    return {sid: sorted(g.values(), key=lambda sp: (sp.start, -sp.end)) for sid, g in groups.items()}, problems


def highlighted_text(text: str, spans: list[Span], from_src: str) -> str:
    bounds = {0, len(text)}
    for sp in spans:
        bounds.update((sp.start, sp.end))
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    starts = {sp.start for sp in spans}
    ending: dict[int, list[Span]] = defaultdict(list)
    for sp in spans:
        if sp.kind != "number":
            ending[sp.end].append(sp)
    out = ['<div class="qantar-article" lang="id">']
    for i, p in enumerate(cuts):
        if ending.get(p):
            links = []
            for sp in ending[p]:
                for r in sp.refs:
                    url = href(from_src, table_src(r.table), r.row_id)
                    links.append(f'<a href="{html_text(url)}" title="{html_text(r.table)} row {html_text(r.row_id)}">{html_text(r.label)}</a>')
            out.append('<sup class="qref">[' + ", ".join(links) + "]</sup>")
        if p in starts:
            out.append(f'<span class="qanchor" id="{anchor(f"c{p}")}"></span>')
        if i + 1 == len(cuts):
            break
        q = cuts[i + 1]
        seg = text[p:q]
        cover = [sp for sp in spans if sp.start <= p and sp.end >= q]
        quotes = [sp for sp in cover if sp.kind not in ("number", "excluded")]
        nums = [sp for sp in cover if sp.kind == "number"]
        excluded = [sp for sp in cover if sp.kind == "excluded"]
        if not cover:
            out.append(html_text(seg))
            continue
        classes = ["q"]
        if quotes:
            classes.append(f"d{min(len(quotes), 3)}")
        if nums:
            classes.append("num")
        if any(sp.kind == "published" for sp in quotes):
            classes.append("pub")
        if excluded:
            classes.append("excl")
        labels = [r.label for sp in cover for r in sp.refs]
        out.append(f'<mark class="{" ".join(classes)}" title="{html_text(", ".join(dict.fromkeys(labels)))}">{html_text(seg)}</mark>')
    out.append("</div>")
    return "".join(out)


def article_title(src_row: dict[str, Any]) -> str:
    """The article's number and title: its page title and its entry in the navigation."""
    sid = src_row["source_id"]
    return f"{sid.split('_')[0]}: {src_row.get('title') or sid}"


def article_page(pkg: Package, src_row: dict[str, Any], spans: list[Span], problems: list[str]) -> str:
    sid = src_row["source_id"]
    page = article_src(sid)
    text = pkg.texts.get(sid, "")
    srct = pkg.table("sources")
    meta = ['<details class="qantar-details"><summary>All fields of the row</summary>'
            '<div class="qantar-table-wrap qantar-meta"><table><tbody>']
    for f in srct.fields if srct else []:
        v = src_row.get(f["name"])
        if v in (None, ""):
            vv = '<span class="qantar-na"></span>'
        elif f["name"] == "path":
            vv = f'<a href="{html_text(href(page, v))}"><code>{html_text(v)}</code></a>'
        elif f["name"] == "published_char_start":
            vv = f'<a href="#{anchor(f"c{v}")}">{html_text(v)}</a>'
        else:
            vv = html_text(v)
        meta.append(f'<tr><th scope="row" title="{html_text(f.get("description", ""))}">{html_text(f["name"])}</th><td>{vv}</td></tr>')
    meta.append("</tbody></table></div></details>")
    facts = []
    for label, fname, extra in (
        ("Outlet", "outlet", "outlet_evidence"),
        ("Genre", "genre", None),
        ("Original outlet", "original_outlet", None),
        ("Published", "published_date", "published_date_reasoning"),
    ):
        v = src_row.get(fname)
        if fname == "outlet":
            v = f"{v or 'unknown'} ({src_row.get('outlet_basis') or '?'})"
        if fname == "published_date" and src_row.get("published_date_min") != src_row.get("published_date_max"):
            v = f"{v} (between {src_row.get('published_date_min')} and {src_row.get('published_date_max')})"
        if v:
            more = f" — {html_text(src_row.get(extra))}" if extra and src_row.get(extra) else ""
            facts.append(f"<dt>{html_text(label)}</dt><dd><strong>{html_text(v)}</strong>{more}</dd>")
    meta.insert(0, '<dl class="qantar-facts">' + "".join(facts) + "</dl>")
    quote_spans = [sp for sp in spans if sp.kind == "quote"]
    n_refs = sum(len(sp.refs) for sp in spans)
    mine = [p for p in problems if sid in p]
    out = [
        front_matter(article_title(src_row)),
        f"# {md_text(article_title(src_row))}",
        "",
        f'<p class="qantar-lead">{html_text(src_row.get("title_en") or "")} — '
        f'{html_text(src_row.get("outlet") or "outlet unknown")}'
        f'{", after " + html_text(src_row["original_outlet"]) if src_row.get("original_outlet") else ""}, '
        f'{html_text(src_row.get("published_date") or "")} ({html_text(src_row.get("published_date_basis") or "")}).</p>',
        "",
        f"[:material-download: Article copy <code>{md_text(sid)}.txt</code>]({mdref(page, src_row['path'])}){{ .md-button }} "
        f"byte-for-byte copy ({fmt_int(len(text.encode('utf-8')))} bytes). The text remains its publisher's work; it is "
        "reproduced for verification and is not covered by the data licence.",
        "",
        "## Metadata {#metadata}",
        "",
        f"The article's row in [sources]({mdref(page, table_src('sources'), sid)}).",
        "",
        "".join(meta),
        "",
        "## Text with the curated passages {#text}",
        "",
        f"{len(quote_spans)} distinct passages are cited by {n_refs} rows. "
        '<mark class="q d1">Highlighted</mark> text is quoted by one row, '
        '<mark class="q d2">darker</mark> by two overlapping passages, <mark class="q d3">darkest</mark> by three or more; '
        '<mark class="q num">underlined</mark> numbers are the exact `number_as_written` of a figure; '
        '<mark class="q excl">struck-through</mark> spans are in the exclusions register (page furniture, advertising, '
        'photo credits: no claim); '
        "the bracketed links after each passage lead to the rows that cite it "
        "(E… events via event_sources, F… figures, ST… statements, M… memberships, D…A/B discrepancy claims, X… exclusions). "
        "Offsets are code points into the file decoded as UTF-8.",
        "",
    ]
    if mine:
        out.append('!!! warning "Offsets that do not match the text"')
        for p in mine:
            out.append(f"    - {md_text(p)}")
        out.append("")
    out += [highlighted_text(text, spans, page), ""]
    out += [
        "## Passages in order {#passages}",
        "",
        '<div class="qantar-table-wrap qantar-data"><table data-table="passages"><thead><tr>'
        '<th data-type="num">Start</th><th data-type="num">End</th><th>Rows</th><th>Passage</th><th>English (curators\' translation)</th>'
        "</tr></thead><tbody>",
    ]
    rows = []
    for sp in spans:
        if sp.kind == "number":
            continue
        links = ", ".join(
            f'<a href="{html_text(href(page, table_src(r.table), r.row_id))}">{html_text(r.label)}</a>' for r in sp.refs
        )
        en = next((r.english for r in sp.refs if r.english), "")
        rows.append(
            f'<tr><td class="qantar-num"><a href="#{anchor(f"c{sp.start}")}">{sp.start}</a></td><td class="qantar-num">{sp.end}</td>'
            f'<td>{links}</td><td lang="id">{html_text(sp.quote)}</td><td>{html_text(en)}</td></tr>'
        )
    out.append("".join(rows) + "</tbody></table></div>")
    out.append("")
    return "\n".join(out)


def corroboration(pkg: Package) -> list[dict[str, Any]]:
    sources = {s["source_id"]: s for s in pkg.rows("sources")}
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in pkg.rows("event_sources"):
        by_event[r["event_id"]].append(r)
    out = []
    for ev in pkg.rows("events"):
        rows = by_event.get(ev["event_id"], [])
        sids = sorted({r["source_id"] for r in rows})
        keys = sorted({independence_key(sources[s]) if s in sources else s for s in sids})
        out.append({"event": ev, "passages": len(rows), "sources": sids, "independent": keys})
    return out


def overview_page(pkg: Package, spans: dict[str, list[Span]], problems: list[str]) -> str:
    page = "provenance/index.md"
    srcs = pkg.rows("sources")
    corr = corroboration(pkg)
    out = [
        front_matter("Sources and provenance", hide_toc=True),
        "# Sources and provenance",
        "",
        f"Every row of the dataset rests on a verbatim passage of one of {len(srcs)} Indonesian-language articles. "
        "Each article has a page with its metadata and its full text, every curated passage highlighted "
        "and linked to the rows that cite it.",
        "",
        "## The articles {#articles}",
        "",
        "| Article | Title | Outlet | Genre | Original outlet | Independence group | Published | Passages |",
        "| --- | --- | --- | --- | --- | --- | --- | ---: |",
    ]
    for s in srcs:
        sid = s["source_id"]
        n = sum(len(sp.refs) for sp in spans.get(sid, []) if sp.kind != "number")
        out.append(
            f"| [{md_text(sid)}]({mdref(page, article_src(sid))}) | {md_text(s.get('title'))}<br><small>{md_text(s.get('title_en'))}</small> "
            f"| {md_text(s.get('outlet') or '(unknown)')} <small>({md_text(s.get('outlet_basis'))})</small> | {md_text(s.get('genre'))} "
            f"| {md_text(s.get('original_outlet') or '')} | {md_text(independence_key(s))} "
            f"| {md_text(s.get('published_date'))} <small>({md_text(s.get('published_date_basis'))})</small> | {n} |"
        )
    groups: dict[str, list[str]] = defaultdict(list)
    for s in srcs:
        groups[independence_key(s)].append(s["source_id"])
    out += [
        "",
        "Sources are **not independent** when one translates, reposts or closely follows another outlet: "
        "sources that share an `original_outlet` count once. The independence group of a source is "
        "`coalesce(original_outlet, outlet, source_id)`. "
        f"These {len(srcs)} articles form {len(groups)} independence groups"
        + (
            ": " + "; ".join(f"{md_text(k)} ({md_text(', '.join(v))})" for k, v in groups.items() if len(v) > 1) + " share one."
            if any(len(v) > 1 for v in groups.values())
            else ", so each article counts as an independent source."
        ),
        "",
        "## Corroboration of each event {#corroboration}",
        "",
    ]
    dist: dict[int, int] = defaultdict(int)
    for c in corr:
        dist[len(c["independent"])] += 1
    out.append(
        "How many passages, distinct sources and independent sources (distinct independence groups) report each "
        "event, from [event_sources](../tables/event_sources.md). "
        + "; ".join(f"{v} events rest on {k} independent source{'s' if k != 1 else ''}" for k, v in sorted(dist.items()))
        + "."
    )
    out += [
        "",
        '<div class="qantar-table-wrap qantar-data"><table data-table="corroboration"><thead><tr>'
        '<th>Event</th><th>Dates</th><th>Type</th><th>Summary</th><th data-type="num">Passages</th>'
        '<th data-type="num">Sources</th><th data-type="num">Independent</th><th>Reported by</th></tr></thead><tbody>',
    ]
    rows = []
    for c in corr:
        ev = c["event"]
        eid = ev["event_id"]
        src_links = ", ".join(
            f'<a href="{html_text(href(page, article_src(s)))}">{html_text(s.split("_")[0])}</a>' for s in c["sources"]
        )
        dates = ev["date_start"] if ev["date_start"] == ev["date_end"] else f'{ev["date_start"]} – {ev["date_end"]}'
        rows.append(
            f'<tr id="{anchor(eid)}"><td><a href="{html_text(href(page, table_src("events"), eid))}">{html_text(eid)}</a></td>'
            f'<td>{html_text(dates)}</td><td>{html_text(ev.get("event_type"))}</td><td>{html_text(ev.get("summary_en"))}</td>'
            f'<td class="qantar-num">{c["passages"]}</td><td class="qantar-num">{len(c["sources"])}</td>'
            f'<td class="qantar-num"><span title="{html_text(", ".join(c["independent"]))}">{len(c["independent"])}</span></td>'
            f"<td>{src_links}</td></tr>"
        )
    out.append("".join(rows) + "</tbody></table></div>")
    out.append("")
    if problems:
        out.append('!!! warning "Offsets that do not match the article text"')
        out += [f"    - {md_text(p)}" for p in problems]
        out.append("")
    return "\n".join(out)
