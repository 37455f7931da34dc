"""qualifier-fits-words: a figure whose number comes right after a hedge ('sekitar 8.000', 'hingga 10
hari', 'dibawah 10.000', 'lebih dari', 'setidaknya'; ``qantar.text.numbers.HEDGES``) has a qualifier
that hedge allows: never ``exact``. And the other way round: a number in digits or words printed with
no hedge before it is ``exact``, but for a window ahead ('dalam 10 hari ke depan', within the next ten
days), which is ``at_most`` or ``less_than`` (docs/curation.md), never ``exact``. Vague quantity words and shares ('puluhan',
'mayoritas') carry their own qualifier and are left to figure-number-reading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import polars as pl

from qantar.text.numbers import HEDGES, read
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

_BEFORE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
    + r")\s*\Z",
    re.IGNORECASE,
)


def check(inputs: Inputs) -> Iterator[Finding]:
    if "figures" not in inputs.tables:
        return
    columns = ("source_id", "number_char_start", "number_char_end", "number_as_written", "qualifier")
    frame = inputs.strings("figures")
    if not all(c in frame.columns for c in columns):
        return
    texts = inputs.texts()
    rows = frame.select(*columns).with_row_index("row", offset=1).filter(
        pl.col("qualifier").is_not_null() & (pl.col("qualifier") != "vague"))
    for row, sid, start, end, written, qualifier in rows.iter_rows():
        text = texts.get(sid)
        if text is None or start is None or not start.isdecimal() or len(start) > 12 or int(start) > len(text):
            continue  # offsets that do not lie in the article: quote-verbatim and the schema layers say so
        at = int(start)
        hedge = _BEFORE.search(text, max(0, at - 40), at)
        if hedge is None:
            if not _counted(written) or end is None or not end.isdecimal() or len(end) > 12 or int(end) > len(text):
                continue  # vague words and shares carry their own qualifier
            ahead = _ahead(text, at, int(end))
            if ahead and qualifier not in WINDOW:
                yield Finding("figures", row, "qualifier", qualifier,
                              f"the number {written!r} bounds a window ahead ('dalam ... ke depan', within the next ...), "
                              f"which makes it {' or '.join(WINDOW)}, not {qualifier} (docs/curation.md)")
            elif not ahead and qualifier != "exact":
                yield Finding("figures", row, "qualifier", qualifier,
                              f"the number {written!r} is printed with no hedge before it ('sekitar', 'lebih dari', "
                              f"'hingga' ...) and no window ahead ('dalam ... ke depan'), which makes it exact, not {qualifier}")
            continue
        allowed = HEDGES[re.sub(r"\s+", " ", hedge.group(1).lower())]
        if qualifier not in allowed:
            yield Finding("figures", row, "qualifier", qualifier,
                          f"the number follows {hedge.group(1)!r}, which makes it {' or '.join(sorted(allowed))}, "
                          f"not {qualifier}")


#: the qualifiers of a number that bounds a window ahead: it ends within that many days, or before
WINDOW = ("at_most", "less_than")
#: 'dalam 10 hari ke depan': a window ahead, bounded by the number it gives
_WITHIN = re.compile(r"(?<![\w-])dalam\s*\Z", re.IGNORECASE)
_AHEAD = re.compile(r"\W*(?:\w+\s+){0,2}?(?:ke\s+depan|mendatang|lagi)(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # bounded: a million distinct values; numbers as written repeat ('10', '8.000')
def _counted(written: str | None) -> bool:
    """Whether a number is written in digits or number words (not a vague word or a share)."""
    reading = read(written) if written else None
    return reading is not None and reading.kind in ("digits", "word")


def _ahead(text: str, at: int, end: int) -> bool:
    """Whether the number printed at ``at``..``end`` bounds a window ahead ('dalam 10 hari ke depan')."""
    return _WITHIN.search(text, max(0, at - 10), at) is not None and _AHEAD.match(text, end, end + 40) is not None
