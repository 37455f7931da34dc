"""discrepancy-subject-fits: a discrepancy's claims are about its subject, each of them.

A discrepancy records two claims (claim_a, claim_b: passages of the articles) that disagree about
one subject (subject_table, subject_id). An actor or place subject is named in the claims (by
one of its name forms, a group's too: the claims speak of it; a country also by its cities and regions); a source subject is the
claims' source; a row with passages of its own (a figure, a statement; an event through event_sources) has
one that a claim overlaps or adjoins (only spaces of one line between; across a line break, the next
paragraph, only when the claim names the row's actor: the sentence that dates Karin's words ST20 follows them
in a paragraph of its own and names him, where the Kyrgyz parliament's vote after the request E022 names none
of its actors). A discrepancy re-attached to another subject keeps every key valid; its claims then
speak of something else.

Each claim, not only one: a claim swapped for another verbatim passage of its article (D024's claim B
made Karin's words on foreign states, about the defection E021) keeps every offset and key. Two
articles rarely code one event alike (source 003 records the false reports of soldiers joining the
protesters as disinformation, E031, where source 002 reports the defection E021), so a claim of a row
with passages is about it when it overlaps or adjoins a passage of the row, of a row linked to it
(the event's statements and figures; a statement's or figure's event), or of a row of its table
sharing its own actor (a required link to actors: the speaker's other words); or names, as a whole
word, an actor linked to it (the event's actors, the speaker); or holds a figure's number (read as the figure's
value: 'enam' for 6); or, beside a claim that is about it, repeats that claim's words save one (a
paragraph the article prints twice, the second time with another name: D012). One claim at least meets a
passage of the row itself (or of another row of its own actor: the speaker's other words): the actors of an event
(Tokayev, the CSTO) are named in the claims of many other events, and a statement's event is every other statement's
of that event too, so a discrepancy moved to a sibling still fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import polars as pl

from qantar.text import numbers
from qantar.text.tokens import number_tokens
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.named_by_source import NAMED, named_forms

TABLE = "discrepancies"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


WHY = {"named": "names it (by any of its name forms)", "sources": "is taken from it",
       "passaged": "overlaps or adjoins a passage of it or of a row linked to it, names an actor linked to it"}
#: what one claim at least of a row with passages does
WHY_STRICT = "overlaps or adjoins a passage of it, or of another row of its own actor"
#: where str.splitlines breaks a line: a claim beyond one of them is the next paragraph, about the passage only
#: when it names the row's actor (ST20's dating sentence names Karin; D009's claim B moved to the paragraph after
#: the request, the Kyrgyz parliament's vote, names none of E022's)
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SPACES = {False: re.compile(rf"[^\S{_BREAKS}]*"), True: re.compile(r"\s*")}  # str patterns: \s is str.isspace


@dataclass
class About:
    """What else a claim may touch to be about a subject row with passages."""

    forms: set[str] = field(default_factory=set)  # lower-cased name forms of the actors linked to it
    values: set[int] = field(default_factory=set)  # a figure's value


def check(inputs: Inputs) -> Iterator[Finding]:
    if TABLE not in inputs.tables or not inputs.table(TABLE).has("subject_table", "subject_id"):
        return
    claims = [s for s in inputs.table(TABLE).spans_of("claim")]
    if not claims:
        return
    typed = inputs.typed(TABLE)
    texts = inputs.texts()
    # one row per claim with words (a claim's columns under one name), in row and claim order: polars judges
    # every claim, Python sees only the rows a claim of which fails
    said = _said(typed, claims)
    subjects = typed.select(pl.col("subject_table").cast(pl.String).alias("table"), pl.col("subject_id").alias("subject")).drop_nulls().unique()
    first = _judge(inputs, said, subjects, texts)  # + kind, ok (claims of rows whose subject is judged)
    failing = first.filter((~pl.col("ok")).any().over("_row"))
    # what else a claim may touch, gathered only for the subjects a claim did not meet (few)
    wanted = set(failing.filter(pl.col("kind") == "passaged").select("table", "subject").unique().iter_rows())
    about, linked, numbered, close = _about(inputs, wanted, failing.filter((pl.col("kind") == "passaged") & ~pl.col("ok")), texts)
    names = typed["discrepancy_id"] if "discrepancy_id" in typed.columns else None
    rows: dict[int, list[tuple]] = {}
    read: dict[str, set] = {}  # a claim's numbers, read once per distinct claim
    # rows each claim of which met its subject or a row linked to it say nothing: Python reads the others
    if not close.is_empty():
        unmet = failing.join(close, on=["_row", "_claim"], how="anti").filter(~pl.col("ok")).select("_row").unique()
        failing = failing.join(unmet, on="_row", how="semi").sort("_row", "_claim")
    # nor do rows each claim of which is about their subject by a passage (met, or a linked row's) and one of
    # which meets it: what check reads below, in polars; Python reads names and numbers for the others
    passaged = pl.col("kind") == "passaged"
    fits = pl.col("ok") | (passaged & pl.col("_linked"))
    strict = pl.col("ok") | (passaged & pl.col("_close"))
    fine = (failing.join(linked.with_columns(pl.lit(True).alias("_linked")), on=["_row", "_claim"], how="left")
            .join(close.with_columns(pl.lit(True).alias("_close")), on=["_row", "_claim"], how="left")
            .with_columns(pl.col("_linked", "_close").fill_null(False))
            .group_by("_row").agg((fits.all() & strict.any()).alias("_fine")).filter(pl.col("_fine")).select("_row"))
    failing = failing.join(fine, on="_row", how="anti").sort("_row", "_claim")
    linked = {(n, r) for r, n in linked.join(failing.select("_row").unique(), on="_row", how="semi").iter_rows()}
    close = {(n, r) for r, n in close.join(failing.select("_row").unique(), on="_row", how="semi").iter_rows()}
    for row, claim, kind, table, subject, source, a, b, quote, far, ok in failing.select(
        "_row", "_claim", "kind", "table", "subject", "source", "a", "b", "quote", "far", "ok"
    ).iter_rows():
        rows.setdefault(row, []).append((claim, kind, table, subject, source, a, b, quote, far, ok))
    for row, said_row in rows.items():
        _, kind, table, subject, *_ = said_row[0]
        why = WHY[kind]
        ok = [fits for *_, fits in said_row]
        strict, why_strict = ok, why
        if (table, subject) in wanted:
            # one claim at least meets a passage (its subject's or a linked row's); a name or a number makes
            # the other claim about it too, never the discrepancy: an event's actors (Tokayev, the CSTO)
            # are named in the claims of many other events
            # a claim beyond a line break from its passage meets it when it names the row's actor (the next
            # paragraph's 'Pernyataan Erlan Karin, tiga hari setelah ...' dating Karin's words)
            it = about.get((table, subject), About())
            strict = [fits or (claim, row) in close or (far and _names(quote, it))
                      for fits, (claim, *_, quote, far, _) in zip(ok, said_row, strict=True)]
            ok = [fits or (claim, row) in linked or _touches(quote, about[table, subject], read)
                  for fits, (claim, *_, quote, _, _) in zip(ok, said_row, strict=True)]
            why += ", or holds its number" if (table, subject) in numbered else ""
            why_strict = WHY_STRICT
        name = (names[row - 1] if names is not None else None) or "the discrepancy"
        if not any(strict):
            yield Finding(TABLE, row, "subject_id", subject,
                          f"{name} is about {table} {subject}, but none of its claims {why_strict}")
            continue
        for (claim, *_, quote, _, _), fits in zip(said_row, ok, strict=True):
            if not fits and not any(good and _variant(quote, other[7]) for other, good in zip(said_row, ok, strict=True)):
                yield Finding(TABLE, row, claims[claim].text, quote,
                              f"{name} is about {table} {subject}, but this claim is not (a claim about it {why}): "
                              f"both claims of a discrepancy are about its subject")


def _said(typed: pl.DataFrame, claims: list) -> pl.DataFrame:
    """_row, _claim, table, subject, source, a, b, quote: the claims with words of the rows with a subject."""
    frame = typed.with_row_index("_row", offset=1)
    parts = [
        frame.select("_row", pl.lit(n, pl.Int64).alias("_claim"), pl.col("subject_table").cast(pl.String).alias("table"),
                     pl.col("subject_id").alias("subject"), pl.col(s.source).cast(pl.String).alias("source"),
                     pl.col(s.start).cast(pl.Int64).alias("a"), pl.col(s.end).cast(pl.Int64).alias("b"),
                     pl.col(s.text).cast(pl.String).alias("quote"))
        for n, s in enumerate(claims)
    ]
    said = pl.concat(parts).filter(pl.col("quote").is_not_null() & (pl.col("quote") != ""))
    said = said.filter(pl.col("table").is_not_null() & (pl.col("table") != "") & pl.col("subject").is_not_null() & (pl.col("subject") != ""))
    return said.sort("_row", "_claim")


def _judge(inputs: Inputs, said: pl.DataFrame, subjects: pl.DataFrame, texts: dict[str, str]) -> pl.DataFrame:
    """The claims of rows whose subject can be judged, with ``kind`` (named, sources, passaged) and ``ok``:
    a named subject's claim names it, a source's is taken from it, a passaged row's meets a passage of it."""
    parts = []
    named = said.filter(pl.col("table").is_in(list(NAMED)))
    wanted = {t: v for t, v in subjects.filter(pl.col("table").is_in(list(NAMED))).group_by("table").agg("subject").iter_rows()}
    if not named.is_empty() and wanted:
        forms = named_forms(inputs, groups=True, only=wanted).select(
            pl.col("_target").alias("table"), pl.col("_value").alias("subject"), pl.col("_form").alias("form"))
        hits = (named.join(forms, on=["table", "subject"], how="inner")
                .with_columns(pl.col("quote").str.to_lowercase().str.contains(pl.col("form"), literal=True).alias("ok"))
                .group_by("_row", "_claim").agg(pl.col("ok").any()))
        parts.append(named.join(hits, on=["_row", "_claim"], how="inner").with_columns(pl.lit("named").alias("kind")))
    parts.append(said.filter(pl.col("table") == "sources")
                 .with_columns((pl.col("source") == pl.col("subject")).fill_null(False).alias("ok"), pl.lit("sources").alias("kind")))
    passaged = said.filter(~pl.col("table").is_in([*NAMED, "sources"]))
    ids = {t: v for t, v in subjects.filter(~pl.col("table").is_in([*NAMED, "sources"])).group_by("table").agg("subject").iter_rows()}
    own = _span_frame(inputs, ids, linked=False)  # table, subject, source, c, d
    if not passaged.is_empty() and not own.is_empty():
        kept = passaged.join(own.select("table", "subject").unique(), on=["table", "subject"], how="semi")
        pairs = kept.join(own, on=["table", "subject", "source"], how="inner")
        met = _met(pairs, texts)
        far = _met(pairs.join(met, on=["_row", "_claim"], how="anti"), texts, across=True).rename({"ok": "far"})
        parts.append(kept.join(met, on=["_row", "_claim"], how="left").join(far, on=["_row", "_claim"], how="left")
                     .with_columns(pl.col("ok", "far").fill_null(False), pl.lit("passaged").alias("kind")))
    parts = [p if "far" in p.columns else p.with_columns(pl.lit(False).alias("far")) for p in parts]
    cols = ["_row", "_claim", "kind", "table", "subject", "source", "a", "b", "quote", "ok", "far"]
    return pl.concat([p.select(cols) for p in parts]).sort("_row", "_claim")


