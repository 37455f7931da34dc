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
    pattern, indonesian, malay = _markers()
    found = pl.DataFrame({"text": texts}, schema={"text": pl.String}).select(pl.col("text").str.extract_all(pattern))
    out = []
    for words in found["text"].to_list():
        said = [" ".join(w.lower().split()) for w in words or ()]
        out.append((sum(w in indonesian for w in said), sum(w in malay for w in said)))
    return out


def shares(texts: dict[str, str]) -> dict[str, tuple[int, dict[str, float]]]:
    """source_id -> (words read, language -> the share of them that are its stop words).

    All articles at once in polars: their first CHARACTERS cut into words, joined to the stop words.
    """
    ids = list(texts)
    out: dict[str, tuple[int, dict[str, float]]] = {}
    # a batch of articles at a time: their words, exploded and joined, cost memory by the article
    for lo in range(0, len(ids), _BATCH):
        batch = ids[lo:lo + _BATCH]
        frame = pl.DataFrame({"sid": batch, "text": [texts[i][:CHARACTERS] for i in batch]})
        lists = frame.select("sid", pl.col("text").str.to_lowercase().str.extract_all(_WORD).alias("word"))
        counted = lists.select("sid", pl.col("word").list.len().alias("n"))  # no group_by: one list a source
        hits = lists.explode("word").join(_stop_words(), on="word").group_by("sid", "code").len()
        out.update({sid: (n, {}) for sid, n in counted.iter_rows()})
        for sid, code, k in hits.iter_rows():
            n, share = out[sid]
            share[code] = k / n
    return out


def check(inputs: Inputs) -> Iterator[Finding]:
    if "sources" not in inputs.tables or not inputs.table("sources").has("source_id", "language"):
        return
    texts = inputs.texts()
    frame = inputs.strings("sources").select("source_id", "language").with_row_index("row", offset=1)
    rows = [(row, sid, code) for row, sid, code in frame.filter(pl.col("language").is_not_null()).iter_rows() if sid in texts]
    read = shares({sid: texts[sid] for _, sid, _ in rows})
    between = [sid for _, sid, code in rows if code in ("id", "ms")]
    spelt = dict(zip(between, spellings([texts[s] for s in between]), strict=True))
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
