"""What the text rules share: every text cell of every table, found from the model (every field of
type string or list, each list item on its own), and the cells the articles allow as they are.

A span's text that is, character for character, the article's text at its offsets is the
article's, not ours: it is left to quote-verbatim and exempt from hygiene (a quote keeps the
article's spaces, quotes and letters). A span's text that differs from its article is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qantar.validate.inputs import Inputs

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    table: str
    row: int
    column: str
    value: str


def verbatim(inputs: Inputs) -> set[tuple[str, int, str]]:
    """(table, row, column) of every span text that is its article's text at its offsets (cached)."""
    if "text.verbatim" not in inputs.memo:
        texts = inputs.texts()
        out = set()
        for span in inputs.model.spans():
            frame = inputs.strings(span.table)
            if not all(c in frame.columns for c in (span.source, span.start, span.end, span.text)):
                continue
            for i, (sid, a, b, text) in enumerate(frame.select(span.source, span.start, span.end, span.text).iter_rows(), 1):
                try:
                    a, b = int(a), int(b)
                except (TypeError, ValueError):
                    continue
                article = texts.get(sid)
                if article is not None and 0 <= a <= b and article[a:b] == text:
                    out.add((span.table, i, span.text))
        inputs.memo["text.verbatim"] = out
    return inputs.memo["text.verbatim"]


def cells(inputs: Inputs) -> Iterator[Cell]:
    """Every non-empty text cell (each list item apart) that the articles do not vouch for."""
    exempt = verbatim(inputs)
    for name, table in inputs.tables.items():
        frame = inputs.strings(name)
        for f in table.fields:
            if f.type not in ("string", "list", "any") or f.name not in frame.columns:
                continue
            for i, value in enumerate(frame[f.name].to_list(), 1):
                if not value or (name, i, f.name) in exempt:
                    continue
                if f.type == "list":
                    for item in value.split(f.delimiter):
                        yield Cell(name, i, f.name, item)
                else:
                    yield Cell(name, i, f.name, value)


def fold(value: str) -> str:
    """A value as compared for duplicates: case and runs of white space ignored."""
    return _SPACES.sub(" ", value).strip().casefold()
