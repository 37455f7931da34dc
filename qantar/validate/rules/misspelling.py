"""misspelling-quoted: a misspelling discrepancy's first claim holds the misspelt words.

A discrepancy of kind 'misspelling' describes a spelling an article uses ('Source 002 misspells Tokayev
as 'Yokayev' once') and points claim_a at the passage that has it. The words its description quotes
between single quotation marks name the spellings; claim_a holds one of them (as a whole word, case
kept). A claim moved to another passage of the same article keeps every offset valid; the misspelt word
is no longer in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

KIND = "misspelling"
_QUOTED = re.compile(r"(?<!\w)'([^'\s][^']*?)'(?!\w)")


def check(inputs: Inputs) -> Iterator[Finding]:
    needed = ("discrepancy_id", "kind", "description_en", "claim_a_quote")
    if "discrepancies" not in inputs.tables or not inputs.table("discrepancies").has(*needed):
        return
    frame = inputs.strings("discrepancies").select(*needed)
    for row, (did, kind, description, claim) in enumerate(frame.iter_rows(), 1):
        if kind != KIND or not description or not claim:
            continue
        words = [w for w in _QUOTED.findall(description) if len(w) > 2]
        if words and not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", claim) for w in words):
            yield Finding("discrepancies", row, "claim_a_quote", claim,
                          f"{did}: a misspelling of {', '.join(repr(w) for w in words)}, but claim_a holds none of them")
