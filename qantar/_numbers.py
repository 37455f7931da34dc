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
  10 [10, 99], ``ratusan`` 100 [100, 999], ``ribuan`` 1000 [1000, 9999];
* vague counts without a value, read as "at least two": ``sejumlah``, ``beberapa``,
  ``banyak``, ``sejumlah besar``;
* ``mayoritas`` (the majority): 50, qualified ``more_than`` (per cent).

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
    set only when the words themselves carry one (``vague``, ``more_than``); ``kind`` is one
    of ``digits``, ``word``, ``ordinal``, ``vague``, ``share``.
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
}

VAGUE_COUNTS: frozenset[str] = frozenset({"sejumlah", "beberapa", "banyak", "sejumlah besar"})

MULTIPLIERS: dict[str, int] = {"rb": 1000, "ribu": 1000, "jt": 1_000_000, "juta": 1_000_000}

_DIGITS = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+)")
_WITH_SUFFIX = re.compile(rf"({_DIGITS.pattern})\s*({'|'.join(MULTIPLIERS)})")


def _digits(text: str) -> int:
    return int(text.replace(".", ""))


def read(text: str | None) -> Reading | None:
    """The number ``text`` writes, or ``None`` if it is not one this reader knows."""
    if text is None:
        return None
    t = " ".join(text.split()).lower()
    if not t.isascii():  # lookalike letters or other scripts are never silently accepted
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
    if t in VAGUE_COUNTS:
        return Reading(None, 2, None, "vague", kind="vague")
    if t == "mayoritas":
        return Reading(50, None, None, "more_than", kind="share")
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
