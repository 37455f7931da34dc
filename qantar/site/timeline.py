"""The timeline page: events on a time axis, as inline SVG drawn at build time.

Date precision is drawn, not hidden: a single known day is a dot; a range (the event happened at some
time, or over some time, between date_start and date_end) is a bar from the start of date_start to the end
of date_end; a month or a year is a hatched bar over that month or year. Colours are event types.
Events that start in the episode's window (December 2021 to January 2022) are the unrest; its axis runs from
the first of them to the last, a day's margin either side, so that no width is spent on empty days. Events
that start earlier are background and get a chart of their own on a yearly axis. Labels are the events'
full summaries, wrapped; the rows grow to hold them.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from .data import Site
from .escape import html_text, md_text, svg_text
from .links import article_src, href, mdref, table_src
from .render import front_matter

SRC = "timeline.md"
WINDOW = (dt.date(2021, 12, 1), dt.date(2022, 1, 31))

# 24 distinguishable colours (after Kelly's and Tableau's palettes, pale ones darkened so that a
# translucent range bar stays visible), assigned in event_types order.
PALETTE = [
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#0fa3b1", "#f032e6", "#9a6324",
    "#469990", "#800000", "#808000", "#000075", "#e6a100", "#6b6b6b", "#7cb518", "#d81b60",
    "#8e7cc3", "#2e7d32", "#c77c02", "#37474f", "#1f77b4", "#8c564b", "#17becf", "#bcbd22",
]

LABEL_W = 360
PLOT_W = 760
RIGHT = 30
ROW_H = 21
LINE_H = 14  # a wrapped label's lines
WRAP = 54  # characters per label line (12 px text in LABEL_W)
TOP = 64
FONT = "font-family=\"-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif\""


def type_colours(site: Site) -> dict[str, str]:
    types = [r["event_type"] for r in site.rows("event_types") if r.get("event_type")]
    for r in site.rows("events"):
        if r.get("event_type") and r["event_type"] not in types:
            types.append(r["event_type"])
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(types)}


def type_labels(site: Site) -> dict[str, str]:
    return {r["event_type"]: r.get("label") or r["event_type"] for r in site.rows("event_types") if r.get("event_type")}


def _end(ev: dict[str, Any]) -> dt.date:
    """The last day of a dated event (its start when it has no end)."""
    return ev.get("date_end") or ev["date_start"]


def _truncate(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _lines(ev: dict[str, Any]) -> list[str]:
    """An event's summary wrapped into label lines; the first leaves room for the id before it."""
    indent = " " * (len(ev.get("event_id") or "") + 1)
    lines = textwrap.wrap(ev.get("summary_en") or "", WRAP, initial_indent=indent, break_long_words=True, break_on_hyphens=False)
    return [line.strip() for line in lines] or [""]


def _height(ev: dict[str, Any]) -> float:
    return max(ROW_H, len(_lines(ev)) * LINE_H + 7)


def _defs() -> str:
    return (
        "<defs>"
        '<pattern id="tl-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#ffffff" fill-opacity="0.55"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2.5"/></pattern>'
        "</defs>"
    )


