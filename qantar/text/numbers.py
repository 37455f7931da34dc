"""Read a number as Indonesian news text writes it.

One small, dependency-free reader shared by the validators (``qantar validate`` checks that
every figure's ``number_as_written`` agrees with its ``value``) and the provenance checks.

What it reads (case-insensitive, surrounding blanks ignored):

* digits with ``.`` as the thousands separator: ``500``, ``3.000``, ``10.000`` (never a
  decimal point: Indonesian writes decimals with a comma, which this reader does not accept);
* a multiplier suffix: ``20rb`` / ``20 ribu`` (thousand), ``2 juta`` / ``2jt`` (million);
* number words ``nol`` .. ``sepuluh``, ``sebelas``, ``seratus``, ``seribu``;
* ordinals ``pertama`` (first) and ``ke`` + a number word: ``kedua``, ``ketiga``, ``keempat``,
  ``kelima`` ... ``kesepuluh``;
* vague quantities, with the range they imply: ``belasan`` 11 [11, 19], ``puluhan``
  10 [10, 99], ``ratusan`` 100 [100, 999], ``ribuan`` 1000 [1000, 9999], ``jutaan``, the
  reduplicated ``berpuluh-puluh`` .. ``berjuta-juta``, and any of them with ``ribu`` or ``juta``
  (``puluhan ribu`` 10000 [10000, 99999]);
* vague counts, with no point value: ``beberapa``, ``sejumlah``, ``banyak``, ``berbagai``,
  ``beragam``, ``aneka``, ``tak sedikit`` ... are "at least two"; ``sedikit``, ``segelintir``,
  ``sejumlah kecil`` are "few", at least one;
* vague shares of a set, in per cent: ``semua``/``seluruh`` 100; ``sebagian besar``,
  ``kebanyakan``, ``mayoritas`` 50 [50, 100] ``more_than``; ``hampir semua`` 50 [50, 100] and
  ``hampir tidak ada`` 0 [0, 50], ``vague``; ``sebagian kecil``, ``minoritas`` 50 [0, 50]
  ``less_than``; ``sebagian`` no point value [0, 100]; ``separuh`` 50.

The vague words are word classes, not examples: each entry brings its ``-nya`` form where
Indonesian has one (``semuanya``, ``banyaknya``, ``sebagian besarnya``) and its near-synonyms
(``pelbagai`` for ``berbagai``, ``nyaris`` for ``hampir``, ``tak`` for ``tidak``).

``read`` returns a :class:`Reading` or ``None`` when the text is not a number it knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Reading", "read", "disagreement"]


@dataclass(frozen=True)
class Reading:
    """What a written number says.

    ``value`` is the number (``None`` for a vague count such as *beberapa*); ``low`` and
    ``high`` are the range the words imply (``None`` when they imply none); ``qualifier`` is
    set only when the words themselves carry one (``vague``, ``more_than``, ``less_than``);
    ``kind`` is one of ``digits``, ``word``, ``ordinal``, ``vague`` (a count), ``share`` (a
    share of a set, in per cent).
    """

    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None
    kind: str = "digits"


WORDS: dict[str, int] = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
}

#: ``pertama`` is the only ordinal that is not ``ke`` + a number word.
ORDINALS: dict[str, int] = {"pertama": 1} | {
    f"ke{word}": n for word, n in WORDS.items() if 2 <= n <= 10
}

VAGUE_RANGES: dict[str, tuple[int, int, int]] = {
    "belasan": (11, 11, 19),
    "puluhan": (10, 10, 99),
    "ratusan": (100, 100, 999),
    "ribuan": (1000, 1000, 9999),
    "jutaan": (1_000_000, 1_000_000, 9_999_999),
    # reduplicated forms: "berpuluh-puluh tahun" (tens of years) reads as "puluhan"
    "berpuluh-puluh": (10, 10, 99),
    "beratus-ratus": (100, 100, 999),
    "beribu-ribu": (1000, 1000, 9999),
    "berjuta-juta": (1_000_000, 1_000_000, 9_999_999),
}


def _with_nya(words: list[str]) -> list[str]:
    """The words and their -nya forms ("semua", "semuanya"), which read alike."""
    return [*words, *(f"{w}nya" for w in words)]


#: Vague counts: no point value, only the lower bound ``value_low`` records. "Several", "many",
#: "various" are at least two; "few" is at least one. ("sedikitnya" is not here: before a number
#: it is the hedge "at least", and the number is the token.)
VAGUE_COUNTS: dict[str, int] = {
    **dict.fromkeys(["beberapa", "sejumlah", "sejumlah besar", "berbagai", "pelbagai", "beragam", "aneka",
                     "bermacam-macam", "macam-macam", "tak sedikit", "tidak sedikit", *_with_nya(["banyak"])], 2),
    **dict.fromkeys(["sedikit", "segelintir", "sejumlah kecil"], 1),
}

#: Vague shares of a set, in per cent, as (value, low, high, qualifier). The point value is the
#: conservative end, as for counts: "more than half" is 50, more_than.
_SHARE_CLASSES: list[tuple[list[str], tuple[int | None, int | None, int | None, str | None]]] = [
    (_with_nya(["semua", "seluruh", "segenap", "segala"]), (100, None, None, None)),  # all
    (_with_nya([f"{h} {w}" for h in ("hampir", "nyaris") for w in ("semua", "seluruh")]), (50, 50, 100, "vague")),
    (_with_nya(["sebagian besar", "sebagian terbesar", "kebanyakan", "mayoritas"]), (50, 50, 100, "more_than")),
    (_with_nya(["separuh"]), (50, None, None, None)),  # half
    (_with_nya(["sebagian"]), (None, 0, 100, "vague")),  # part of: bounds nothing but the scale
    (_with_nya(["sebagian kecil", "minoritas"]), (50, 0, 50, "less_than")),
    ([f"{h} {n} ada" for h in ("hampir", "nyaris") for n in ("tidak", "tak")], (0, 0, 50, "vague")),  # almost none
]
SHARES: dict[str, tuple[int | None, int | None, int | None, str | None]] = {
    word: reading for words, reading in _SHARE_CLASSES for word in words
}

MULTIPLIERS: dict[str, int] = {"rb": 1000, "ribu": 1000, "jt": 1_000_000, "juta": 1_000_000}

#: Hedges: words right before a number that qualify it, and the figure qualifiers each allows
#: ("sekitar 8.000" is approximately 8,000; "hingga 10 hari" at most ten days; "dibawah 10.000" less
#: than; "lebih dari" more than; "setidaknya" at least). A number after a hedge is never ``exact``.
HEDGES: dict[str, frozenset[str]] = {
    **dict.fromkeys(["sekitar", "sekira", "kira-kira", "kurang lebih", "lebih kurang"], frozenset({"approximately"})),
    **dict.fromkeys(["hampir", "nyaris"], frozenset({"approximately", "less_than", "at_most"})),
    **dict.fromkeys(["di bawah", "dibawah", "kurang dari"], frozenset({"less_than", "at_most"})),
    **dict.fromkeys(["hingga", "sampai", "paling banyak", "maksimal", "maksimum", "sebanyak-banyaknya",
                     "tidak lebih dari"], frozenset({"at_most", "less_than"})),
    **dict.fromkeys(["lebih dari", "di atas", "diatas"], frozenset({"more_than", "at_least"})),
    **dict.fromkeys(["setidaknya", "sedikitnya", "paling sedikit", "minimal", "sekurang-kurangnya",
                     "tidak kurang dari"], frozenset({"at_least", "more_than"})),
}

_DIGITS = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+)")
_WITH_SUFFIX = re.compile(rf"({_DIGITS.pattern})\s*({'|'.join(MULTIPLIERS)})")
_RANGE_TIMES = re.compile(rf"({'|'.join(map(re.escape, VAGUE_RANGES))}) (ribu|juta)")


#: the most digits a number this reader knows has: a figure's value is a 64-bit integer, and a longer
#: run of digits is no count (nor something int() should be asked to parse: it refuses 4,300 digits)
MAX_DIGITS = 18


def _digits(text: str) -> int:
    return int(text.replace(".", ""))


def read(text: str | None) -> Reading | None:
    """The number ``text`` writes, or ``None`` if it is not one this reader knows."""
    if text is None:
        return None
    t = " ".join(text.split()).lower()
    if not t.isascii():  # lookalike letters or other scripts are never silently accepted
        return None
    if sum(c.isdigit() for c in t) > MAX_DIGITS:
        return None
    if _DIGITS.fullmatch(t):
        return Reading(_digits(t))
    m = _WITH_SUFFIX.fullmatch(t)
    if m:
        return Reading(_digits(m.group(1)) * MULTIPLIERS[m.group(2)])
    if t in WORDS:
        return Reading(WORDS[t], kind="word")
    if t in ORDINALS:
        return Reading(ORDINALS[t], kind="ordinal")
    if t in VAGUE_RANGES:
        value, low, high = VAGUE_RANGES[t]
        return Reading(value, low, high, "vague", kind="vague")
    m = _RANGE_TIMES.fullmatch(t)
    if m:  # "puluhan ribu": tens of thousands, 10000 [10000, 99999]
        value, low, high = VAGUE_RANGES[m.group(1)]
        k = MULTIPLIERS[m.group(2)]
        return Reading(value * k, low * k, (high + 1) * k - 1, "vague", kind="vague")
    if t in VAGUE_COUNTS:
        return Reading(None, VAGUE_COUNTS[t], None, "vague", kind="vague")
    if t in SHARES:
        return Reading(*SHARES[t], kind="share")
    return None


def disagreement(
    text: str | None,
    value: int | None,
    low: int | None = None,
    high: int | None = None,
    qualifier: str | None = None,
) -> str | None:
    """Why a recorded figure does not agree with ``text``, or ``None`` when it does.

    The value must equal the reading's value (both may be absent); a range or qualifier the
    words themselves imply (*puluhan* = 10 [10, 99], vague) must be recorded as such. A plain
    number implies no range or qualifier: those come from the context (*sekitar*, *dibawah*).
    """
    reading = read(text)
    if reading is None:
        return f"{text!r} is not a number the Indonesian reader knows"
    problems = []
    if reading.value != value:
        problems.append(f"value {value} (the text reads {reading.value})")
    if reading.low is not None and low != reading.low:
        problems.append(f"value_low {low} (the text implies {reading.low})")
    if reading.high is not None and high != reading.high:
        problems.append(f"value_high {high} (the text implies {reading.high})")
    if reading.qualifier is not None and qualifier != reading.qualifier:
        problems.append(f"qualifier {qualifier} (the text implies {reading.qualifier})")
    if problems:
        return f"{text!r} disagrees with " + "; ".join(problems)
    return None
