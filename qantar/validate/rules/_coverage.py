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
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from array import array
from itertools import accumulate
from typing import NamedTuple

import polars as pl

from qantar.text.tokens import MONTHS, Token, number_tokens_of
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


def spans(inputs: Inputs) -> dict[str, _Kinds]:
    """source_id -> span kind -> the spans of that kind; ids are ``table:first column`` (cached).

    Gathered and sorted by polars; an article's index of one kind is cut from the sorted columns
    when a rule first asks for it (``_Kinds``): the coverage of number tokens is judged by polars
    (``readings``), so most indexes are never built.
    """
    if "coverage.spans" not in inputs.memo:
        every = _span_frame(inputs)
        out: dict[str, _Kinds] = {}
        if every.height:
            # sorted, so each (article, kind) is one run of rows: the index is a slice of three columns
            # the ids stay a polars column, read only where ``holding`` asks (a million ids as
            # Python strings cost more than the rest of the index)
            columns = _Columns(every)
            runs = every.with_row_index("i").group_by("s", "k", maintain_order=True).agg(
                pl.col("sid").first(), pl.col("kind").first(),
                pl.col("i").first().alias("lo"), pl.len().alias("n"))
            for sid, kind, lo, n in runs.select("sid", "kind", "lo", "n").iter_rows():
                if sid not in out:
                    out[sid] = _Kinds(columns)
                out[sid].runs[kind] = (lo, n)
        inputs.memo["coverage.spans"] = out
    return inputs.memo["coverage.spans"]


def spans_of(inputs: Inputs, kind: str, sids: Iterable[str]) -> dict[str, Spans]:
    """source_id -> its index of the spans of one kind, for the articles ``sids`` only: what
    ``spans(inputs)[sid][kind]`` holds, without building every article's index of every kind (a rule
    that asks a few articles for one kind)."""
    every = _span_frame(inputs).filter((pl.col("kind") == kind) & pl.col("sid").is_in(list(sids)))
    out: dict[str, Spans] = {}
    for sid, starts, ends, reach, ids in every.group_by("sid", maintain_order=True).agg("a", "b", "reach", "id").iter_rows():
        index = Spans.__new__(Spans)
        index.starts, index.ends, index.reach, index.ids = starts, ends, reach, ids
        out[sid] = index
    return out


def _span_frame(inputs: Inputs) -> pl.DataFrame:
    """Every declared span (sid, kind, a, b, id), sorted by article, kind, start and end (cached)."""
    if "coverage.frame" not in inputs.memo:
        parts = []
        for span in inputs.model.spans():
            frame = inputs.strings(span.table)
            key = inputs.table(span.table).field_names[0]
            parts.append(frame.select(
                # categories, not strings: 617,000 spans at a million rows repeat a few thousand ids and kinds
                pl.col(span.source).cast(pl.Categorical).alias("sid"), pl.lit(span.kind, pl.Categorical).alias("kind"),
                pl.col(span.start).cast(pl.Int64, strict=False).alias("a"),
                pl.col(span.end).cast(pl.Int64, strict=False).alias("b"),
                # a row whose key is empty still holds its span (the schema layers report the key)
                (pl.lit(f"{span.table}:") + pl.col(key).fill_null("")).alias("id"),
            ).drop_nulls(subset=["sid", "a", "b"]))
        every = pl.concat(parts) if parts else pl.DataFrame(
            schema={"sid": pl.Categorical, "kind": pl.Categorical, "a": pl.Int64, "b": pl.Int64, "id": pl.String})
        # only the spans of readable articles are ever looked up; sorted by integers (the article's place
        # in ``texts()``, the kind's among the kinds) before the ends and the id: strings as the first
        # keys cost the sort several times more
        texts = inputs.texts()
        order = pl.DataFrame({"sid": pl.Series(list(texts), dtype=pl.Categorical),
                              "s": pl.Series(range(len(texts)), dtype=pl.Int64)})
        kinds = sorted({span.kind for span in inputs.model.spans()})
        every = every.join(order, on="sid").with_columns(
            k=pl.col("kind").replace_strict(kinds, list(range(len(kinds))), return_dtype=pl.Int64))
        # the running maximum of the ends, per article and kind: ``covers`` in one look-up
        inputs.memo["coverage.frame"] = every.sort("s", "k", "a", "b", "id") \
            .with_columns(reach=pl.col("b").cum_max().over("s", "k"))
    return inputs.memo["coverage.frame"]


