"""language-code-known: every language code is a current ISO 639-1 code (pycountry's languages with
an alpha_2). A withdrawn code ('in' for Indonesian, 'iw', 'ji'), an ISO 639-2/3 code where two
letters are asked, or an invented pair reads as a language to a pattern and to nothing else; a
rule that reads an article by its language would then read it as none.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


@cache
def _codes() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def check(inputs: Inputs) -> Iterator[Finding]:
    for name, table in inputs.tables.items():
        for column in (f for f in table.field_names if f == "language" or f.endswith("_language")):
            frame = inputs.strings(name).select(pl.col(column).alias("code")).with_row_index("row", offset=1)
            for row, code in frame.filter(pl.col("code").is_not_null() & (pl.col("code") != "")
                                          & ~pl.col("code").is_in(list(_codes()))).iter_rows():
                yield Finding(name, row, column, code,
                              f"{code!r} is no current ISO 639-1 language code (pycountry's languages with an alpha_2)")
