"""translation-keeps-dates: a translation names the days of the week its text names, and the months.

'Pada hari Rabu' is 'On Wednesday', not 'On Thursday': a day or a month changed in a translation
redates what the row says for every reader of the English, while the text, its offsets and the row's
dates still agree. The days of the week a text names (qantar.text.dates: 'Rabu', 'hari Minggu'; not
'minggu', a week) are those its translation names (English weekday names), and every month it names
('Januari', 'Jan') is named in its translation; a translation may write a month the text gives in
figures ('(10/1)' as '10 January').
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

import polars as pl

from qantar.text.dates import MONTH_NUMBER, weekdays
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._text import translated

_EN_DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_EN_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_EN_DAY = re.compile(r"(?i)\b(" + "|".join(_EN_DAYS) + r")\b")
_EN_MONTH = re.compile(r"(?i)\b(" + "|".join(_EN_MONTHS) + r")\b")
_MONTH = re.compile(r"(?i)(?<![\w'’])(" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) + r")(?![\w'’])")
_DAY_NAMES = list(calendar.day_name)
_MONTH_NAMES = list(calendar.month_name)


def differs(text: str, english: str) -> str | None:
    """What the translation does not keep of the text's days and months, in words, or None."""
    days, said = weekdays(text), {_EN_DAYS[w.lower()] for w in _EN_DAY.findall(english)}
    if days != said:
        return (f"its text names {', '.join(_DAY_NAMES[d] for d in sorted(days)) or 'no day of the week'}, "
                f"its translation {', '.join(_DAY_NAMES[d] for d in sorted(said)) or 'none'}")
    months = {MONTH_NUMBER[m.lower()] for m in _MONTH.findall(text)}
    lost = months - {_EN_MONTHS[m.lower()] for m in _EN_MONTH.findall(english)}
    if lost:
        return f"its text names {', '.join(_MONTH_NAMES[m] for m in sorted(lost))}, which its translation does not"
    return None


def check(inputs: Inputs) -> Iterator[Finding]:
    screen = r"(?i)(?-u:\b)(?:" + "|".join(sorted({*MONTH_NUMBER, *_EN_DAYS, *_EN_MONTHS, "senin", "selasa", "rabu",
                                                    "kamis", "jumat", "jum", "sabtu", "minggu", "ahad"})) + r")(?-u:\b)"
    for pair, frame in translated(inputs):
        rows = frame.select(pl.col(pair.text).alias("text"), pl.col(pair.translation).alias("english")) \
            .with_row_index("row", offset=1) \
            .filter(pl.col("text").is_not_null() & pl.col("english").is_not_null()
                    & (pl.col("text").str.contains(screen) | pl.col("english").str.contains(screen)))
        read: dict[tuple[str, str], str | None] = {}
        for row, text, english in rows.iter_rows():
            if (text, english) not in read:
                read[(text, english)] = differs(text, english)
            if (why := read[(text, english)]) is not None:
                yield Finding(pair.table, row, pair.translation, english, f"the {pair.translation} changes a date: {why}")
