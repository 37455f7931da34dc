"""measure-fits-quote: a figure's quote says what its measure counts.

A measure is written in English ('deaths_security_forces'), its quote in Indonesian; each word of
the measure that ``validators/measure_keywords.toml`` knows has one of its Indonesian words in the
quote. When two figures or more share one passage, at least one of those words stands near the
figure's number (within ``NEAR`` words of it), so that a passage counting two things ('menyerang
500 warga sipil dan menjarah ratusan bisnis') does not lend one figure's words to the other. A
measure replaced by another ('deaths' by 'detained', a count of cities given a count of regions)
keeps every type, key and number valid; what betrays it is that the passage counts something else.
The unit is read the same way, without the nearness: 'tiga hari' counted in weeks, or troops in
cities, says a unit the passage does not. A measure none of whose words the list knows is reported,
not passed unread: renamed so, it would switch the check off.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from functools import cache

import polars as pl

from qantar.validate import catalogue
from qantar.validate.inputs import Inputs
from qantar.validate.rules import Finding

#: how many words on either side of the number count as near it
NEAR = 4
_WORD = re.compile(r"\w+")


@cache
def keywords() -> dict[str, tuple[str, ...]]:
    """English stem -> its Indonesian words, lower case (validators/measure_keywords.toml)."""
    raw = tomllib.loads((catalogue.home() / "measure_keywords.toml").read_text(encoding="utf-8"))
    return {k: tuple(w.lower() for w in words) for k, words in raw["words"].items()}


def known(measure: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The words of ``measure`` the list knows, each with the key it matched and its Indonesian words."""
    words = keywords()
    keys = longest_first()
    out = []
    for part in re.split(r"[^a-z]+", measure.lower()):
        key = next((k for k in keys if part.startswith(k)), None)
        if part and key is not None:
            out.append((key, words[key]))
    return tuple(out)


@cache
def unit_free() -> frozenset[str]:
    """The unit words that need no word in the quote ([units] free of validators/measure_keywords.toml)."""
    raw = tomllib.loads((catalogue.home() / "measure_keywords.toml").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in raw.get("units", {}).get("free", ()))


def unknown(unit: str, free: frozenset[str]) -> list[str]:
    """The words of ``unit`` that are neither a key of the list nor free."""
    keys = longest_first()
    return [part for part in re.split(r"[^a-z$]+", unit.lower())
            if part and part not in free and not any(part.startswith(k) for k in keys)]


@cache
def longest_first() -> tuple[str, ...]:
    """The measures' keywords, longest first (a word is read as the longest key it starts with)."""
    return tuple(sorted(keywords(), key=len, reverse=True))


def check(inputs: Inputs) -> Iterator[Finding]:
    if "figures" not in inputs.tables or not inputs.table("figures").has("figure_id", "measure", "quote"):
        return
    table = inputs.table("figures")
    at = ("number_char_start", "number_char_end", "char_start")
    columns = ["figure_id", "measure", "quote", *(at if table.has(*at) else ())]
    frame = inputs.typed("figures")
    # one passage: the same span of the same article (or, without offsets, the same words)
    # that also counts another number (copies of one figure lend each other nothing)
    passage = ["source_id", "char_start", "char_end"] if table.has("source_id", "char_start", "char_end") else ["quote"]
    number = pl.col("number_char_start") if table.has("number_char_start") else pl.lit(None)
    shared = frame.select(number.n_unique().over(passage) > 1).to_series().to_list()
    seen: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}  # each distinct measure or unit read once
    if table.has("unit"):
        free = unit_free()
        strange_of: dict[str, list[str]] = {}  # each distinct unit's unknown words read once (a unit is a code)
        flagged = _flagged(frame, "unit", lambda u: bool(unknown(u, free)))
        for row, fid, unit, quote in frame.select("figure_id", "unit", "quote").with_row_index("_row", offset=1) \
                .filter(flagged).iter_rows():
            if unit and quote:
                if unit not in seen:
                    seen[unit] = known(unit)
                    strange_of[unit] = unknown(unit, free)
                strange = strange_of[unit]
                if strange:
                    yield Finding("figures", row, "unit", unit,
                                  f"{fid}: the unit's {', '.join(repr(w) for w in strange)} is no unit word "
                                  "validators/measure_keywords.toml knows, so the quote cannot be read for it")
                    continue
                low = quote.lower()
                missing = [key for key, forms in seen[unit] if not any(f in low for f in forms)]
                if missing:
                    yield Finding("figures", row, "unit", unit,
                                  f"{fid}: the quote has no word for {', '.join(repr(k) for k in missing)} of the unit "
                                  f"(validators/measure_keywords.toml)")
    if table.has("unit", "source_id", "number_char_end"):
        yield from _word_after(inputs, frame)
    # the rows polars flags, and those whose passage counts another number (read for nearness)
    flagged = _flagged(frame, "measure", lambda m: not known(m)) | pl.Series(shared)
    for row, *values in frame.select(columns).with_row_index("_row", offset=1).filter(flagged).iter_rows():
        fid, measure, quote = values[:3]
        if not measure or not quote:
            continue
        if measure not in seen:
            seen[measure] = known(measure)
        wanted = seen[measure]
        if not wanted:
            # a measure renamed to words no list knows ('victims' for 'deaths') would switch the check off
            yield Finding("figures", row, "measure", measure,
                          f"{fid}: no word of the measure is one validators/measure_keywords.toml knows, so the quote "
                          "cannot be read for it (a new measure's words belong in that list)")
            continue
        low = quote.lower()
        missing = [key for key, forms in wanted if not any(f in low for f in forms)]
        if missing:
            yield Finding("figures", row, "measure", measure,
                          f"{fid}: the quote has no word for {', '.join(repr(k) for k in missing)} of the measure "
                          f"(validators/measure_keywords.toml)")
            continue
        near = _near(low, values[3:]) if len(values) > 3 and shared[row - 1] else None
        if near is not None and not any(f in near for _key, forms in wanted for f in forms):
            yield Finding("figures", row, "measure", measure,
                          f"{fid}: no word of the measure ({', '.join(k for k, _ in wanted)}) stands within {NEAR} "
                          "words of the number; the quote counts something else there")


