"""translation-keeps-numbers: every number a span's text writes in digits (not a year, a date or a
time; read by the Indonesian reader, so '8.000' is 8,000 and '20rb' 20,000) or in words ('enam',
'kedua') is in its English translation with the same value, in digits ('8,000', '8000'), with
'thousand' or 'million', or in English words ('six', 'twenty-five', 'second'). A vague quantity of
a known range ('belasan' 11-19, 'puluhan' 10-99, 'ratusan', 'ribuan', 'puluhan ribu') is in it as
its order of magnitude ('dozens', 'tens', 'hundreds', 'thousands', 'tens of thousands') or as a number
in its range ('more than ten'): 'Puluhan orang tewas' is not 'Hundreds of people were killed'. An
unbounded vague quantity keeps its size: 'sejumlah besar orang' is not 'a handful of people', and 'all'
is said on both sides or neither ('beberapa pejabat' is not 'all officials')."""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.text.numbers import MULTIPLIERS, ORDINALS, VAGUE_RANGES, WORDS, read
from qantar.text.tokens import number_tokens
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import translated

_ENGLISH = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion))?", re.IGNORECASE)
_TIMES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def english_values(text: str) -> set[float]:
    """The values an English text writes in digits (thousands separated by ',' or '.', or none)."""
    out: set[float] = set()
    for digits, word in _ENGLISH.findall(text):
        k = _TIMES[word.lower()] if word else 1
        for reading in (digits.replace(",", ""), digits.replace(",", "").replace(".", ""), digits.replace(".", "").replace(",", ".")):
            try:
                out.add(float(reading) * k)
            except ValueError:
                pass
    return out


_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINAL = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()
#: English number words and their values (ordinals count as their number: 'kedua', 'second')
_WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | _TENS | {w: i for i, w in enumerate(_ORDINAL, 1)}
_ENGLISH_WORDS = re.compile(r"(?i)\b([a-z]+)(?:-([a-z]+))?\b(?:\s+(hundred|thousand|million|billion))?")
#: the Indonesian number words a text may hold (a row without one, and without a digit, is cleared at
#: once). The word boundaries are ASCII ones: polars' regex engine runs a long alternation between
#: Unicode boundaries about 14 times slower (0.34 s against 0.02 s on 86,000 quotes); around words of
#: ASCII letters the two differ only next to a non-ASCII letter, where the ASCII one matches more, so
#: the screen clears no row the reader would report.
_INDONESIAN_WORDS = r"(?i)(?-u:\b)(?:" + "|".join(map(re.escape, sorted({*WORDS, *ORDINALS, *VAGUE_RANGES}, key=len, reverse=True))) \
    + r")(?-u:\b)"
#: the English words for a vague quantity, with the range each can stand for: a vague word of the text
#: is said by one of them whose range meets its own ('puluhan', 10-99: 'dozens' or 'tens'; 'belasan',
#: 11-19: 'more than ten' or 'a dozen'), each English word answering one Indonesian word
_VAGUE_ENGLISH = re.compile(r"(?i)\b(dozens|tens|scores|(?:more\s+than|over)\s+(?:ten|a\s+dozen)|dozen|teens|hundreds|thousands|millions)\b")
_VAGUE_RANGE = {"dozens": (12, 99), "tens": (10, 99), "scores": (20, 99), "more than ten": (11, 19), "over ten": (11, 19),
                "more than a dozen": (13, 19), "over a dozen": (13, 19), "dozen": (12, 12), "teens": (13, 19),
                "hundreds": (100, 999), "thousands": (1_000, 999_999), "millions": (1_000_000, 999_999_999)}
_KINDS = ("digits", "cardinal", "ordinal")
#: a digit with an Indonesian multiplier after it ('20rb', '2 juta'), and an English word of magnitude
_MULTIPLIED = r"(?i)\d\s*(?:" + "|".join(MULTIPLIERS) + r")(?-u:\b)"
_MAGNITUDE = r"(?i)(?-u:\b)(?:hundred|thousand|million|billion)(?-u:\b)"

#: words of an unbounded vague quantity by its size, Indonesian and English: 'sejumlah besar' (a large
#: number) is not 'a handful', 'segelintir' (a handful) not 'many'. A large quantity keeps a word of
#: its size in the translation; a small one may go into an idiom ('beberapa hari terakhir', 'in recent
#: days') but not into a large one.
_SIZES = {
    "many": (("sejumlah besar", "banyak", "sebagian besar", "mayoritas", "berbondong-bondong"),
             ("many", "large number", "large numbers", "numerous", "a lot", "lots", "most", "majority", "great number",
              "a great many", "masses", "crowds of", "much", "widely", "plenty", "mostly", "largely", "mass")),
    "few": (("segelintir", "beberapa", "sedikit", "sejumlah kecil"),
            ("handful", "a few", "few", "several", "some", "small number", "a couple")),
    # every one of them: said on both sides or on neither ('beberapa pejabat' is not 'all officials')
    "all": (("semua", "seluruh", "segala", "setiap", "segenap", "tiap", "sekalian", "semuanya", "seluruhnya"),
            ("all", "every", "entire", "whole", "everyone", "everything", "each")),
}
_SIZE_WORDS = {size: tuple(re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?!\w)")
                           for words in pair) for size, pair in _SIZES.items()}
_SIZE_SCREEN = r"(?i)(?-u:\b)(?:" + "|".join(re.escape(w) for pair in _SIZES.values() for w in pair[0]) + r")(?-u:\b)"
_ALL_SCREEN = r"(?i)(?-u:\b)(?:" + "|".join(re.escape(w) for w in _SIZES["all"][1]) + r")(?-u:\b)"


