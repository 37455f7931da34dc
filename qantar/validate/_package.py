"""The data package under validation: descriptor, tables as frames, article texts.

Reading here is deliberately forgiving, unlike ``qantar.load``: a damaged package must still be
read as far as possible so that every layer can report everything it finds. Bytes that are not
UTF-8 are replaced, a byte order mark is dropped, short rows are padded; the *Frictionless*
layer is the one that reports those problems. A cell that does not parse as its field's type
becomes null here and is listed in ``cast_failures`` (the pandera layer reports them).

Two things are never forgiven, because a guess there could hide or invent data. Every file is
read through ``qantar._safe_files`` (inside the package, regular, bounded; ``file_problem`` says
why one was not read). And a table is read as RFC 4180 defines CSV (``qantar._rfc4180``, the
loader's definition): a table that breaks it yields its rows up to the fault, and every layer
that reads tables reports the fault (``report_malformed``), so no layer passes a table that the
loader refuses.

Only polars is imported (the package's one runtime dependency).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from qantar import _rfc4180, _safe_files
from qantar.errors import DataError

DESCRIPTOR = "datapackage.json"

__all__ = ["DESCRIPTOR", "Package", "UsageError", "default_root", "find_root"]


class UsageError(Exception):
    """The command was asked to validate something that is not a data package."""


def default_root() -> Path:
    """The data package that ships with qantar: the wheel's copy, else the repository."""
    here = Path(__file__).resolve().parent.parent  # .../qantar
    for candidate in (here / "_data", here.parent):
        if (candidate / DESCRIPTOR).is_file():
            return candidate
    raise UsageError(f"no {DESCRIPTOR} found in {here / '_data'} nor in {here.parent}")


def find_root(path: str | Path | None) -> Path:
    """The directory holding ``datapackage.json`` (``path`` may name the file itself).

    Without a path: the current folder when it is a data package (a checkout, a contributor's copy,
    an unpacked release), else the data that ship with qantar."""
    if path is None:
        cwd = Path.cwd()
        return cwd.resolve() if (cwd / DESCRIPTOR).is_file() else default_root()
    p = Path(path)
    if not p.exists():
        raise UsageError(f"no such path: {p}")
    if p.is_file():
        if p.name != DESCRIPTOR:
            raise UsageError(f"{p} is not a {DESCRIPTOR}")
        return p.parent.resolve()
    if not os.path.lexists(p / DESCRIPTOR):  # anything by that name: the report says what is wrong with it
        raise UsageError(f"no {DESCRIPTOR} in {p}")
    return p.resolve()


_UNSAFE_NAME_PARTS = ("/", "\\", "..", "\0")


def _check_structure(resources: list[Any]) -> None:
    """Raise ``ValueError`` naming the resource when the descriptor cannot be read as tables.

    What no layer can work around: a resource that is not an object or has no plain, unique
    name (a name is never a path); a table whose schema is not an object listing fields, each
    an object with a unique name. Everything else (types, paths, constraints) is for the
    layers to report.
    """
    seen: set[str] = set()
    for i, res in enumerate(resources, 1):
        if not isinstance(res, dict):
            raise ValueError(f"{DESCRIPTOR}: resource #{i} is not an object")
        name = res.get("name")
        if not isinstance(name, str) or not name:
            raise ValueError(f"{DESCRIPTOR}: resource #{i} has no name")
        if any(part in name for part in _UNSAFE_NAME_PARTS) or name == ".":
            raise ValueError(f"{DESCRIPTOR}: resource name {name!r} contains a path separator or '..'")
        if name in seen:
            raise ValueError(f"{DESCRIPTOR}: resource name {name!r} appears twice")
        seen.add(name)
        if "schema" not in res:
            continue
        schema = res["schema"]
        if isinstance(schema, str):
            raise ValueError(
                f"{DESCRIPTOR}: table {name!r}: the schema is given as {schema!r}, a URL or file path: schemas "
                "are read inline only (nothing is fetched)"
            )
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
            raise ValueError(f"{DESCRIPTOR}: table {name!r}: the schema has no list of fields")
        names: set[str] = set()
        for j, f in enumerate(schema["fields"], 1):
            field_name = f.get("name") if isinstance(f, dict) else None
            if not isinstance(field_name, str) or not field_name:
                raise ValueError(f"{DESCRIPTOR}: table {name!r}: field #{j} has no name")
            if field_name in names:
                raise ValueError(f"{DESCRIPTOR}: table {name!r}: field {field_name!r} appears twice")
            names.add(field_name)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class CastFailure:
    table: str
    row: int
    column: str
    value: str
    type: str


