"""The one typed model of a data package: ``datapackage.json`` read once, used by everything.

::

    Package ── tables: Table ── fields: Field        (name, type, constraints, vocabulary)
            │                ├─ relations: Relation  (the foreign keys)
            │                └─ spans: Span          (article passages, declared under "qantar:spans")
            └── files: FileResource                  (the article copies)

The loader, every validator layer, the site, the release tools, the exports and the bench read
the descriptor through this module and nothing else. It only *describes*: reading the bytes of a
file is ``qantar.files``' job, turning them into frames ``qantar.csvfile``'s.

Reading is forgiving about what a table needs to be *loaded* (a path that is a URL, a type the
loader does not support, a malformed hash): each such fault is recorded in ``Table.problems``, so
that the validator can report every one and the loader can refuse exactly that table. Only a
descriptor that cannot be read as tables at all (not JSON, no list of resources, a resource without
a plain unique name, a schema without fields) raises :class:`DescriptorError`.

Spans are Qantar's convention, declared in the descriptor (a custom property of the table schema,
which Frictionless accepts): each names the columns holding an article's id, the code-point
offsets, the verbatim text and, for a claim, its English translation::

    "qantar:spans": [{"name": "quote", "kind": "claim", "source": "source_id",
                      "start": "char_start", "end": "char_end",
                      "text": "quote", "translation": "quote_en"}]

``kind`` is ``claim`` (a passage that supports the row), ``number`` (a figure's number, inside the
claim named by ``within``), ``printed_date`` (a publication date as printed) or ``exclusion`` (a
span that carries no claim).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from qantar.errors import DataError, UnknownTableError

DESCRIPTOR = "datapackage.json"
SPANS_PROPERTY = "qantar:spans"
SPAN_KINDS = ("claim", "number", "printed_date", "exclusion")

#: Field types the loader reads; any other Table Schema type is a problem of its table.
LOADABLE_TYPES = ("string", "any", "integer", "number", "boolean", "date", "datetime", "list")
DEFAULT_TRUE = ("true", "True", "TRUE", "1")
DEFAULT_FALSE = ("false", "False", "FALSE", "0")
HASH_ALGORITHMS = ("sha256", "md5", "sha1", "sha512")
_HASH = re.compile(r"^(?:(?P<algo>[a-z0-9]+):)?(?P<hex>[0-9a-fA-F]+)$")
_UNSAFE_NAME_PARTS = ("/", "\\", "..", "\0")


class DescriptorError(DataError):
    """``datapackage.json`` cannot be read as a data package of tables."""


# --- the parts ------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Field:
    """One column of a table, as its schema declares it."""

    name: str
    type: str = "string"
    description: str | None = None
    title: str | None = None
    constraints: Mapping[str, Any] = field(default_factory=dict)
    #: the closed vocabulary (``constraints.enum`` or v2 ``categories``), in descriptor order
    categories: tuple[str, ...] | None = None
    categories_ordered: bool = False
    delimiter: str = ","
    true_values: tuple[str, ...] = DEFAULT_TRUE
    false_values: tuple[str, ...] = DEFAULT_FALSE
    format: str = "default"
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required", False))

    @property
    def unique(self) -> bool:
        return bool(self.constraints.get("unique", False))

    @property
    def is_text(self) -> bool:
        """A free-text column (string without a vocabulary)."""
        return self.type in ("string", "any") and self.categories is None

    @property
    def dtype(self):  # -> pl.DataType
        from qantar.types import dtype

        return dtype(self)


@dataclass(frozen=True)
class Relation:
    """A foreign key: ``table.fields`` reference ``ref_table.ref_fields``."""

    table: str
    fields: tuple[str, ...]
    ref_table: str
    ref_fields: tuple[str, ...]


@dataclass(frozen=True)
class Span:
    """An article passage a table row points at: ``text == article[start:end]`` of ``source``."""

    table: str
    name: str
    kind: str
    source: str
    start: str
    end: str
    text: str
    translation: str | None = None
    within: str | None = None  # the span (of the same row) this one lies inside

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column of the span: given together or empty together."""
        return (self.source, self.start, self.end, self.text) + ((self.translation,) if self.translation else ())