def _flagged(frame: pl.DataFrame, column: str, strange: Callable[[str], bool]) -> pl.Series:
    """Per row of ``frame``: whether its ``column`` (a unit or a measure) may be reported: it is ``strange``, or
    some key of its words (``known``) has none of its Indonesian words in the quote, lower-cased as Python
    does. Polars reads each distinct value's rows at once (Aho-Corasick per key); a row with no value or no
    quote is never reported."""
    rows = frame.select(pl.col(column).alias("_value"), pl.col("quote").str.to_lowercase().alias("_low")) \
        .with_row_index("_row").filter((pl.col("_value").str.len_bytes() > 0) & (pl.col("_low").str.len_bytes() > 0))
    out = [rows.head(0).select("_row")]
    for (value,), part in rows.partition_by("_value", as_dict=True).items():
        if strange(value):
            out.append(part.select("_row"))
            continue
        lacking = [~pl.col("_low").str.contains_any(list(forms)) if forms else pl.lit(True) for _key, forms in known(value)]
        if lacking:
            out.append(part.filter(pl.any_horizontal(lacking)).select("_row"))
    chosen = pl.concat(out)["_row"]
    return pl.Series(range(frame.height), dtype=chosen.dtype).is_in(chosen.implode())


def _word_after(inputs: Inputs, frame: pl.DataFrame) -> Iterator[Finding]:
    """A number followed by a word the list knows ('30 tahun') counts what that word says: a unit whose
    every word is known ('presidents') has that word among its own, or the figure counts something else."""
    from qantar.validate.rules.exclusion_reasons import next_word

    texts = inputs.texts()
    free = unit_free()
    stems = tuple({w for words in keywords().values() for w in words if " " not in w})
    # each distinct unit read once: the first words of its own words, or None when some word of it is unknown
    units = frame["unit"].drop_nulls().unique().to_list()
    own = {u: tuple(w.split()[0] for _key, words in known(u) for w in words) if not unknown(u, free) else None for u in units}
    for row, (fid, unit, source, end) in enumerate(frame.select("figure_id", "unit", "source_id", "number_char_end").iter_rows(), 1):
        text = texts.get(source)
        if not unit or text is None or end is None or not own.get(unit):
            continue
        after = next_word(text, end)
        if after and after.startswith(stems) and not after.startswith(own[unit]):
            yield Finding("figures", row, "unit", unit,
                          f"{fid}: the number is followed by {after!r}, which counts something else than its unit "
                          f"{unit!r} (validators/measure_keywords.toml)")


def _near(low: str, offsets: tuple[object, ...]) -> str | None:
    """The words of ``low`` within NEAR words of the number, or None when its offsets do not place it."""
    start, end, quote_start = offsets
    if not all(isinstance(v, int) for v in offsets):
        return None
    a, b = start - quote_start, end - quote_start  # type: ignore[operator]
    if not 0 <= a < b <= len(low):
        return None
    before = [m.start() for m in _WORD.finditer(low, 0, a)]
    after = [m.end() for m in _WORD.finditer(low, b)]
    lo = before[-NEAR] if len(before) >= NEAR else 0
    hi = after[NEAR - 1] if len(after) >= NEAR else len(low)
    return low[lo:hi]