class _Columns:
    """The sorted spans' starts, ends and running maxima, shared by every article's index: arrays of machine
    integers (8 bytes a value, where a list of Python ints takes 36: 55 MiB less at a million rows, held while
    the coverage rules run), which ``bisect`` searches as it does lists."""

    __slots__ = ("starts", "ends", "reach", "ids")

    def __init__(self, every: pl.DataFrame) -> None:
        self.starts, self.ends, self.reach = (_integers(every[c]) for c in ("a", "b", "reach"))
        self.ids = every["id"]


def _integers(column: pl.Series) -> array | list:
    if column.null_count() or column.dtype not in (pl.Int64, pl.Int32, pl.UInt32, pl.Int16, pl.Int8, pl.UInt16, pl.UInt8):
        return column.to_list()  # not what the reader gives (typed offsets are Int64 and never null here)
    return array("q", column.to_list())


class _Kinds(Mapping):
    """One article's indexes, kind -> ``Spans``, each cut from the shared columns on first use."""

    __slots__ = ("columns", "runs", "built")

    def __init__(self, columns: _Columns) -> None:
        self.columns, self.runs, self.built = columns, {}, {}

    def __getitem__(self, kind: str) -> Spans:
        if kind not in self.built:
            lo, n = self.runs[kind]  # KeyError for a kind the article has no span of, as a dict
            c = self.columns
            index = Spans.__new__(Spans)
            index.starts, index.ends, index.reach = c.starts[lo:lo + n], c.ends[lo:lo + n], c.reach[lo:lo + n]
            index.ids = _Ids(c.ids, lo)
            self.built[kind] = index
        return self.built[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self.runs)

    def __len__(self) -> int:
        return len(self.runs)


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
        texts = inputs.texts()
        inputs.memo["coverage.tokens"] = dict(zip(texts, number_tokens_of(list(texts.values())), strict=True))
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
    """Every number-like token of every readable article, with how it is accounted for (cached).

    The rules read ``unaccounted`` (the tokens that fail); this is what it judged, token by token.
    """
    if "coverage.readings" not in inputs.memo:
        failed = {(r.source_id, r.token.start): r.status for r in unaccounted(inputs)}
        sids, toks, held = _held(inputs)
        inputs.memo["coverage.readings"] = [
            Reading(sids[s], toks[sids[s]][t], known or failed.get((sids[s], toks[sids[s]][t].start), "date"))
            for s, t, _, known in held.iter_rows()]
    return inputs.memo["coverage.readings"]


def unaccounted(inputs: Inputs) -> list[Reading]:
    """The readings that fail, in the order of the articles and their tokens (cached): a token no span
    holds as a figure's number, a printed publication date or an exclusion, that is not a date inside
    a curated quote ('uncovered'), or a relative date there that nothing resolves ('unresolved')."""
    if "coverage.unaccounted" in inputs.memo:
        return inputs.memo["coverage.unaccounted"]
    texts = inputs.texts()
    sids, toks, held = _held(inputs)
    reasoning = dict(inputs.strings("events").select("event_id", "date_reasoning").iter_rows())
    pub_reasoning = dict(inputs.strings("sources").select("source_id", "published_date_reasoning").iter_rows())
    found: list[tuple[int, Token, str | None]] = []  # (article, token, status or None: not yet known)
    for s, t, quoted, _ in held.filter(pl.col("status").is_null()).iter_rows():
        sid = sids[s]
        tok = toks[sid][t]
        if not (quoted and _is_date(tok, texts[sid])):
            found.append((s, tok, "uncovered"))
        elif tok.kind in ("relative", "day") and not _named_by_source(tok.text, pub_reasoning.get(sid)):
            found.append((s, tok, None))  # resolved only if an event that quotes it names it: read below
    holders = _holders(_span_frame(inputs), [(s, tok) for s, tok, known in found if known is None])
    out = []
    for s, tok, known in found:
        if known is None:
            if _named_by_events(tok.text, holders.get((s, tok.start, tok.end), []), reasoning):
                continue
            known = "unresolved"
        out.append(Reading(sids[s], tok, known))
    inputs.memo["coverage.unaccounted"] = out
    return out


