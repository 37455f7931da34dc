"""Read ``datapackage.json`` (Frictionless Data Package v2) once and turn it into typed models.

The descriptor is the single source of truth: table names and order, paths, fields, types,
categories, missing values, byte counts and hashes all come from it. It is parsed once per
file state (path, size, mtime) and cached; each resource is checked and turned into a
``Resource`` the first time it is used, so a fault in one table does not hide the others.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

from qantar import _locate, _safe_files
from qantar.errors import DataError, UnknownTableError

#: Frictionless field type -> polars dtype of the loaded column (``string`` with
#: ``categories`` becomes ``pl.Enum``; ``list`` becomes ``pl.List(pl.String)``).
DTYPES: dict[str, pl.DataType] = {
    "string": pl.String(),
    "any": pl.String(),
    "integer": pl.Int64(),
    "number": pl.Float64(),
    "boolean": pl.Boolean(),
    "date": pl.Date(),
    "datetime": pl.Datetime("us", "UTC"),
    "list": pl.List(pl.String()),
}

DEFAULT_TRUE = ("true", "True", "TRUE", "1")
DEFAULT_FALSE = ("false", "False", "FALSE", "0")
_HASH_RE = re.compile(r"^(?:(?P<algo>[a-z0-9]+):)?(?P<hex>[0-9a-fA-F]+)$")
_UNSAFE_NAME_PARTS = ("/", "\\", "..", "\0")


class Field:
    """One schema field, with the polars dtype it loads as."""

    __slots__ = (
        "name", "type", "dtype", "categories", "categories_ordered", "delimiter",
        "true_values", "false_values", "description",
    )

    def __init__(
        self,
        name: str,
        type: str,
        dtype: pl.DataType,
        *,
        categories: tuple[str, ...] | None = None,
        categories_ordered: bool = False,
        delimiter: str = ",",
        true_values: tuple[str, ...] = DEFAULT_TRUE,
        false_values: tuple[str, ...] = DEFAULT_FALSE,
        description: str | None = None,
    ) -> None:
        self.name = name
        self.type = type
        self.dtype = dtype
        self.categories = categories
        self.categories_ordered = categories_ordered
        self.delimiter = delimiter
        self.true_values = true_values
        self.false_values = false_values
        self.description = description

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.type!r}, {self.dtype!r})"


class Resource:
    """One table: where its file is, its fields, and what its bytes should be."""

    __slots__ = ("name", "path", "fields", "missing_values", "bytes", "hash_algorithm", "hash_hex", "description")

    def __init__(
        self,
        name: str,
        path: str,
        fields: tuple[Field, ...],
        missing_values: tuple[str, ...],
        bytes: int | None,
        hash_algorithm: str | None,
        hash_hex: str | None,
        description: str | None = None,
    ) -> None:
        self.name = name
        self.path = path  # relative, POSIX separators, checked to stay inside the package root
        self.fields = fields
        self.missing_values = missing_values
        self.bytes = bytes
        self.hash_algorithm = hash_algorithm
        self.hash_hex = hash_hex
        self.description = description

    def __repr__(self) -> str:
        return f"Resource({self.name!r}, {self.path!r}, {len(self.fields)} fields)"

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def schema(self) -> dict[str, pl.DataType]:
        """Column name -> polars dtype of the loaded frame."""
        return {f.name: f.dtype for f in self.fields}


class Package:
    """A parsed descriptor: its root directory, version and resources (checked lazily)."""

    __slots__ = ("root", "descriptor_path", "raw", "version", "names", "_raw_resources", "_resources")

    def __init__(
        self,
        root: Path,
        descriptor_path: Path,
        raw: dict[str, Any],
        version: str | None,
        names: list[str],
        raw_resources: dict[str, dict[str, Any]],
    ) -> None:
        self.root = root
        self.descriptor_path = descriptor_path
        self.raw = raw
        self.version = version
        self.names = names
        self._raw_resources = raw_resources
        self._resources: dict[str, Resource] = {}

    def resource(self, name: str) -> Resource:
        check_table_name(name, self.names)
        cached = self._resources.get(name)
        if cached is None:
            cached = self._resources[name] = _build_resource(self._raw_resources[name])
        return cached

    def file(self, name: str) -> Path:
        return self.root / self.resource(name).path


def is_unsafe_name(name: str) -> bool:
    return any(part in name for part in _UNSAFE_NAME_PARTS) or name in ("", ".")


def check_table_name(name: object, valid: list[str]) -> str:
    """Return ``name`` if the descriptor lists it; raise a helpful error otherwise."""
    if not isinstance(name, str):
        raise TypeError(f"table name must be a str, not {type(name).__name__}; valid tables: {', '.join(valid)}")
    if name in valid:
        return name
    if is_unsafe_name(name):
        raise DataError(
            "table names are plain names, never paths: this one contains a path separator "
            f"or '..'; valid tables: {', '.join(valid)}",
            table=name,
        )
    raise UnknownTableError(name, valid)


def current() -> Package:
    """The package at ``_locate.data_root()``, parsed once per descriptor state."""
    root = _locate.data_root()
    path = root / _locate.DESCRIPTOR
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DataError("descriptor is missing", path=str(path)) from None
    except OSError as exc:  # e.g. a loop of symbolic links
        raise DataError(f"descriptor cannot be read: {exc.strerror}", path=str(path)) from None
    return _parse(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _parse(path_str: str, _mtime_ns: int, _size: int) -> Package:
    path = Path(path_str)
    try:
        raw = _safe_files.read_json(path.parent, path.name)
    except DataError as exc:
        problem = exc.problem
        if problem.startswith(path.name):
            problem = "descriptor" + problem[len(path.name):]
        raise DataError(problem, path=path_str) from None
    if not isinstance(raw, dict):
        raise DataError("descriptor must be a JSON object", path=path_str)
    resources = raw.get("resources")
    if not isinstance(resources, list):
        raise DataError('descriptor has no "resources" list', path=path_str)
    by_name: dict[str, dict[str, Any]] = {}
    for i, res in enumerate(resources):
        name = res.get("name") if isinstance(res, dict) else None
        if not isinstance(name, str) or not name:
            raise DataError(f"resource #{i + 1} has no name", path=path_str)
        if is_unsafe_name(name):
            raise DataError(
                "resource name contains a path separator or '..'", table=name, path=path_str
            )
        if name in by_name:
            raise DataError("resource name appears twice in the descriptor", table=name, path=path_str)
        by_name[name] = res
    version = raw.get("version")
    # Tables only: the article copies are "type": "file" resources, hashed but not loaded.
    tables = {n: r for n, r in by_name.items() if is_table(r)}
    return Package(
        root=path.parent,
        descriptor_path=path,
        raw=raw,
        version=version if isinstance(version, str) else None,
        names=list(tables),
        raw_resources=tables,
    )


def is_table(res: dict[str, Any]) -> bool:
    """Data Package v2: a resource is a table when its type says so, or, untyped, when it has a schema."""
    kind = res.get("type")
    return kind == "table" or (kind is None and "schema" in res)


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


def check_dialect(name: str, dialect: object) -> None:
    """Raise unless ``dialect`` (a resource's ``"dialect"``) is absent or describes RFC 4180 CSV."""
    if dialect is None:
        return
    if not isinstance(dialect, dict):
        raise DataError(
            '"dialect" must be an inline object: a dialect given as a URL or a file path is never fetched',
            table=name,
        )
    for key, allowed in RFC4180_DIALECT.items():
        value = dialect.get(key)
        if value is not None and value not in allowed:
            raise DataError(
                f"dialect {key} {value!r} is not supported: tables are RFC 4180 CSV "
                "(',' separated, '\"' quoted with doubled inner quotes, one header row)",
                table=name,
            )


def _build_resource(res: dict[str, Any]) -> Resource:
    name = res["name"]
    path = _safe_files.check_path(res.get("path"), table=name)
    fmt = res.get("format", "csv")
    if fmt != "csv":
        raise DataError(f"format {fmt!r} is not supported (csv only)", table=name)
    encoding = str(res.get("encoding", "utf-8")).lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8"):
        raise DataError(f"encoding {encoding!r} is not supported (utf-8 only)", table=name)
    check_dialect(name, res.get("dialect"))
    schema = res.get("schema")
    if not isinstance(schema, dict):
        raise DataError('"schema" must be an inline table schema object', table=name)
    raw_fields = schema.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise DataError('schema has no "fields"', table=name)
    fields = tuple(_build_field(name, f) for f in raw_fields)
    seen: set[str] = set()
    for f in fields:
        if f.name in seen:
            raise DataError("field appears twice in the schema", table=name, column=f.name)
        seen.add(f.name)
    missing = schema.get("missingValues", [""])
    if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
        raise DataError('"missingValues" must be a list of strings', table=name)
    size = res.get("bytes")
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size < 0):
        raise DataError(f'"bytes" must be a non-negative integer, not {size!r}', table=name)
    algo = hex_ = None
    digest = res.get("hash")
    if digest is not None:
        m = _HASH_RE.match(digest) if isinstance(digest, str) else None
        if not m:
            raise DataError(f'"hash" {digest!r} is not "<algorithm>:<hex>"', table=name)
        algo = m["algo"] or "md5"  # Data Package v2: a hash without a prefix is md5
        if algo not in ("sha256", "md5", "sha1", "sha512"):
            raise DataError(f"hash algorithm {algo!r} is not supported", table=name)
        hex_ = m["hex"].lower()
    return Resource(
        name=name,
        path=path,
        fields=fields,
        missing_values=tuple(missing),
        bytes=size,
        hash_algorithm=algo,
        hash_hex=hex_,
        description=res.get("description"),
    )


