"""Shared fixtures.

Tests run against ``tests/fixtures/minipkg`` (a tiny made-up data package using every field
type) through the public API, by pointing the loader at a copy of it. Tests of the real data
read the descriptor at the repository root and skip, with a reason, while it is absent.
"""

from __future__ import annotations

import atexit
import csv
import hashlib
import io
import json
import os
import pwd
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import qantar._locate

# Tests never touch the user's cache: this session, and every process it starts, gets a HOME,
# XDG_CACHE_HOME and QANTAR_CACHE of its own (set when the test modules are collected), removed at exit.
# The user's own cache folders are remembered so that a test can prove they stay untouched.
USER_CACHES = tuple(dict.fromkeys(
    p for p in (Path(pwd.getpwuid(os.getuid()).pw_dir) / ".cache",
                Path(os.environ["XDG_CACHE_HOME"]) if os.environ.get("XDG_CACHE_HOME") else None,
                Path(os.environ["QANTAR_CACHE"]) if os.environ.get("QANTAR_CACHE") else None) if p is not None))
SANDBOX = Path(tempfile.mkdtemp(prefix="qantar-tests-home-"))
for _var in ("HOME", "XDG_CACHE_HOME", "QANTAR_CACHE"):
    (SANDBOX / _var.lower()).mkdir()
    os.environ[_var] = str(SANDBOX / _var.lower())
atexit.register(shutil.rmtree, SANDBOX, ignore_errors=True)

REPO = Path(__file__).resolve().parent.parent
MINIPKG = Path(__file__).resolve().parent / "fixtures" / "minipkg"
REAL_DESCRIPTOR = REPO / "datapackage.json"
NO_REAL_DATA = "datapackage.json is not at the repository root yet (the data is merged from main)"


def descriptor_resources(descriptor: Path) -> list[dict]:
    return json.loads(descriptor.read_text(encoding="utf-8"))["resources"]


def csv_data_rows(path: Path) -> int:
    """Data rows of a CSV file counted with the stdlib csv module (header excluded)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) - 1


def rehash(root: Path) -> None:
    """Rewrite every resource's bytes and sha256 so only the intended damage remains."""
    descriptor = root / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    for res in package["resources"]:
        file = root / res["path"]
        if file.is_file():
            data = file.read_bytes()
            res["bytes"] = len(data)
            res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def real_resource_params() -> list:
    """Parameters over the real descriptor's resources, or one skipped parameter."""
    if not REAL_DESCRIPTOR.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=NO_REAL_DATA), id="no-real-data")]
    return [pytest.param(res, id=res["name"]) for res in descriptor_resources(REAL_DESCRIPTOR) if res.get("type", "table") == "table"]


def real_file_params() -> list:
    """Parameters over every resource of the real descriptor, tables and article files."""
    if not REAL_DESCRIPTOR.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=NO_REAL_DATA), id="no-real-data")]
    return [pytest.param(res, id=res["name"]) for res in descriptor_resources(REAL_DESCRIPTOR)]


@pytest.fixture
def pkg(tmp_path: Path) -> Iterator[Path]:
    """A private copy of the fixture package, made the loader's data root."""
    root = tmp_path / "pkg"
    shutil.copytree(MINIPKG, root)
    with qantar._locate.use_root(root):
        yield root


@pytest.fixture
def damage(pkg: Path) -> Callable[..., Path]:
    """``damage(table, edit)``: rewrite a table's bytes with ``edit`` (bytes -> bytes)."""

    def apply(table: str, edit: Callable[[bytes], bytes], *, keep_hash: bool = False) -> Path:
        file = pkg / "data" / f"{table}.csv"
        file.write_bytes(edit(file.read_bytes()))
        if not keep_hash:
            rehash(pkg)
        return file

    return apply


@pytest.fixture(scope="module")
def pristine_copy(tmp_path_factory) -> Path:
    """One copy of the real package per test module (descriptor, data, articles, changelog)."""
    from _validate_helpers import copy_package

    return copy_package(tmp_path_factory.mktemp("pristine") / "pkg")


@pytest.fixture
def real_copy(pristine_copy: Path, tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of the real package, made the loader's data root."""
    root = tmp_path / "pkg"
    shutil.copytree(pristine_copy, root)
    with qantar._locate.use_root(root):
        yield root


@pytest.fixture
def real_root() -> Iterator[Path]:
    if not REAL_DESCRIPTOR.is_file():
        pytest.skip(NO_REAL_DATA)
    with qantar._locate.use_root(REPO):
        yield REPO


def read_csv_text(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture(scope="session")
def formats_folder(tmp_path_factory) -> Path:
    """The formats a release carries for other tools (``write_exports``, as ``qantar release`` writes
    them), built once per session from the real package: Parquet, SQLite, dataset card, Croissant,
    Web Annotations."""
    if not REAL_DESCRIPTOR.is_file():
        pytest.skip(NO_REAL_DATA)
    from qantar.release.build import write_exports

    folder = tmp_path_factory.mktemp("formats")
    write_exports(folder, REPO)
    return folder


def hf_env(home: Path) -> dict[str, str]:
    """An environment in which Hugging Face libraries stay offline and cache under ``home``."""
    return {**os.environ, "HF_HOME": str(home), "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1",
            "HF_HUB_DISABLE_TELEMETRY": "1", "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}
