"""Parquet and SQLite exports load back to exactly the frames ``qantar.load`` gives.

Parquet is read with polars; SQLite with the standard library's sqlite3 and polars, turning
the stored text back into types the way docs/exports.md says: dates and datetimes are ISO text
(datetimes as UTC "YYYY-MM-DD HH:MM:SS"), lists are joined by their delimiter, enums are text, booleans 0/1.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from conftest import REAL_DESCRIPTOR, REPO

import qantar
import qantar._locate
from qantar.export import write_parquet, write_sqlite

STORED = {"TEXT": pl.String, "INTEGER": pl.Int64, "REAL": pl.Float64, "DATE": pl.String, "TIMESTAMP": pl.String, "BOOLEAN": pl.Int64}


def read_sqlite(path: Path) -> dict[str, pl.DataFrame]:
    """Every table of an exported database, typed back from the descriptor stored inside it."""
    con = sqlite3.connect(path)
    descriptor = json.loads(con.execute("SELECT value FROM qantar_metadata WHERE key = 'datapackage.json'").fetchone()[0])
    frames = {}
    for res in descriptor["resources"]:
        if res.get("type") != "table":
            continue
        name = res["name"]
        declared = {row[1]: row[2] for row in con.execute(f'PRAGMA table_info("{name}")')}
        cursor = con.execute(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cursor.description]
        frame = pl.DataFrame(cursor.fetchall(), schema={c: STORED[declared[c]] for c in columns}, orient="row")
        converted = []
        for field in res["schema"]["fields"]:
            col, kind = pl.col(field["name"]), field.get("type", "any")
            values = (field.get("constraints") or {}).get("enum") or [
                c.get("value") if isinstance(c, dict) else c for c in field.get("categories") or []
            ]
            if kind == "date":
                col = col.str.to_date("%Y-%m-%d")
            elif kind == "datetime":
                col = col.str.to_datetime("%Y-%m-%d %H:%M:%S%.f", time_unit="us", time_zone="UTC")
            elif kind == "list":
                col = col.str.split(field.get("delimiter", ","))
            elif kind == "boolean":
                col = col.cast(pl.Boolean)
            elif values:
                col = col.cast(pl.Enum(values))
            converted.append(col)
        frames[name] = frame.select(converted)
    con.close()
    return frames


def assert_same_frames(expected: dict[str, pl.DataFrame], actual: dict[str, pl.DataFrame]) -> None:
    assert list(actual) == list(expected)
    for name, frame in expected.items():
        assert actual[name].schema == frame.schema, name
        assert actual[name].equals(frame), name


@pytest.fixture(scope="module")
def real_exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not REAL_DESCRIPTOR.is_file():
        pytest.skip("needs the real data package")
    out = tmp_path_factory.mktemp("exports")
    write_parquet(out / "parquet", root=REPO)
    write_sqlite(out, root=REPO)
    return out


def test_parquet_loads_back_to_the_same_frames(real_exports: Path, real_root: Path) -> None:
    frames = qantar.load_all()
    assert sorted(p.stem for p in (real_exports / "parquet").glob("*.parquet")) == sorted(frames)
    assert_same_frames(frames, {n: pl.read_parquet(real_exports / "parquet" / f"{n}.parquet") for n in frames})


def test_sqlite_loads_back_to_the_same_frames(real_exports: Path, real_root: Path) -> None:
    (db,) = real_exports.glob("*.sqlite")
    assert db.name == "qantar.sqlite"
    assert_same_frames(qantar.load_all(), read_sqlite(db))


def test_every_field_type_round_trips(pkg: Path, tmp_path: Path) -> None:
    # the fixture package has booleans, lists, datetimes with offsets and fractions, categories
    frames = qantar.load_all()
    write_parquet(tmp_path, root=pkg)
    db = write_sqlite(tmp_path, root=pkg)
    assert_same_frames(frames, {n: pl.read_parquet(tmp_path / f"{n}.parquet") for n in frames})
    assert_same_frames(frames, read_sqlite(db))


def test_sqlite_keys_indexes_and_checks(real_exports: Path, tmp_path: Path) -> None:
    descriptor = json.loads(REAL_DESCRIPTOR.read_text(encoding="utf-8"))
    db = tmp_path / "copy.sqlite"  # the checks below try to write: never into the shared export
    db.write_bytes(next(real_exports.glob("*.sqlite")).read_bytes())
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for res in (r for r in descriptor["resources"] if r.get("type") == "table"):
        name, schema = res["name"], res["schema"]
        info = {row[1]: row for row in con.execute(f'PRAGMA table_info("{name}")')}
        assert [row[5] for row in sorted(info.values(), key=lambda r: r[5]) if row[5]] == list(
            range(1, len(schema["primaryKey"]) + 1)
        )
        assert [c for c, row in sorted(info.items(), key=lambda kv: kv[1][5]) if row[5]] == schema["primaryKey"]
        for f in schema["fields"]:
            assert bool(info[f["name"]][3]) == bool((f.get("constraints") or {}).get("required")), (name, f["name"])
        fks = {(row[2], row[3], row[4]) for row in con.execute(f'PRAGMA foreign_key_list("{name}")')}
        expected = {
            (fk["reference"]["resource"] or name, fk["fields"][0], fk["reference"]["fields"][0])
            for fk in schema.get("foreignKeys", [])
        }
        assert fks == expected, name
        indexed = {
            tuple(r[2] for r in con.execute(f'PRAGMA index_info("{idx[1]}")'))
            for idx in con.execute(f'PRAGMA index_list("{name}")')
        }
        for fk in schema.get("foreignKeys", []):
            assert tuple(fk["fields"]) in indexed, (name, fk["fields"])
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE events SET status = 'invented' WHERE event_id = 'E001'")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE events SET place_id = 'nowhere' WHERE event_id = 'E001'")
    version = con.execute("SELECT value FROM qantar_metadata WHERE key = 'version'").fetchone()[0]
    con.close()
    assert version == descriptor["version"]


def test_exports_are_byte_for_byte_reproducible(real_exports: Path, tmp_path: Path) -> None:
    write_parquet(tmp_path / "parquet", root=REPO)
    write_sqlite(tmp_path, root=REPO)
    first = sorted(p.relative_to(real_exports) for p in real_exports.rglob("*") if p.is_file())
    assert first == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    for rel in first:
        assert (real_exports / rel).read_bytes() == (tmp_path / rel).read_bytes(), rel


def test_export_command(tmp_path: Path) -> None:
    if not REAL_DESCRIPTOR.is_file():
        pytest.skip("needs the real data package")

    def run(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "qantar", "export", *args]
        return subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)

    done = run("--format", "sqlite", "--out", str(tmp_path / "db"))
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).is_file() and done.stdout.strip().endswith(".sqlite")
    done = run("--format", "parquet", "--out", str(tmp_path / "pq"))
    assert done.returncode == 0, done.stderr
    tables = [r for r in json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["resources"] if "schema" in r]
    assert len(list((tmp_path / "pq").glob("*.parquet"))) == len(done.stdout.split()) == len(tables) == 13
    assert run("--format", "csv", "--out", str(tmp_path)).returncode == 2
