"""The public functions: ``tables``, ``load``, ``load_all`` and ``path``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from qantar import _backends, _descriptor, _read
from qantar._keywords import strict_keywords

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

Backend = Literal["polars", "pandas"]


def _check_verify(verify: object) -> bool:
    if not isinstance(verify, bool):
        raise TypeError(f"verify must be True or False, not {verify!r}")
    return verify


def tables() -> list[str]:
    """Names of the tables, in the order of the descriptor's ``resources``."""
    return list(_descriptor.current().names)


@overload
def load(name: str, *, backend: Literal["polars"] = ..., verify: bool = ...) -> pl.DataFrame: ...
@overload
def load(name: str, *, backend: Literal["pandas"], verify: bool = ...) -> pd.DataFrame: ...


@strict_keywords
def load(name: str, *, backend: Backend = "polars", verify: bool = False) -> Any:
    """Load one table, typed as ``datapackage.json`` describes it.

    Args:
        name: a table name from ``qantar.tables()``.
        backend: ``"polars"`` (default) or ``"pandas"`` (needs ``pip install "qantar[pandas]"``).
        verify: first check the file's byte count and sha256 against the descriptor.

    Raises:
        UnknownTableError: ``name`` is not a table of the package (the message lists them).
        DataError: the file is missing, empty or does not match its descriptor; the message
            names the table, row, line, column and value.
        ValueError: unknown ``backend``.
        TypeError: unknown keyword argument (the message lists the valid ones).
        ImportError: ``backend="pandas"`` without pandas/pyarrow installed.
    """
    _backends.check(backend)
    verify = _check_verify(verify)
    package = _descriptor.current()
    resource = package.resource(name)
    frame = _read.read(package.root, resource, verify=verify)
    return _backends.convert(frame, resource, backend)


@overload
def load_all(*, backend: Literal["polars"] = ..., verify: bool = ...) -> dict[str, pl.DataFrame]: ...
@overload
def load_all(*, backend: Literal["pandas"], verify: bool = ...) -> dict[str, pd.DataFrame]: ...


@strict_keywords
def load_all(*, backend: Backend = "polars", verify: bool = False) -> dict[str, Any]:
    """Load every table: a dict ``name -> frame`` in descriptor order (see ``load``)."""
    _backends.check(backend)
    verify = _check_verify(verify)
    package = _descriptor.current()
    frames: dict[str, Any] = {}
    for name in package.names:
        resource = package.resource(name)
        frames[name] = _backends.convert(_read.read(package.root, resource, verify=verify), resource, backend)
    return frames


@strict_keywords
def path(name: str) -> Path:
    """Filesystem path of a table's CSV file (inside the installed package or the checkout)."""
    return _descriptor.current().file(name)


@strict_keywords
def corroboration(*, backend: Backend = "polars") -> Any:
    """How many sources, and how many independent sources, report each event.

    One row per event: ``n_sources``, ``n_independent_sources``, ``source_ids`` and
    ``independence_groups``. A source's independence group is its ``original_outlet``, else
    its ``outlet``, else the source itself: a translation, repost or close rewrite of another
    outlet's article does not corroborate that outlet's report.
    """
    from qantar.provenance.corroboration import corroboration as _corroboration

    _backends.check(backend)
    frame = _corroboration(load("events"), load("event_sources"), load("sources"))
    return frame if backend == "polars" else frame.to_pandas()
