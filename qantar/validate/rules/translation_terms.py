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
    """One direction: words of one column (the text, or the translation) that need a term in the other."""

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
        # whole words of the lower-cased text: polars' regex has no look-around, so word boundaries, ASCII
        # ones (a Unicode boundary or case folding makes polars compile the pattern for 0.05-0.1 s)
        out.append(Side(terms, r"(?-u:\b)(?:" + _words(asked).lower() + r")(?-u:\b)",
                        r"(?-u:\b)(?:" + _words(answered).lower() + r")(?-u:\b)"))
    return out[0], out[1]


def _terms(words: list[str], patterns: dict[str, tuple[str, ...]], pick: str, side: Side) -> None:
    """Fill ``patterns[word]`` with the terms a found word asks (``pick`` 'asks') or answers."""
    for w in words:
        if w not in patterns:
            patterns[w] = tuple(t.name for t in side.terms if getattr(t, pick).fullmatch(w))


def check(inputs: Inputs) -> Iterator[Finding]:
    spans = list(translated(inputs))
    cells = [frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english"))
             .filter(pl.col("text").is_not_null() & pl.col("english").is_not_null()) for span, frame in spans]
    if not cells:
        return
    # each distinct (text, translation) of the package read once, in both directions: a large package
    # repeats its passages, and a frame per column costs more than its reading on a small one
    found = _lost(pl.concat([c.unique() for c in cells]).unique())
    if found.is_empty():
        return
    for span, frame in spans:
        hits = (frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english"))
                .with_row_index("row", offset=1).join(found, on=["text", "english"], how="inner").sort("row"))
        for row, word, side, term in hits.select("row", "word", "side", "term").iter_rows():
            yield Finding(span.table, row, span.translation, word, _why(span.text, span.translation, side, word, term))


def _why(text: str, translation: str, side: int, word: str, name: str) -> str:
    term = next(t for t in sides()[side].terms if t.name == name)
    found_in, missing_in = (text, translation) if side == 0 else (translation, text)
    return (f"the {found_in} says {word!r} ({term.name.replace('_', ' ')}), its {missing_in} has none of {term.shown} "
            "(validators/translation_terms.toml)")


def _lost(pairs: pl.DataFrame) -> pl.DataFrame:
    """(text, english, the first word asking a term the other column lacks, 0 for the text's and 1 for the
    English word, the term)."""
    forward, backward = sides()
    low_text, low_english = pl.col("text").str.to_lowercase(), pl.col("english").str.to_lowercase()
    tokens = pairs.with_columns(
        low_text.str.extract_all(forward.asked).alias("t_asks"),
        low_english.str.extract_all(forward.answered).alias("e_answers"),
        low_english.str.extract_all(backward.asked).alias("e_asks"),
        low_text.str.extract_all(backward.answered).alias("t_answers"),
    ).filter((pl.col("t_asks").list.len() > 0) | (pl.col("e_asks").list.len() > 0))
    lost = []
    for n, (side, asked, answered) in enumerate(((forward, "t_asks", "e_answers"), (backward, "e_asks", "t_answers"))):
        asks: dict[str, tuple[str, ...]] = {}
        answers: dict[str, tuple[str, ...]] = {}
        _terms(tokens[asked].explode().unique().drop_nulls().to_list(), asks, "asks", side)
        _terms(tokens[answered].explode().unique().drop_nulls().to_list(), answers, "answers", side)
        for text, english, words, have_words in tokens.select("text", "english", asked, answered).iter_rows():
            have = {t for w in have_words for t in answers[w]}
            hit = next(((w, t) for w in words for t in asks[w] if t not in have), None)
            if hit is not None:
                lost.append((text, english, hit[0], n, hit[1]))
    return pl.DataFrame(lost, schema={"text": pl.String, "english": pl.String, "word": pl.String, "side": pl.Int8,
                                      "term": pl.String},
                        orient="row").unique(["text", "english"], keep="first", maintain_order=True)
