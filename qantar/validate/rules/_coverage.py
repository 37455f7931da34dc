"""What the coverage rules share: the spans each article's tokens may lie in, and the reading of
every number-like token.

A number token is accounted for when it is
- the number of a figure (a span of kind ``number``),
- part of a printed publication date (``printed_date``),
- a date inside a curated quote (``claim``); a relative date ('Rabu', 'tahun lalu', 'minggu depan')
  must also be resolved: quoted by an event whose date_reasoning names it, or named in its
  source's published_date_reasoning (coverage-dates),
- or inside an exclusion (``exclusion``).
The kinds are those the tables declare in the descriptor (``qantar:spans``), so a new quoted table
is covered without a change here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import NamedTuple

import polars as pl

from qantar.text.tokens import MONTHS, Token, number_tokens
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_MONTH = re.compile(rf"\s*(?:{'|'.join(MONTHS)})\b", re.IGNORECASE)


class Spans:
    """Spans of one kind in one article, indexed so that containment is a binary search.

    ``covers(a, b)``: some span holds [a, b) (O(log n), from the sorted starts and the running
    maximum of the ends); ``holding(a, b)``: the ids of all spans that hold it. The ids are looked
    up only by ``holding`` (a few tokens per article), so they may be a lazily read column.
    """

    __slots__ = ("starts", "ends", "ids", "reach")

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _, _ in ordered]
        self.ends = [b for _, b, _ in ordered]
        self.ids = [i for _, _, i in ordered]
        self.reach = list(accumulate(self.ends, max))

    @classmethod
    def presorted(cls, starts: list[int], ends: list[int], ids: list[str] | _Ids) -> Spans:
        """The index of spans already in the order ``__init__`` sorts them (start, end, id)."""
        index = cls.__new__(cls)
        index.starts, index.ends, index.ids = starts, ends, ids
        index.reach = list(accumulate(ends, max))
        return index

    def covers(self, a: int, b: int) -> bool:
        i = bisect_right(self.starts, a)
        return i > 0 and self.reach[i - 1] >= b

    def touches(self, a: int, b: int) -> bool:
        """Whether some span overlaps [a, b)."""
        i = bisect_left(self.starts, b)
        return i > 0 and self.reach[i - 1] > a

    def holding(self, a: int, b: int) -> list[str]:
        if not self.covers(a, b):
            return []
        ends = self.ends
        return [self.ids[j] for j in range(bisect_right(self.starts, a)) if ends[j] >= b]


NONE = Spans(())


def spans(inputs: Inputs) -> dict[str, dict[str, Spans]]:
    """source_id -> span kind -> the spans of that kind; ids are ``table:first column`` (cached).

    Gathered and sorted by polars, then cut into one index per (article, kind): no Python work
    per span but the index's own lists (a million-row package declares about a million spans).
    """
    if "coverage.spans" not in inputs.memo:
        parts = []
        for span in inputs.model.spans():
            frame = inputs.strings(span.table)
            key = inputs.table(span.table).field_names[0]
            parts.append(frame.select(
                pl.col(span.source).alias("sid"), pl.lit(span.kind, pl.String).alias("kind"),
                pl.col(span.start).cast(pl.Int64, strict=False).alias("a"),
                pl.col(span.end).cast(pl.Int64, strict=False).alias("b"),
                # a row whose key is empty still holds its span (the schema layers report the key)
                (pl.lit(f"{span.table}:") + pl.col(key).fill_null("")).alias("id"),
            ).drop_nulls(subset=["sid", "a", "b"]))
        out: dict[str, dict[str, Spans]] = {}
        if parts:
            every = pl.concat(parts).sort("sid", "kind", "a", "b", "id", nulls_last=True)
            # sorted, so each (article, kind) is one run of rows: three lists, cut by the runs' bounds
            # (a frame per group costs more than its spans, with tens of thousands of articles)
            # the ids stay a polars column, read only where ``holding`` asks (a million ids as
            # Python strings cost more than the rest of the index)
            starts, ends = (every[c].to_list() for c in ("a", "b"))
            ids = every["id"]
            runs = every.with_row_index("i").group_by("sid", "kind", maintain_order=True).agg(
                pl.col("i").first().alias("lo"), pl.len().alias("n"))
            for sid, kind, lo, n in runs.iter_rows():
                out.setdefault(sid, {})[kind] = Spans.presorted(starts[lo:lo + n], ends[lo:lo + n], _Ids(ids, lo))
        inputs.memo["coverage.spans"] = out
    return inputs.memo["coverage.spans"]


class _Ids:
    """Span ids from row ``lo`` of one column shared by every article's index (``ids[j]`` reads one)."""

    __slots__ = ("column", "lo")

    def __init__(self, column: pl.Series, lo: int) -> None:
        self.column, self.lo = column, lo

    def __getitem__(self, j: int) -> str:
        return self.column[self.lo + j]


