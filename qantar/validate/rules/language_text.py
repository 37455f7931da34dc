"""language-fits-text: an article is in the language its source row says.

Its words are read against the stop word lists of the ``stop-words`` library (33 languages): the
share of its words that are stop words of the stated language is at least ``SHARE_OF_BEST`` of the
best share any language has; a language the library has no list for is refused only when the text
reads clearly as a listed one (``CLEAR``). Indonesian and Malay share most of their stop words, so
between the two the words each spells its own way decide (validators/language_words.toml: 'bahwa'
and 'bahawa', 'karena' and 'kerana'). A language code changed to another real one ('en' for an
Indonesian copy of an English original, 'ms') passes every code rule; the rules that read an article
by its language would then read it as another.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: the stated language's share of stop words, against the best language's, below which it is not the text's
SHARE_OF_BEST = 0.75
#: a share of stop words at which a text reads clearly as that language (the articles: 0.27-0.36)
CLEAR = 0.2
#: characters read from each article: about 200 words, in which its language shows plainly
CHARACTERS = 1_500
#: articles read at once
_BATCH = 500
#: fewer words than this, and an article is not judged
FEWEST = 50
#: a word, as polars' regex engine reads it (letters, with inner hyphens or apostrophes)
_WORD = r"\p{L}+(?:[-'](?:\p{L})+)*"


@cache
def _lists() -> dict[str, frozenset[str]]:
    """ISO 639-1 code -> its stop words (stop-words)."""
    import stop_words

    return {code: frozenset(stop_words.get_stop_words(code)) for code in stop_words.LANGUAGE_MAPPING}


@cache
def _stop_words() -> pl.DataFrame:
    """One row per (stop word, language it is a stop word of)."""
    pairs = [(w, code) for code, words in _lists().items() for w in words]
    return pl.DataFrame({"word": [w for w, _ in pairs], "code": [c for _, c in pairs]})


@cache
def _markers() -> tuple[str, frozenset[str], frozenset[str]]:
    """(a polars pattern of every spelling, Indonesian spellings, Malay spellings), lower case."""
    raw = tomllib.loads((catalogue.home() / "language_words.toml").read_text(encoding="utf-8"))
    indonesian, malay = (frozenset(w.lower() for w in raw[k]) for k in ("indonesian", "malay"))
    every = sorted(indonesian | malay, key=len, reverse=True)
    # ASCII word bounds: the spellings are ASCII, and polars' Unicode ones cost ten times as much
    return r"(?i)(?-u:\b)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in every) + r")(?-u:\b)", indonesian, malay


def spellings(texts: list[str]) -> list[tuple[int, int]]:
    """(Indonesian spellings, Malay spellings) found in each text."""
    counted = _spelt(pl.DataFrame({"text": texts}, schema={"text": pl.String}), "text")
    return list(counted.select("_id", "_ms").iter_rows())


def _spelt(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """``frame`` with _id, _ms: the Indonesian and Malay spellings its ``column`` holds, counted in polars
    (each found word read as ' '.join(w.lower().split()): it holds letters and Rust's blanks, which
    str.split() reads as blanks too)."""
    pattern, indonesian, malay = _markers()
    said = pl.col(column).str.extract_all(pattern).list.eval(pl.element().str.to_lowercase().str.replace_all(r"\s+", " "))
    return frame.with_columns(said.alias("_said")).with_columns(
        pl.col("_said").list.eval(pl.element().is_in(sorted(indonesian))).list.sum().fill_null(0).cast(pl.Int64).alias("_id"),
        pl.col("_said").list.eval(pl.element().is_in(sorted(malay))).list.sum().fill_null(0).cast(pl.Int64).alias("_ms"),
    ).drop("_said")


def _counted(texts: dict[str, str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(sid, n: words read; sid, code, k: how many of them are stop words of ``code``), in polars: each
    article's first CHARACTERS cut into words, joined to the stop words."""
    ids = list(texts)
    counts, hits = [], []
    # a batch of articles at a time: their words, exploded and joined, cost memory by the article
    for lo in range(0, len(ids), _BATCH):
        batch = ids[lo:lo + _BATCH]
        frame = pl.DataFrame({"sid": batch, "text": [texts[i][:CHARACTERS] for i in batch]})
        lists = frame.select("sid", pl.col("text").str.to_lowercase().str.extract_all(_WORD).alias("word"))
        counts.append(lists.select("sid", pl.col("word").list.len().alias("n")))  # no group_by: one list a source
        hits.append(lists.explode("word").join(_stop_words(), on="word").group_by("sid", "code").len("k"))
    empty = (pl.DataFrame(schema={"sid": pl.String, "n": pl.UInt32}), pl.DataFrame(schema={"sid": pl.String, "code": pl.String, "k": pl.UInt32}))
    return (pl.concat(counts) if counts else empty[0]), (pl.concat(hits) if hits else empty[1])


