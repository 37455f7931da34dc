"""What the site is built from: one package folder, read once through the model.

``read(root)`` gives a :class:`Site`: the typed model of ``datapackage.json`` (``qantar.model``),
every table's cells exactly as written (``qantar.csvfile.cells``: the site shows values as the CSV
holds them) and the article texts, every file read through ``qantar._safe_files`` (inside the
package, regular, bounded). Reading is forgiving, like the validator's: a table that is missing or
malformed yields the rows it has and a line in ``Site.problems``, so that a damaged package still
gets a site whose validation page says what is wrong. Only a descriptor that cannot be read at all
raises (``qantar.DataError``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from qantar import _safe_files, csvfile, model
from qantar.errors import DataError


class Site:
    """The package at ``root`` as the page generators read it; ``env`` holds the build's settings
    (``QANTAR_VALIDATION_REPORT``, ``QANTAR_EXPORTS_DIR``); ``damage``, the kinds of damage the
    mutation tests apply (dicts: kind, description, layer, rules), when the build found them."""

    def __init__(self, root: Path, package: model.Package, env: Mapping[str, str] | None = None,
                 damage: Sequence[Mapping[str, Any]] = ()) -> None:
        self.root = Path(root)
        self.package = package
        self.env = dict(env or {})
        self.damage = list(damage)
        #: what could not be read, one sentence each (shown on the pages, logged by the build)
        self.problems: list[str] = []
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._typed: dict[str, list[dict[str, Any]]] = {}
        self._files: dict[str, bytes | None] = {}
        self._memo: dict[str, Any] = {}
        self.frames: dict[str, pl.DataFrame] = {name: self._cells(t) for name, t in package.tables.items()}
        #: source_id -> article text, decoded as the offsets count (UTF-8, line breaks as they are)
        self.texts: dict[str, str] = self._texts()

    # --- the descriptor ---------------------------------------------------------------------

    @property
    def version(self) -> str:
        return self.package.version or "unversioned"

    @property
    def title(self) -> str:
        return self.package.title or self.package.name or "Qantar"

    @property
    def tables(self) -> Mapping[str, model.Table]:
        return self.package.tables

    def table(self, name: str) -> model.Table | None:
        return self.package.tables.get(name)

    # --- rows -------------------------------------------------------------------------------

    def frame(self, name: str) -> pl.DataFrame:
        """Table ``name``'s cells as written (missing values null); empty for an unknown table."""
        return self.frames.get(name, pl.DataFrame())

    def rows(self, name: str) -> list[dict[str, Any]]:
        """Table ``name``'s rows as dicts of the cells as written."""
        if name not in self._rows:
            self._rows[name] = self.frame(name).to_dicts()
        return self._rows[name]

    def typed_rows(self, name: str) -> list[dict[str, Any]]:
        """Table ``name``'s rows typed by the one type map (``qantar.types``); a bad cell is ``None``."""
        if name not in self._typed:
            t = self.table(name)
            self._typed[name] = [] if t is None else csvfile.typed(t, self.frame(name))[0].to_dicts()
        return self._typed[name]

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once per site (what several pages share, e.g. the passages)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    # --- files ------------------------------------------------------------------------------

    def read_bytes(self, relative: str, *, limit: int = _safe_files.MAX_TABLE_BYTES, optional: bool = False) -> bytes | None:
        """A file of the package, read once; ``None`` when it is missing or refused, with the reason
        in ``problems`` (an ``optional`` file may be missing)."""
        if relative not in self._files:
            try:
                self._files[relative] = _safe_files.read(self.root, relative, limit=limit)
            except DataError as exc:
                self._files[relative] = None
                if not optional or exc.problem != "file is missing":
                    self.problems.append(str(exc))
        return self._files[relative]

    def read_text(self, relative: str) -> str | None:
        """An optional text file of the package folder (CHANGELOG.md, CITATION.cff), or ``None``."""
        data = self.read_bytes(relative, limit=_safe_files.MAX_TEXT_BYTES, optional=True)
        return None if data is None else data.decode("utf-8", errors="replace")

    def _cells(self, table: model.Table) -> pl.DataFrame:
        empty = pl.DataFrame(schema={n: pl.String for n in table.field_names})
        if table.path is None:
            self.problems.append(f"table {table.name!r}: {table.problems[0][1] if table.problems else 'no path'}")
            return empty
        data = self.read_bytes(table.path)
        if data is None:
            return empty
        frame, fault = csvfile.cells(table, data)
        if fault is not None:
            self.problems.append(
                f"table {table.name!r}: malformed CSV (line {fault.line}): {fault.problem}; "
                f"the site shows the {frame.height} rows before it"
            )
        return frame

    def _texts(self) -> dict[str, str]:
        out = {}
        for row in self.rows("sources"):
            sid, path = row.get("source_id"), row.get("path")
            if not sid or not path:
                continue
            data = self.read_bytes(path, limit=_safe_files.MAX_TEXT_BYTES)
            if data is None:
                continue
            try:
                out[sid] = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.problems.append(f"article of {sid}: {path} is not UTF-8 (byte {exc.start})")
        return out


def read(root: str | Path, env: Mapping[str, str] | None = None, damage: Sequence[Mapping[str, Any]] = ()) -> Site:
    """The package whose ``datapackage.json`` is in ``root``; ``DataError`` if it cannot be read."""
    return Site(Path(root), model.read(root), env, damage)
