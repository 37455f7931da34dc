"""Curation helpers: fill quote offsets from the article text, and re-stamp the descriptor.

Contributors never count characters: they type (or paste) a quote, leave char_start and
char_end empty, and run `qantar anchor`. Spaces in the quote may stand for the articles'
non-breaking spaces and straight quotes for typographic ones: the exact article text is
written back. Then `qantar stamp` records the new bytes and sha256 of every file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from qantar import _atomic
from qantar.errors import DataError

_SPACE = "[ \u00a0]+"
_QUOTES = {'"': '["“”]', "“": '["“”]', "”": '["“”]', "'": "['‘’]", "‘": "['‘’]", "’": "['‘’]"}


class AnchorError(ValueError):
    """A quote that cannot be placed in its article; the message names table, row and column."""


@dataclass(frozen=True)
class Change:
    table: str
    row: int
    column: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.table} row {self.row} {self.column}: {self.old!r} -> {self.new!r}"


def find_quote(text: str, quote: str, near: int | None = None) -> tuple[int, int, str]:
    """(start, end, exact text) of `quote` in `text`, tolerant of NBSP and typographic quotes.

    With several occurrences, the one nearest `near` is taken; without `near` that is an error,
    since only the contributor knows which one is meant."""
    parts = [_SPACE if ch == " " else _QUOTES.get(ch, re.escape(ch)) for ch in quote]
    hits = list(re.finditer("".join(parts), text)) if quote else []
    if not hits:
        raise LookupError(f"not in the article: {quote[:60]!r}")
    if len(hits) > 1:
        if near is None:
            where = ", ".join(str(m.start()) for m in hits)
            raise LookupError(f"occurs {len(hits)} times (at {where}); set char_start to the one you mean")
        hits.sort(key=lambda m: abs(m.start() - near))
    m = hits[0]
    return m.start(), m.end(), m.group(0)


def _int(v: object) -> int | None:
    return int(v) if v not in (None, "") else None  # type: ignore[call-overload]


def anchor(root: str | Path, *, write: bool = True) -> list[Change]:
    """Fill or correct the offsets (and exact text) of every span the tables declare, at `root`.

    The spans are the descriptor's (``qantar:spans``): a new quoted table is anchored without a
    change here; a span declared within another (a figure's number within its quote) is placed
    inside it, so the enclosing spans go first. Returns the changes; with write=False nothing is
    written (a check). Raises AnchorError, before writing anything, when a text cannot be placed.
    """
    import polars as pl

    from qantar import _safe_files, csvfile, model

    root = Path(root)
    package = model.read(root)
    texts = _articles(root, package)
    changes: list[Change] = []
    updated: dict[str, pl.DataFrame] = {}
    errors: list[str] = []
    for table in package.tables.values():
        if not table.spans or table.path is None:
            continue
        data = _safe_files.read(root, table.path, limit=_safe_files.MAX_TABLE_BYTES, table=table.name)
        frame, fault = csvfile.cells(table, data)
        if fault is not None:
            errors.append(f"{table.name} row {fault.record} (line {fault.line}): malformed CSV: {fault.problem}")
            continue
        rows = frame.to_dicts()
        spans = sorted(table.spans, key=lambda s: s.within is not None)
        for i, row in enumerate(rows, 1):
            for span in spans:
                quote = row.get(span.text) or ""
                if not quote:
                    continue
                text = texts.get(row.get(span.source) or "")
                if text is None:
                    errors.append(f"{table.name} row {i} column {span.source}: unknown source {row.get(span.source)!r}")
                    continue
                a, b = _int(row.get(span.start)), _int(row.get(span.end))
                lo, hi = 0, len(text)
                if span.within is not None:  # it belongs inside its enclosing span
                    outer = table.span(span.within)
                    lo, hi = _int(row.get(outer.start)) or 0, _int(row.get(outer.end)) or len(text)
                if a is not None and b is not None and lo <= a and b <= hi and text[a:b] == quote:
                    continue
                try:
                    s, e, exact = find_quote(text[lo:hi], quote, None if a is None else a - lo)
                except LookupError as exc:
                    errors.append(f"{table.name} row {i} column {span.text}: {exc}")
                    continue
                for col, new in ((span.start, str(s + lo)), (span.end, str(e + lo)), (span.text, exact)):
                    if row.get(col) != new:
                        changes.append(Change(table.name, i, col, row.get(col) or "", new))
                        row[col] = new
                updated[table.name] = pl.DataFrame(rows, schema=frame.schema)
    if errors:
        raise AnchorError("cannot anchor (nothing was written):\n  " + "\n  ".join(errors) + "\nwhat to do: copy each "
                          "quote from its article exactly as it is written there (its spaces and quotation marks too), "
                          "or fix the row's source id; then run `qantar anchor` again")
    if write:
        for name, frame in updated.items():
            # the files are written as polars writes CSV: minimal quoting, "\n" line ends
            text = frame.write_csv(quote_style="necessary", line_terminator="\n", null_value="")
            _atomic.write_text(root / package.tables[name].path, text, newline="")  # type: ignore[operator]
    return changes


def _articles(root: Path, package) -> dict[str, str]:
    """source_id -> article text, for every sources row whose article can be read."""
    from qantar import _safe_files, csvfile

    table = package.tables["sources"]
    data = _safe_files.read(root, table.path, limit=_safe_files.MAX_TABLE_BYTES, table=table.name)
    frame, _ = csvfile.cells(table, data)
    out = {}
    for sid, path in frame.select("source_id", "path").iter_rows():
        try:
            out[sid] = _safe_files.read(root, path, limit=_safe_files.MAX_TEXT_BYTES).decode("utf-8")
        except (DataError, UnicodeDecodeError, TypeError):
            continue
    return out


def stamp(root: str | Path, *, write: bool = True) -> list[tuple[str, str, object, object]]:
    """Recompute ``bytes`` and ``hash`` (sha256) of every resource under ``root``.

    The descriptor is rewritten as it is formatted (indent 2, UTF-8 as is, final newline), so a
    stamp that changes nothing changes no byte. Only each resource's ``bytes`` and ``hash`` are
    touched: the article hashes recorded in the sources table are data, checked, never stamped.

    Returns the changes as ``(resource, property, old, new)``; writes the descriptor only when
    ``write`` is true and something changed. A resource whose file is missing is left as is.
    """
    from qantar import _safe_files, model

    root = Path(root)
    descriptor_path = root / model.DESCRIPTOR
    descriptor = _safe_files.read_json(root, model.DESCRIPTOR)
    changes: list[tuple[str, str, object, object]] = []
    for resource in descriptor.get("resources", []):
        path = resource.get("path")
        if model.path_problem(path) is not None:
            continue
        try:
            data = _safe_files.read(root, path, limit=_safe_files.MAX_TABLE_BYTES)
        except DataError:  # missing, or not a file of the package: left as is (validate says why)
            continue
        new = {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
        for key, value in new.items():
            if resource.get(key) != value:
                changes.append((resource.get("name", path), key, resource.get(key), value))
                resource[key] = value
    if write and changes:
        _atomic.write_text(descriptor_path, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return changes
