"""Find number-like tokens in Indonesian text: digits, number words, vague quantities and dates.

The coverage check walks these tokens and asks that each one is used by a curated row or
excluded with a reason. The vocabulary below is the reader's grammar of Indonesian numbers
and calendar words, not a list of answers: it knows nothing about the articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CARDINALS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 1_000_000,
}
ORDINALS = {
    "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7,
    "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
}
# Vague quantities: (low, high, conservative point value or None). ACLED codes the conservative
# figure ("dozens" = 12, "hundreds" = 100); Qantar takes the low end of each word's range.
VAGUE = {
    "belasan": (11, 19, 11),
    "puluhan": (10, 99, 10),
    "ratusan": (100, 999, 100),
    "ribuan": (1000, 9999, 1000),
    "jutaan": (1_000_000, 9_999_999, 1_000_000),
    "sejumlah besar": (2, None, None),
    "sejumlah": (2, None, None),
    "beberapa": (2, None, None),
    "banyak": (2, None, None),
    "mayoritas": (50, 100, 50),
}
MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
          "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "aug",
          "sep", "okt", "oct", "nov", "des", "dec"]
DAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "sun", "mon", "tue", "wed",
        "thu", "fri", "sat"]
# Relative date expressions that a curated row must resolve (longest first in the pattern).
RELATIVE = ["beberapa hari lalu", "beberapa hari terakhir", "tahun lalu", "minggu depan", "pekan lalu",
            "hari ini", "baru-baru ini", "baru baru ini", "kemarin", "dini hari", "minggu lalu",
            "bulan lalu", "besok", "lusa"]

KINDS = ("digits", "time", "day_month", "cardinal", "ordinal", "vague", "month", "day", "relative", "roman")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    kind: str

    @property
    def is_date(self) -> bool:
        return self.kind in ("time", "day_month", "month", "day", "relative") or (
            self.kind == "digits" and re.fullmatch(r"(19|20)\d\d", self.text) is not None
        )


def _words(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PATTERN = re.compile(
    "|".join([
        rf"(?P<relative>(?<!\w)(?:{_words(RELATIVE)})(?!\w))",
        r"(?P<time>(?<!\w)\d{1,2}:\d{2}(?::\d{2})?(?!\w))",
        r"(?P<day_month>(?<!\w)\d{1,2}/\d{1,2}(?![\w/]))",
        r"(?P<digits>\$?(?<![\w.])\d+(?:[.,]\d+)*(?:rb|ribu|juta|k)?(?!\w))",
        rf"(?P<vague>(?<!\w)(?:{_words(VAGUE)})(?!\w))",
        rf"(?P<cardinal>(?<!\w)(?:{_words(CARDINALS)})(?!\w))",
        rf"(?P<ordinal>(?<!\w)(?:{_words(ORDINALS)})(?!\w))",
        rf"(?P<month>(?<!\w)(?:{_words(MONTHS)})(?!\w))",
        rf"(?P<day>(?<!\w)(?:{_words(DAYS)})(?!\w))",
        r"(?P<roman>(?<!\w)(?:II|III|IV|VI|VII|VIII|IX|XI|XII)(?!\w))",
    ]),
    re.IGNORECASE,
)


def number_tokens(text: str) -> list[Token]:
    """Every number-like token of `text`, in order, with code-point offsets."""
    out = []
    for m in _PATTERN.finditer(text):
        kind = m.lastgroup
        if kind == "roman" and m.group(0) != m.group(0).upper():
            continue  # "ii", "Iv": not numerals
        out.append(Token(m.start(), m.end(), m.group(0), kind))
    return out


@dataclass(frozen=True)
class Reading:
    """What a number as written means: a point value and, for vague words, a range."""

    value: int | None
    low: int | None = None
    high: int | None = None

    @property
    def vague(self) -> bool:
        return self.low is not None


_DIGITS = re.compile(r"\$?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s?(rb|ribu|juta|k)?", re.IGNORECASE)
_SCALE = {"rb": 1000, "ribu": 1000, "k": 1000, "juta": 1_000_000}


def read_number(written: str) -> Reading:
    """Read an Indonesian number as written: '3.000' -> 3000, '20rb' -> 20000, 'lima' -> 5,
    'kedua' -> 2, 'puluhan' -> 10 in [10, 99]. Raises ValueError for anything else."""
    word = written.strip().lower()
    if word in VAGUE:
        low, high, point = VAGUE[word]
        return Reading(point, low, high)
    if word in CARDINALS:
        return Reading(CARDINALS[word])
    if word in ORDINALS:
        return Reading(ORDINALS[word])
    m = _DIGITS.fullmatch(word)
    if not m:
        raise ValueError(f"not a number as Qantar reads them: {written!r}")
    whole, frac, scale = m.groups()
    value = int(whole.replace(".", ""))
    if frac:  # '2,5 juta': a decimal comma only makes sense with a scale word
        if not scale:
            raise ValueError(f"decimal number without a scale word: {written!r}")
        return Reading(round((value + int(frac) / 10 ** len(frac)) * _SCALE[scale.lower()]))
    return Reading(value * _SCALE.get((scale or "").lower(), 1))
