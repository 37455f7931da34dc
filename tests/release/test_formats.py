"""The formats a release carries for other tools, each read back by the tool it is for, offline.

The folder is written once per session by ``write_exports`` (what ``qantar release`` calls; the
release test checks that the release folder holds these files): Parquet read by pyarrow and
DuckDB, SQLite by R's RSQLite (where R is installed) and DuckDB's SQLite reader (where its
extension can be loaded without the network), Croissant by mlcroissant, the dataset card by Hugging
Face ``datasets``, the Web Annotations resolved against the articles.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from conftest import REPO, hf_env

import qantar
from qantar import model

PACKAGE = model.read(REPO) if (REPO / "datapackage.json").is_file() else None
SQL_DECLARED = {
    "string": "TEXT", "any": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "BOOLEAN",
    "date": "DATE", "datetime": "TIMESTAMP", "list": "TEXT",
}


def rows(name: str) -> int:
    return qantar.load(name).height


# --- SQLite ------------------------------------------------------------------------------------


def declared_types(con: sqlite3.Connection, package: model.Package) -> set[str]:
    """Assert every column declares its descriptor type's SQLite type; the descriptor types seen."""
    seen = set()
    for table in package.tables.values():
        declared = {row[1]: row[2] for row in con.execute(f'PRAGMA table_info("{table.name}")')}
        for f in table.fields:
            assert declared[f.name] == SQL_DECLARED[f.type], (table.name, f.name)
            seen.add(f.type)
    return seen


def test_sqlite_declares_the_descriptor_types(formats_folder: Path) -> None:
    con = sqlite3.connect(formats_folder / "qantar.sqlite")
    assert {"date", "datetime", "integer"} <= declared_types(con, PACKAGE)
    for table in PACKAGE.tables.values():
        assert con.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0] == rows(table.name)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def test_sqlite_is_named_for_datasette_urls(formats_folder: Path) -> None:
    (db,) = formats_folder.glob("*.sqlite")
    assert db.stem.replace("_", "").replace("-", "").isalnum()  # Datasette tilde-encodes every other character


R_SCRIPT = r"""
library(DBI)
con <- dbConnect(RSQLite::SQLite(), "qantar.sqlite", extended_types = TRUE)
out <- list()
for (t in dbListTables(con)) {
  d <- dbReadTable(con, t)
  out[[t]] <- c(nrow(d), vapply(d, function(x) class(x)[1], ""))
}
for (t in names(out)) cat(t, paste(names(out[[t]]), out[[t]], sep = "=", collapse = " "), "\n")
"""
R_CLASSES = {"date": "Date", "datetime": "POSIXct", "integer": "integer", "number": "numeric", "string": "character"}


def r_available() -> bool:
    if not shutil.which("Rscript"):
        return False
    done = subprocess.run(["Rscript", "-e", "library(RSQLite)"], capture_output=True, timeout=120)
    return done.returncode == 0