def _met(pairs: pl.DataFrame, texts: dict[str, str], *, across: bool = False) -> pl.DataFrame:
    """_row, _claim of the claims that meet a passage of ``pairs`` (a claim's a, b beside a passage's c, d in
    its source): overlap is read in polars; a gap between them is spaces only when the run of spaces after
    the claim reaches the passage (or the run before it reaches back to the passage's end)."""
    a, b, c, d = pl.col("a"), pl.col("b"), pl.col("c"), pl.col("d")
    pairs = pairs.select("_row", "_claim", "source", "a", "b", "c", "d").filter(a.is_not_null() & b.is_not_null())
    over = pairs.filter((a < d) & (c < b)).select("_row", "_claim")
    rest = pairs.join(over, on=["_row", "_claim"], how="anti")
    if rest.is_empty():
        return over.unique().with_columns(pl.lit(True).alias("ok"))
    lengths = pl.DataFrame({"source": list(texts), "n": [len(t) for t in texts.values()]}, schema={"source": pl.String, "n": pl.Int64})
    rest = rest.join(lengths, on="source", how="inner")  # no article: no gap to read
    plain = (a >= 0) & (a <= b) & (b <= pl.col("n")) & (c >= 0) & (c <= d) & (d <= pl.col("n"))
    odd = rest.filter(~plain)  # offsets that Python's slicing reads its own way: asked as before
    near = rest.filter(plain).filter(((c >= b) | (d <= a)))
    claims = _runs(near.select("source", "a", "b").unique(), texts, across)
    gap = (near.join(claims, on=["source", "a", "b"], how="inner")
           .filter(((c >= b) & (c <= pl.col("after"))) | ((d <= a) & (d >= pl.col("before")))).select("_row", "_claim"))
    slow = [(r, n) for r, n, source, x, y, p, q, _ in odd.iter_rows() if _meets(texts.get(source), x, y, p, q, across)]
    slow_frame = pl.DataFrame(slow, schema={"_row": over.schema["_row"], "_claim": pl.Int64}, orient="row")
    return pl.concat([over, gap, slow_frame]).unique().with_columns(pl.lit(True).alias("ok"))


