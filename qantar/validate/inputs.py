"""The package under validation, as every layer reads it: the model, the tables, the article texts.

Reading here is deliberately forgiving, unlike ``qantar.load``: a damaged package must still be
read as far as possible so that every layer can report everything it finds (``qantar.csvfile``'s
``cells``: bytes that are not UTF-8 replaced, a byte order mark dropped, short rows padded). A cell
that does not parse as its field's type becomes null and is listed in ``cast_failures`` (the
pandera layer reports them).

Two things are never forgiven, because a guess there could hide or invent data. Every file is read
through ``qantar._safe_files`` (inside the package, regular, bounded; ``problem`` says why one was
not read). And a table is read as RFC 4180 defines CSV (the loader's definition): a table that
breaks it yields its rows up to the fault, and every layer that reads tables reports the fault
(``report_malformed``), so no layer passes a table that the loader refuses.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import polars as pl

from qantar import _rfc4180, _safe_files, csvfile, model
from qantar.errors import DataError
from qantar.validate.where import UsageError, find_root  # noqa: F401 (re-exported: where they were)

DESCRIPTOR = model.DESCRIPTOR


@dataclass(frozen=True)
class CastFailure:
    table: str
    row: int
    column: str
    value: str
    type: str


@dataclass(frozen=True)
class Article:
    """A ``sources`` row's article file, as it is on disk."""

    source_id: str
    path: str | None
    exists: bool
    bytes: int | None
    sha256: str | None
    text: str | None  # None when missing, refused or not UTF-8
    decode_error: str | None
    read_error: str | None  # why a file that is there was not read (outside the package, not regular, too big)


