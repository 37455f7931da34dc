"""Sources and provenance: an overview of the articles with the corroboration of each event, and one
page per article with its metadata and its text, every curated passage highlighted (``passages``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from qantar.corroboration import corroboration, independence_groups

from .data import Site
from .escape import html_text, md_text
from .links import article_src, href, mdref, passage_id, row_id, table_src
from .passages import Passage, highlighted, label
from .render import fmt_int, front_matter

INDEX = "provenance/index.md"


def article_title(src_row: dict[str, Any]) -> str:
    """The article's number and title: its page title and its entry in the navigation."""
    sid = src_row["source_id"]
    return f"{sid.split('_')[0]}: {src_row.get('title') or sid}"


def _independence(site: Site) -> dict[str, str]:
    """source_id -> its independence group, by the package's one rule (``qantar.corroboration``)."""
    frame = independence_groups(site.frame("sources"))
    return dict(zip(frame["source_id"].to_list(), frame["independence_group"].to_list(), strict=True))


def _span_legend(site: Site) -> str:
    """Which rows the links after the passages name, from the declared spans: each table that
    quotes the articles, with the label of its first row (``event_sources: E001``)."""
    out = []
    for t in site.tables.values():
        spans = [s for s in t.spans if s.kind in ("claim", "exclusion")]
        rows = site.rows(t.name)[:1]
        if spans and rows:
            out.append(f"{t.name} ({', '.join(label(t, s, rows[0]) for s in spans)} …)")
    return ", ".join(out)


def article_page(site: Site, src_row: dict[str, Any], passages: list[Passage], problems: list[str]) -> str:
    sid = src_row["source_id"]
    page = article_src(sid)
    text = site.texts.get(sid, "")
    sources = site.table("sources")
    starts = {s.start for s in sources.spans} if sources else set()
    meta = ['<details class="qantar-details"><summary>All fields of the row</summary>'
            '<div class="qantar-table-wrap qantar-meta"><table><tbody>']
    for f in sources.fields if sources else []:
        v = src_row.get(f.name)
        if v in (None, ""):
            vv = '<span class="qantar-na"></span>'
        elif f.name == "path":
            vv = f'<a href="{html_text(href(page, v))}"><code>{html_text(v)}</code></a>'
        elif f.name in starts:  # a span of the source itself (its printed date) starts here
            vv = f'<a href="#{passage_id(v)}">{html_text(v)}</a>'
        else:
            vv = html_text(v)
        meta.append(f'<tr><th scope="row" title="{html_text(f.description)}">{html_text(f.name)}</th><td>{vv}</td></tr>')
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
    claims = [p for p in passages if p.kind == "claim"]
    n_refs = sum(len(p.refs) for p in passages)
    numbers = ", ".join(f"<code>{md_text(s.table)}.{md_text(s.text)}</code>" for s in site.package.spans("number")) or "none"
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
        (f"[:material-download: Article copy <code>{md_text(sid)}.txt</code>]({mdref(page, src_row['path'])}){{ .md-button }} "
         f"byte-for-byte copy ({fmt_int(len(text.encode('utf-8')))} bytes)." if sid in site.texts
         else f"The article copy could not be read (see the [validation]({mdref(page, 'validation.md')}) page).")
        + " The text remains its publisher's work; it is reproduced for verification and is not covered by the data licence.",
        "",
        "## Metadata {#metadata}",
        "",
        f"The article's row in [sources]({mdref(page, table_src('sources'), sid)}).",
        "",
        "".join(meta),
        "",
        "## Text with the curated passages {#text}",
        "",
        f"{len(claims)} distinct passages are cited by {n_refs} rows. "
        '<mark class="q d1">Highlighted</mark> text is quoted by one row, '
        '<mark class="q d2">darker</mark> by two overlapping passages, <mark class="q d3">darkest</mark> by three or more; '
        f'<mark class="q num">underlined</mark> numbers are the exact numbers as written ({numbers}); '
        '<mark class="q excl">struck-through</mark> spans are in the exclusions register (page furniture, advertising, '
        'photo credits: no claim); '
        "the bracketed links after each passage lead to the rows that cite it, in the tables that quote the "
        f"articles: {md_text(_span_legend(site))}. "
        "Offsets are code points into the file decoded as UTF-8.",
        "",
    ]
    if mine:
        out.append('!!! warning "Offsets that do not match the text"')
        for p in mine:
            out.append(f"    - {md_text(p)}")
        out.append("")
    out += [highlighted(text, passages, page), ""]
    out += [
        "## Passages in order {#passages}",
        "",
        '<div class="qantar-table-wrap qantar-data" data-search-exclude><table data-table="passages"><thead><tr>'
        '<th data-type="num">Start</th><th data-type="num">End</th><th>Rows</th><th>Passage</th><th>English (curators\' translation)</th>'
        "</tr></thead><tbody>",
    ]
    rows = []
    for p in passages:
        if p.kind == "number":
            continue
        links = ", ".join(
            f'<a href="{html_text(href(page, table_src(r.table), r.row_id))}">{html_text(r.label)}</a>' for r in p.refs
        )
        en = next((r.english for r in p.refs if r.english), "")
        rows.append(
            f'<tr><td class="qantar-num"><a href="#{passage_id(p.start)}">{p.start}</a></td><td class="qantar-num">{p.end}</td>'
            f'<td>{links}</td><td lang="id">{html_text(p.text)}</td><td>{html_text(en)}</td></tr>'
        )
    out.append("".join(rows) + "</tbody></table></div>")
    out.append("")
    return "\n".join(out)


