"""coverage-numbers: every number-like token of every article is a figure's number, part of a
printed publication date, a date inside a curated quote, or excluded with a reason."""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._coverage import finding, unaccounted


def check(inputs: Inputs) -> Iterator[Finding]:
    for r in unaccounted(inputs):
        if r.status == "uncovered":
            t = r.token
            yield finding(inputs, r.source_id, t.start, t.end,
                          f"number-like token at {r.source_id}[{t.start}:{t.end}] is neither a figure, a resolved date nor excluded")