@dataclass
class Inputs:
    """A data package directory, read lazily and cached, for the validator's layers."""

    root: Path
    _strings: dict[str, pl.DataFrame] = field(default_factory=dict, repr=False)
    _typed: dict[str, pl.DataFrame] = field(default_factory=dict, repr=False)
    _refused: dict[str, DataError] = field(default_factory=dict, repr=False)
    _malformed: dict[str, _rfc4180.Malformed | None] = field(default_factory=dict, repr=False)
    cast_failures: list[CastFailure] = field(default_factory=list, repr=False)
    #: what one rule computed and another reuses (e.g. the covered spans of every article)
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root)

    @cached_property
    def _folder(self) -> _safe_files.Folder:
        return _safe_files.Folder(self.root)

    # --- the descriptor -------------------------------------------------------------------

    @cached_property
    def _model(self) -> model.Package | DataError:
        try:
            raw = _safe_files.read_json(self.root, DESCRIPTOR)
            return model.from_descriptor(raw, self.root)
        except DataError as exc:
            return exc

    @property
    def descriptor_error(self) -> str | None:
        """Why the descriptor cannot be read as a package of tables (no layer can run then)."""
        got = self._model
        if isinstance(got, model.Package) and got.broken is not None:
            got = got.broken
        if not isinstance(got, DataError):
            return None
        where = ", ".join(p for p in (f"table {got.table!r}" if got.table else "", f"column {got.column!r}" if got.column else "") if p)
        return f"{DESCRIPTOR}: {where + ': ' if where else ''}{got.problem}"

    @property
    def model(self) -> model.Package:
        got = self._model
        if isinstance(got, DataError):
            raise got
        return got

    @property
    def raw(self) -> dict[str, Any]:
        """The descriptor as parsed JSON."""
        return dict(self.model.raw)

    @property
    def version(self) -> str | None:
        return self.model.version

    @property
    def tables(self) -> dict[str, model.Table]:
        return dict(self.model.tables)

    def table(self, name: str) -> model.Table:
        return self.model.tables[name]

    # --- files ------------------------------------------------------------------------------

    def read(self, relative: object, *, limit: int = _safe_files.MAX_TABLE_BYTES) -> bytes | None:
        """The file ``relative`` as read by ``qantar._safe_files``, or ``None`` if it was refused.

        Refusals are kept; bytes are not (a million-row package holds hundreds of MB of tables,
        and each layer keeps the frames it needs), so a second call reads the file again.
        """
        got = self._read(relative, limit)
        return None if isinstance(got, DataError) else got

    def problem(self, relative: object, *, limit: int = _safe_files.MAX_TABLE_BYTES) -> str | None:
        """Why ``relative`` is not read (missing, outside the package, not a regular file, too big), or ``None``."""
        got = self._read(relative, limit)
        return got.problem if isinstance(got, DataError) else None

    def _read(self, relative: object, limit: int) -> bytes | DataError:
        key = f"{limit}:{relative}"
        if key not in self._refused:
            try:
                return self._folder.read(relative, limit=limit)  # type: ignore[arg-type]
            except DataError as exc:
                self._refused[key] = exc
        return self._refused[key]

    def limit(self, name: str) -> int:
        """The size limit of resource ``name``'s file: a table's, or a text file's (an article copy)."""
        return _safe_files.MAX_TABLE_BYTES if name in self.model.tables else _safe_files.MAX_TEXT_BYTES

    def _path(self, name: str) -> object:
        return self.model.resource(name).raw.get("path")

    def resource_bytes(self, name: str) -> bytes | None:
        """Resource ``name``'s file (see ``read``)."""
        return self.read(self._path(name), limit=self.limit(name))

    def resource_problem(self, name: str) -> str | None:
        """Why resource ``name``'s file is not read (see ``problem``)."""
        return self.problem(self._path(name), limit=self.limit(name))

    def read_text(self, relative: str) -> str | None:
        """A text file of the package (CHANGELOG.md, CITATION.cff), or ``None`` if it is not read."""
        data = self.read(relative, limit=_safe_files.MAX_TEXT_BYTES)
        return None if data is None else data.decode("utf-8", errors="replace")

    # --- tables -----------------------------------------------------------------------------

    def _cells(self, table: str) -> None:
        data = self.resource_bytes(table)
        t = self.table(table)
        if data is None:
            self._strings[table] = pl.DataFrame(schema={n: pl.String for n in t.field_names})
            self._malformed[table] = None
            return
        self._strings[table], self._malformed[table] = csvfile.cells(t, data)

    def strings(self, table: str) -> pl.DataFrame:
        """Every cell as written, missing values null (rows up to a malformed record)."""
        if table not in self._strings:
            self._cells(table)
        return self._strings[table]

    def malformed(self, table: str) -> _rfc4180.Malformed | None:
        """Where ``table``'s file stops being RFC 4180 CSV, or ``None`` (also for a file not read)."""
        if table not in self._malformed:
            self._cells(table)
        return self._malformed[table]

    def typed(self, table: str) -> pl.DataFrame:
        """The table typed by the one type map (``qantar.types``); unparseable cells null."""
        if table not in self._typed:
            t = self.table(table)
            frame, failures = csvfile.typed(t, self.strings(table))
            self.cast_failures.extend(CastFailure(table, r, c, v, t.field(c).type) for r, c, v in failures)
            self._typed[table] = frame
        return self._typed[table]

    # --- articles ---------------------------------------------------------------------------

    @cached_property
    def articles(self) -> list[Article]:
        """One per ``sources`` row: its article file as it is (each read and hashed once)."""
        if "sources" not in self.model.tables:
            return []
        out = []
        raw = self.strings("sources")
        limit = _safe_files.MAX_TEXT_BYTES
        # Each file is read, decoded and hashed once, however many rows name it and however they
        # spell it ("a.txt", "./a.txt", ".//a.txt" are one file): a package whose sources all point
        # at one large file must not cost rows x file size (nor hold a copy per row).
        seen: dict[str, Article] = {}
        for source_id, path in zip(raw["source_id"].to_list(), raw["path"].to_list(), strict=True):
            where = self._where(path)
            if where is not None and where in seen:
                out.append(dataclasses.replace(seen[where], source_id=source_id, path=path))
                continue
            data = self.read(path, limit=limit) if path else None
            problem = self.problem(path, limit=limit) if path and data is None else None
            text = decode_error = None
            if data is not None:
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    decode_error = str(exc)
            out.append(Article(
                source_id=source_id, path=path, exists=data is not None,
                bytes=None if data is None else len(data),
                sha256=None if data is None else hashlib.sha256(data).hexdigest(),
                text=text, decode_error=decode_error,
                read_error=None if problem in (None, "file is missing") else problem,
            ))
            if where is not None:
                seen[where] = out[-1]
        return out

    def _where(self, relative: object) -> str | None:
        """The real path of the file ``relative`` names inside the package, or None if it is refused."""
        if not isinstance(relative, str) or not relative:
            return None
        try:
            return str(self._folder.locate(relative))
        except DataError:
            return None

    def texts(self) -> dict[str, str]:
        """source_id -> article text, for the articles that can be read."""
        return {a.source_id: a.text for a in self.articles if a.text is not None}


def report_malformed(inputs: Inputs, result: Any, *, partial: bool, count: bool = True) -> None:
    """Record in ``result`` (a ``LayerResult``) one failure per table that is not RFC 4180 CSV.

    ``partial``: the layer worked on the rows before the fault only, and says so. ``count``: count
    one check per table here (the Frictionless layer counts them among its planned checks; Great
    Expectations counts its expectations only).
    """
    for name, table in inputs.tables.items():
        check_id = f"{name}:csv"
        if count:
            result.check(check_id)
        problem = inputs.malformed(name)
        if problem is None:
            continue
        names = table.field_names
        column = names[problem.cell] if problem.record and problem.cell < len(names) else None
        message = f"malformed CSV (line {problem.line}): {problem.problem}"
        if partial:
            message += f"; this layer checked only the {max(problem.record - 1, 0)} rows before it"
        result.fail(check_id, "csv-syntax", name, problem.record or None, column, None, message)
