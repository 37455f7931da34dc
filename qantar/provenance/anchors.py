"""Where the quoted spans are, and that every name form is in an article."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Columns holding verbatim article text, by the prefix of their offset columns. The prefix
# convention (X_char_start / X_char_end) is the descriptor's; the text column name is the
# only thing that differs between tables.
_TEXT_COLUMN = {"": ("quote", "text"), "number_": ("number_as_written",), "published_": ("published_as_printed",)}


@dataclass(frozen=True)
class Finding:
    check: str
    table: str
    row: int | None  # 1-based data row (the CSV line is row + 1)
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.table + (f" row {self.row}" if self.row is not None else "") + (f" column {self.column}" if self.column else "")
        return f"[{self.check}] {where}: {self.message}" + (f" (value {self.value!r})" if self.value is not None else "")


def anchored_spans(names: list[str], table: str = "?") -> list[tuple[str, str, str, str]]:
    """(source column, text column, start column, end column) of every anchored span among `names`."""
    out = []
    for name in names:
        if not name.endswith("char_start"):
            continue
        prefix = name[: -len("char_start")]
        text = next((c for c in _TEXT_COLUMN.get(prefix, (f"{prefix}quote",)) if c in names), None)
        source = f"{prefix}source_id" if f"{prefix}source_id" in names else "source_id"
        if text is None or source not in names:
            raise ValueError(f"{table}: offsets {name} have no text or source column")
        out.append((source, text, name, f"{prefix}char_end"))
    return out


def texts(pkg) -> dict[str, str]:
    """source_id -> article text, for the articles that can be read."""
    return {a["source_id"]: a["text"] for a in pkg.articles() if a["text"] is not None}


def check_name_forms(pkg) -> list[Finding]:
    """Every name form of every actor and place occurs verbatim in at least one article."""
    rows = []
    for table in ("actors", "places"):
        if table not in pkg.tables:
            continue
        frame = pkg.raw(table)
        key = frame.columns[0]
        for i, (ident, forms) in enumerate(frame.select(key, "name_forms").iter_rows(), 1):
            rows.extend((table, i, ident, form) for form in (forms or "").split("|"))
    found = occurring({form for *_, form in rows if form}, texts(pkg).values())
    return [
        Finding("name-forms-occur", table, i, "name_forms", form, f"{ident}: this name form occurs in no article")
        for table, i, ident, form in rows
        if form not in found
    ]


def occurring(forms: set[str], corpus) -> set[str]:
    """The strings of ``forms`` that occur (as substrings) in some text of ``corpus``.

    One pass over each text, whatever the number of forms: at each position where some form
    starts, a trie-shaped pattern (one branch per first character, so the regex engine skips
    the other positions by a character set) captures the longest form starting there; the
    shorter forms starting there are its prefixes. Stops as soon as every form is found.
    """
    if not forms:
        return set()
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form[0], []).append(form[1:])
    pattern = re.compile("|".join(
        f"{re.escape(first)}(?=({'|'.join(re.escape(rest) for rest in rests)}))" for first, rests in by_first.items()
    ))
    longest: set[str] = set()
    found: set[str] = set()
    for text in corpus:
        for m in pattern.finditer(text):
            longest.add(m.group(0) + m.group(m.lastindex or 0))
        for form in longest:
            found.update(form[:n] for n in range(1, len(form) + 1) if form[:n] in forms)
        longest.clear()
        if len(found) == len(forms):
            break
    return found
