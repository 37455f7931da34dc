"""translation-keeps-terms: a translation keeps the offices, deeds and manners its text names.

'Perdana Menteri Armenia' is the Armenian Prime Minister, not its President; 'akan merespons dengan
keras' is to respond harshly, not peacefully; 'ditangkap' is arrested, not released. Such a word
changed in a translation (a slip, an antonym, another office) keeps every number, name, negation
and offset, and only the sense betrays it. The terms are ``validators/translation_terms.toml``:
a word of a term in the text needs one of its English words in the translation, and an English
word of a term needs one of its Indonesian words in the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import translated


@dataclass(frozen=True)
class Term:
    name: str
    asks: re.Pattern[str]  # a word of one language that needs the term in the other
    answers: re.Pattern[str]  # a word that answers it (the asking words and the `_also` words)
    shown: str  # the other language's words, for the message


@dataclass(frozen=True)
class Side:
    """One direction: words found in ``found`` (text or translation) need a term in the other column."""

    terms: tuple[Term, ...]
    asked: str  # polars pattern of every asking word of this side
    answered: str  # polars pattern of every answering word of the other side


def _words(words: list[str]) -> str:
    # longest first: 'menteri luar negeri' is one word of an office, not 'luar' (outside)
    # `*` is any letters: [a-z], not \w (a Unicode class polars takes 0.1 s to compile into the pattern)
    return "|".join(re.escape(w).replace(r"\*", "[a-z]*") for w in sorted(words, key=len, reverse=True))


@cache
def sides() -> tuple[Side, Side]:
    """(text words that need an English word, English words that need a text word)."""
    raw = tomllib.loads((catalogue.home() / "translation_terms.toml").read_text(encoding="utf-8"))["term"]
    out = []
    for ask, answer in (("id", "en"), ("en", "id")):
        terms = tuple(
            Term(name, re.compile(r"(?i)(?:" + _words(t[ask]) + r")"),
                 re.compile(r"(?i)(?:" + _words(t[answer] + t.get(f"{answer}_also", [])) + r")"),
                 ", ".join(repr(w) for w in t[answer]))
            for name, t in raw.items())
        asked = [w for t in raw.values() for w in t[ask]]
        answered = [w for t in raw.values() for w in t[answer] + t.get(f"{answer}_also", [])]
        # whole words of the lower-cased columns: polars' regex has no look-around, so word boundaries,
        # ASCII ones (a Unicode boundary or case folding makes polars compile the pattern for 0.1 s)
        out.append(Side(terms, r"(?-u:\b)(?:" + _words(asked).lower() + r")(?-u:\b)",
                        r"(?-u:\b)(?:" + _words(answered).lower() + r")(?-u:\b)"))
    return out[0], out[1]


def _terms(words: list[str], patterns: dict[str, tuple[str, ...]], pick: str, side: Side) -> None:
    """Fill ``patterns[word]`` with the terms a found word asks (``pick`` 'asks') or answers."""
    for w in words:
        if w not in patterns:
            patterns[w] = tuple(t.name for t in side.terms if getattr(t, pick).fullmatch(w))


def check(inputs: Inputs) -> Iterator[Finding]:
    forward, backward = sides()
    spans = list(translated(inputs))
    # every translated text of the package in one frame: two passes of polars, not two per column
    both = pl.concat([
        frame.select(pl.lit(i).alias("pair"), pl.col(span.text).alias("text"), pl.col(span.translation).alias("english"))
        .with_row_index("row", offset=1).filter(pl.col("text").is_not_null() & pl.col("english").is_not_null())
        for i, (span, frame) in enumerate(spans)
    ], how="vertical_relaxed") if spans else None
    if both is None or both.is_empty():
        return
    for side, asking, other in ((forward, "text", "english"), (backward, "english", "text")):
        words = both.select(
            "pair", "row", pl.col(asking).str.to_lowercase().str.extract_all(side.asked).alias("asked"),
            pl.col(other).str.to_lowercase().str.extract_all(side.answered).alias("answered"),
        ).filter(pl.col("asked").list.len() > 0)
        if words.is_empty():
            continue
        asks: dict[str, tuple[str, ...]] = {}
        answers: dict[str, tuple[str, ...]] = {}
        _terms(words["asked"].explode().unique().drop_nulls().to_list(), asks, "asks", side)
        _terms(words["answered"].explode().unique().drop_nulls().to_list(), answers, "answers", side)
        by_name = {t.name: t for t in side.terms}
        for pair, row, asked, answered in words.sort("pair", "row").iter_rows():
            have = {t for w in answered for t in answers[w]}
            lost = next(((w, t) for w in asked for t in asks[w] if t not in have), None)
            if lost is not None:
                span = spans[pair][0]
                found_in, missing_in = (span.text, span.translation) if asking == "text" else (span.translation, span.text)
                term = by_name[lost[1]]
                yield Finding(span.table, row, span.translation, lost[0],
                              f"the {found_in} says {lost[0]!r} ({term.name.replace('_', ' ')}), its {missing_in} has none of "
                              f"{term.shown} (validators/translation_terms.toml)")