def _build_field(table: str, raw: object) -> Field:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
        raise DataError(f"schema field {raw!r} has no name", table=table)
    name = raw["name"]
    ftype = raw.get("type", "any")
    if ftype not in DTYPES:
        raise DataError(
            f"type {ftype!r} is not supported by the loader (supported: {', '.join(DTYPES)})",
            table=table,
            column=name,
        )
    kwargs: dict[str, Any] = {"description": raw.get("description")}
    dtype = DTYPES[ftype]
    enum = (raw.get("constraints") or {}).get("enum") if isinstance(raw.get("constraints"), dict) else None
    if ftype == "string" and raw.get("categories") is None and enum is not None:
        # A closed vocabulary: frictionless enforces constraints.enum (not v2 categories),
        # so that is where the descriptor keeps it; it loads as a category like categories do.
        categories = _categories(table, name, enum)
        dtype = pl.Enum(list(categories))
        kwargs["categories"] = categories
    elif ftype == "string" and raw.get("categories") is not None:
        categories = _categories(table, name, raw["categories"])
        dtype = pl.Enum(list(categories))
        kwargs["categories"] = categories
        kwargs["categories_ordered"] = bool(raw.get("categoriesOrdered", False))
    elif ftype == "list":
        item_type = raw.get("itemType", "string")
        if item_type != "string":
            raise DataError(
                f"list itemType {item_type!r} is not supported (string only)", table=table, column=name
            )
        delimiter = raw.get("delimiter", ",")
        if not isinstance(delimiter, str) or not delimiter:
            raise DataError("list delimiter must be a non-empty string", table=table, column=name)
        kwargs["delimiter"] = delimiter
    elif ftype == "boolean":
        for key, default in (("trueValues", DEFAULT_TRUE), ("falseValues", DEFAULT_FALSE)):
            values = raw.get(key, list(default))
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise DataError(f'"{key}" must be a list of strings', table=table, column=name)
            kwargs["true_values" if key == "trueValues" else "false_values"] = tuple(values)
    if ftype in ("date", "datetime") and raw.get("format", "default") != "default":
        raise DataError(
            f"{ftype} format {raw['format']!r} is not supported (ISO 8601 'default' only)",
            table=table,
            column=name,
        )
    return Field(name=name, type=ftype, dtype=dtype, **kwargs)


def _categories(table: str, column: str, raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise DataError('"categories" must be a non-empty list', table=table, column=column)
    values: list[str] = []
    for item in raw:
        value = item.get("value") if isinstance(item, dict) else item
        if not isinstance(value, str):
            raise DataError(f"category {item!r} is not a string (or {{value, label}} object)", table=table, column=column)
        values.append(value)
    if len(set(values)) != len(values):
        raise DataError("categories contain duplicates", table=table, column=column)
    return tuple(values)