@dataclass(frozen=True, eq=False)
class FileResource:
    """A resource that is a file, not a table (an article copy)."""

    name: str
    path: str | None
    bytes: int | None
    hash_algorithm: str | None
    hash_hex: str | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Table:
    """A tabular resource: its file, its fields, keys, relations and spans."""

    name: str
    path: str | None
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    relations: tuple[Relation, ...]
    spans: tuple[Span, ...]
    missing_values: tuple[str, ...]
    bytes: int | None
    hash_algorithm: str | None
    hash_hex: str | None
    title: str | None
    description: str | None
    raw: Mapping[str, Any] = field(repr=False, compare=False)
    #: (column or None, message): what keeps the loader from reading this table
    problems: tuple[tuple[str | None, str], ...] = ()
    #: why the schema cannot be read at all (no fields to speak of): the other tables still load
    broken: DescriptorError | None = None

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"table {self.name!r} has no field {name!r}")

    def has(self, *names: str) -> bool:
        present = set(self.field_names)
        return all(n in present for n in names)

    @property
    def schema(self) -> dict[str, Any]:
        """Column name -> polars dtype of the loaded frame."""
        return {f.name: f.dtype for f in self.fields}

    @property
    def id_field(self) -> str | None:
        """The single-field primary key, when the table has one (an entity table)."""
        return self.primary_key[0] if len(self.primary_key) == 1 else None

    def span(self, name: str) -> Span:
        for s in self.spans:
            if s.name == name:
                return s
        raise KeyError(f"table {self.name!r} declares no span {name!r}")

    def spans_of(self, kind: str) -> list[Span]:
        return [s for s in self.spans if s.kind == kind]

    def check_loadable(self) -> None:
        """Raise ``DataError`` for the first fault that keeps the loader from reading this table."""
        if self.broken is not None:
            raise self.broken
        if self.problems:
            column, message = self.problems[0]
            raise DataError(message, table=self.name, column=column)


# --- the package ----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Package:
    """A parsed descriptor and where its files are (``root``: the folder holding it, if any)."""

    raw: Mapping[str, Any] = field(repr=False)
    tables: Mapping[str, Table]
    files: Mapping[str, FileResource]
    root: Path | None = None

    @property
    def name(self) -> str | None:
        v = self.raw.get("name")
        return v if isinstance(v, str) else None

    @property
    def version(self) -> str | None:
        v = self.raw.get("version")
        return v if isinstance(v, str) else None

    @property
    def title(self) -> str | None:
        v = self.raw.get("title")
        return v if isinstance(v, str) else None

    @property
    def names(self) -> list[str]:
        """The table names, in descriptor order."""
        return list(self.tables)

    @property
    def broken(self) -> DescriptorError | None:
        """The first table whose schema cannot be read at all, if any (no layer can check it)."""
        return next((t.broken for t in self.tables.values() if t.broken is not None), None)

    def table(self, name: object) -> Table:
        """The table ``name``; a helpful error for an unknown name or one that looks like a path."""
        if not isinstance(name, str):
            raise TypeError(f"table name must be a str, not {type(name).__name__}; valid tables: {', '.join(self.tables)}")
        t = self.tables.get(name)
        if t is not None:
            return t
        if is_unsafe_name(name):
            raise DataError(
                "table names are plain names, never paths: this one contains a path separator "
                f"or '..'; valid tables: {', '.join(self.tables)}",
                table=name,
            )
        raise UnknownTableError(name, list(self.tables))

    def resources(self) -> Iterator[Table | FileResource]:
        """Every resource in descriptor order."""
        order = {r.get("name"): i for i, r in enumerate(self.raw.get("resources", [])) if isinstance(r, dict)}
        yield from sorted([*self.tables.values(), *self.files.values()], key=lambda r: order.get(r.name, 0))

    def resource(self, name: str) -> Table | FileResource:
        if name in self.tables:
            return self.tables[name]
        if name in self.files:
            return self.files[name]
        raise KeyError(name)

    def spans(self, kind: str | None = None) -> list[Span]:
        """Every declared span of every table (of one kind)."""
        return [s for t in self.tables.values() for s in t.spans if kind is None or s.kind == kind]

    def referencing(self, table: str) -> list[Relation]:
        """The foreign keys of other tables (and of ``table`` itself) that point at ``table``."""
        return [r for t in self.tables.values() for r in t.relations if r.ref_table == table]

    def path(self, name: str) -> Path:
        """Filesystem path of a resource's file (only for a package on disk)."""
        if self.root is None:
            raise DataError("the package is not on disk", table=name)
        resource = self.resource(name)
        if resource.path is None:
            raise DataError("the resource has no single local path", table=name)
        return self.root / resource.path


