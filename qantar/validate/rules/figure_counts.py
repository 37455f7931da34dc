"""counts-said-fit: what the package's prose says a figure counts is what the figure counts.

A discrepancy's description and resolution and a coding decision's reason speak of figures by id:
'Both figures are kept (F018 counts regions, F019 cities)', 'F020 counts the days within which the
withdrawal will end'. Where they say what a figure counts ('FNNN counts ...', and after it, in the same
list, ', FMMM ...'), the first word they give (after an article: 'the days'; none when it is a pronoun: 'them') is a word of
the figure's ``counted_en``, of its measure code or of its measure's label, singular or plural. The two
figures of one resolution swapped ('F018 counts cities, F019 regions') keep every key and number valid;
the register then describes each figure by the other's count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import polars as pl

from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding
from qantar.validate.rules.reasoning_sources import PROSE

_COUNTS = re.compile(r"(?<![\w-])([A-Za-z]+\d+) counts? ([^,;:.()]+)")
_NEXT = re.compile(r"\s*,\s*([A-Za-z]+\d+) ([^,;:.()]+)")
_WORD = re.compile(r"[a-z]+")
#: words before the counted thing ('F020 counts the days'), and words that stand for it ('F021 counts them'),
#: after which the prose says nothing of what is counted
_BEFORE = frozenset("a an the its their only also all each every".split())
_STANDS_FOR = frozenset("them it these those this that both".split())


def _singular(word: str) -> str:
    # English plurals only as far as counted things need them: 'cities', 'regions', 'boxes', 'days'
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str | None) -> set[str]:
    return {_singular(w) for w in _WORD.findall((text or "").lower().replace("_", " "))}


def check(inputs: Inputs) -> Iterator[Finding]:
    if "figures" not in inputs.tables or not inputs.table("figures").has("figure_id"):
        return
    figures = inputs.table("figures")
    wanted = [c for c in ("counted_en", "measure") if figures.has(c)]
    if not wanted:
        return
    labels: dict[str, str] = {}
    if "measures" in inputs.tables and inputs.table("measures").has("measure", "label"):
        labels = {m: label for m, label in inputs.strings("measures").select("measure", "label").iter_rows() if m}
    prose = [(name, c) for name, table in inputs.tables.items() if name != "figures"
             for c in table.field_names if c in PROSE]
    said: list[tuple[str, int, str, str]] = []
    for name, column in prose:
        frame = (inputs.strings(name).select(column).with_row_index("_row", offset=1)
                 .filter(pl.col(column).str.contains(r"[A-Za-z]\d+ counts? ").fill_null(False)))
        said.extend((name, row, column, text) for row, text in frame.iter_rows())
    if not said:
        return
    ids = {m.group(1) for _, _, _, text in said for m in _COUNTS.finditer(text)}
    ids |= {m.group(1) for _, _, _, text in said for m in _NEXT.finditer(text)}
    known: dict[str, tuple[set[str], str]] = {}
    for row in (inputs.strings("figures").select("figure_id", *wanted)
                .filter(pl.col("figure_id").is_in(sorted(ids))).iter_rows(named=True)):
        words = set().union(*(_words(row[c]) for c in wanted)) | _words(labels.get(row.get("measure") or ""))
        known[row["figure_id"]] = words, " / ".join(row[c] for c in wanted if row[c])
    for name, row, column, text in said:
        for figure, what in _listed(text):
            if figure not in known:
                continue  # not a figure id, or one the foreign keys report
            first = next((w for w in _WORD.findall(what.lower()) if w not in _BEFORE), None)
            words, counted = known[figure]
            if first is not None and first not in _STANDS_FOR and _singular(first) not in words:
                yield Finding(name, row, column, text,
                              f"says {figure} counts {what.strip()!r}, but {figure} counts {counted!r} "
                              "(its counted_en and measure; its measure's label is read too)")


def _listed(text: str) -> Iterator[tuple[str, str]]:
    """(figure id, what it is said to count) for each 'FNNN counts ...' and the ', FMMM ...' after it."""
    for m in _COUNTS.finditer(text):
        yield m.group(1), m.group(2)
        at = m.end()
        while (n := _NEXT.match(text, at)) is not None:
            yield n.group(1), n.group(2)
            at = n.end()
