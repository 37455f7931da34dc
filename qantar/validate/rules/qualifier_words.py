"""qualifier-fits-words: a figure whose number comes right after a hedge ('sekitar 8.000', 'hingga 10
hari', 'dibawah 10.000', 'lebih dari', 'setidaknya'; ``qantar.text.numbers.HEDGES``) has a qualifier
that hedge allows: never ``exact``. Vague quantity words carry their own qualifier and are left to
figure-number-reading."""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.text.numbers import HEDGES
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
    columns = ("source_id", "number_char_start", "qualifier")
    frame = inputs.strings("figures")
    if not all(c in frame.columns for c in columns):
        return
    texts = inputs.texts()
    rows = frame.select(*columns).with_row_index("row", offset=1).filter(
        pl.col("qualifier").is_not_null() & (pl.col("qualifier") != "vague"))
    for row, sid, start, qualifier in rows.iter_rows():
        text = texts.get(sid)
        if text is None or start is None or not start.isdigit():
            continue
        at = int(start)
        hedge = _BEFORE.search(text, max(0, at - 40), at)
        if hedge is None:
            continue
        allowed = HEDGES[re.sub(r"\s+", " ", hedge.group(1).lower())]
        if qualifier not in allowed:
            yield Finding("figures", row, "qualifier", qualifier,
                          f"the number follows {hedge.group(1)!r}, which makes it {' or '.join(sorted(allowed))}, "
                          f"not {qualifier}")