def is_unsafe_name(name: str) -> bool:
    return any(part in name for part in _UNSAFE_NAME_PARTS) or name in ("", ".")


def is_table(resource: Mapping[str, Any]) -> bool:
    """Data Package v2: a table when its type says so or, untyped, when it has a schema."""
    kind = resource.get("type")
    return kind == "table" or (kind is None and "schema" in resource)


# --- reading ----------------------------------------------------------------------------------


def from_descriptor(raw: object, root: Path | None = None, *, where: str | None = None) -> Package:
    """Build the model from a parsed descriptor (``where`` names it in errors)."""
    if not isinstance(raw, dict):
        raise DescriptorError("the descriptor must be a JSON object", path=where)
    resources = raw.get("resources")
    if not isinstance(resources, list):
        raise DescriptorError('the descriptor has no "resources" list', path=where)
    tables: dict[str, Table] = {}
    files: dict[str, FileResource] = {}
    seen: set[str] = set()
    for i, res in enumerate(resources, 1):
        if not isinstance(res, dict):
            raise DescriptorError(f"resource #{i} is not an object", path=where)
        name = res.get("name")
        if not isinstance(name, str) or not name:
            raise DescriptorError(f"resource #{i} has no name", path=where)
        if is_unsafe_name(name):
            raise DescriptorError("resource name contains a path separator or '..'", table=name, path=where)
        if name in seen:
            raise DescriptorError(f"resource name {name!r} appears twice in the descriptor", table=name, path=where)
        seen.add(name)
        if is_table(res):
            try:
                tables[name] = _table(res, where)
            except DescriptorError as exc:  # this table cannot be read; the others still can
                tables[name] = _broken_table(res, exc)
        else:
            files[name] = _file(res)
    return Package(raw=raw, tables=tables, files=files, root=root)


def path_problem(value: object) -> str | None:
    """Why ``value`` is not one relative local path inside the package (``None``: it is)."""
    from qantar import _safe_files

    try:
        _safe_files.check_path(value)
    except DataError as exc:
        return exc.problem
    return None


#: Table Dialect properties and the values that make a file RFC 4180 CSV (``qantar._rfc4180``),
#: the only CSV the package reads; a property left out takes its default, which is this value.
RFC4180_DIALECT: dict[str, tuple[object, ...]] = {
    "delimiter": (",",),
    "quoteChar": ('"',),
    "doubleQuote": (True,),
    "header": (True,),
    "headerRows": ([1],),
    "lineTerminator": ("\r\n", "\n"),
    "skipInitialSpace": (False,),
    "escapeChar": (None,),
    "commentChar": (None,),
    "commentRows": (None, []),
    "nullSequence": (None,),
    "skipBlankRows": (None, False),
}


def dialect_problem(dialect: object) -> str | None:
    """Why a resource's ``"dialect"`` is not RFC 4180 CSV (``None``: absent, or it is)."""
    if dialect is None:
        return None
    if not isinstance(dialect, dict):
        return '"dialect" must be an inline object: a dialect given as a URL or a file path is never fetched'
    for key, allowed in RFC4180_DIALECT.items():
        value = dialect.get(key)
        if value is not None and value not in allowed:
            return (
                f"dialect {key} {value!r} is not supported: tables are RFC 4180 CSV "
                "(',' separated, '\"' quoted with doubled inner quotes, one header row)"
            )
    return None


def _digest(res: Mapping[str, Any], problems: list[tuple[str | None, str]]) -> tuple[int | None, str | None, str | None]:
    size = res.get("bytes")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size < 0):
        problems.append((None, f'"bytes" must be a non-negative integer, not {size!r}'))
        size = None
    algo = hex_ = None
    digest = res.get("hash")
    if digest is not None:
        m = _HASH.match(digest) if isinstance(digest, str) else None
        if not m:
            problems.append((None, f'"hash" {digest!r} is not "<algorithm>:<hex>"'))
        else:
            algo = m["algo"] or "md5"  # Data Package v2: a hash without a prefix is md5
            if algo not in HASH_ALGORITHMS:
                problems.append((None, f"hash algorithm {algo!r} is not supported"))
                algo = None
            else:
                hex_ = m["hex"].lower()
    return size, algo, hex_


