"""figure-attribution-fits: a figure is asserted by whom its article gives it to, and by no one else.

``asserted_by_id`` says whose claim a number is; empty, the article states it in its own voice. Both
ways round a changed value keeps every key and type valid: the police chief's '500 warga sipil'
emptied reads as the reporter's count, and a count the article gives in its own voice ('ada 20rb
orang tidak dikenal') given to Tokayev becomes his claim.

So a figure whose number lies in the words a statement of its source reports is asserted by someone
(figure-asserter-fits-statement then says who: the speaker or the intermediary). The reported words
are those between the statement's quotation marks, and those after its first word of saying
(validators/speech_words.toml: 'mengatakan', 'mengumumkan', 'menekankan'), but for the reporter's own
asides: a gloss set off by a dash or parentheses ('dari CSTO – aliansi militer yang terdiri dari Rusia
dan lima negara bekas Soviet' describes the CSTO) and a count of where the words were said ('di
berbagai jejaring sosial'; validators/channel_words.toml). Words before the first word of saying
frame the statement ('dengan terciptanya ketenangan di berbagai kota') and are the reporter's too.

And a figure asserted by someone is given to that actor in its article: its number lies inside a
statement whose speaker or intermediary the actor is, or its quote reports words (a quotation mark
or a word of saying) and names the actor by a name form (whole words, any case; names of three
letters or fewer as written). A quote that names the actor only as whom it speaks of ('Presiden
Tokayev yang saat ini memimpin Kazakhstan adalah presiden kedua') gives the count to no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.channel_words import channels
from qantar.validate.rules.speaker_quote import _QUOTED, _UNCLOSED
from qantar.validate.rules.speech_mode import MARKS
from qantar.validate.rules.speech_words import words
from qantar.validate.rules.translation_names import Index, _add, _named

_QUOTES = re.compile(f"(?s){_QUOTED}|{_UNCLOSED.removeprefix('(?s)')}")
#: a gloss of the reporter's: from a dash to the next (or the end), or between parentheses
_ASIDE = re.compile(r"[–—]|\s-\s")
_BRACKETS = re.compile(r"\([^)]*\)?")
_FIGURE = ("figure_id", "source_id", "number_char_start", "number_char_end", "asserted_by_id", "quote")
_STATEMENT = ("statement_id", "source_id", "speaker_id", "char_start", "char_end")


def check(inputs: Inputs) -> Iterator[Finding]:
    if "figures" not in inputs.tables or not inputs.table("figures").has(*_FIGURE):
        return  # the schema layers report missing tables and columns
    figures = inputs.typed("figures").with_row_index("_row", offset=1) \
        .select("_row", *_FIGURE).filter(pl.col("source_id").is_not_null())
    if figures.is_empty():
        return
    around = _around(inputs, figures)
    found: dict[int, Finding] = {}
    texts = inputs.texts() if around.height else {}
    # a figure asserted by no one whose number lies in the words a statement around it reports
    for row, ident, source, start, end, statement, speaker, s_start, s_end in around.filter(
            pl.col("asserted_by_id").is_null()).select(
            "_row", "figure_id", "source_id", "number_char_start", "number_char_end",
            "statement_id", "speaker_id", "char_start", "char_end").iter_rows():
        text = texts.get(source)
        if row not in found and text is not None and _reported(text[s_start:s_end], start - s_start, end - s_start):
            found[row] = Finding("figures", row, "asserted_by_id", None,
                                 f"{ident}: its number lies in the words statement {statement} reports of {speaker}, "
                                 "but the figure is asserted by no one, as if the article stated it in its own voice")
    # a figure asserted by someone that no statement around it gives to that actor: its quote must
    # report the actor's words by name (only these rows and their asserters are read in Python)
    given = around.filter((pl.col("asserted_by_id") == pl.col("speaker_id"))
                          | (pl.col("asserted_by_id") == pl.col("intermediary_id"))).select("_row")
    lowered = pl.col("quote").str.to_lowercase()
    speaks = pl.any_horizontal([pl.col("quote").str.contains(m, literal=True) for m in MARKS]) \
        | lowered.str.contains_any(list(words()))
    rest = figures.filter(pl.col("asserted_by_id").is_not_null()).join(given, on="_row", how="anti") \
        .with_columns(speaks.fill_null(False).alias("_speaks")).sort("_row")
    names = _names(inputs, rest["asserted_by_id"].unique().to_list()) if rest.height else {}
    read: dict[tuple[str, str], bool] = {}  # (asserter, quote) -> named: each read once
    for row, ident, asserter, quote, spoken in rest.select("_row", "figure_id", "asserted_by_id", "quote", "_speaks").iter_rows():
        if asserter in names and quote and spoken:
            if (asserter, quote) not in read:
                read[(asserter, quote)] = bool(_named(names[asserter], quote))
            if read[(asserter, quote)]:
                continue
        found[row] = Finding("figures", row, "asserted_by_id", asserter,
                             f"{ident}: asserted by {asserter}, but its quote does not report {asserter}'s words by name and no "
                             f"statement of {asserter} of its source holds its number: the article does not give it to "
                             f"{asserter}")
    for row in sorted(found):
        yield found[row]


def _around(inputs: Inputs, figures: pl.DataFrame) -> pl.DataFrame:
    """Each figure with each statement of its source whose span holds the figure's number, in the
    statements' order (one join in polars instead of a scan of the source's statements per figure)."""
    columns = {"statement_id": pl.String, "speaker_id": pl.String, "char_start": pl.Int64, "char_end": pl.Int64,
               "intermediary_id": pl.String, "_s": pl.UInt32}
    if "statements" not in inputs.tables or not inputs.table("statements").has(*_STATEMENT):
        return figures.clear().with_columns(pl.lit(None, t).alias(c) for c, t in columns.items())
    middle = "intermediary_id" if inputs.table("statements").has("intermediary_id") else None
    statements = inputs.typed("statements").select(
        *_STATEMENT, pl.col(middle) if middle else pl.lit(None, pl.String).alias("intermediary_id")).filter(
        pl.col("source_id").is_not_null() & pl.col("char_start").is_not_null() & pl.col("char_end").is_not_null()
    ).with_row_index("_s")
    return figures.join(statements, on="source_id").filter(
        (pl.col("char_start") <= pl.col("number_char_start")) & (pl.col("number_char_end") <= pl.col("char_end"))
    ).sort("_row", "_s")


def _reported(passage: str, start: int, end: int) -> bool:
    """Whether ``passage[start:end]`` (a number) lies in the words the passage reports of its speaker."""
    if not 0 <= start < end <= len(passage):
        return False
    quoted = [m.span() for m in _QUOTES.finditer(passage)]
    if any(a <= start and end <= b for a, b in quoted):
        return True
    outside = passage
    for a, b in quoted:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    lowered = outside.lower()
    first = min((i for w in words() if (i := lowered.find(w)) >= 0), default=-1)
    if first < 0 or start < first:
        return False  # no word of saying, or the reporter's frame before it
    dashes = [m.start() for m in _ASIDE.finditer(outside)]
    for k in range(0, len(dashes), 2):
        if dashes[k] < start and (k + 1 == len(dashes) or end <= dashes[k + 1]):
            return False
    if any(a < start and end <= b for a, b in (m.span() for m in _BRACKETS.finditer(outside))):
        return False
    rest = passage[end:].lstrip()
    return not any(p.match(rest) for p in channels().values())


def _speaks(quote: str) -> bool:
    """Whether ``quote`` reports words: a quotation mark or a word of saying."""
    lowered = quote.lower()
    return any(m in quote for m in MARKS) or any(w in lowered for w in words())


def _names(inputs: Inputs, wanted: list[str]) -> dict[str, Index]:
    """actor -> a lookup of its name forms, for the ``wanted`` actors only."""
    if "actors" not in inputs.tables or not inputs.table("actors").has("actor_id", "name_forms"):
        return {}
    out: dict[str, Index] = {}
    actors = inputs.typed("actors").select("actor_id", "name_forms").filter(pl.col("actor_id").is_in(wanted))
    for actor, forms in actors.iter_rows():
        for form in forms or ():
            if actor and form:
                _add(out.setdefault(actor, {}), form, [actor])
    return out