def _glyph(ev: dict[str, Any], x0: float, x1: float, y: float, colour: str, tip: str, link: str) -> str:
    """Glyph of one event between x0 (start of first day) and x1 (end of last day)."""
    prec = ev.get("date_precision")
    parts = [f'<a href="{svg_text(link)}" class="tl-event"><title>{svg_text(tip)}</title>']
    if prec == "day":
        cx = (x0 + x1) / 2
        parts.append(f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="5.5" fill="{colour}" stroke="#222" stroke-width="1"/>')
    else:
        w = max(x1 - x0, 3.0)
        parts.append(
            f'<rect x="{x0:.1f}" y="{y - 6:.1f}" width="{w:.1f}" height="12" rx="3" fill="{colour}" '
            f'fill-opacity="{0.55 if prec == "range" else 0.9}" stroke="{colour}" stroke-width="1.5"/>'
        )
        if prec in ("month", "year"):
            parts.append(f'<rect x="{x0:.1f}" y="{y - 6:.1f}" width="{w:.1f}" height="12" rx="3" fill="url(#tl-hatch)"/>')
        else:  # range: whiskers at both ends mark the bounds
            for xx in (x0, x0 + w):
                parts.append(f'<line x1="{xx:.1f}" y1="{y - 8:.1f}" x2="{xx:.1f}" y2="{y + 8:.1f}" stroke="{colour}" stroke-width="2"/>')
    parts.append("</a>")
    return "".join(parts)


def _tip(ev: dict[str, Any], labels: dict[str, str]) -> str:
    return (
        f"{ev['event_id']} · {labels.get(ev.get('event_type') or '', ev.get('event_type') or '')} · "
        f"{ev.get('date_start')} – {ev.get('date_end')} ({ev.get('date_precision')}, {ev.get('date_basis')}) · "
        f"{ev.get('status')} · {ev.get('summary_en') or ''}"
    )


def _label(ev: dict[str, Any], y: float, link: str) -> str:
    """The event's id and full summary, wrapped, centred on ``y``."""
    lines = _lines(ev)
    eid = ev.get("event_id") or ""
    first = " " + lines[0]
    top = y - (len(lines) - 1) * LINE_H / 2 + 4
    spans = [f'<tspan x="8" y="{top:.1f}"><tspan font-weight="bold" fill="#3f51b5">{svg_text(eid)}</tspan>'
             f"{svg_text(first)}</tspan>"]
    spans += [f'<tspan x="8" y="{top + i * LINE_H:.1f}">{svg_text(line)}</tspan>' for i, line in enumerate(lines[1:], 1)]
    return f'<a href="{svg_text(link)}"><text font-size="12" fill="#222">{"".join(spans)}</text></a>'


def _event_row(out: list[str], ev: dict[str, Any], i: int, y: float, width: int) -> str:
    """Start an event's row (a stripe on every other row, its label); return the link to its row."""
    link = href(SRC, table_src("events"), ev["event_id"])
    h = _height(ev)
    if i % 2 == 0:
        out.append(f'<rect x="0" y="{y - h / 2:.1f}" width="{width}" height="{h:.1f}" fill="#3f51b5" fill-opacity="0.04"/>')
    out.append(_label(ev, y, link))
    return link


def axis(events: list[dict[str, Any]], published: list[dt.date]) -> tuple[dt.date, dt.date]:
    """The main axis: from the first day of the episode's events (and articles) to the last, a day's
    margin either side."""
    days = [e["date_start"] for e in events] + [_end(e) for e in events] + published
    return min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=1)


def _tick_step(ppd: float) -> int:
    """Days between labelled ticks, so that labels keep about 22 px apart."""
    return next(step for step in (1, 2, 5, 7, 14, 30, 365) if step * ppd >= 22 or step == 365)