@dataclass
class Package:
    """A data package directory, read lazily and cached."""

    root: Path
    _raw: dict[str, Any] = field(default_factory=dict, repr=False)
    _typed: dict[str, Any] = field(default_factory=dict, repr=False)
    _refused: dict[str, DataError] = field(default_factory=dict, repr=False)
    _malformed: dict[str, _rfc4180.Malformed | None] = field(default_factory=dict, repr=False)
    cast_failures: list[CastFailure] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root)  # a str path is fine too

    @cached_property
    def descriptor_error(self) -> str | None:
        try:
            self.descriptor  # noqa: B018
        except ValueError as exc:
            return str(exc)
        return None

    @cached_property
    def descriptor(self) -> dict[str, Any]:
        try:
            data = _safe_files.read_json(self.root, DESCRIPTOR)
        except DataError as exc:
            raise ValueError(f"{DESCRIPTOR}: {exc.problem}") from None
        if not isinstance(data, dict) or not isinstance(data.get("resources"), list):
            raise ValueError(f"{DESCRIPTOR} has no list of resources")
        _check_structure(data["resources"])
        return data

    @property
    def version(self) -> str | None:
        v = self.descriptor.get("version")
        return v if isinstance(v, str) else None

    @cached_property
    def resources(self) -> dict[str, dict[str, Any]]:
        return {
            r["name"]: r
            for r in self.descriptor["resources"]
            if isinstance(r, dict) and isinstance(r.get("name"), str)
        }

    @cached_property
    def tables(self) -> list[str]:
        """Names of the table resources (those with a schema), in descriptor order."""
        return [n for n, r in self.resources.items() if isinstance(r.get("schema"), dict)]

    def fields(self, table: str) -> list[dict[str, Any]]:
        return [f for f in self.resources[table]["schema"].get("fields", []) if isinstance(f, dict)]

    def field_names(self, table: str) -> list[str]:
        return [f["name"] for f in self.fields(table)]

    def read_bytes(self, relative: str, *, limit: int = _safe_files.MAX_TABLE_BYTES) -> bytes | None:
        """The file ``relative`` as read by ``qantar._safe_files``, or ``None`` if it was refused.

        Refusals are kept; bytes are not (a million-row package holds hundreds of MB of tables,
        and each layer keeps the frames it needs), so a second call reads the file again.
        """
        got = self._read(relative, limit)
        return None if isinstance(got, DataError) else got

    def file_problem(self, relative: object, *, limit: int = _safe_files.MAX_TABLE_BYTES) -> str | None:
        """Why ``relative`` is not read (missing, outside the package, not a regular file, too big), or ``None``."""
        got = self._read(relative, limit)
        return got.problem if isinstance(got, DataError) else None

    def _read(self, relative: object, limit: int) -> bytes | DataError:
        key = f"{limit}:{relative}"
        if key not in self._refused:
            try:
                return _safe_files.read(self.root, relative, limit=limit)  # type: ignore[arg-type]
            except DataError as exc:
                self._refused[key] = exc
        return self._refused[key]

    def limit(self, name: str) -> int:
        """The size limit of resource ``name``'s file: a table's, or a text file's (an article copy)."""
        return _safe_files.MAX_TABLE_BYTES if name in self.tables else _safe_files.MAX_TEXT_BYTES

    def resource_bytes(self, name: str) -> bytes | None:
        """Resource ``name``'s file (see ``read_bytes``)."""
        return self.read_bytes(self.resources[name].get("path", ""), limit=self.limit(name))

    def resource_problem(self, name: str) -> str | None:
        """Why resource ``name``'s file is not read (see ``file_problem``)."""
        return self.file_problem(self.resources[name].get("path", ""), limit=self.limit(name))

    def read_text(self, relative: str) -> str | None:
        """A text file of the package (CHANGELOG.md, CITATION.cff), or ``None`` if it is not read."""
        data = self.read_bytes(relative, limit=_safe_files.MAX_TEXT_BYTES)
        return None if data is None else data.decode("utf-8", errors="replace")

    # --- tables -------------------------------------------------------------------------

    def _text(self, table: str) -> str | None:
        data = self.read_bytes(self.resources[table].get("path", ""))
        if data is None:
            return None
        text = data.decode("utf-8", errors="replace")
        return text[1:] if text.startswith("\ufeff") else text

    def malformed(self, table: str) -> _rfc4180.Malformed | None:
        """Where ``table``'s file stops being RFC 4180 CSV, or ``None`` (also for a file not read)."""
        if table not in self._malformed:
            data = self.read_bytes(self.resources[table].get("path", ""))
            problem = None
            if data is not None and not (
                _rfc4180.quotes_well_formed(data) and data.count(b"\r") == data.count(b"\r\n")
            ):
                problem = _rfc4180.first_problem(self._text(table) or "")
            self._malformed[table] = problem
        return self._malformed[table]

    def rows(self, table: str) -> list[list[str]]:
        """The data rows as lists of cells, exactly as many cells as the schema has fields.

        A table that is not well-formed CSV yields its rows up to the one at fault (see
        ``malformed``); blank lines are left out.
        """
        text = self._text(table)
        if text is None:
            return []
        records: list[list[str]] = []
        try:
            for _, _, cells in _rfc4180.records(text):
                records.append(cells)
        except _rfc4180.Malformed:
            pass
        header, records = (records[0], records[1:]) if records else ([], [])
        names = self.field_names(table)
        # Put the cells under the descriptor's field names by header position when the header
        # names them; a missing column is all empty.
        index = {name: header.index(name) for name in names if name in header}
        out = []
        for cells in records:
            if not cells:
                continue
            out.append([cells[index[n]] if n in index and index[n] < len(cells) else "" for n in names])
        return out

    def raw(self, table: str):  # -> pl.DataFrame
        """All-string frame (missing values as null), plus nothing else.

        The cells are exactly those of :meth:`rows`. A well-formed UTF-8 file is read by polars
        (milliseconds for a million rows); anything else takes the forgiving ``csv`` path.
        """
        if table not in self._raw:
            import polars as pl

            names = self.field_names(table)
            missing = set(self.resources[table]["schema"].get("missingValues", [""]))
            cells = self._cells_fast(table)
            if cells is None:
                rows = self.rows(table)
                cells = pl.DataFrame(
                    {n: [r[i] for r in rows] for i, n in enumerate(names)}, schema={n: pl.String for n in names}
                )
            self._raw[table] = cells.with_columns(
                pl.when(pl.col(n).is_in(sorted(missing))).then(None).otherwise(pl.col(n)).alias(n) for n in names
            ) if missing and names else cells
        return self._raw[table]

    def _cells_fast(self, table: str):  # -> pl.DataFrame | None
        """The cells of :meth:`rows` read by polars, or ``None`` when the file needs the csv path.

        Taken only when the bytes are strict UTF-8 and are, byte for byte, what polars writes
        back for the grid it read (minimal quoting, one line terminator): a well-formed CSV
        with every record as wide as the header, which any CSV reader, the csv module included,
        reads as that same grid. Hand-quoted, ragged or damaged files take the csv path.
        """
        import polars as pl

        data = self.read_bytes(self.resources[table].get("path", ""))
        if data is None:
            return None
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            data.decode("utf-8")
            grid = pl.read_csv(data, has_header=False, infer_schema=False, quote_char='"', separator=",")
        except Exception:  # not UTF-8, or a CSV polars refuses: let the forgiving reader decide
            return None
        terminator = "\r\n" if b"\r\n" in data else "\n"
        again = grid.write_csv(include_header=False, quote_style="necessary", line_terminator=terminator, null_value="")
        if again.encode("utf-8") not in (data, data + terminator.encode()):
            return None
        grid = grid.fill_null("")
        header = grid.row(0)
        body = grid.slice(1)
        first: dict[str, int] = {}
        for i, name in enumerate(header):
            first.setdefault(name, i)
        names = self.field_names(table)
        columns = [
            body.get_column(grid.columns[first[n]]).alias(n) if n in first
            else pl.repeat("", body.height, dtype=pl.String, eager=True).alias(n)
            for n in names
        ]
        return pl.DataFrame(columns, schema={n: pl.String for n in names}) if columns else pl.DataFrame()

    def typed(self, table: str):  # -> pl.DataFrame
        """Frame typed per the descriptor (see ``qantar.validate.schemas.polars_schema``).

        NOTE for the merge: this is a minimal typed read for the validators, written while
        ``qantar.load`` lived on another branch. Types match the loader's documented mapping;
        unlike the loader it never raises: unparseable cells become null and are recorded in
        ``cast_failures``.
        """
        if table not in self._typed:
            from qantar.validate._types import cast_frame

            frame, failures = cast_frame(self.raw(table), self.fields(table))
            for row, column, value, type_ in failures:
                self.cast_failures.append(CastFailure(table, row, column, value, type_))
            self._typed[table] = frame
        return self._typed[table]

    # --- articles -----------------------------------------------------------------------

    def articles(self) -> list[dict[str, Any]]:
        """One record per sources row: its article text and what its file really is.

        Keys: ``source_id``, ``path``, ``exists``, ``bytes``, ``sha256`` (of the file as it
        is), ``text`` (decoded as UTF-8, ``None`` if missing or not UTF-8), ``decode_error``,
        ``read_error`` (why a file that is there was not read: outside the package, not a
        regular file, over ``MAX_TEXT_BYTES``). Each file is read and hashed once per
        ``Package`` (the list is cached; do not modify it).
        """
        return self._articles

    @cached_property
    def _articles(self) -> list[dict[str, Any]]:
        if "sources" not in self.tables:
            return []
        out = []
        raw = self.raw("sources")
        limit = _safe_files.MAX_TEXT_BYTES
        for source_id, path in zip(raw["source_id"].to_list(), raw["path"].to_list(), strict=True):
            data = self.read_bytes(path, limit=limit) if path else None
            problem = self.file_problem(path, limit=limit) if path and data is None else None
            record: dict[str, Any] = {
                "source_id": source_id,
                "path": path,
                "exists": data is not None,
                "bytes": None if data is None else len(data),
                "sha256": None if data is None else sha256_bytes(data),
                "text": None,
                "decode_error": None,
                "read_error": None if problem in (None, "file is missing") else problem,
            }
            if data is not None:
                try:
                    record["text"] = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    record["decode_error"] = str(exc)
            out.append(record)
        return out


def report_malformed(package: Package, result: Any, *, partial: bool, count: bool = True) -> None:
    """Record in ``result`` (a ``LayerResult``) one failure per table that is not RFC 4180 CSV.

    ``partial``: the layer worked on the rows before the fault only, and says so. ``count``: count
    one check per table here (the Frictionless layer counts them among its planned checks; Great
    Expectations counts its expectations only).
    """
    for table in package.tables:
        check_id = f"{table}:csv"
        if count:
            result.check(check_id)
        problem = package.malformed(table)
        if problem is None:
            continue
        names = package.field_names(table)
        column = names[problem.cell] if problem.record and problem.cell < len(names) else None
        message = f"malformed CSV (line {problem.line}): {problem.problem}"
        if partial:
            message += f"; this layer checked only the {max(problem.record - 1, 0)} rows before it"
        result.fail(check_id, "csv", table, problem.record or None, column, None, message)
