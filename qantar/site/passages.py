"""The curated passages of each article, from the spans the descriptor declares, and their highlighting.

Every table's ``qantar:spans`` (``Table.spans`` in the model: kinds claim, number, printed_date and
exclusion) says which columns hold an article's id, the offsets and the verbatim text, so a new
table with quotes is on the article pages as soon as its spans are declared. Overlapping and
nested passages are drawn by cutting the text at every passage boundary: each piece is shaded by
how many passages cover it, and the links to the citing rows are placed where each passage ends
(links cannot nest, so the highlighted text itself is not a link).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from qantar.model import Span, Table

from .data import Site
from .escape import html_text
from .links import href, passage_id, row_id, table_src


@dataclass
class Ref:
    """A row that cites a passage: its label (``E001``, ``D003A``), table, row anchor and translation."""

    label: str
    table: str
    row_id: str
    english: str | None


@dataclass
class Passage:
    """A stretch of an article cited by one or more rows, as one kind of span."""

    start: int
    end: int
    kind: str  # a span kind of the model: claim, number, printed_date, exclusion
    text: str
    refs: list[Ref] = field(default_factory=list)


def label(t: Table, span: Span, row: dict) -> str:
    """How a citing row is named beside a passage: its key (not the span's own columns)."""
    if span.kind == "printed_date":
        return "published"
    own = {span.source, span.start, span.end}
    key = [k for k in t.primary_key if k not in own]
    label = str(row.get(key[0])) if key else row_id(t, row)
    if len(t.spans_of(span.kind)) > 1:  # one row, several claims: the span's name tells them apart
        label += span.name.rsplit("_", 1)[-1].upper()
    return label


def collect(site: Site) -> tuple[dict[str, list[Passage]], list[str]]:
    """source_id -> its passages (one per start, end and kind, in text order); and the spans whose
    offsets do not hold their text (each named by table and row)."""
    return site.cached("passages", lambda: _collect(site))


def _collect(site: Site) -> tuple[dict[str, list[Passage]], list[str]]:
    groups: dict[str, dict[tuple[int, int, str], Passage]] = defaultdict(dict)
    problems: list[str] = []
    for span in site.package.spans():
        t = site.tables[span.table]
        for row in site.rows(t.name):
            sid, s, e = row.get(span.source), row.get(span.start), row.get(span.end)
            if not sid or s is None or e is None:
                continue
            try:
                s, e = int(s), int(e)
            except ValueError:
                problems.append(f"{t.name} {row_id(t, row)}: offsets {s}–{e} are not integers")
                continue
            text = site.texts.get(sid)
            if text is None:
                continue
            if text[s:e] != row.get(span.text) or s < 0:
                problems.append(f"{t.name} {row_id(t, row)}: text[{s}:{e}] of {sid} differs from {span.text}")
                continue
            passage = groups[sid].setdefault((s, e, span.kind), Passage(s, e, span.kind, text[s:e]))
            english = row.get(span.translation) if span.translation else None
            ref = Ref(label(t, span, row), t.name, row_id(t, row), english)
            if not any((r.table, r.row_id, r.label) == (ref.table, ref.row_id, ref.label) for r in passage.refs):
                passage.refs.append(ref)
    ordered = {sid: sorted(g.values(), key=lambda p: (p.start, -p.end)) for sid, g in groups.items()}
    return ordered, problems


def _notes(pending: list[Passage]) -> str:
    """The English translations of passages that ended in the paragraph just read, one note each
    (a translation once, with every row that gives it), so an English reader can follow the article."""
    by_text: dict[str, list[str]] = {}
    for p in pending:
        for r in p.refs:
            if r.english:
                by_text.setdefault(r.english, [])
                if r.label not in by_text[r.english]:
                    by_text[r.english].append(r.label)
    return "".join(
        f'<span class="qtr" lang="en"><span class="qtr-refs">{html_text(", ".join(labels))}</span> {html_text(text)}</span>'
        for text, labels in by_text.items()
    )


def highlighted(text: str, passages: list[Passage], from_src: str) -> str:
    """The article text as HTML, every passage marked and followed by links to the rows citing it; each
    paragraph is followed by the English translations of the passages that end in it."""
    cuts = sorted({0, len(text)} | {b for p in passages for b in (p.start, p.end) if 0 <= b <= len(text)})
    starts = {p.start for p in passages}
    ending: dict[int, list[Passage]] = defaultdict(list)
    for p in passages:
        if p.kind != "number":  # a number lies inside its claim, whose links follow the claim
            ending[p.end].append(p)
    pending: list[Passage] = []  # passages that ended in this paragraph, their notes not yet shown
    out = ['<div class="qantar-article" lang="id">']
    for i, at in enumerate(cuts):
        if ending.get(at):
            links = [
                f'<a href="{html_text(href(from_src, table_src(r.table), r.row_id))}" '
                f'title="{html_text(r.table)} row {html_text(r.row_id)}">{html_text(r.label)}</a>'
                for p in ending[at] for r in p.refs
            ]
            out.append('<sup class="qref">[' + ", ".join(links) + "]</sup>")
            pending += ending[at]
        if at in starts:
            out.append(f'<span class="qanchor" id="{passage_id(at)}"></span>')
        if i + 1 == len(cuts):
            break
        end = cuts[i + 1]
        piece = text[at:end]
        cover = [p for p in passages if p.start <= at and p.end >= end]
        if pending and "\n" in piece:  # the paragraph ends here: its notes go before the line break
            cut = piece.index("\n")
            if cut:
                out.append(_mark(piece[:cut], cover))
            out.append(_notes(pending))
            pending = []
            piece = piece[cut:]
        out.append(_mark(piece, cover))
    out.append(_notes(pending))
    out.append("</div>")
    return "".join(out)


def _mark(piece: str, cover: list[Passage]) -> str:
    """A piece of the text, marked by the passages that cover it (shade, number, date, exclusion)."""
    if not cover:
        return html_text(piece)
    quotes = [p for p in cover if p.kind in ("claim", "printed_date")]
    classes = ["q"]
    if quotes:
        classes.append(f"d{min(len(quotes), 3)}")
    if any(p.kind == "number" for p in cover):
        classes.append("num")
    if any(p.kind == "printed_date" for p in quotes):
        classes.append("pub")
    if any(p.kind == "exclusion" for p in cover):
        classes.append("excl")
    labels = ", ".join(dict.fromkeys(r.label for p in cover for r in p.refs))
    return f'<mark class="{" ".join(classes)}" title="{html_text(labels)}">{html_text(piece)}</mark>'
