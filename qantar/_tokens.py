"""Find number-like tokens in Indonesian text: digits, number words, vague quantities and dates.

The coverage check walks these tokens and asks that each one is used by a curated row or
excluded with a reason. The vocabulary below is the reader's grammar of Indonesian numbers
and calendar words, not a list of answers: it knows nothing about the articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qantar._numbers import MULTIPLIERS, ORDINALS, VAGUE_COUNTS, VAGUE_RANGES, WORDS

# The number vocabulary is the reader's (qantar._numbers): one place for what Indonesian words
# count as numbers, so the coverage check and the figure check can never disagree.
_NUMBER_WORDS = [*WORDS, "sejuta"]
_VAGUE_WORDS = [*VAGUE_RANGES, *VAGUE_COUNTS, "mayoritas", "jutaan"]
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
        rf"(?P<digits>\$?(?<![\w.])\d+(?:[.,]\d+)*(?:\s?(?:{_words(MULTIPLIERS)}))?(?!\w))",
        rf"(?P<vague>(?<!\w)(?:{_words(_VAGUE_WORDS)})(?!\w))",
        rf"(?P<cardinal>(?<!\w)(?:{_words(_NUMBER_WORDS)})(?!\w))",
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