def _file(res: Mapping[str, Any]) -> FileResource:
    problems: list[tuple[str | None, str]] = []
    path = res.get("path")
    bad = path_problem(path)
    if bad:
        problems.append((None, bad))
    size, algo, hex_ = _digest(res, problems)
    return FileResource(
        name=res["name"], path=None if bad else path, bytes=size, hash_algorithm=algo, hash_hex=hex_, raw=res,
        problems=tuple(m for _, m in problems),
    )


def _table(res: Mapping[str, Any], where: str | None) -> Table:
    name = res["name"]
    schema = res.get("schema")
    if not isinstance(schema, dict):
        raise DescriptorError(
            '"schema" must be an inline table schema object: a schema given as a URL or a file path is never fetched',
            table=name, path=where,
        )
    if not isinstance(schema.get("fields"), list):
        raise DescriptorError("the schema has no list of fields", table=name, path=where)
    problems: list[tuple[str | None, str]] = []
    path = res.get("path")
    bad = path_problem(path)
    if bad:
        problems.append((None, bad))
        path = None
    fmt = res.get("format", "csv")
    if fmt != "csv":
        problems.append((None, f"format {fmt!r} is not supported (csv only)"))
    encoding = str(res.get("encoding", "utf-8")).lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8"):
        problems.append((None, f"encoding {encoding!r} is not supported (utf-8 only)"))
    bad_dialect = dialect_problem(res.get("dialect"))
    if bad_dialect:
        problems.append((None, bad_dialect))
    fields: list[Field] = []
    seen: set[str] = set()
    for j, raw in enumerate(schema["fields"], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
            raise DescriptorError(f"field #{j} has no name", table=name, path=where)
        if raw["name"] in seen:
            raise DescriptorError("field appears twice in the schema", table=name, column=raw["name"], path=where)
        seen.add(raw["name"])
        fields.append(_field(raw, problems))
    missing = schema.get("missingValues", [""])
    if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
        problems.append((None, '"missingValues" must be a list of strings'))
        missing = [""]
    size, algo, hex_ = _digest(res, problems)
    pk = _names(schema.get("primaryKey"))
    relations = []
    for fk in schema.get("foreignKeys") or []:
        if not isinstance(fk, dict) or not isinstance(fk.get("reference"), dict):
            problems.append((None, "a foreign key must be an object with a reference"))
            continue
        ref = fk["reference"]
        relations.append(Relation(name, _names(fk.get("fields")), ref.get("resource") or name, _names(ref.get("fields"))))
    spans = _spans(name, schema.get(SPANS_PROPERTY), seen, problems)
    return Table(
        name=name, path=path, fields=tuple(fields), primary_key=pk, relations=tuple(relations), spans=spans,
        missing_values=tuple(missing), bytes=size, hash_algorithm=algo, hash_hex=hex_,
        title=res.get("title") if isinstance(res.get("title"), str) else None,
        description=res.get("description") if isinstance(res.get("description"), str) else None,
        raw=res, problems=tuple(problems),
    )


def _broken_table(res: Mapping[str, Any], exc: DescriptorError) -> Table:
    return Table(
        name=res["name"], path=None, fields=(), primary_key=(), relations=(), spans=(), missing_values=("",),
        bytes=None, hash_algorithm=None, hash_hex=None, title=None, description=None, raw=res,
        problems=((exc.column, exc.problem),), broken=exc,
    )


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def _field(raw: Mapping[str, Any], problems: list[tuple[str | None, str]]) -> Field:
    name = raw["name"]
    ftype = raw.get("type", "any")
    if not isinstance(ftype, str) or ftype not in LOADABLE_TYPES:
        problems.append((name, f"type {ftype!r} is not supported by the loader (supported: {', '.join(LOADABLE_TYPES)})"))
        ftype = "string"
    constraints = raw.get("constraints") if isinstance(raw.get("constraints"), dict) else {}
    kwargs: dict[str, Any] = {}
    vocabulary = raw.get("categories") if raw.get("categories") is not None else constraints.get("enum")
    if ftype == "string" and vocabulary is not None:
        # frictionless enforces constraints.enum (not v2 categories), so that is where the descriptor
        # keeps a closed vocabulary; either way it loads as a category.
        categories = _categories(name, vocabulary, problems)
        if categories:
            kwargs["categories"] = categories
            kwargs["categories_ordered"] = bool(raw.get("categoriesOrdered", False))
    if ftype == "list":
        if raw.get("itemType", "string") != "string":
            problems.append((name, f"list itemType {raw.get('itemType')!r} is not supported (string only)"))
        delimiter = raw.get("delimiter", ",")
        if isinstance(delimiter, str) and delimiter:
            kwargs["delimiter"] = delimiter
        else:
            problems.append((name, "list delimiter must be a non-empty string"))
    if ftype == "boolean":
        for key, arg in (("trueValues", "true_values"), ("falseValues", "false_values")):
            if key in raw:
                values = raw[key]
                if isinstance(values, list) and all(isinstance(v, str) for v in values):
                    kwargs[arg] = tuple(values)
                else:
                    problems.append((name, f'"{key}" must be a list of strings'))
    fmt = raw.get("format", "default")
    if ftype in ("date", "datetime") and fmt != "default":
        problems.append((name, f"{ftype} format {fmt!r} is not supported (ISO 8601 'default' only)"))
    return Field(
        name=name, type=ftype,
        description=raw.get("description") if isinstance(raw.get("description"), str) else None,
        title=raw.get("title") if isinstance(raw.get("title"), str) else None,
        constraints=constraints, format=fmt if isinstance(fmt, str) else "default", raw=raw, **kwargs,
    )


def _categories(column: str, raw: object, problems: list[tuple[str | None, str]]) -> tuple[str, ...] | None:
    if not isinstance(raw, list) or not raw:
        problems.append((column, '"categories" (or constraints.enum) must be a non-empty list'))
        return None
    values: list[str] = []
    for item in raw:
        value = item.get("value") if isinstance(item, dict) else item
        if not isinstance(value, str):
            problems.append((column, f"category {item!r} is not a string (or {{value, label}} object)"))
            return None
        values.append(value)
    if len(set(values)) != len(values):
        problems.append((column, "categories contain duplicates"))
        return None
    return tuple(values)


def _spans(table: str, raw: object, columns: set[str], problems: list[tuple[str | None, str]]) -> tuple[Span, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append((None, f'"{SPANS_PROPERTY}" must be a list of span declarations'))
        return ()
    out: list[Span] = []
    for item in raw:
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("name", "kind", "source", "start", "end", "text")):
            problems.append((None, f"span declaration {item!r} needs name, kind, source, start, end and text"))
            continue
        span = Span(
            table=table, name=item["name"], kind=item["kind"], source=item["source"], start=item["start"], end=item["end"],
            text=item["text"], translation=item.get("translation"), within=item.get("within"),
        )
        if span.kind not in SPAN_KINDS:
            problems.append((None, f"span {span.name!r}: kind {span.kind!r} is not one of {', '.join(SPAN_KINDS)}"))
            continue
        unknown = [c for c in span.columns if c not in columns]
        if unknown:
            problems.append((None, f"span {span.name!r} names unknown column(s) {', '.join(unknown)}"))
            continue
        out.append(span)
    names = {s.name for s in out}
    for s in out:
        if s.within is not None and s.within not in names:
            problems.append((None, f"span {s.name!r} lies within an undeclared span {s.within!r}"))
    return tuple(out)


def read(root: str | Path) -> Package:
    """The package whose ``datapackage.json`` is in the folder ``root`` (read safely, cached).

    Raises ``DataError`` when the descriptor is missing, not a regular file inside ``root``,
    too large or too deeply nested, not JSON, or not a package of tables.
    """
    root = Path(root)
    path = root / DESCRIPTOR
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DataError("descriptor is missing", path=str(path)) from None
    except OSError as exc:  # e.g. a loop of symbolic links
        raise DataError(f"descriptor cannot be read: {exc.strerror}", path=str(path)) from None
    return _read(str(root), st.st_mtime_ns, st.st_size, st.st_ino)


@lru_cache(maxsize=8)
def _read(root: str, _mtime_ns: int, _size: int, _inode: int) -> Package:
    from qantar import _safe_files

    where = os.path.join(root, DESCRIPTOR)
    try:
        raw = _safe_files.read_json(root, DESCRIPTOR)
    except DataError as exc:
        problem = exc.problem
        if problem.startswith(DESCRIPTOR):
            problem = "descriptor" + problem[len(DESCRIPTOR):]
        raise DataError(problem, path=where) from None
    return from_descriptor(raw, Path(root), where=where)


def current() -> Package:
    """The package that ships with qantar (the wheel's copy, or the checkout's)."""
    from qantar import _locate

    return read(_locate.data_root())