@pytest.mark.skipif(not r_available(), reason="R with RSQLite is not installed (.ci/install-system-deps installs it)")
def test_r_reads_dates_as_dates(formats_folder: Path) -> None:
    done = subprocess.run(["Rscript", "-e", R_SCRIPT], cwd=formats_folder, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    read = {}
    for line in done.stdout.splitlines():
        name, *pairs = line.split()
        read[name] = dict(p.split("=", 1) for p in pairs)
    for table in PACKAGE.tables.values():
        classes = read[table.name]
        assert int(classes[""]) == rows(table.name), table.name
        for f in table.fields:
            if f.type in R_CLASSES:
                # a column with no value at all has no type to read: RSQLite calls it logical
                assert classes[f.name] in (R_CLASSES[f.type], "logical"), (table.name, f.name, classes[f.name])
    assert read["events"]["date_start"] == "Date"
    assert read["sources"]["published_at"] == "POSIXct"


def duckdb_sqlite() -> bool:
    import duckdb

    try:
        duckdb.connect().execute("LOAD sqlite")
    except duckdb.Error:
        return False
    return True


@pytest.mark.skipif(not duckdb_sqlite(), reason="DuckDB's sqlite extension is not installed (it is downloaded on first use)")
def test_duckdb_reads_the_sqlite_types(formats_folder: Path) -> None:
    import duckdb

    con = duckdb.connect()
    con.execute("LOAD sqlite")
    con.execute(f"ATTACH '{formats_folder / 'qantar.sqlite'}' AS q (TYPE sqlite, READ_ONLY)")
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'events'").fetchall())
    assert types["date_start"] == "DATE"


# --- Parquet -------------------------------------------------------------------------------------


def test_parquet_dates_are_dates_and_vocabularies_dictionaries(formats_folder: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for table in PACKAGE.tables.values():
        schema = pq.read_schema(formats_folder / "parquet" / f"{table.name}.parquet")
        for f in table.fields:
            arrow = schema.field(f.name).type
            if f.categories is not None:
                assert pa.types.is_dictionary(arrow), (table.name, f.name)
                assert pa.types.is_string(arrow.value_type) or pa.types.is_large_string(arrow.value_type)
            elif f.type == "date":
                assert arrow == pa.date32(), (table.name, f.name)
            elif f.type == "datetime":
                assert pa.types.is_timestamp(arrow) and arrow.tz == "UTC", (table.name, f.name)
            elif f.type == "integer":
                assert arrow == pa.int64(), (table.name, f.name)


def test_duckdb_reads_parquet_dates(formats_folder: Path) -> None:
    import duckdb

    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{formats_folder / 'parquet' / 'events.parquet'}'").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["date_start"] == "DATE" and types["date_end"] == "DATE"


# --- Croissant ----------------------------------------------------------------------------------


def croissant(folder: Path) -> dict:
    return json.loads((folder / "croissant.json").read_text(encoding="utf-8"))


def test_croissant_lists_every_file_with_its_sha256(formats_folder: Path) -> None:
    doc = croissant(formats_folder)
    files = {f["contentUrl"]: f["sha256"] for f in doc["distribution"]}
    assert {f"parquet/{t}.parquet" for t in PACKAGE.tables} <= set(files)
    assert {"qantar.sqlite", "annotations.jsonld"} <= set(files)
    for rel, digest in files.items():
        assert hashlib.sha256((formats_folder / rel).read_bytes()).hexdigest() == digest, rel
    assert "references" not in json.dumps(doc["recordSet"])
    assert "references" in doc["description"] and "mlcroissant" in doc["description"]
    assert [r["name"] for r in doc["recordSet"]] == list(PACKAGE.tables)
    assert doc["version"] == PACKAGE.version


CROISSANT_CHECK = """
import json, sys
import mlcroissant as mlc
dataset = mlc.Dataset(jsonld="croissant.json")  # validates: raises on an error
counts, types = {}, {}
for record_set in dataset.metadata.record_sets:
    counts[record_set.name] = sum(1 for _ in dataset.records(record_set=record_set.uuid))
first = next(iter(dataset.records(record_set="events")))
print(json.dumps({"warnings": sorted(map(str, dataset.metadata.issues.warnings)), "counts": counts,
                  "date_start": type(first["events/date_start"]).__name__}))
"""


def test_mlcroissant_validates_and_loads_every_table(formats_folder: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("mlcroissant")), "validate", "--jsonld", "croissant.json"],  # its command
        cwd=formats_folder, capture_output=True, text=True, timeout=600, env=hf_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    done = subprocess.run(
        [sys.executable, "-c", CROISSANT_CHECK], cwd=formats_folder, capture_output=True, text=True, timeout=600,
        env=hf_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["warnings"] == []
    assert result["counts"] == {name: rows(name) for name in PACKAGE.tables}
    assert result["date_start"] in ("Timestamp", "date", "datetime")


# --- Hugging Face ----------------------------------------------------------------------------


HF_CHECK = """
import json, os, sys
from datasets import load_dataset
out = {}
for name in sys.argv[1:]:
    ds = load_dataset(os.getcwd(), name, split="train")
    out[name] = {"rows": ds.num_rows, "features": {k: str(getattr(v, "dtype", type(v).__name__)) for k, v in ds.features.items()},
                 "first": {k: type(v).__name__ for k, v in ds[0].items()}}
print(json.dumps(out))
"""
HF_DTYPES = {"date": "date32", "integer": "int64", "number": "float64", "string": "string", "boolean": "bool"}


def test_hugging_face_loads_every_config_typed(formats_folder: Path, tmp_path: Path) -> None:
    card = (formats_folder / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n") and "\nconfigs:\n" in card
    done = subprocess.run(
        [sys.executable, "-c", HF_CHECK, *PACKAGE.tables], cwd=formats_folder, capture_output=True, text=True,
        timeout=600, env=hf_env(tmp_path / "hf"),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    for table in PACKAGE.tables.values():
        got = loaded[table.name]
        assert got["rows"] == rows(table.name), table.name
        assert list(got["features"]) == table.field_names
        for f in table.fields:
            if f.type in HF_DTYPES:
                assert got["features"][f.name] == HF_DTYPES[f.type], (table.name, f.name, got["features"][f.name])
            elif f.type == "datetime":
                assert got["features"][f.name].startswith("timestamp[us"), (table.name, f.name)
    assert loaded["events"]["first"]["date_start"] == "date"
    assert any((tmp_path / "hf").iterdir())  # the datasets cache went to the test's HF_HOME
    assert not (Path.home() / ".cache" / "huggingface").exists()


# --- Web Annotations --------------------------------------------------------------------------


def ni(data: bytes) -> str:
    return "ni:///sha-256;" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode().rstrip("=")


def test_every_annotation_resolves_to_its_quote(formats_folder: Path) -> None:
    doc = json.loads((formats_folder / "annotations.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld" and doc["type"] == "AnnotationCollection"
    articles = {}
    for f in PACKAGE.files.values():
        data = (REPO / f.path).read_bytes()
        articles[ni(data)] = (f.path, data.decode("utf-8"))
    items = doc["first"]["items"]
    assert doc["total"] == len(items) and len({a["id"] for a in items}) == len(items)
    frames = {name: qantar.load(name) for name in PACKAGE.tables}
    expected = 0
    for table in PACKAGE.tables.values():
        for span in table.spans:
            expected += frames[table.name].filter(pl.col(span.text).is_not_null() & pl.col(span.start).is_not_null()).height
    assert len(items) == expected > 300
    for a in items:
        assert a["type"] == "Annotation"
        path, text = articles[a["target"]["source"]["id"]]  # the article, found by its sha256
        assert a["target"]["source"]["label"] == path
        quote, position = a["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
        assert text.count(quote["prefix"] + quote["exact"] + quote["suffix"]) >= 1
        row_ref, key = a["body"][0], a["body"][1]
        table_name, _, pairs = key["value"].partition(": ")
        table = PACKAGE.tables[table_name]
        assert row_ref["source"] == table.path and row_ref["selector"]["conformsTo"].endswith("rfc7111")
        record = int(row_ref["selector"]["value"].removeprefix("row="))
        row = frames[table_name].row(record - 2, named=True)  # the header is record 1
        assert pairs == ", ".join(f"{c}={row[c]}" for c in table.primary_key)
        assert quote["exact"] in {row[s.text] for s in table.spans}


def test_sqlite_declares_every_field_type(pkg: Path, tmp_path: Path) -> None:
    # the fixture package has every field type, booleans among them (the real data has none yet)
    from qantar.export import write_sqlite

    con = sqlite3.connect(write_sqlite(tmp_path, root=pkg))
    assert {"boolean", "date", "datetime", "list"} <= declared_types(con, model.read(pkg))
    con.close()