def _size_flipped(text: str, english: str) -> tuple[str, str] | None:
    """(the text's word, the translation's) where the translation loses a large vague quantity, or gives a
    small one only as large."""
    every, said = _SIZE_WORDS["all"][0].search(text), _SIZE_WORDS["all"][1].search(english)
    if bool(every) != bool(said):
        return (every.group(), "no word for all of them") if every else ("no word for all of them", said.group())  # type: ignore[union-attr]
    many = _SIZE_WORDS["many"][0].search(text)
    if many and not _SIZE_WORDS["many"][1].search(english):
        return many.group(), "no word of a large number"
    few = _SIZE_WORDS["few"][0].search(text)
    if few and not many and not _SIZE_WORDS["few"][1].search(english) and (flipped := _SIZE_WORDS["many"][1].search(english)):
        return few.group(), flipped.group()
    return None


def english_word_values(text: str) -> set[float]:
    """The values an English text writes in words ('six', 'twenty-five', 'three thousand', 'second')."""
    out: set[float] = set()
    for first, second, times in _ENGLISH_WORDS.findall(text):
        value = _WORD_VALUES.get(first.lower())
        if value is None:
            continue
        if first.lower() in _TENS and second and (unit := _WORD_VALUES.get(second.lower())) is not None and unit < 10:
            value += unit
        out.add(float(value * (_TIMES.get(times.lower(), 100) if times else 1)))
    return out


def _digit_runs(column: str) -> pl.Expr:
    return pl.col(column).str.extract_all(r"\d+(?:[.,]\d+)*").list.eval(pl.element().str.replace_all(r"[.,]", ""))


def check(inputs: Inputs) -> Iterator[Finding]:
    missing: dict[tuple[str, str], tuple[str, int] | None] = {}  # each distinct (text, translation) read once
    sized: dict[tuple[str, str], tuple[str, str] | None] = {}
    for span, frame in translated(inputs):
        rows = frame.select(pl.col(span.text).alias("text"), pl.col(span.translation).alias("english")) \
            .with_row_index("row", offset=1).filter(pl.col("english").is_not_null())
        # cleared at once: a text with no number word whose every run of digits, separators dropped,
        # is one of the translation's (most rows); the reader looks at the others
        words = pl.col("text").str.contains(_INDONESIAN_WORDS)
        # the same digits are not the same number where either side scales them ('20rb' is not '20 million')
        scaled = pl.col("text").str.contains(_MULTIPLIED) | pl.col("english").str.contains(_MAGNITUDE)
        digits = scaled | (_digit_runs("text").list.set_difference(_digit_runs("english")).list.len() > 0)
        # in two steps: each pattern scans every row it is given, and the costly reading of the digits is
        # needed only where the text has a digit and no number word (a fifth of the rows)
        screened = rows.with_columns(words.alias("words")).filter(pl.col("words") | pl.col("text").str.contains(r"\d"))
        for row, text, english, _ in screened.filter(pl.col("words") | digits).iter_rows():
            if (text, english) not in missing:
                missing[(text, english)] = _missing(text, english)
            lost = missing[(text, english)]
            if lost is not None:
                yield Finding(span.table, row, span.translation, english,
                              f"the {span.text} writes {lost[0]!r} ({lost[1]:,}), which its {span.translation} does not")
        for row, text, english in rows.filter(pl.col("text").str.contains(_SIZE_SCREEN)
                                              | pl.col("english").str.contains(_ALL_SCREEN)).iter_rows():
            if (text, english) not in sized:
                sized[(text, english)] = _size_flipped(text, english)
            if (flipped := sized[(text, english)]) is not None:
                yield Finding(span.table, row, span.translation, english,
                              f"the {span.text} says {flipped[0]!r}, its {span.translation} {flipped[1]!r}: a vague "
                              "quantity of another size")


def _missing(text: str, english: str) -> tuple[str, int] | None:
    """The first number of ``text`` whose value ``english`` does not write."""
    values: set[float] | None = None
    vague: list[tuple[str, int, int, int]] = []  # (words, value, low, high): matched after the loop
    for token in number_tokens(text):
        if (token.kind not in _KINDS and token.kind != "vague") or token.is_date:
            continue
        reading = read(token.text)
        if reading is None or reading.value is None:
            continue
        if token.kind == "vague":
            if reading.low is not None and reading.high is not None:  # 'beberapa' has no range to keep
                vague.append((token.text, reading.value, reading.low, reading.high))
            continue
        values = english_values(english) | english_word_values(english) if values is None else values
        if float(reading.value) not in values:
            return token.text, reading.value
    return _unsaid(vague, english) if vague else None


def _unsaid(vague: list[tuple[str, int, int, int]], english: str) -> tuple[str, int] | None:
    """The first vague quantity no English vague word answers, each English word answering one (the
    words with the fewest possible answers matched first)."""
    said = [_VAGUE_RANGE[" ".join(m.lower().split())] for m in _VAGUE_ENGLISH.findall(english)]
    fits = [[k for k, (lo, hi) in enumerate(said) if lo <= high and low <= hi] for _, _, low, high in vague]
    used: set[int] = set()
    unmatched: list[int] = []
    for i in sorted(range(len(vague)), key=lambda i: len(fits[i])):
        k = next((k for k in fits[i] if k not in used), None)
        if k is None:
            unmatched.append(i)
        else:
            used.add(k)
    if not unmatched:
        return None
    words, value, _, _ = vague[min(unmatched)]
    return words, value
