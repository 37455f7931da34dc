"""counted-terms-quoted: what a figure says it counts is what its quote counts.

``counted_en`` describes in English what a figure's number counts ('Businesses looted by "extremists
and radicals"'). A deed or office written there ('burned' for 'looted', 'injured' for 'killed',
'President' for 'Prime Minister') changes what the number is a count of while the number, its quote and
its offsets all hold. So the first English word of a term of ``validators/translation_terms.toml`` that
``counted_en`` holds, the one that says what is counted, needs one of the term's Indonesian words in the
figure's quote, as a translation's words do (translation-keeps-terms). What follows it sets the scene
('People reported killed in the unrest': the unrest may be the article's word, not the quote's), and a
note in parentheses is the curator's. Only that way round: a description names what is counted, not
all that the quote says.
"""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.translation_terms import Term, sides

#: a curator's note ('(read as six in all, Russia included; see discrepancy D001)')
_NOTE = r"\([^)]*\)"


def check(inputs: Inputs) -> Iterator[Finding]:
    if "figures" not in inputs.tables or not inputs.table("figures").has("counted_en", "quote"):
        return
    _, backward = sides()
    rows = (inputs.typed("figures").with_row_index("row", offset=1)
            .select("row", pl.col("counted_en").cast(pl.String), pl.col("quote").cast(pl.String))
            .filter(pl.col("counted_en").is_not_null() & pl.col("quote").is_not_null())
            # polars finds each description's first word of a term and the quote's words that answer one;
            # Python reads which terms those words are, once per distinct word
            .with_columns(pl.col("counted_en").str.replace_all(_NOTE, " ").str.to_lowercase().str.extract(f"({backward.asked})")
                          .alias("ask"))
            .filter(pl.col("ask").is_not_null())
            .with_columns(pl.col("quote").str.to_lowercase().str.extract_all(backward.answered).list.unique().alias("answers")))
    asks: dict[str, tuple[Term, ...]] = {}
    answers: dict[str, frozenset[str]] = {}
    for row, counted, _quote, word, said in rows.iter_rows():
        if word not in asks:
            asks[word] = tuple(t for t in backward.terms if t.asks.fullmatch(word))
        for w in said:
            if w not in answers:
                answers[w] = frozenset(t.name for t in backward.terms if t.answers.fullmatch(w))
        have = frozenset().union(*(answers[w] for w in said))
        lost = next((t for t in asks[word] if t.name not in have), None)
        if lost is not None:
            yield Finding("figures", row, "counted_en", counted,
                          f"counted_en says {word!r} ({lost.name.replace('_', ' ')}), the figure's quote has none of "
                          f"{lost.shown} (validators/translation_terms.toml): the number would count something else")