#: how far polars reads a run of blanks from a claim's end or start; a longer run is read in Python
_WINDOW = 64
#: a blank of one line as str.isspace() and Python's \s read it: Rust's \s and the separators \x1c-\x1f, less
#: the line breaks
_BLANK = {False: r"[[\s\x1c-\x1f]--[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]]", True: r"[\s\x1c-\x1f]"}


def _runs(claims: pl.DataFrame, texts: dict[str, str], across: bool = False) -> pl.DataFrame:
    """``claims`` (source, a, b) with after, before: the end of the run of blanks from b, and the start of the
    run of blanks that ends at a, read in polars within _WINDOW characters (Python reads the longer runs)."""
    sources = claims["source"].unique().to_list()
    articles = pl.DataFrame({"source": sources, "_text": [texts[s] for s in sources]}, schema={"source": pl.String, "_text": pl.String})
    a, b = pl.col("a"), pl.col("b")
    lo = pl.max_horizontal(a - _WINDOW, pl.lit(0, pl.Int64))
    runs = claims.join(articles, on="source", how="left").with_columns(
        pl.col("_text").str.slice(b, _WINDOW).str.extract(rf"^({_BLANK[across]}*)", 1).str.len_chars().cast(pl.Int64).alias("_ahead"),
        pl.col("_text").str.slice(lo, a - lo).str.extract(rf"({_BLANK[across]}*)$", 1).str.len_chars().cast(pl.Int64).alias("_behind"),
        lo.alias("_lo"))
    long = (pl.col("_ahead") >= _WINDOW) | ((pl.col("_behind") >= a - pl.col("_lo")) & (pl.col("_lo") > 0))
    short = runs.filter(~long).select("source", "a", "b", (b + pl.col("_ahead")).alias("after"), (a - pl.col("_behind")).alias("before"))
    after, before = [], []
    rest = runs.filter(long).select("source", "a", "b")
    for source, x, y in rest.iter_rows():
        text = texts[source]
        after.append(_SPACES[across].match(text, y).end())
        q = x
        while q > 0 and text[q - 1].isspace() and (across or text[q - 1] not in _BREAKS):
            q -= 1
        before.append(q)
    rest = rest.with_columns(pl.Series("after", after, pl.Int64), pl.Series("before", before, pl.Int64))
    return pl.concat([short, rest])


