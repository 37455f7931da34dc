"""translation-keeps-future: a translated text that speaks of the future has a translation that does.

'akan berakhir dalam 10 hari ke depan' is 'will end within the next 10 days', not 'ended within 10
days': a translation that puts in the past what its text puts in the future turns a plan into a fact
for every reader of the English. A text with a marker of the future (validators/future_words.toml,
as status-fits-tense reads it: not 'akan terus', what is already under way) has a translation with
an English word of the future ('will', 'would', 'promised to', 'next'; the list's `english`). The
other way round only where the text says the thing is done: English often says in the future what
Indonesian leaves without a marker, but a text with a word of the perfect ('telah', 'sudah', 'pernah';
the list's `done`) and no word of the future at all is not translated into the future ('telah
meninggalkan', have left, is not 'will leave'). Nor is the passage of an event that occurred (or is
claimed to have) with no word of the future: 'parlemen Kirgistan menyetujui' of the vote of 7 January is
'approved', not 'will approve'.
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
from qantar.validate.rules._text import translated
from qantar.validate.rules.status_tense import _screen, markers


@cache
def _english(key: str = "english") -> re.Pattern[str]:
    """The English words of future_words.toml's ``key`` (`english`, or `english_tense`), as a pattern."""
    raw = tomllib.loads((catalogue.home() / "future_words.toml").read_text(encoding="utf-8"))
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(raw.get(key, ()), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w'])(?:{words})(?!\w)")


@cache
def _english_screen(key: str = "english") -> str:
    """``_english(key)`` as a polars pattern, the same on a text of ASCII only: there polars reads \\w, case and
    the boundaries as Python does (its look-around spelt with characters), and \\s once Python's four
    separators (\\x1c-\\x1f) are added."""
    raw = tomllib.loads((catalogue.home() / "future_words.toml").read_text(encoding="utf-8"))
    words = "|".join(re.escape(w).replace(r"\ ", r"[\s\x1c-\x1f]+") for w in sorted(raw.get(key, ()), key=len, reverse=True))
    return rf"(?i)(?:^|[^\w'])(?:{words})(?:\W|$)"


def _in_english(column: pl.Expr, key: str = "english") -> tuple[pl.Expr, pl.Expr]:
    """Where ``_english(key)`` may find a word in ``column``, and where it may find none: polars settles a text
    of ASCII only (most translations), Python's pattern reads the others. Each regex scans every row it is
    given (0.1 s a pattern at a million rows), so the callers filter by the most selective one first."""
    other = column.str.len_bytes() != column.str.len_chars()  # a character beyond ASCII (a scan of a regex costs 15 times more)
    said = column.str.contains(_english_screen(key))
    return other | said, other | ~said


@cache
def _done() -> tuple[str, str]:
    """Polars patterns: a word of the perfect, and any word of the future (after a word of saying too)."""
    raw = tomllib.loads((catalogue.home() / "future_words.toml").read_text(encoding="utf-8"))

    def words(key: str) -> str:
        return r"(?i)(?-u:\b)(?:" + "|".join(re.escape(w) for w in sorted(raw[key], key=len, reverse=True)) + r")(?-u:\b)"

    return words("done"), words("future")


def check(inputs: Inputs) -> Iterator[Finding]:
    yield from _future(inputs)
    yield from _done_made_future(inputs)
    yield from _occurred_made_future(inputs)


#: the statuses of an event that has happened, or is said to have
PAST = ("occurred", "claimed")


def _occurred_made_future(inputs: Inputs) -> Iterator[Finding]:
    """A passage of an occurred or claimed event, with no word of the future, is not translated into the future."""
    needed = {"event_sources": ("event_id", "quote", "quote_en"), "events": ("event_id", "status")}
    if not all(t in inputs.tables and inputs.table(t).has(*c) for t, c in needed.items()):
        return
    _, future = _done()
    english = _english("english_tense")
    past = inputs.strings("events").select("event_id", "status").filter(pl.col("status").is_in(PAST))
    rows = (inputs.strings("event_sources").with_row_index("row", offset=1).select("row", "event_id", "quote", "quote_en")
            .join(past, on="event_id", how="inner")
            .filter(pl.col("quote_en").is_not_null() & pl.col("quote").is_not_null())
            .filter(_in_english(pl.col("quote_en"), "english_tense")[0]).filter(~pl.col("quote").str.contains(future))
            .sort("row"))
    read: dict[str, re.Match[str] | None] = {}  # each distinct translation read once
    for row, event, said, status in rows.select("row", "event_id", "quote_en", "status").iter_rows():
        if said not in read:
            read[said] = english.search(said)
        if (m := read[said]) is not None:
            yield Finding("event_sources", row, "quote_en", said,
                          f"{event} is {status} and its passage says nothing of the future, but the quote_en puts it in the "
                          f"future ({m.group(0)!r}; validators/future_words.toml)")


def _done_made_future(inputs: Inputs) -> Iterator[Finding]:
    done, future = _done()
    english = _english("english_tense")
    for pair, frame in translated(inputs):
        rows = frame.select(pl.col(pair.text).alias("text"), pl.col(pair.translation).alias("english")).with_row_index(
            "row", offset=1).filter(pl.col("english").is_not_null() & pl.col("text").str.contains(done)) \
            .filter(_in_english(pl.col("english"), "english_tense")[0]).filter(~pl.col("text").str.contains(future))
        read: dict[str, re.Match[str] | None] = {}  # each distinct translation read once
        for row, text, said in rows.iter_rows():
            if said not in read:
                read[said] = english.search(said)
            if (m := read[said]) is not None:
                word = re.search(done.replace("(?-u:\\b)", r"\b"), text)
                yield Finding(pair.table, row, pair.translation, said,
                              f"the {pair.text} says the thing is done ({word.group(0) if word else 'telah'!r}) and nothing of "
                              f"the future, its {pair.translation} puts it in the future ({m.group(0)!r}; validators/future_words.toml)")


def _future(inputs: Inputs) -> Iterator[Finding]:
    english = _english()
    for pair, frame in translated(inputs):
        rows = frame.select(pl.col(pair.text).alias("text"), pl.col(pair.translation).alias("english")) \
            .with_row_index("row", offset=1) \
            .filter(pl.col("english").is_not_null() & pl.col("text").str.contains(_screen())) \
            .filter(_in_english(pl.col("english"))[1])
        read: dict[tuple[str, str], str | None] = {}
        for row, text, said in rows.iter_rows():
            if (text, said) not in read:
                found = markers(text)
                read[(text, said)] = found[0].group(0) if found and not english.search(said) else None
            if (word := read[(text, said)]) is not None:
                yield Finding(pair.table, row, pair.translation, said,
                              f"the {pair.text} speaks of the future ({word!r}), its {pair.translation} does not "
                              "('will', 'would', 'promised to' ...; validators/future_words.toml)")
