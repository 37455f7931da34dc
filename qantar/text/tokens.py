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


def _pattern(*, lower: bool, keep: frozenset[str] | None = None) -> re.Pattern[str]:
    """The token pattern, one alternative per kind, tried in this order at each position.

    Every kind but a dollar amount starts at a word start, so the word-start test is made once
    for all of them; ``lower=True`` gives the case-sensitive pattern for lower-cased text (all
    the vocabulary is lower case), which is several times faster than IGNORECASE. ``keep``: only
    those kinds, in the same order, and no dollar amount (``_AT``).
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
    if keep is not None:
        kinds = [k for k in kinds if re.search(r"\(\?P<(\w+)>", k)[1] in keep]  # type: ignore[index]
        return re.compile(rf"(?<!\w)(?:{'|'.join(kinds)})", 0 if lower else re.IGNORECASE)
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


def _at_runs() -> dict[str, re.Pattern[str]]:
    """A start's first run of word characters -> the lower-case pattern of the kinds that can match there.

    At a start whose run is a digit only the numeric kinds can match, at a word only the kinds with an
    entry of that first run (a kind's entry matches only where the text's run is the entry's, as the
    ``_FIRST_RUNS`` reasoning says): the other alternatives fail there, so leaving them out finds the same
    match, without trying each word of every list."""
    vocabulary = {"relative": RELATIVE, "vague": [*VAGUE_RANGES, *_VAGUE_WORDS], "cardinal": _NUMBER_WORDS,
                  "ordinal": ORDINALS, "month": MONTHS, "day": DAYS, "roman": _ROMAN}
    kinds: dict[str, set[str]] = {}
    for kind, words in vocabulary.items():
        for w in words:
            kinds.setdefault(re.match(r"\w+", w)[0], set()).add(kind)  # type: ignore[index]
    patterns: dict[frozenset[str], re.Pattern[str]] = {}
    out = {}
    for run, mine in [*kinds.items(), *((d, {"time", "day_month", "digits"}) for d in "0123456789")]:
        key = frozenset(mine)
        if key not in patterns:
            patterns[key] = _pattern(lower=True, keep=key)
        out[run] = patterns[key]
    return out


_AT = _at_runs()


#: texts scanned by polars at once in ``number_tokens_of`` (the real package has 5; a million-row one, 8,740)
_BATCH = 256


def number_tokens_of(texts: Sequence[str]) -> list[list[Token]]:
    """``[number_tokens(t) for t in texts]``, found faster for many texts.

    The scan for where a match can begin, the costly part (a regex tried at every position of every
    text), runs in polars (Rust, on every core) for all the texts at once; Python then tries the token
    pattern at those starts only, as ``number_tokens`` does.
    """
    import polars as pl  # here: the loader reads dates with this module's words, and needs no polars

    safe = [i for i, text in enumerate(texts) if _lower_is_safe(text)]
    out: list[list[Token] | None] = [None] * len(texts)
    # a batch of texts at a time: the lower-case copies and the words found are transient, and all of a
    # large package's at once (tens of MB of text, millions of words) left the process that much larger
    for b in range(0, len(safe), _BATCH):
        batch = safe[b:b + _BATCH]
        lows = [texts[i].lower() for i in batch]
        # the starts' words, in order, found by polars; their offsets by ``_located`` (Python's find)
        words = pl.Series(lows, dtype=pl.String).str.extract_all(_RUST_CANDIDATE).to_list()
        for j, i in enumerate(batch):
            starts = _located(lows[j], words[j] or ())
            out[i] = _tokens(texts[i], _lower_matches(lows[j]) if starts is None else _matches_at(lows[j], starts))
    # the others (a letter outside ASCII) as number_tokens reads them
    return [tokens if tokens is not None else number_tokens(text) for tokens, text in zip(out, texts, strict=True)]


_ASCII_WORD = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")


def _located(low: str, words: Iterable[str]) -> list[tuple[int, re.Pattern[str]]] | None:
    """Where ``_RUST_CANDIDATE`` found ``words`` in ``low`` (its matches, in order), each with the pattern to
    try there (``_AT``; the whole one at a digit outside ASCII); None if one is not found (never: then the
    caller scans as ``number_tokens`` does).

    Each is the first occurrence after the previous match that meets the pattern's ASCII word boundaries:
    an earlier one would have been the regex's match.
    """
    out = []
    pos, n, at_run, full, ascii_word = 0, len(low), _AT, _LOWER_PATTERN, _ASCII_WORD
    for word in words:
        size = len(word)
        at = low.find(word, pos)
        pattern = at_run.get(word)
        if pattern is None:
            pattern = full  # a digit outside ASCII: no boundary
        else:
            tail = size > 1 or word not in _DIGITS  # a vocabulary word ends at a boundary too; a digit needs one before it only
            while at >= 0 and (at > 0 and low[at - 1] in ascii_word or tail and at + size < n and low[at + size] in ascii_word):
                at = low.find(word, at + 1)
        if at < 0:
            return None
        out.append((at, pattern))
        pos = at + size
    return out


_DIGITS = frozenset("0123456789")


def _matches_at(low: str, starts: list[tuple[int, re.Pattern[str]]]) -> Iterator[re.Match[str]]:
    """``_lower_matches`` with each start's own pattern (``_AT``), the whole one at a '$'."""
    dollar = low.find("$")
    if dollar >= 0:  # else the starts are in order already
        while dollar >= 0:
            starts.append((dollar, _LOWER_PATTERN))
            dollar = low.find("$", dollar + 1)
        starts.sort(key=_first)
    last = 0
    for at, pattern in starts:
        if at < last:
            continue
        m = pattern.match(low, at)
        if m is not None:
            last = m.end()
            yield m


def _first(start: tuple[int, re.Pattern[str]]) -> int:
    return start[0]
