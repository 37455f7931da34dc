"""Exports of the typed tables: Parquet (one file per table) and SQLite (one database).

Both are written from ``qantar.load`` (so they hold exactly the loaded, typed frames) and are
byte-for-byte reproducible: the same data give the same files. The formats built on them, each in
its own module, are written by ``qantar release`` (docs/use.md): ``croissant`` (Croissant JSON-LD),
``hfcard`` (the Hugging Face dataset card), ``annotations`` (W3C Web Annotations of every quote)
and ``datasette`` (the metadata ``qantar browse`` serves the database with).

Parquet: ``<table>.parquet``, written by polars with zstd (level 9) and column statistics;
every type as loaded: dates as ``date32``, vocabularies (Enum columns) as dictionary columns
(polars reads them back as Enum, Arrow and Hugging Face datasets as strings), lists as lists of
strings, datetimes as UTC microsecond timestamps.

SQLite (``qantar.sqlite``: no dots but the suffix, so Datasette's URLs name the database
``qantar`` and its foreign-key links work; the version is in ``qantar_metadata``): one table per
data table, in descriptor order, with ``PRIMARY KEY``, ``NOT NULL`` (required), ``UNIQUE``,
``FOREIGN KEY`` clauses and an index per foreign key; a ``qantar_metadata`` table holds the version
and the descriptor. Declared types are the ones DuckDB's SQLite reader and RSQLite's
``extended_types`` turn into dates, timestamps and booleans:

=========== =========================================================================
descriptor  SQLite column
=========== =========================================================================
string      TEXT (an enum: TEXT with ``CHECK (col IN (...))``)
integer     INTEGER
number      REAL
boolean     BOOLEAN, stored 0/1 with ``CHECK (col IN (0, 1))``
date        DATE, ISO 8601 text ``YYYY-MM-DD``
datetime    TIMESTAMP, UTC text ``YYYY-MM-DD HH:MM:SS`` (SQLite's own ``datetime()`` form;
            a fraction only when non-zero)
list        TEXT, the items joined by the field's delimiter (``|`` in Qantar)
=========== =========================================================================

Missing values are NULL. Reproducible: a fixed page size, rows in file order, no timestamps,
and ``VACUUM`` last. Both formats are written atomically (``qantar._atomic``): a killed or
concurrent export never leaves a partial file.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import polars as pl

from qantar import _atomic
from qantar.model import Package, Table

PARQUET_OPTIONS: dict[str, Any] = {"compression": "zstd", "compression_level": 9, "statistics": True}
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S%.f"
SQL_TYPES = {
    "string": "TEXT", "any": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "BOOLEAN",
    "date": "DATE", "datetime": "TIMESTAMP", "list": "TEXT",
}
PAGE_SIZE = 4096


def _loaded(root: str | Path | None) -> tuple[Package, dict[str, pl.DataFrame]]:
    """The package (descriptor) and every table, verified against its bytes and hash."""
    from qantar import loader, model

    package = model.current() if root is None else model.read(root)
    return package, {t.name: loader.read(package, t, verify=True) for t in package.tables.values()}


def write_parquet(out: str | Path, *, root: str | Path | None = None) -> list[Path]:
    """Write ``<table>.parquet`` for every table into ``out``; returns the files.

    Each file is replaced atomically, and only once every table has been written, so a failed
    or killed export leaves the files that were there before."""
    _, frames = _loaded(root)
    out = Path(out)
    with ExitStack() as stack:
        for name, frame in frames.items():
            fh = stack.enter_context(_atomic.open_replacing(out / f"{name}.parquet", "wb"))
            frame.write_parquet(fh, **PARQUET_OPTIONS)
    return [out / f"{name}.parquet" for name in frames]


#: One name for every version (the release folder and ``qantar_metadata`` carry the version): a
#: dot in the stem would reach Datasette's URLs, where it breaks the links between tables.
SQLITE_NAME = "qantar.sqlite"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def create_table(table: Table) -> tuple[str, list[str]]:
    """``CREATE TABLE`` and ``CREATE INDEX`` statements for one table of the package."""
    pk = list(table.primary_key)
    lines = []
    for field in table.fields:
        col = _q(field.name)
        sql = f"  {col} {SQL_TYPES.get(field.type, 'TEXT')}"
        if field.required:
            sql += " NOT NULL"
        if field.unique and pk != [field.name]:
            sql += " UNIQUE"
        if field.categories is not None:
            sql += f" CHECK ({col} IN ({', '.join(_literal(v) for v in field.categories)}))"
        if field.type == "boolean":
            sql += f" CHECK ({col} IN (0, 1))"
        note = {
            "date": "ISO 8601 date", "datetime": "UTC, YYYY-MM-DD HH:MM:SS",
            "list": f"list, items joined by {field.delimiter!r}",
        }
        lines.append(sql + (f"  -- {note[field.type]}" if field.type in note else ""))
    constraints_sql = []
    if pk:
        constraints_sql.append(f"  PRIMARY KEY ({', '.join(map(_q, pk))})")
    indexes = []
    for rel in table.relations:
        columns, referenced = ", ".join(map(_q, rel.fields)), ", ".join(map(_q, rel.ref_fields))
        constraints_sql.append(f"  FOREIGN KEY ({columns}) REFERENCES {_q(rel.ref_table)} ({referenced})")
        indexes.append(f"CREATE INDEX {_q(table.name + '__' + '__'.join(rel.fields))} ON {_q(table.name)} ({columns})")
    body = []
    for i, line in enumerate(lines + constraints_sql):
        last = i == len(lines) + len(constraints_sql) - 1
        code, _, comment = line.partition("  -- ")
        body.append(code + ("" if last else ",") + (f"  -- {comment}" if comment else ""))
    return f"CREATE TABLE {_q(table.name)} (\n" + "\n".join(body) + "\n)", indexes


def sqlite_frame(frame: pl.DataFrame, table: Table) -> pl.DataFrame:
    """The frame as stored in SQLite: dates and datetimes as ISO text, lists joined, enums as text."""
    columns = []
    for field in table.fields:
        col = pl.col(field.name)
        if field.type == "date":
            col = col.dt.strftime("%Y-%m-%d")
        elif field.type == "datetime":
            col = col.dt.convert_time_zone("UTC").dt.strftime(DATETIME_FORMAT)
        elif field.type == "list":
            col = col.list.join(field.delimiter)
        elif field.type == "boolean":
            col = col.cast(pl.Int64)
        elif field.categories is not None:
            col = col.cast(pl.String)
        columns.append(col)
    return frame.select(columns)


def write_sqlite(out: str | Path, *, root: str | Path | None = None) -> Path:
    """Write ``qantar.sqlite`` into ``out``; returns the file."""
    package, frames = _loaded(root)
    path = Path(out) / SQLITE_NAME
    with _atomic.replacing(path) as tmp:  # a private file per writer: concurrent exports never meet
        _fill_sqlite(tmp, package, frames)
    return path


def _fill_sqlite(tmp: Path, package: Package, frames: dict[str, pl.DataFrame]) -> None:
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        con.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        # The file is private to this writer and discarded on failure: a journal on disk would
        # only be litter a killed export leaves (and the header bytes are the same).
        con.execute("PRAGMA journal_mode = MEMORY")
        con.execute("BEGIN")
        con.execute('CREATE TABLE "qantar_metadata" (\n  "key" TEXT PRIMARY KEY,\n  "value" TEXT NOT NULL\n)')
        meta = {
            "name": package.raw.get("name"),
            "version": package.version,
            "datapackage.json": json.dumps(package.raw, ensure_ascii=False),
        }
        con.executemany('INSERT INTO "qantar_metadata" VALUES (?, ?)', [(k, v) for k, v in meta.items() if v is not None])
        for name, frame in frames.items():
            table_sql, indexes = create_table(package.tables[name])
            con.execute(table_sql)
            stored = sqlite_frame(frame, package.tables[name])
            marks = ", ".join("?" * stored.width)
            con.executemany(f"INSERT INTO {_q(name)} VALUES ({marks})", stored.iter_rows())
            for sql in indexes:
                con.execute(sql)
        con.execute("COMMIT")
        broken = con.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"foreign keys do not hold in the export: {broken[:5]}")
        con.execute("VACUUM")
    finally:
        con.close()
