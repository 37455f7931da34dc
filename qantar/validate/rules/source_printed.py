"""source-printed: what a source row says is printed is printed in its article.

``title`` is the title as published, verbatim; ``byline_as_printed`` the byline exactly as printed.
Both are words of the article file, so each, when given, occurs in it: a title retyped, translated
or changed to another country's name ('... di Kirgistan') keeps every type and key valid, and only
the article can say it is not the one printed. (``published_as_printed`` has offsets and is a span:
quote-verbatim reads it.) An outlet whose ``outlet_basis`` is 'stated' is stated by the copy: the
article names it, by the outlet as written or a name form of its outlet actor, any case (an outlet
'inferred' from page furniture need not be).
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: the columns of sources that copy the article's words without offsets
PRINTED = ("title", "byline_as_printed")


def check(inputs: Inputs) -> Iterator[Finding]:
    if "sources" not in inputs.tables or not inputs.table("sources").has("source_id"):
        return
    columns = [c for c in PRINTED if inputs.table("sources").has(c)]
    if not columns:
        return
    texts = inputs.texts()
    frame = inputs.strings("sources").select("source_id", *columns)
    for row, (source, *values) in enumerate(frame.iter_rows(), 1):
        text = texts.get(source)
        if text is None:
            continue  # an article that cannot be read: article-hash and the file checks say so
        for column, value in zip(columns, values, strict=True):
            if value and value not in text:
                yield Finding("sources", row, column, value, f"{source}: the article does not print this {column} verbatim")
    yield from _stated_outlets(inputs, texts)


def _stated_outlets(inputs: Inputs, texts: dict[str, str]) -> Iterator[Finding]:
    if not inputs.table("sources").has("source_id", "outlet_basis", "outlet"):
        return
    has_actor = inputs.table("sources").has("outlet_actor_id") and "actors" in inputs.tables \
        and inputs.table("actors").has("actor_id", "name_forms")
    frame = inputs.strings("sources").select("source_id", "outlet_basis", "outlet",
                                             "outlet_actor_id" if has_actor else pl.lit(None).alias("outlet_actor_id"))
    # only the outlet actors of stated outlets are read into Python (not every actor's name forms)
    stated = frame.filter(pl.col("outlet_basis") == "stated")["outlet_actor_id"].drop_nulls().unique()
    forms = dict(inputs.typed("actors").select("actor_id", "name_forms")
                 .filter(pl.col("actor_id").is_in(stated.implode())).iter_rows()) if has_actor else {}
    for row, (source, basis, outlet, actor) in enumerate(frame.iter_rows(), 1):
        text = texts.get(source)
        if basis != "stated" or not outlet or text is None:
            continue
        low = text.lower()
        names = [outlet, *(forms.get(actor) or ())]
        if not any(n and n.lower() in low for n in names):
            yield Finding("sources", row, "outlet_basis", basis,
                          f"{source}: the outlet {outlet!r} is 'stated', but the article names it nowhere "
                          f"({', '.join(repr(n) for n in names if n)}): inferred or unknown?")