def shares(texts: dict[str, str]) -> dict[str, tuple[int, dict[str, float]]]:
    """source_id -> (words read, language -> the share of them that are its stop words)."""
    return _shares(*_counted(texts))


def _shares(counts: pl.DataFrame, hits: pl.DataFrame) -> dict[str, tuple[int, dict[str, float]]]:
    out: dict[str, tuple[int, dict[str, float]]] = {sid: (n, {}) for sid, n in counts.iter_rows()}
    for sid, code, k in hits.iter_rows():
        n, share = out[sid]
        share[code] = k / n
    return out


#: the margin by which polars' screen is looser than the verdict: what it passes passes for sure
_MARGIN = 0.01


def check(inputs: Inputs) -> Iterator[Finding]:
    if "sources" not in inputs.tables or not inputs.table("sources").has("source_id", "language"):
        return
    texts = inputs.texts()
    known = pl.DataFrame({"source_id": list(texts)}, schema={"source_id": pl.String})
    rows = (inputs.strings("sources").select("source_id", "language").with_row_index("row", offset=1)
            .filter(pl.col("language").is_not_null()).join(known, on="source_id", how="semi").sort("row"))
    ids = rows["source_id"].unique(maintain_order=True).to_list()
    counts, hits = _counted({sid: texts[sid] for sid in ids})
    between = rows.filter(pl.col("language").is_in(["id", "ms"]))["source_id"].unique(maintain_order=True).to_list()
    spelt = _spelt(pl.DataFrame({"source_id": between, "text": [texts[s] for s in between]},
                                schema={"source_id": pl.String, "text": pl.String}), "text").drop("text")
    # polars screens every row with the verdict's arithmetic (k / n), a little looser: Python judges the rest
    share = (pl.col("k").cast(pl.Float64) / pl.col("n").cast(pl.Float64))
    judged = (rows.join(counts.filter(pl.col("n") >= FEWEST), left_on="source_id", right_on="sid")
              .join(hits, left_on="source_id", right_on="sid").with_columns(share.alias("_share"))
              .group_by("row").agg(pl.col("language").first(), pl.col("_share").max().alias("_best"),
                                   pl.col("_share").filter(pl.col("code") == pl.col("language")).max().fill_null(0.0).alias("_own")))
    listed = pl.col("language").is_in(list(_lists()))
    doubtful = judged.filter(pl.when(listed).then(pl.col("_own") < (SHARE_OF_BEST + _MARGIN) * pl.col("_best"))
                             .otherwise(pl.col("_best") >= CLEAR - _MARGIN)).select("row")
    other = pl.when(pl.col("language") == "id").then(pl.col("_ms") > pl.col("_id")).otherwise(pl.col("_id") > pl.col("_ms"))
    spells = rows.join(spelt, on="source_id").filter(other).select("row")
    wanted = rows.join(pl.concat([doubtful, spells]).unique(), on="row", how="semi").sort("row")
    if wanted.is_empty():
        return
    sids = wanted["source_id"].unique()
    read = _shares(counts.filter(pl.col("sid").is_in(sids.implode())), hits.filter(pl.col("sid").is_in(sids.implode())))
    spelt_of = {sid: (a, b) for sid, a, b in spelt.filter(pl.col("source_id").is_in(sids.implode())).iter_rows()}
    yield from _judge(wanted.iter_rows(), read, spelt_of)


def _judge(rows, read: dict[str, tuple[int, dict[str, float]]], spelt: dict[str, tuple[int, int]]) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    """The verdict on each row (row, source_id, language), from its shares and its spellings."""
    for row, sid, code in rows:
        n, share = read.get(sid, (0, {}))
        if n < FEWEST or not share:
            continue
        # ties ('id' and 'ms' share most stop words) go to the row's own code, then to the first code by
        # name: the shares come from a group_by, whose order is not the same from run to run
        best = min(share, key=lambda c: (-share[c], c != code, c))
        if code in _lists():
            if share.get(code, 0.0) < SHARE_OF_BEST * share[best]:
                yield Finding("sources", row, "language", code,
                              f"{sid}: its article reads as {best!r} ({share[best]:.0%} of its first {n} words are stop "
                              f"words of {best!r}, {share.get(code, 0.0):.0%} of {code!r}; stop-words)")
                continue
        elif share[best] >= CLEAR:
            yield Finding("sources", row, "language", code,
                          f"{sid}: its article reads as {best!r} ({share[best]:.0%} of its first {n} words are its stop "
                          f"words; stop-words has no list for {code!r} to confirm it)")
            continue
        if sid in spelt:
            own, other = spelt[sid] if code == "id" else spelt[sid][::-1]
            if other > own:
                yield Finding("sources", row, "language", code,
                              f"{sid}: its article spells as {'Malay' if code == 'id' else 'Indonesian'} ({other} words such as "
                              f"{'bahawa, kerana' if code == 'id' else 'bahwa, karena'} against {own}; "
                              "validators/language_words.toml), not as the language its code says")