def _held(inputs: Inputs) -> tuple[list[str], dict[str, list[Token]], pl.DataFrame]:
    """The articles (in ``tokens`` order), their tokens, and per token (s: article, t: token, in order)
    whether a quote holds it and the status a figure, publication date or exclusion gives it (else null).

    Polars judges the spans that hold each token: a backward as-of join per kind on the sorted starts,
    with the running maximum of the ends (what ``Spans.covers`` reads).
    """
    toks = tokens(inputs)
    sids = list(toks)
    frame = pl.DataFrame({
        "s": pl.Series([i for i, sid in enumerate(sids) for _ in toks[sid]], dtype=pl.Int64),
        "t": pl.Series([j for sid in sids for j in range(len(toks[sid]))], dtype=pl.Int64),
        "start": pl.Series([t.start for sid in sids for t in toks[sid]], dtype=pl.Int64),
        "end": pl.Series([t.end for sid in sids for t in toks[sid]], dtype=pl.Int64),
    })
    every = _span_frame(inputs)  # "s": the article's place in texts(), which tokens() keeps
    held = frame.sort("start")
    for kind in ("number", "printed_date", "exclusion", "claim"):
        # the last span that starts at or before a token holds it if the ends reached so far reach it
        # the columns read, before the filter: a filter of the whole frame copies its ids (tens of MB at a million rows)
        spans_of = every.select("s", "kind", "a", "reach").filter(pl.col("kind") == kind).drop("kind") \
            .group_by("s", "a").agg(pl.col("reach").max()).sort("a")
        with warnings.catch_warnings():  # both sides are sorted by start: polars cannot check it within groups
            warnings.filterwarnings("ignore", "Sortedness of columns cannot be checked")
            held = held.join_asof(spans_of, left_on="start", right_on="a", by="s", strategy="backward")
        held = held.with_columns((pl.col("reach") >= pl.col("end")).fill_null(False).alias(kind)).drop("a", "reach")
    status = (pl.when(pl.col("number")).then(pl.lit("figure")).when(pl.col("printed_date")).then(pl.lit("publication"))
              .when(pl.col("exclusion")).then(pl.lit("excluded")))
    return sids, toks, held.sort("s", "t").select("s", "t", "claim", status.alias("status"))


def finding(inputs: Inputs, sid: str, a: int, b: int, why: str) -> Finding:
    """A finding about ``text[a:b]`` of article ``sid``, with the words around it."""
    text = inputs.texts()[sid]
    return Finding("sources", source_rows(inputs).get(sid), "path", text[a:b],
                   f"{why}: …{text[max(0, a - 30):b + 30]}…")


def _is_date(tok: Token, text: str) -> bool:
    return tok.is_date or (tok.kind == "digits" and _MONTH.match(text, tok.end) is not None)


def _holders(every: pl.DataFrame, pending: list[tuple[int, Token]]) -> dict[tuple[int, int, int], list[str]]:
    """(article, start, end) -> the ids of the claim spans that hold each pending token (polars: a join on
    the article, then the spans that start at or before the token and end at or after it)."""
    if not pending:
        return {}
    wanted = pl.DataFrame({"s": [s for s, _ in pending], "start": [t.start for _, t in pending],
                           "end": [t.end for _, t in pending]}, schema={"s": pl.Int64, "start": pl.Int64, "end": pl.Int64})
    held = (wanted.unique().join(every.select("s", "kind", "a", "b", "id").filter(pl.col("kind") == "claim").drop("kind"), on="s")
            .filter((pl.col("a") <= pl.col("start")) & (pl.col("b") >= pl.col("end")))
            .group_by("s", "start", "end").agg("id"))
    return {(s, a, b): ids for s, a, b, ids in held.iter_rows()}


def _named_by_source(token: str, pub_reasoning: str | None) -> bool:
    """Whether a relative date is resolved by its source's published_date_reasoning, which names it."""
    return bool(pub_reasoning) and token.lower() in pub_reasoning.lower()  # type: ignore[union-attr]


def _named_by_events(token: str, holding: list[str], reasoning: dict) -> bool:
    """Whether the date_reasoning of an event whose passage (an event_sources span of ``holding``) holds a
    relative date names it."""
    needle = token.lower()
    events = {q.split(":", 1)[1] for q in holding if q.startswith("event_sources:")}
    return any(needle in (reasoning.get(e) or "").lower() for e in events)