@cache
def _named(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the (lower-cased) name forms as whole words: 'as' (the United States) is no part of 'pasukan'."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})(?!\w)")


def _names(quote: str, it: About) -> bool:
    """Whether a claim names, as a whole word, an actor linked to the subject."""
    return bool(it.forms) and _named(tuple(sorted(it.forms))).search(quote.lower()) is not None


def _touches(quote: str, it: About, read: dict[str, set]) -> bool:
    """Whether a claim names an actor linked to the subject, or holds its figure's number (``read``: the
    values of the quotes read so far: a claim quoted by several discrepancies is read once)."""
    if _names(quote, it):
        return True
    if it.values:
        if quote not in read:
            read[quote] = {r.value for tok in number_tokens(quote) if (r := numbers.read(tok.text)) is not None}
        return not it.values.isdisjoint(read[quote])
    return False


def _about(inputs: Inputs, wanted: set[tuple[str, str]], failing: pl.DataFrame,
           texts: dict[str, str]) -> tuple[dict[tuple[str, str], About], pl.DataFrame, set[tuple[str, str]], pl.DataFrame]:
    """For the ``failing`` claims (of the ``wanted`` subjects): the _row, _claim of those that meet a passage of
    a row linked to their subject (an event's statements and figures, a statement's event) or of a row of its
    table sharing its actor; (table, id) -> the name forms of its actors and a figure's value, for the
    subjects a claim of which is still unmet; and the subjects with a figure's value."""
    strs = {"table": pl.String, "subject": pl.String}
    direct = [pl.DataFrame([(t, v, t, v) for t, v in wanted], schema={**strs, "rt": pl.String, "rid": pl.String}, orient="row")]
    kin, members, acts, vals = [], [], [], []
    for table in sorted({t for t, _ in wanted}):
        if table not in inputs.tables:
            continue
        ids = sorted(v for t, v in wanted if t == table)
        key = inputs.table(table).id_field
        rels = [r for r in inputs.model.tables[table].relations if len(r.fields) == 1]
        own_actor = {f.name for f in inputs.model.tables[table].fields if f.required}
        if key:
            typed = inputs.typed(table)
            rows = typed.filter(pl.col(key).is_in(ids))
            for r in rels:
                column = r.fields[0]
                if column not in rows.columns or r.ref_table in ("sources", "places"):
                    continue
                pairs = rows.select(pl.lit(table).alias("table"), pl.col(key).cast(pl.String).alias("subject"),
                                    pl.col(column).cast(pl.String).alias("v")).drop_nulls()
                if r.ref_table == "actors":
                    if column in own_actor:  # the row's own actor (a statement's speaker), not a relay
                        acts.append(pairs.rename({"v": "actor"}))
                        kin.append(pairs.select("table", "subject", pl.lit(table).alias("gt"), pl.lit(column).alias("gc"),
                                                pl.col("v").alias("ga")))
                        # the rows of its table sharing the actor (a speaker's other words), once per actor
                        members.append(typed.select(key, column).drop_nulls().filter(pl.col(column).cast(pl.String).is_in(pairs["v"].unique().implode())).select(
                            pl.lit(table).alias("gt"), pl.lit(column).alias("gc"), pl.col(column).cast(pl.String).alias("ga"),
                            pl.lit(table).alias("rt"), pl.col(key).cast(pl.String).alias("rid")))
                else:
                    direct.append(pairs.select("table", "subject", pl.lit(r.ref_table).alias("rt"), pl.col("v").alias("rid")))
            if "value" in rows.columns and rows.schema["value"].is_integer():
                vals.append(rows.select(pl.lit(table).alias("table"), pl.col(key).cast(pl.String).alias("subject"),
                                        pl.col("value").cast(pl.Int64)).drop_nulls())
        # link tables with no id of their own that tie actors to it (event_actors)
        for rel in inputs.model.referencing(table):
            holder = inputs.table(rel.table)
            if len(rel.fields) != 1 or rel.table == TABLE or holder.id_field is not None:
                continue
            for other in inputs.model.tables[rel.table].relations:
                if len(other.fields) == 1 and other.ref_table == "actors":
                    acts.append(inputs.typed(rel.table).select(rel.fields[0], other.fields[0]).drop_nulls()
                                .filter(pl.col(rel.fields[0]).is_in(ids))
                                .select(pl.lit(table).alias("table"), pl.col(rel.fields[0]).cast(pl.String).alias("subject"),
                                        pl.col(other.fields[0]).cast(pl.String).alias("actor")))
    # a claim beyond a line break from a passage needs its subject's names whatever else it meets (see check)
    far = failing.filter(pl.col("far")).select("table", "subject") if "far" in failing.columns else None
    values = pl.concat(vals) if vals else pl.DataFrame(schema={**strs, "value": pl.Int64})
    numbered = set(values.select("table", "subject").unique().iter_rows())
    pair = {"_row": failing.schema["_row"], "_claim": pl.Int64}
    linked = pl.DataFrame(schema=pair)
    close = pl.DataFrame(schema=pair)  # of those, the ones that meet the subject's own or its actor's rows
    if not failing.is_empty():
        every = pl.concat(direct).unique()
        groups = pl.concat(kin).unique() if kin else pl.DataFrame(schema={**strs, "gt": pl.String, "gc": pl.String, "ga": pl.String})
        group_rows = pl.concat(members).unique() if members else pl.DataFrame(
            schema={"gt": pl.String, "gc": pl.String, "ga": pl.String, "rt": pl.String, "rid": pl.String})
        rows_of = pl.concat([every.select("rt", "rid"), group_rows.select("rt", "rid")]).unique()
        spans = _span_frame(inputs, {t: v for t, v in rows_of.group_by("rt").agg("rid").iter_rows()}).rename(
            {"table": "rt", "subject": "rid"})
        claims = failing.select("_row", "_claim", "table", "subject", "source", "a", "b")
        # an actor's passages are gathered once (its rows may be many), then met by source, never listed per subject
        together = group_rows.join(spans, on=["rt", "rid"]).select("gt", "gc", "ga", "source", "c", "d")
        through = claims.join(every, on=["table", "subject"]).join(spans, on=["rt", "rid", "source"])
        up = (pl.col("rt") != pl.col("table")) | (pl.col("rid") != pl.col("subject"))
        cols = ["_row", "_claim", "source", "a", "b", "c", "d"]
        pairs = pl.concat([
            through.filter(~up).select(cols),
            claims.join(groups, on=["table", "subject"]).join(together, on=["gt", "gc", "ga", "source"]).select(cols),
        ])
        # a row it refers to (a statement's event) is shared by its siblings: meeting it makes a claim about
        # the subject, but not the discrepancy (see check)
        met = _met(pairs, texts)
        close = met.select(pl.col("_row").cast(pair["_row"]), pl.col("_claim").cast(pl.Int64)).unique()
        met = pl.concat([met, _met(through.filter(up).select(cols), texts)]).unique()
        linked = met.select(pl.col("_row").cast(pair["_row"]), pl.col("_claim").cast(pl.Int64)).unique()
        failing = failing.join(met, on=["_row", "_claim"], how="anti")
    # the name forms and values of the subjects a claim of which is still unmet, for Python's whole-word search
    still = pl.concat([failing.select("table", "subject")] + ([far] if far is not None else [])).unique()
    out: dict[tuple[str, str], About] = {k: About() for k in still.iter_rows()}
    if acts and out:
        mine = pl.concat(acts).join(still, on=["table", "subject"], how="semi")
        forms = named_forms(inputs, groups=True, only={"actors": mine["actor"].unique().to_list()}).filter(pl.col("_target") == "actors")
        for t, v, fs in (mine.join(forms.select(pl.col("_value").alias("actor"), "_form"), on="actor")
                         .group_by("table", "subject").agg("_form").iter_rows()):
            out[t, v].forms.update(fs)
    for t, v, value in values.join(still, on=["table", "subject"], how="semi").iter_rows():
        out[t, v].values.add(value)
    return out, linked, numbered, close


