"""The wheel ships the data package inside ``qantar/_data/`` and loads it from there.

The wheel is built from a scratch copy of the project whose data is the fixture package (so
this runs before the real data exists), and from the repository itself once
``datapackage.json`` is there.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import MINIPKG, NO_REAL_DATA, REAL_DESCRIPTOR, REPO

pytestmark = pytest.mark.slow

PROJECT_FILES = ["pyproject.toml", "hatch_build.py", "README.md", "LICENSE", "LICENSE-DATA"]


def build_wheel(source: Path, out: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)]
    if importlib.util.find_spec("hatchling") is not None:
        cmd.insert(4, "--no-build-isolation")  # use the installed hatchling: no network needed
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


def scratch_project(tmp_path: Path, *, data: bool = True, validators: bool = False) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in PROJECT_FILES:
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / "qantar", root / "qantar", ignore=shutil.ignore_patterns("__pycache__", "_data"))
    if data:
        for item in MINIPKG.iterdir():
            (shutil.copytree if item.is_dir() else shutil.copy2)(item, root / item.name)
    if validators:
        (root / "validators").mkdir()
        (root / "validators" / "events.yaml").write_text("rules: []\n", encoding="utf-8")
    return root


def expected_members(root: Path) -> dict[str, bytes]:
    files = [root / "datapackage.json", *sorted((root / "data").glob("*.csv")), *sorted((root / "articles").iterdir())]
    return {f"qantar/_data/{f.relative_to(root).as_posix()}": f.read_bytes() for f in files}


def check_wheel(wheel: Path, root: Path) -> zipfile.ZipFile:
    archive = zipfile.ZipFile(wheel)
    names = set(archive.namelist())
    expected = expected_members(root)
    assert len(expected) >= 3
    for member, content in expected.items():
        assert member in names, f"{member} missing from the wheel"
        assert archive.read(member) == content, f"{member} differs from the repository file"
    version = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert wheel.name.startswith(f"qantar-{version}-")
    assert "qantar/py.typed" in names and "qantar/__init__.py" in names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    requires = [line for line in archive.read(metadata).decode().splitlines() if line.startswith("Requires-Dist:")]
    assert [r for r in requires if "extra ==" not in r] == ["Requires-Dist: polars>=1.10"]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "qantar = qantar.cli:entry" in archive.read(entry_points).decode()
    assert not any(n.startswith(("tests/", "data/", "articles/", "validators/")) for n in names)
    return archive


def test_wheel_ships_data_and_loads_from_it(tmp_path) -> None:
    root = scratch_project(tmp_path, validators=True)
    done = build_wheel(root, tmp_path / "dist")
    assert done.returncode == 0, done.stderr
    wheel = next((tmp_path / "dist").glob("qantar-*.whl"))
    archive = check_wheel(wheel, root)
    assert archive.read("qantar/_data/validators/events.yaml") == b"rules: []\n"
    assert "qantar/_data/validators/__init__.py" not in archive.namelist()

    # Unpacked like site-packages: the loader must find qantar/_data and verify every table.
    site = tmp_path / "site"
    archive.extractall(site)
    probe = (
        "import json, qantar; frames = qantar.load_all(verify=True); "
        "print(json.dumps({'path': str(qantar.path('events')), 'version': qantar.data_version, "
        "'rows': {n: f.height for n, f in frames.items()}}))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert Path(result["path"]) == site / "qantar" / "_data" / "data" / "events.csv"
    assert result["version"] == "0.0.1"
    assert result["rows"] == {"events": 5, "sources": 3, "event_sources": 6}


def test_wheel_is_refused_without_data(tmp_path) -> None:
    root = scratch_project(tmp_path, data=False)
    done = build_wheel(root, tmp_path / "dist")
    assert done.returncode != 0
    assert "refusing to build a qantar wheel without its data" in done.stdout + done.stderr
    assert not list(tmp_path.glob("dist/*.whl"))


def test_real_wheel_contains_the_data_package(tmp_path) -> None:
    if not REAL_DESCRIPTOR.is_file():
        pytest.skip(NO_REAL_DATA)
    source = tmp_path / "checkout"
    shutil.copytree(
        REPO, source,
        ignore=shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", "_data", "build", "dist", "site", ".pytest_cache"),
    )
    done = build_wheel(source, tmp_path / "dist")
    assert done.returncode == 0, done.stderr
    check_wheel(next((tmp_path / "dist").glob("qantar-*.whl")), REPO)