def main_chart(site: Site, events: list[dict[str, Any]], win: tuple[dt.date, dt.date]) -> str:
    colours, labels = type_colours(site), type_labels(site)
    start, end = win
    days = (end - start).days + 1
    ppd = PLOT_W / days
    X0 = LABEL_W

    def x(day: dt.date) -> float:
        return X0 + (day - start).days * ppd

    sources = sorted((s for s in site.typed_rows("sources") if s.get("published_date_min") and s.get("source_id")),
                     key=lambda s: s["source_id"])
    n = len(events)
    src_rows = len(sources)
    height = TOP + src_rows * ROW_H + sum(_height(e) for e in events) + 24
    width = LABEL_W + PLOT_W + RIGHT
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" width="{width}" height="{height:.0f}" '
        f'class="qantar-timeline" role="img" aria-labelledby="tl-main-title" {FONT}>',
        f'<title id="tl-main-title">Timeline of {n} events from {start} to {end}</title>',
        _defs(),
        f'<rect width="{width}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    # Weekend shading, month boundaries and labelled day ticks (data-day: the tick's date, for the tests).
    step = _tick_step(ppd)
    day = start
    while day <= end:
        xx = x(day)
        if day.weekday() >= 5:
            out.append(f'<rect x="{xx:.1f}" y="{TOP - 6}" width="{ppd:.2f}" height="{height - TOP - 18:.0f}" fill="#f3f3f6"/>')
        if day.day == 1 or day == start:
            out.append(f'<line x1="{xx:.1f}" y1="22" x2="{xx:.1f}" y2="{height - 22:.0f}" stroke="#666" stroke-width="1"/>')
            out.append(f'<text x="{xx + 4:.1f}" y="20" font-size="13" font-weight="bold" fill="#333">{day.strftime("%B %Y")}</text>')
        if (day - start).days % step == 0:
            out.append(f'<line x1="{xx:.1f}" y1="{TOP - 16}" x2="{xx:.1f}" y2="{height - 22:.0f}" stroke="#ddd" stroke-width="0.8"/>')
            out.append(f'<text class="tl-tick" data-day="{day.isoformat()}" x="{xx + ppd / 2:.1f}" y="{TOP - 18}" '
                       f'font-size="10.5" text-anchor="middle" fill="#555">{day.day}</text>')
        day += dt.timedelta(days=1)
    out.append(f'<line x1="{X0}" y1="{TOP - 14}" x2="{X0 + PLOT_W}" y2="{TOP - 14}" stroke="#444"/>')
    y = TOP + ROW_H / 2
    for src in sources:  # one row per article: when it was published (a bar where the date is inferred)
        lo = src["published_date_min"]
        hi = src.get("published_date_max") or lo
        link = href(SRC, article_src(src["source_id"]))
        num = src["source_id"].split("_")[0]
        tip = (f"Article {src['source_id']} published {src['published_date_min']} – {src.get('published_date_max')} "
               f"({src.get('published_date_basis')})")
        out.append(f'<rect x="0" y="{y - ROW_H / 2:.1f}" width="{width}" height="{ROW_H}" fill="#6d4c41" fill-opacity="0.05"/>')
        out.append(
            f'<a href="{svg_text(link)}"><title>{svg_text(tip)}</title>'
            f'<text x="8" y="{y + 4:.1f}" font-size="12" font-style="italic" fill="#6d4c41">article {svg_text(num)} published · '
            f'{svg_text(_truncate(src.get("outlet") or src.get("original_outlet") or "outlet unknown", 44))}</text>'
        )
        if lo is not None and hi is not None and hi >= start and lo <= end:
            x0, x1 = x(max(lo, start)), x(min(hi, end) + dt.timedelta(days=1))
            out.append(
                f'<path d="M{x0:.1f},{y - 6:.1f} h{max(x1 - x0, 3):.1f} v12 h-{max(x1 - x0, 3):.1f} z" fill="#6d4c41" '
                f'fill-opacity="{0.85 if lo == hi else 0.3}" stroke="#6d4c41"/>'
            )
        out.append("</a>")
        y += ROW_H
    if sources:
        out.append(f'<line x1="0" y1="{y - ROW_H / 2:.1f}" x2="{width}" y2="{y - ROW_H / 2:.1f}" stroke="#6d4c41" stroke-width="0.8"/>')
    y += -ROW_H / 2
    for i, ev in enumerate(events):
        y += _height(ev) / 2
        link = _event_row(out, ev, i, y, width)
        s, e = ev["date_start"], _end(ev)
        clipped_l, clipped_r = s < start, e > end
        s, e = max(s, start), min(e, end)
        x0, x1 = x(s), x(e + dt.timedelta(days=1))
        colour = colours.get(ev.get("event_type") or "", "#777")
        out.append(_glyph(ev, x0, x1, y, colour, _tip(ev, labels), link))
        if clipped_r:
            out.append(f'<path d="M{x1 + 2:.1f},{y - 5:.1f} l7,5 l-7,5 z" fill="{colour}"/>')
        if clipped_l:
            out.append(f'<path d="M{x0 - 2:.1f},{y - 5:.1f} l-7,5 l7,5 z" fill="{colour}"/>')
        y += _height(ev) / 2
    out.append("</svg>")
    return "\n".join(out)


