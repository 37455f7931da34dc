"""The public functions: ``tables``, ``load``, ``load_all``, ``path`` and ``corroboration``.

A table's file is read through ``qantar._safe_files`` (inside the package, a regular file, of
bounded size), optionally checked against the byte count and hash the descriptor records, and
parsed by ``qantar.csvfile`` as the descriptor types it (``qantar.types``). What is checked is
what is loaded: the same bytes.

polars is the native backend. pandas is optional (the ``pandas`` extra: pandas and pyarrow) and
imported only when asked for; the pandas frame keeps the descriptor's types: integers stay
integers with ``<NA>`` for missing (``Int64``), booleans are ``boolean``, categories are
``category`` (ordered when the descriptor says ``categoriesOrdered``), dates are
``datetime64[ms]``, datetimes ``datetime64[us, UTC]``, lists are Python lists.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from qantar import _safe_files, csvfile, model
from qantar._extras import install_hint
from qantar._keywords import strict_keywords
from qantar.errors import DataError

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

Backend = Literal["polars", "pandas"]
BACKENDS = ("polars", "pandas")


def tables() -> list[str]:
    """Names of the tables, in the order of the descriptor's ``resources``."""
    return model.current().names


@overload
def load(name: str, *, backend: Literal["polars"] = ..., verify: bool = ...) -> pl.DataFrame: ...
@overload
def load(name: str, *, backend: Literal["pandas"], verify: bool = ...) -> pd.DataFrame: ...


@strict_keywords
def load(name: str, *, backend: Backend = "polars", verify: bool = False) -> Any:
    """Load one table, typed as ``datapackage.json`` describes it.

    Args:
        name: a table name from ``qantar.tables()``.
        backend: ``"polars"`` (default) or ``"pandas"`` (needs pandas and pyarrow: the ``pandas`` extra).
        verify: first check the file's byte count and sha256 against the descriptor.

    Raises:
        UnknownTableError: ``name`` is not a table of the package (the message lists them).
        DataError: the file is missing, empty or does not match its descriptor; the message
            names the table, row, line, column and value.
        ValueError: unknown ``backend``.
        TypeError: unknown keyword argument (the message lists the valid ones).
        ImportError: ``backend="pandas"`` without pandas/pyarrow installed.
    """
    _check_backend(backend)
    verify = _check_verify(verify)
    package = model.current()
    return _convert(read(package, package.table(name), verify=verify), package.table(name), backend)


@overload
def load_all(*, backend: Literal["polars"] = ..., verify: bool = ...) -> dict[str, pl.DataFrame]: ...
@overload
def load_all(*, backend: Literal["pandas"], verify: bool = ...) -> dict[str, pd.DataFrame]: ...


@strict_keywords
def load_all(*, backend: Backend = "polars", verify: bool = False) -> dict[str, Any]:
    """Load every table: a dict ``name -> frame`` in descriptor order (see ``load``)."""
    _check_backend(backend)
    verify = _check_verify(verify)
    package = model.current()
    return {t.name: _convert(read(package, t, verify=verify), t, backend) for t in package.tables.values()}


@strict_keywords
def path(name: str) -> Path:
    """Filesystem path of a table's CSV file (inside the installed package or the checkout)."""
    package = model.current()
    table = package.table(name)
    table.check_loadable()
    return package.path(table.name)


@strict_keywords
def corroboration(*, backend: Backend = "polars") -> Any:
    """How many sources, and how many independent sources, report each event.

    One row per event: ``n_sources``, ``n_independent_sources``, ``source_ids`` and
    ``independence_groups``. A source's independence group is its ``original_outlet``, else
    its ``outlet``, else the source itself: a translation, repost or close rewrite of another
    outlet's article does not corroborate that outlet's report.
    """
    from qantar.corroboration import corroboration as _corroboration

    _check_backend(backend)
    frame = _corroboration(load("events"), load("event_sources"), load("sources"))
    return frame if backend == "polars" else frame.to_pandas()


# --- reading ---------------------------------------------------------------------------------


def read(package: model.Package, table: model.Table, *, verify: bool = False) -> pl.DataFrame:
    """``table`` of ``package`` (on disk) as a typed polars frame; ``DataError`` if anything is wrong."""
    table.check_loadable()
    if package.root is None:
        raise DataError("the package is not on disk", table=table.name)
    assert table.path is not None  # check_loadable refuses a table without one local path
    where = str(package.root / table.path)
    data = _safe_files.read(package.root, table.path, limit=_safe_files.MAX_TABLE_BYTES, table=table.name)
    if verify:
        check_digest(table, data, where)
    return csvfile.parse(table, data, where)


def check_digest(resource: model.Table | model.FileResource, data: bytes, where: str) -> None:
    """Raise ``DataError`` unless ``data`` has the byte count and hash the descriptor records."""
    if resource.bytes is None and resource.hash_hex is None:
        raise DataError(
            'verify=True, but the descriptor records neither "bytes" nor "hash" for this table',
            table=resource.name, path=where,
        )
    if resource.bytes is not None and len(data) != resource.bytes:
        raise DataError(
            f"file has {len(data)} bytes but the descriptor records {resource.bytes}: "
            "the file is not the one the descriptor describes",
            table=resource.name, path=where,
        )
    if resource.hash_hex is not None:
        actual = hashlib.new(resource.hash_algorithm or "sha256", data).hexdigest()
        if actual != resource.hash_hex:
            raise DataError(
                f"{resource.hash_algorithm} of the file is {actual} but the descriptor records "
                f"{resource.hash_hex}: the file is not the one the descriptor describes",
                table=resource.name, path=where,
            )


# --- backends --------------------------------------------------------------------------------


def _check_verify(verify: object) -> bool:
    if not isinstance(verify, bool):
        raise TypeError(f"verify must be True or False, not {verify!r}")
    return verify


def _check_backend(backend: object) -> None:
    """Fail before any work if ``backend`` is unknown or its libraries are missing."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; valid backends: {', '.join(BACKENDS)}")
    if backend == "pandas":
        require_pandas()


def require_pandas() -> None:
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f'backend="pandas" needs pandas and pyarrow, which are not installed: {install_hint("pandas")}',
            name=exc.name,
        ) from exc


def _convert(frame: pl.DataFrame, table: model.Table, backend: str) -> Any:
    return frame if backend == "polars" else to_pandas(frame, table)


def to_pandas(frame: pl.DataFrame, table: model.Table) -> pd.DataFrame:
    """``frame`` as pandas, keeping the descriptor's types (see the module's docstring)."""
    import pandas as pd
    import pyarrow as pa

    mapper = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    out = frame.to_pandas(types_mapper=mapper.get)
    for field in table.fields:
        if field.categories is not None:
            column = out[field.name]
            out[field.name] = column.cat.as_ordered() if field.categories_ordered else column.cat.as_unordered()
        elif field.type == "list":
            out[field.name] = pd.Series(frame[field.name].to_list(), index=out.index, dtype=object)
    return out