def _corroboration(site: Site) -> list[dict[str, Any]]:
    """Per event (in table order): passages, sources and independence groups reporting it."""
    if not all(site.table(t) for t in ("events", "event_sources", "sources")):
        return []
    per_event = corroboration(site.frame("events"), site.frame("event_sources"), site.frame("sources"))
    found = {r["event_id"]: r for r in per_event.iter_rows(named=True)}
    passages: dict[str, int] = defaultdict(int)
    for r in site.rows("event_sources"):
        passages[r["event_id"]] += 1
    return [
        {"event": ev, "passages": passages[ev["event_id"]], "sources": found[ev["event_id"]]["source_ids"] or [],
         "independent": found[ev["event_id"]]["independence_groups"] or []}
        for ev in site.rows("events") if ev.get("event_id") in found
    ]


def overview_page(site: Site, passages: dict[str, list[Passage]], problems: list[str]) -> str:
    page = INDEX
    srcs = site.rows("sources")
    group = _independence(site)
    corr = _corroboration(site)
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
        n = sum(len(p.refs) for p in passages.get(sid, []) if p.kind != "number")
        out.append(
            f"| [{md_text(sid)}]({mdref(page, article_src(sid))}) | {md_text(s.get('title'))}<br><small>{md_text(s.get('title_en'))}</small> "
            f"| {md_text(s.get('outlet') or '(unknown)')} <small>({md_text(s.get('outlet_basis'))})</small> | {md_text(s.get('genre'))} "
            f"| {md_text(s.get('original_outlet') or '')} | {md_text(group.get(sid))} "
            f"| {md_text(s.get('published_date'))} <small>({md_text(s.get('published_date_basis'))})</small> | {n} |"
        )
    groups: dict[str, list[str]] = defaultdict(list)
    for s in srcs:
        groups[group.get(s["source_id"]) or s["source_id"]].append(s["source_id"])
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
        f"event, from [event_sources]({mdref(page, table_src('event_sources'))}). "
        + "; ".join(f"{v} events rest on {k} independent source{'s' if k != 1 else ''}" for k, v in sorted(dist.items()))
        + "."
    )
    out += [
        "",
        '<div class="qantar-table-wrap qantar-data" data-search-exclude><table data-table="corroboration"><thead><tr>'
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
            f'<tr id="{html_text(row_id(site.tables["events"], ev))}"><td><a href="{html_text(href(page, table_src("events"), eid))}">{html_text(eid)}</a></td>'
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
