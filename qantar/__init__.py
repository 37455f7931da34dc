"""Qantar: an open, versioned dataset about Kazakhstan's January 2022 unrest.

The data is a Frictionless Data Package (v2): CSV tables described by ``datapackage.json``,
which is the single source of truth for table names, columns, types, keys and descriptions.
This package ships the data inside the wheel and loads each table already typed.

Usage::

    import qantar

    qantar.tables()                      # table names, in descriptor order
    events = qantar.load("events")       # a polars DataFrame, typed per the descriptor
    events = qantar.load("events", backend="pandas")  # needs the pandas extra (pandas, pyarrow)
    frames = qantar.load_all(verify=True)  # every table; check sizes and sha256 first
    qantar.data_version                  # the data package's version
    qantar.path("events")                # where the CSV file is
    qantar.corroboration()               # sources and independent sources per event
    print(qantar.cite("bibtex"))          # how to cite this version ("apa", "bibtex", "cff")

From a shell: ``qantar info --verify``, ``qantar cite --format bibtex``,
``qantar export --format parquet --out DIR``.

Types: ``string`` -> String, ``string`` with ``categories`` -> Enum (categories in descriptor
order), ``integer`` -> Int64, ``number`` -> Float64, ``boolean`` -> Boolean, ``date`` ->
Date, ``datetime`` -> Datetime("us", "UTC"), ``list`` -> List(String). Empty cells are
missing (null).

Errors: bad data raises ``qantar.DataError`` naming the table, row, line, column and value;
an unknown table raises ``qantar.UnknownTableError`` listing the valid names.

The columns of each table are documented in the descriptor (``description`` of each field).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qantar.errors import DataError, UnknownTableError

if TYPE_CHECKING:
    from qantar.loader import corroboration, load, load_all, path, tables

    __version__: str
    data_version: str | None

__all__ = [
    "DataError",
    "UnknownTableError",
    "__version__",
    "cite",
    "corroboration",
    "data_version",
    "load",
    "load_all",
    "path",
    "tables",
]

_LAZY = ("__version__", "data_version")
#: the loader's functions, imported (with polars) when first used
_LOADER = ("corroboration", "load", "load_all", "path", "tables")


def cite(style: str = "apa") -> str:
    """How to cite the installed data version: ``"apa"`` (default), ``"bibtex"`` or ``"cff"``.

    Generated from the installed ``datapackage.json`` (see ``qantar.citation``), so it always
    names the version you have.
    """
    from qantar.citation import cite as _cite

    return _cite(style)


def __getattr__(name: str) -> object:
    # Read lazily: importing qantar reads no file, and imports polars only when a table is asked
    # for (``qantar validate`` starts its worker process first: 0.2 s sooner)
    if name in _LOADER:
        from qantar import loader

        return getattr(loader, name)
    if name == "data_version":
        from qantar.model import current

        return current().version
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("qantar")
        except PackageNotFoundError:  # running from a source tree that is not installed
            from qantar.model import current

            return current().version
    raise AttributeError(f"module 'qantar' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | set(_LOADER))
