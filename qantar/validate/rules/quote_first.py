"""quote-first-occurrence: a quote that occurs more than once in its article is quoted at its first
occurrence, or its row has a note that names the occurrence it means (its offset, or the word
'occurrence'). Offsets are what tie a claim to its place in the text; a later copy of the same
words is another place."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding


def check(inputs: Inputs) -> Iterator[Finding]:
    texts = inputs.texts()
    articles = pl.DataFrame({"\0sid": list(texts), "\0article": list(texts.values())},
                            schema={"\0sid": pl.String, "\0article": pl.String})
    for span in inputs.model.spans("claim"):
        table = inputs.table(span.table)
        notes = [f.name for f in table.fields if f.name == "note" or f.name.endswith("_note")]
        frame = inputs.strings(span.table)
        if not all(c in frame.columns for c in (span.source, span.start, span.text, *notes)):
            continue  # a column the descriptor declares is missing: the schema layers say which
        for i, rec in _earlier(frame.select(span.source, span.start, span.text, *notes), articles):
            sid, start, quote, *note = rec
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
            said = " ".join(n for n in note if n)
            if str(start) in said or "occurrence" in said.lower():
                continue
            nth = article.count(quote, 0, start) + 1
            yield Finding(span.table, i, span.start, str(start),
                          f"the quote {quote[:50]!r} is at its occurrence number {nth} in {sid} (the first is at "
                          f"{first}), and no note says why")


def _earlier(frame: pl.DataFrame, articles: pl.DataFrame) -> Iterator[tuple[int, tuple]]:
    """(1-based row, the row's cells) of the rows whose quote is at its offset and also starts earlier in its
    article, chosen by polars (most rows are at their first occurrence), and of the rows whose offset polars
    does not read as an integer (Python's ``int`` may: ' 12'), in the order of the rows; ``check`` reads
    them as before."""
    sid, start, quote = frame.columns[:3]
    rows = frame.with_row_index("\0row", offset=1).with_columns(pl.col(start).cast(pl.Int64, strict=False).alias("\0at"))
    odd = rows.filter(pl.col("\0at").is_null() & pl.col(start).is_not_null())
    q, at, article = pl.col(quote), pl.col("\0at"), pl.col("\0article")
    # the article joined by view (no copy of its text); the quote at its offset, ``\0byte`` the byte that
    # offset starts at
    placed = (rows.filter((q.str.len_bytes() > 0) & (at >= 0))
              .join(articles, left_on=sid, right_on="\0sid", how="inner")
              .filter(article.str.slice(at, q.str.len_chars()) == q)
              .with_columns(article.str.slice(0, at).str.len_bytes().alias("\0byte")))
    # the byte of each distinct quote's first occurrence in its article (found once however many rows
    # quote it): an earlier one is what ``article.find(quote, 0, start + len(quote) - 1)`` finds
    first = placed.select(sid, quote, "\0article").unique([sid, quote]).select(
        sid, quote, article.str.find(q, literal=True).alias("\0first"))
    hits = placed.join(first, on=[sid, quote], how="inner").filter(pl.col("\0first") < pl.col("\0byte"))
    chosen = pl.concat([hits.select("\0row"), odd.select("\0row")]).sort("\0row")["\0row"].to_list()
    if not chosen:
        return
    picked = frame.with_row_index("\0row", offset=1).filter(pl.col("\0row").is_in(chosen))
    for row, *cells in picked.iter_rows():
        yield row, tuple(cells)
