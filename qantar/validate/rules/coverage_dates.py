"""coverage-dates: every relative date word inside a curated quote is resolved in the reasoning of
an event that quotes it, or in its source's published_date_reasoning."""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules._coverage import source_rows, unaccounted


def check(inputs: Inputs) -> Iterator[Finding]:
    rows = source_rows(inputs)
    for r in unaccounted(inputs):
        if r.status == "unresolved":
            t = r.token
            yield Finding("sources", rows.get(r.source_id), "path", t.text,
                          f"relative date at {r.source_id}[{t.start}:{t.end}] is quoted but no event's date_reasoning resolves it")
