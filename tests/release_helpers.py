"""Helpers for the release tests: scratch copies of the real data package, and edits to them."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from conftest import REPO

PACKAGE_FILES = ["datapackage.json", "data", "articles", "CHANGELOG.md", "CITATION.cff", "pyproject.toml"]


def copy_package(into: Path) -> Path:
    """A scratch copy of the repository's data package (descriptor, tables, articles, changelog)."""
    into.mkdir(parents=True)
    for name in PACKAGE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, into / name)
        elif source.is_file():
            shutil.copy2(source, into / name)
    return into


def edit_descriptor(root: Path, edit: Callable[[dict], object]) -> None:
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    edit(descriptor)
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def resource(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def field(descriptor: dict, table: str, name: str) -> dict:
    return next(f for f in resource(descriptor, table)["schema"]["fields"] if f["name"] == name)


def read_rows(root: Path, table: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((root / "data" / f"{table}.csv").read_text(encoding="utf-8"), newline="")))


def write_rows(root: Path, table: str, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (root / "data" / f"{table}.csv").write_text(buf.getvalue(), encoding="utf-8", newline="")


def edit_rows(root: Path, table: str, edit: Callable[[list[list[str]]], object]) -> None:
    rows = read_rows(root, table)
    edit(rows)
    write_rows(root, table, rows)


def set_version(root: Path, version: str) -> None:
    edit_descriptor(root, lambda d: d.update(version=version))


def git(root: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-11-22T12:00:00Z",
        "GIT_COMMITTER_DATE": "2026-11-22T12:00:00Z", "HOME": str(root), "PATH": "/usr/bin:/bin:/usr/local/bin",
    }
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout
