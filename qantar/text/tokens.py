"""Find number-like tokens in Indonesian text: digits, number words, vague quantities and dates.

The coverage check walks these tokens and asks that each one is used by a curated row or
excluded with a reason. The vocabulary below is the reader's grammar of Indonesian numbers
and calendar words, not a list of answers: it knows nothing about the articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from qantar.text.numbers import MULTIPLIERS, ORDINALS, SHARES, VAGUE_COUNTS, VAGUE_RANGES, WORDS

# The number vocabulary is the reader's (qantar.text.numbers): one place for what Indonesian words
# count as numbers, so the coverage check and the figure check can never disagree.
_NUMBER_WORDS = [*WORDS, "sejuta"]
_VAGUE_WORDS = [*VAGUE_COUNTS, *SHARES]
MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "aug",
          "sep", "okt", "oct", "nov", "des", "dec"]
DAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "sun", "mon", "tue", "wed",
        "thu", "fri", "sat"]
# Relative date expressions that a curated row must resolve (longest first in the pattern).
RELATIVE = ["beberapa hari lalu", "beberapa hari terakhir", "tahun lalu", "minggu depan", "pekan lalu",
            "hari ini", "baru-baru ini", "baru baru ini", "kemarin", "dini hari", "minggu lalu",
            "bulan lalu", "besok", "lusa"]

_ROMAN = ("ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii")  # as the pattern lists them

KINDS = ("digits", "time", "day_month", "cardinal", "ordinal", "vague", "month", "day", "relative", "roman")


class Token(NamedTuple):
    # a tuple, not a dataclass: a million-row package's articles hold hundreds of thousands of tokens,
    # and a frozen dataclass costs a microsecond each to build
    start: int
    end: int
    text: str
    kind: str

    @property
    def is_date(self) -> bool:
        return self.kind in ("time", "day_month", "month", "day", "relative") or (
            self.kind == "digits" and re.fullmatch(r"(19|20)\d\d", self.text) is not None
        )


def _words(words, *, spaced: bool = False) -> str:
    """An alternation of the words, longest first; `spaced`: the words' spaces match any run of
    blanks (a non-breaking space too), as the reader reads them."""
    escaped = (re.escape(w) for w in sorted(words, key=len, reverse=True))
    return "|".join(e.replace("\\ ", r"\s+") if spaced else e for e in escaped)


def _pattern(*, lower: bool) -> re.Pattern[str]:
    """The token pattern, one alternative per kind, tried in this order at each position.

    Every kind but a dollar amount starts at a word start, so the word-start test is made once
    for all of them; ``lower=True`` gives the case-sensitive pattern for lower-cased text (all
    the vocabulary is lower case), which is several times faster than IGNORECASE.
    """
    number = rf"\d+(?:[.,]\d+)*(?:\s?(?:{_words(MULTIPLIERS)}))?(?!\w)"
    roman = "|".join(_ROMAN) if lower else "|".join(_ROMAN).upper()
    kinds = [
        rf"(?P<relative>(?:{_words(RELATIVE)})(?!\w))",
        r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?!\w))",
        r"(?P<day_month>\d{1,2}/\d{1,2}(?![\w/]))",
        rf"(?<!\.)(?P<digits>{number})",
        # A vague word is a whole word, not half of a reduplication ("sedikit-sedikit", little by
        # little) nor the tail of one ("sebanyak-banyaknya"); a range word may take a multiplier
        # ("puluhan ribu"). The multi-word entries are tried before their first word.
        rf"(?P<vague>(?<!-)(?:(?:{_words(VAGUE_RANGES)})(?:\s+(?:ribu|juta))?|{_words(_VAGUE_WORDS, spaced=True)})(?![\w-]))",
        rf"(?P<cardinal>(?:{_words(_NUMBER_WORDS)})(?!\w))",
        rf"(?P<ordinal>(?:{_words(ORDINALS)})(?!\w))",
        rf"(?P<month>(?:{_words(MONTHS)})(?!\w))",
        rf"(?P<day>(?:{_words(DAYS)})(?!\w))",
        rf"(?P<roman>(?:{roman})(?!\w))",
    ]
    # '$' is not a word character: a dollar amount is the one token that starts inside a word
    # ("US$500"); the digits after it follow '$', so they need no further look-behind.
    source = rf"\$(?P<dollar>{number})|(?<!\w)(?:{'|'.join(kinds)})"
    return re.compile(source, 0 if lower else re.IGNORECASE)


_PATTERN = _pattern(lower=False)
_LOWER_PATTERN = _pattern(lower=True)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _lower_is_safe(text: str) -> bool:
    """Whether matching ``text.lower()`` case-sensitively finds what IGNORECASE finds in ``text``.

    True when no letter outside ASCII occurs: lower-casing then changes only A-Z, keeps every
    offset, and no non-ASCII letter can fold onto a vocabulary letter (the Kelvin sign, the
    long s, the dotted capital I).
    """
    return text.isascii() or not any(c.isalpha() for c in set(_NON_ASCII.findall(text)))


_HEDGE_BEFORE = re.compile(r"paling\s$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(rf"\s+(?:\d|(?:{_words(_NUMBER_WORDS)})(?!\w))", re.IGNORECASE)


def _is_hedge(text: str, start: int, end: int) -> bool:
    """ "paling banyak"/"paling sedikit" (at most, at least) right before a number."""
    return (text[start:end].lower() in ("banyak", "sedikit") and _HEDGE_BEFORE.search(text, max(0, start - 7), start) is not None
            and _NUMBER_AFTER.match(text, end) is not None)


#: the first run of word characters of every vocabulary entry: a token that is not a number or a
#: dollar amount starts with one of these as a whole word (every alternative ends with (?!\w) or a
#: space-separated continuation), so no other word start can begin a match
_FIRST_RUNS = frozenset(
    re.match(r"\w+", w)[0]  # type: ignore[index]
    for w in (*RELATIVE, *VAGUE_RANGES, *_VAGUE_WORDS, *_NUMBER_WORDS, *ORDINALS, *MONTHS, *DAYS, *_ROMAN)
)


def _trie(words: list[str]) -> str:
    """An alternation matching exactly ``words``, factored by common prefixes: ``re`` tries the
    branches of a flat alternation one by one, a trie's only where the next letter fits."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else f"(?:{'|'.join(alts)})"
        return body + ("?" if "" in node else "")

    return emit(root)


# where a match can begin: a word whose first run of word characters starts with a digit or is
# the first run of a vocabulary entry
_CANDIDATE = re.compile(rf"(?<!\w)(?:\d|{_trie(sorted(_FIRST_RUNS))}(?!\w))")


def _lower_matches(low: str, starts: list[int] | None = None) -> Iterator[re.Match[str]]:
    """What ``_LOWER_PATTERN.finditer(low)`` yields, found faster.

    The pattern, tried at every position, costs a long alternation at each word start; here it is
    tried only where a match can begin: at a '$', or at a word whose first run of word characters
    starts with a digit or is the first run of a vocabulary entry. Matches do not overlap, as with
    ``finditer``. ``starts``: those word starts when already found (``number_tokens_of``), or more
    of them (a start where no match can begin finds none).
    """
    if starts is None:
        starts = [m.start() for m in _CANDIDATE.finditer(low)]
    dollar = low.find("$")
    while dollar >= 0:
        starts.append(dollar)
        dollar = low.find("$", dollar + 1)
    starts.sort()
    last = 0
    for at in starts:
        if at < last:
            continue
        m = _LOWER_PATTERN.match(low, at)
        if m is not None:
            last = m.end()
            yield m


def number_tokens(text: str) -> list[Token]:
    """Every number-like token of `text`, in order, with code-point offsets."""
    matches = _lower_matches(text.lower()) if _lower_is_safe(text) else _PATTERN.finditer(text)
    return _tokens(text, matches)


def _tokens(text: str, matches: Iterable[re.Match[str]]) -> list[Token]:
    out = []
    for m in matches:
        kind = m.lastgroup
        start, end = m.span()
        word = text[start:end]
        if kind == "dollar":
            kind = "digits"
        elif kind == "roman" and word != word.upper():
            continue  # "ii", "Iv": not numerals
        elif kind == "vague" and _is_hedge(text, start, end):
            continue  # "paling banyak 10": the hedge of the number that follows, which is the token
        out.append(Token(start, end, word, kind))
    return out


#: ``_CANDIDATE`` for Rust's regex (polars), which has no look-behind: a word start where a digit or the
#: first run of a vocabulary entry begins. Its word boundaries are ASCII ones, so it finds every start
#: ``_CANDIDATE`` finds and perhaps more: next to a non-ASCII character that Python counts as a word
#: character and Rust does not, or the reverse; the vocabulary is ASCII, and a digit outside ASCII is a
#: start wherever it stands. A start more is harmless: ``_LOWER_PATTERN`` matches only where
#: ``_CANDIDATE`` does (its first look-behind is the same), and the starts it adds lie inside a word, never
#: inside a match that would hide a true start.
_RUST_CANDIDATE = rf"(?:(?-u:\b)(?:[0-9]|{_trie(sorted(_FIRST_RUNS))}(?-u:\b))|[\d&&[^0-9]])"


def number_tokens_of(texts: Sequence[str]) -> list[list[Token]]:
    """``[number_tokens(t) for t in texts]``, found faster for many texts.

    The scan for where a match can begin, the costly part (a regex tried at every position of every
    text), runs in polars (Rust, on every core) for all the texts at once; Python then tries the token
    pattern at those starts only, as ``number_tokens`` does.
    """
    import polars as pl  # here: the loader reads dates with this module's words, and needs no polars

    safe = [i for i, text in enumerate(texts) if _lower_is_safe(text)]
    lows = [texts[i].lower() for i in safe]
    starts: list[list[int]] = [[] for _ in safe]
    if lows:
        # each match with what precedes it since the last one: the lengths in characters give its offset
        found = pl.DataFrame({"low": pl.Series(lows, dtype=pl.String)}).with_row_index("i").select(
            "i", pl.col("low").str.extract_all(rf"(?s).*?{_RUST_CANDIDATE}").alias("run"),
            pl.col("low").str.extract_all(_RUST_CANDIDATE).alias("word"),
        ).explode("run", "word").drop_nulls("word").select(
            "i", (pl.col("run").str.len_chars().cum_sum().over("i") - pl.col("word").str.len_chars()).alias("at"))
        for i, at in zip(found["i"].to_list(), found["at"].to_list(), strict=True):
            starts[i].append(at)
    out: list[list[Token] | None] = [None] * len(texts)
    for j, i in enumerate(safe):
        out[i] = _tokens(texts[i], _lower_matches(lows[j], starts[j]))
    # the others (a letter outside ASCII) as number_tokens reads them
    return [tokens if tokens is not None else number_tokens(text) for tokens, text in zip(out, texts, strict=True)]
