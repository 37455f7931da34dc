"""Curation helpers: fill quote offsets from the article text, and re-stamp the descriptor.

Contributors never count characters: they type (or paste) a quote, leave char_start and
char_end empty, and run `qantar anchor`. Spaces in the quote may stand for the articles'
non-breaking spaces and straight quotes for typographic ones: the exact article text is
written back. Then `qantar stamp` records the new bytes and sha256 of every file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from qantar import _atomic

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


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    _atomic.write_text(path, buf.getvalue(), newline="")


def _int(v: str) -> int | None:
    return int(v) if v not in (None, "") else None


def anchor(root: str | Path, *, write: bool = True) -> list[Change]:
    """Fill or correct the offsets (and exact text) of every anchored span in the package at `root`.

    Returns the changes; with write=False nothing is written (a check). Raises AnchorError, before
    writing anything, when a quote cannot be placed."""
    from qantar.provenance.anchors import anchored_spans, texts
    from qantar.validate._package import Package

    root = Path(root)
    pkg = Package(root)
    articles = texts(pkg)
    changes: list[Change] = []
    updated: dict[str, tuple[list[str], list[dict]]] = {}
    errors: list[str] = []
    for table in pkg.tables:
        resource = pkg.resources[table]
        fields, rows = _read(root / resource["path"])
        spans = anchored_spans(pkg.field_names(table), table)
        # the number of a figure is placed inside its quote, so quotes go first
        spans.sort(key=lambda s: s[1] == "number_as_written")
        for i, row in enumerate(rows, 1):
            for source_col, text_col, start_col, end_col in spans:
                quote = row.get(text_col) or ""
                if not quote:
                    continue
                text = articles.get(row.get(source_col) or "")
                if text is None:
                    errors.append(f"{table} row {i} column {source_col}: unknown source {row.get(source_col)!r}")
                    continue
                a, b = _int(row.get(start_col)), _int(row.get(end_col))
                lo, hi = 0, len(text)
                if text_col == "number_as_written":  # it belongs inside the figure's own quote
                    lo, hi = _int(row["char_start"]) or 0, _int(row["char_end"]) or len(text)
                if a is not None and b is not None and lo <= a and b <= hi and text[a:b] == quote:
                    continue
                try:
                    s, e, exact = find_quote(text[lo:hi], quote, None if a is None else a - lo)
                except LookupError as exc:
                    errors.append(f"{table} row {i} column {text_col}: {exc}")
                    continue
                for col, new in ((start_col, str(s + lo)), (end_col, str(e + lo)), (text_col, exact)):
                    if row.get(col) != new:
                        changes.append(Change(table, i, col, row.get(col) or "", new))
                        row[col] = new
                updated[table] = (fields, rows)
    if errors:
        raise AnchorError("cannot anchor:\n  " + "\n  ".join(errors))
    if write:
        for resource in pkg.descriptor["resources"]:
            if resource["name"] in updated:
                _write(root / resource["path"], *updated[resource["name"]])
    return changes


def stamp(root: str | Path, *, write: bool = True) -> list[tuple[str, str, object, object]]:
    """Recompute ``bytes`` and ``hash`` (sha256) of every resource under ``root``.

    The descriptor is rewritten as it is formatted (indent 2, UTF-8 as is, final newline), so a
    stamp that changes nothing changes no byte. Only each resource's ``bytes`` and ``hash`` are
    touched: the article hashes recorded in the sources table are data, checked, never stamped.

    Returns the changes as ``(resource, property, old, new)``; writes the descriptor only when
    ``write`` is true and something changed. A resource whose file is missing is left as is.
    """
    root = Path(root)
    descriptor_path = root / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    changes: list[tuple[str, str, object, object]] = []
    for resource in descriptor.get("resources", []):
        path = resource.get("path")
        if not isinstance(path, str) or ".." in Path(path).parts or path.startswith("/"):
            continue
        file = root / path
        if not file.is_file():
            continue
        data = file.read_bytes()
        new = {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
        for key, value in new.items():
            if resource.get(key) != value:
                changes.append((resource.get("name", path), key, resource.get(key), value))
                resource[key] = value
    if write and changes:
        _atomic.write_text(descriptor_path, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    return changes