def background_chart(site: Site, events: list[dict[str, Any]]) -> str:
    colours, labels = type_colours(site), type_labels(site)
    starts = [e["date_start"] for e in events]
    ends = [_end(e) for e in events]
    y_lo = (min(starts).year // 10) * 10
    y_hi = max(e.year for e in ends) + 1
    start, end = dt.date(y_lo, 1, 1), dt.date(y_hi, 1, 1)
    total = (end - start).days
    X0 = LABEL_W

    def x(day: dt.date) -> float:
        return X0 + (day - start).days / total * PLOT_W

    height = 44 + sum(_height(e) for e in events) + 20
    width = LABEL_W + PLOT_W + RIGHT
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" width="{width}" height="{height:.0f}" '
        f'class="qantar-timeline" role="img" aria-labelledby="tl-bg-title" {FONT}>',
        f'<title id="tl-bg-title">Background events from {y_lo} to {y_hi - 1}, on a yearly axis</title>',
        _defs().replace("tl-hatch", "tl-hatch-bg"),
        f'<rect width="{width}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    step = 10 if y_hi - y_lo > 30 else 5 if y_hi - y_lo > 10 else 1
    for yr in range(y_lo, y_hi + 1, step):
        xx = x(dt.date(yr, 1, 1))
        out.append(f'<line x1="{xx:.1f}" y1="26" x2="{xx:.1f}" y2="{height - 16:.0f}" stroke="#ddd"/>')
        out.append(f'<text x="{xx:.1f}" y="22" font-size="11" text-anchor="middle" fill="#444">{yr}</text>')
    y = 44
    for i, ev in enumerate(events):
        y += _height(ev) / 2
        link = _event_row(out, ev, i, y, width)
        s, e = ev["date_start"], _end(ev)
        colour = colours.get(ev.get("event_type") or "", "#777")
        g = _glyph(ev, x(s), x(e + dt.timedelta(days=1)), y, colour, _tip(ev, labels), link)
        out.append(g.replace("tl-hatch", "tl-hatch-bg"))
        y += _height(ev) / 2
    out.append("</svg>")
    return "\n".join(out)


def legend(site: Site, events: list[dict[str, Any]]) -> str:
    colours, labels = type_colours(site), type_labels(site)
    present = []
    for e in events:
        t = e.get("event_type")
        if t and t not in present:
            present.append(t)
    order = [t for t in colours if t in present]
    items = "".join(
        f'<li><span class="tl-swatch" style="background:{colours[t]}"></span>'
        f'<a href="{html_text(href(SRC, table_src("event_types"), t))}">{html_text(labels.get(t, t))}</a></li>'
        for t in order
    )
    prec = (
        '<li><svg width="26" height="14"><circle cx="13" cy="7" r="5.5" fill="#888" stroke="#222"/></svg> day: a single known day</li>'
        '<li><svg width="26" height="14"><rect x="2" y="1" width="22" height="12" rx="3" fill="#888" fill-opacity="0.45" stroke="#888" stroke-width="1.5"/>'
        '<line x1="2" y1="0" x2="2" y2="14" stroke="#888" stroke-width="2"/><line x1="24" y1="0" x2="24" y2="14" stroke="#888" stroke-width="2"/></svg>'
        " range: some time between the start of date_start and the end of date_end</li>"
        '<li><svg width="26" height="14"><defs><pattern id="lg-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.5"/></pattern></defs>'
        '<rect x="2" y="1" width="22" height="12" rx="3" fill="#888" stroke="#888"/><rect x="2" y="1" width="22" height="12" rx="3" fill="url(#lg-hatch)"/></svg>'
        " month or year: known only to that month or year</li>"
    )
    return (
        '<div class="qantar-legend"><div><strong>Event type</strong><ul class="tl-types">' + items + "</ul></div>"
        '<div><strong>Date precision</strong><ul class="tl-prec">' + prec + "</ul></div></div>"
    )


def _day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def _ids(events: list[dict[str, Any]]) -> str:
    return ", ".join(row_link(e["event_id"]) for e in events)


def row_link(event_id: str) -> str:
    """A Markdown link to an event's row."""
    return f"[{md_text(event_id)}]({mdref(SRC, table_src('events'), event_id)})"


def sort_key(ev: dict[str, Any]) -> tuple:
    return (ev.get("date_start") or dt.date.max, ev.get("date_end") or dt.date.max, ev.get("event_id") or "")


def page(site: Site) -> str:
    events = sorted(site.typed_rows("events"), key=sort_key)
    win_start, win_end = WINDOW
    main = [e for e in events if e.get("date_start") and e["date_start"] >= win_start]
    background = [e for e in events if e.get("date_start") and e["date_start"] < win_start]
    undated = [e for e in events if not e.get("date_start")]
    published = [d for src in site.typed_rows("sources") for d in (src.get("published_date_min"), src.get("published_date_max")) if d]
    first, last = axis(main, [d for d in published if win_start <= d <= win_end]) if main else WINDOW
    counts: dict[str, int] = {}
    for e in main:
        counts[e.get("date_precision") or "?"] = counts.get(e.get("date_precision") or "?", 0) + 1
    prec_txt = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    out = [
        front_matter("Timeline", hide_toc=True),
        "# Timeline",
        "",
        f"The {len(events)} events of the [events table]({mdref(SRC, table_src('events'))}), drawn with the precision their dates "
        "have. Each event's date is an interval: a dot is a single known day, a bar with end marks is a range "
        "(the event falls somewhere, or lasts, within it — see each event's `date_reasoning`). "
        "Click an event to open its row. Weekends are shaded. The brown rows at the top are the "
        "publication dates of the articles (a pale bar where the date is only inferred within bounds): "
        "nothing reported can have happened after its article was written.",
        "",
        f"## The unrest, {_day(first + dt.timedelta(days=1))} to {_day(last - dt.timedelta(days=1))} {{#main}}",
        "",
        f"{len(main)} events ({prec_txt}): those that start in the episode's window, {win_start.strftime('%B %Y')} to "
        f"{win_end.strftime('%B %Y')}; the axis runs from the first day of the first to the last day of the last."
        + (f" {len(background)} background events that began earlier are drawn [below](#background) on a yearly axis"
           + (f"; {_ids(reaching)} last into these days." if (reaching := [e for e in background if _end(e) >= first]) else ".")
           if background else ""),
        "",
        legend(site, events),
        "",
        '<div class="qantar-figure qantar-scroll">' + main_chart(site, main, (first, last)) + "</div>",
        "",
    ]
    if background:
        out += [
            "## Background events {#background}",
            "",
            f"{len(background)} events begin before {win_start.strftime('%B %Y')}: history the articles refer to. "
            "They are drawn on a yearly axis so that the unrest above keeps a readable scale.",
            "",
            '<div class="qantar-figure qantar-scroll">' + background_chart(site, background) + "</div>",
            "",
            "| Event | Start | End | Precision | Basis | Type | Summary |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        labels = type_labels(site)
        for e in background:
            cells = [e["date_start"], e["date_end"], e.get("date_precision"), e.get("date_basis"),
                     labels.get(e.get("event_type") or "", e.get("event_type")), e.get("summary_en")]
            out.append(f"| {row_link(e['event_id'])} | " + " | ".join(md_text(c) for c in cells) + " |")
        out.append("")
    if undated:
        out += ["## Events without a usable date {#undated}", ""]
        out += [f"- {row_link(e['event_id'])}: {md_text(e.get('summary_en'))}" for e in undated]
        out.append("")
    return "\n".join(out)