def tokens(inputs: Inputs) -> dict[str, list[Token]]:
    """source_id -> the number-like tokens of its article (cached)."""
    if "coverage.tokens" not in inputs.memo:
        inputs.memo["coverage.tokens"] = {sid: number_tokens(text) for sid, text in inputs.texts().items()}
    return inputs.memo["coverage.tokens"]


def source_rows(inputs: Inputs) -> dict[str, int]:
    """source_id -> its 1-based row in ``sources`` (findings about an article are filed there)."""
    return {sid: i for i, sid in enumerate(inputs.strings("sources")["source_id"].to_list(), 1)}


class Reading(NamedTuple):
    """How one number-like token is accounted for (a tuple: there is one per token of every article)."""

    source_id: str
    token: Token
    status: str  # figure | publication | excluded | date | unresolved | uncovered


def readings(inputs: Inputs) -> list[Reading]:
    """Every number-like token of every readable article, with how it is accounted for (cached)."""
    if "coverage.readings" in inputs.memo:
        return inputs.memo["coverage.readings"]
    texts = inputs.texts()
    by_source = spans(inputs)
    events = inputs.strings("events")
    sources = inputs.strings("sources")
    reasoning = dict(events.select("event_id", "date_reasoning").iter_rows())
    pub_reasoning = dict(sources.select("source_id", "published_date_reasoning").iter_rows())
    out = []
    for sid, toks in tokens(inputs).items():
        text = texts[sid]
        s = by_source.get(sid, {})
        figure, printed, excluded, quote = (s.get(k, NONE) for k in ("number", "printed_date", "exclusion", "claim"))
        for tok in toks:
            if figure.covers(tok.start, tok.end):
                status = "figure"
            elif printed.covers(tok.start, tok.end):
                status = "publication"
            elif excluded.covers(tok.start, tok.end):
                status = "excluded"
            elif _is_date(tok, text) and quote.covers(tok.start, tok.end):
                # which quotes hold it is read only for a relative date its source's reasoning does not resolve
                resolved = tok.kind not in ("relative", "day") or _resolved(
                    tok.text, lambda t=tok: quote.holding(t.start, t.end), reasoning, pub_reasoning.get(sid))
                status = "date" if resolved else "unresolved"
            else:
                status = "uncovered"
            out.append(Reading(sid, tok, status))
    inputs.memo["coverage.readings"] = out
    return out


def finding(inputs: Inputs, sid: str, a: int, b: int, why: str) -> Finding:
    """A finding about ``text[a:b]`` of article ``sid``, with the words around it."""
    text = inputs.texts()[sid]
    return Finding("sources", source_rows(inputs).get(sid), "path", text[a:b],
                   f"{why}: …{text[max(0, a - 30):b + 30]}…")


def _is_date(tok: Token, text: str) -> bool:
    return tok.is_date or (tok.kind == "digits" and _MONTH.match(text, tok.end) is not None)


def _resolved(token: str, holding: Callable[[], list[str]], reasoning: dict, pub_reasoning: str | None) -> bool:
    needle = token.lower()
    if pub_reasoning and needle in pub_reasoning.lower():
        return True
    events = {q.split(":", 1)[1] for q in holding() if q.startswith("event_sources:")}
    return any(needle in (reasoning.get(e) or "").lower() for e in events)