def _variant(one: str, other: str) -> bool:
    """Whether one claim is the other's words with one changed (a repeated paragraph with another name,
    D012): all but one of the shorter claim's words, and at least two, are words of the other."""
    a, b = _WORD.findall(one.lower()), _WORD.findall(other.lower())
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(1 for w in short if w in set(long))
    return shared >= 2 and shared >= len(short) - 1


@cache
def _named(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the (lower-cased) name forms as whole words: 'as' (the United States) is no part of 'pasukan'."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})(?!\w)")


def _span_frame(inputs: Inputs, wanted: dict[str, list[str]], *, linked: bool = True) -> pl.DataFrame:
    """table, subject, source, c, d: the passages of the ``wanted`` rows (table -> ids): their own claim
    spans, and those of the rows that point at them: the link tables' (no id of their own: an event's
    event_sources), and when ``linked`` those of rows with ids too (an event's statements and figures)."""
    parts = []
    for table in sorted(wanted):
        ids = wanted[table]
        if table not in inputs.tables:
            continue
        places: list[tuple[str, str, object]] = []  # (holding table, key column, span)
        key = inputs.table(table).id_field
        if key:
            places += [(table, key, s) for s in inputs.table(table).spans_of("claim")]
        for rel in inputs.model.referencing(table):
            if len(rel.fields) == 1 and rel.table != TABLE and (linked or inputs.table(rel.table).id_field is None):
                places += [(rel.table, rel.fields[0], s) for s in inputs.table(rel.table).spans_of("claim")]
        for holder, column, span in places:
            if column == span.source:  # type: ignore[attr-defined]
                continue  # a passage's own source is not what it is about
            cols = (column, span.source, span.start, span.end)  # type: ignore[attr-defined]
            rows = inputs.typed(holder).select(cols).drop_nulls().filter(pl.col(column).is_in(ids))
            parts.append(rows.select(pl.lit(table).alias("table"), pl.col(column).cast(pl.String).alias("subject"),
                                     pl.col(span.source).cast(pl.String).alias("source"),  # type: ignore[attr-defined]
                                     pl.col(span.start).cast(pl.Int64).alias("c"), pl.col(span.end).cast(pl.Int64).alias("d")))  # type: ignore[attr-defined]
    if not parts:
        return pl.DataFrame(schema={"table": pl.String, "subject": pl.String, "source": pl.String, "c": pl.Int64, "d": pl.Int64})
    return pl.concat(parts)


def _meets(text: str | None, a: int | None, b: int | None, c: int, d: int, across: bool = False) -> bool:
    """Whether [a, b) overlaps [c, d) or only spaces (of one line unless ``across``) lie between them in ``text``."""
    if a is None or b is None:
        return False
    if a < d and c < b:
        return True
    gap = (text or "")[min(b, d):max(a, c)] if text is not None else None
    return gap is not None and gap.strip() == "" and (across or not any(ch in _BREAKS for ch in gap))
