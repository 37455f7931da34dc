"""Coverage: every number-like token and every name candidate of every article is used by a
curated row or excluded with a reason. There is no third case.

A number token is accounted for when it is
- the number of a figure (inside figures.number_char_start:number_char_end),
- part of a printed publication date (sources.published_char_start:published_char_end),
- a date inside a curated quote; a relative date ('Rabu', 'tahun lalu', 'minggu depan') must also be
  resolved: quoted by an event whose date_reasoning names it, or named in its source's
  published_date_reasoning,
- or inside an exclusions span.
A name candidate (a capitalised word whose capital its place does not explain: qantar.provenance._names)
is accounted for when it lies inside an occurrence of an actor's or place's name form, a printed
publication date or an exclusion, or is a calendar word (the number check owns those).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate

from qantar._tokens import MONTHS, Token, number_tokens
from qantar.provenance.anchors import Finding, anchored_spans, texts

_MONTH = re.compile(rf"\s*(?:{'|'.join(MONTHS)})\b", re.IGNORECASE)


@dataclass
class Coverage:
    numbers: dict[str, Counter] = field(default_factory=dict)  # source -> {figure, publication, date, excluded, uncovered}
    names: dict[str, Counter] = field(default_factory=dict)  # source -> {candidates, curated, excluded, calendar, uncovered}
    findings: list[Finding] = field(default_factory=list)


def _spans(pkg) -> dict[str, dict[str, list[tuple[int, int, str]]]]:
    """source -> kind -> [(start, end, row id)] for figures, publication dates, quotes and exclusions."""
    import polars as pl

    out: dict[str, dict[str, list]] = {}

    def add(kind, frame, sid, a, b, ident):
        cols = frame.select(
            pl.col(sid), pl.col(a).cast(pl.Int64, strict=False), pl.col(b).cast(pl.Int64, strict=False), ident
        ).drop_nulls(subset=[sid, a, b])
        for s, x, y, i in zip(*(c.to_list() for c in cols.get_columns()), strict=True):
            out.setdefault(s, {}).setdefault(kind, []).append((x, y, i))

    t = {name: pkg.raw(name) for name in pkg.tables}
    add("figure", t["figures"], "source_id", "number_char_start", "number_char_end", pl.col("figure_id"))
    add("publication", t["sources"], "source_id", "published_char_start", "published_char_end", pl.col("source_id").alias("_id"))
    add("excluded", t["exclusions"], "source_id", "char_start", "char_end", pl.col("exclusion_id"))
    for table, frame in t.items():
        if table in ("exclusions", "sources"):
            continue
        key = frame.columns[0]
        for source_col, text_col, start_col, end_col in anchored_spans(frame.columns, table):
            if text_col == "number_as_written":
                continue
            add("quote", frame, source_col, start_col, end_col, (pl.lit(f"{table}:") + pl.col(key)).alias("_id"))
    return out


class _Spans:
    """Spans of one kind in one article, indexed so that containment is a binary search.

    ``covers(a, b)``: some span holds [a, b) (O(log n), from the sorted starts and the running
    maximum of the ends); ``holding(a, b)``: the ids of all spans that hold it.
    """

    __slots__ = ("spans", "starts", "reach")

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _, _ in self.spans]
        self.reach = list(accumulate((b for _, b, _ in self.spans), max))

    def covers(self, a: int, b: int) -> bool:
        i = bisect_right(self.starts, a)
        return i > 0 and self.reach[i - 1] >= b

    def holding(self, a: int, b: int) -> list[str]:
        if not self.covers(a, b):
            return []
        return [ident for x, y, ident in self.spans[: bisect_right(self.starts, a)] if y >= b]


_NONE = _Spans(())



def _is_date(tok: Token, text: str) -> bool:
    return tok.is_date or (tok.kind == "digits" and _MONTH.match(text, tok.end) is not None)


def check_coverage(pkg, *, names: bool = True) -> Coverage:
    """Account for every number-like token (and, with `names`, every name candidate) of
    every readable article of the package (a qantar.validate._package.Package)."""
    cov = Coverage()
    spans = _spans(pkg)
    t = {name: pkg.raw(name) for name in ("events", "sources")}
    articles = texts(pkg)
    reasoning = dict(t["events"].select("event_id", "date_reasoning").iter_rows())
    pub_reasoning = dict(t["sources"].select("source_id", "published_date_reasoning").iter_rows())
    row_of = {sid: i for i, sid in enumerate(t["sources"]["source_id"].to_list(), 1)}

    tokens = {sid: number_tokens(text) for sid, text in articles.items()}
    for sid, text in articles.items():
        s = {kind: _Spans(v) for kind, v in spans.get(sid, {}).items()}
        figure, publication, excluded, quote = (s.get(k, _NONE) for k in ("figure", "publication", "excluded", "quote"))
        counts = Counter()
        for tok in tokens[sid]:
            if figure.covers(tok.start, tok.end):
                counts["figure"] += 1
            elif publication.covers(tok.start, tok.end):
                counts["publication"] += 1
            elif excluded.covers(tok.start, tok.end):
                counts["excluded"] += 1
            elif _is_date(tok, text) and quote.covers(tok.start, tok.end):
                if tok.kind in ("relative", "day") and not _resolved(tok.text, quote.holding(tok.start, tok.end), reasoning, pub_reasoning.get(sid)):
                    counts["uncovered"] += 1
                    cov.findings.append(Finding("coverage-dates", "sources", row_of[sid], "path", tok.text,
                                                f"relative date at {sid}[{tok.start}:{tok.end}] is quoted but no event's date_reasoning resolves it"))
                else:
                    counts["date"] += 1
            else:
                _uncovered(cov, counts, "coverage-numbers", row_of[sid], text, tok.start, tok.end,
                           f"number-like token at {sid}[{tok.start}:{tok.end}] is neither a figure, a resolved date nor excluded")
        cov.numbers[sid] = counts
    if names:
        _check_names(pkg, articles, spans, cov, row_of, tokens)
    return cov


def _uncovered(cov: Coverage, counts: Counter, check: str, row: int, text: str, a: int, b: int, why: str) -> None:
    """Record text[a:b] as accounted for by nothing, with the words around it."""
    counts["uncovered"] += 1
    cov.findings.append(Finding(check, "sources", row, "path", text[a:b], f"{why}: …{text[max(0, a - 30):b + 30]}…"))


def _resolved(token: str, quoted: list[str], reasoning: dict, pub_reasoning: str | None) -> bool:
    needle = token.lower()
    if pub_reasoning and needle in pub_reasoning.lower():
        return True
    events = {q.split(":", 1)[1] for q in quoted if q.startswith("event_sources:")}
    return any(needle in (reasoning.get(e) or "").lower() for e in events)


def _check_names(pkg, articles: dict[str, str], spans, cov: Coverage, row_of, tokens) -> None:
    from qantar.provenance._names import candidates

    forms = set()
    for table in ("actors", "places"):
        for v in pkg.raw(table)["name_forms"].to_list():
            forms.update(f for f in (v or "").split("|") if f)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))) if forms else None
    for sid, text in articles.items():
        s = spans.get(sid, {})
        named = _Spans((m.start(), m.end(), "") for m in pattern.finditer(text)) if pattern else _NONE
        calendar = _Spans((tk.start, tk.end, "") for tk in tokens[sid] if tk.kind in ("month", "day"))
        excluded, publication = _Spans(s.get("excluded", ())), _Spans(s.get("publication", ()))
        counts = Counter()
        for word in candidates(text):
            a, b = word.start, word.end
            counts["candidates"] += 1
            if named.covers(a, b):
                counts["curated"] += 1
            elif excluded.covers(a, b) or publication.covers(a, b):
                counts["excluded"] += 1
            elif calendar.covers(a, b):
                counts["calendar"] += 1
            else:
                _uncovered(cov, counts, "coverage-names", row_of[sid], text, a, b,
                           f"name candidate at {sid}[{a}:{b}] is in no actor's or place's name forms and not excluded")
        cov.names[sid] = counts
