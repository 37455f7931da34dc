"""quote-first-occurrence: a quote that occurs more than once in its article is quoted at its first
occurrence, or its row has a note that names the occurrence it means (its offset, or the word
'occurrence'). Offsets are what tie a claim to its place in the text; a later copy of the same
words is another place."""

from __future__ import annotations

from collections.abc import Iterator

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def check(inputs: Inputs) -> Iterator[Finding]:
    texts = inputs.texts()
    for span in inputs.model.spans("claim"):
        table = inputs.table(span.table)
        notes = [f.name for f in table.fields if f.name == "note" or f.name.endswith("_note")]
        frame = inputs.strings(span.table)
        if not all(c in frame.columns for c in (span.source, span.start, span.text, *notes)):
            continue  # a column the descriptor declares is missing: the schema layers say which
        # three columns as lists, not rows as tuples (a row's tuple costs more than its checks); the notes
        # are read only for the rows that need them
        columns = (frame[c].to_list() for c in (span.source, span.start, span.text))
        for i, (sid, start, quote) in enumerate(zip(*columns, strict=True), 1):
            article = texts.get(sid)
            if not quote or article is None:
                continue
            try:
                start = int(start)
            except (TypeError, ValueError):
                continue
            if start < 0 or article[start:start + len(quote)] != quote:
                continue  # not at its offsets: quote-verbatim says so
            first = article.find(quote, 0, start + len(quote) - 1)  # an occurrence that starts earlier
            if first < 0 or first == start:
                continue
            said = " ".join(n for n in (frame[c][i - 1] for c in notes) if n)
            if str(start) in said or "occurrence" in said.lower():
                continue
            nth = article.count(quote, 0, start) + 1
            yield Finding(span.table, i, span.start, str(start),
                          f"the quote {quote[:50]!r} is at its occurrence number {nth} in {sid} (the first is at "
                          f"{first}), and no note says why")
