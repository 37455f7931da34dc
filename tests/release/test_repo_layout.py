"""Repository rules that keep the package and its tools working."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO


def test_validators_folder_is_not_a_package() -> None:
    # frictionless imports the PyPI package `validators`; a validators/__init__.py at the
    # repository root would shadow it whenever the root is on sys.path.
    assert not (REPO / "validators" / "__init__.py").exists()


def test_pypi_validators_wins_from_the_repository_root() -> None:
    pytest.importorskip("validators", reason="the validate extra is not installed")
    done = subprocess.run(
        [sys.executable, "-c", "import validators; print(validators.__file__)"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert not done.stdout.strip().startswith(str(REPO / "validators"))
    assert done.stdout.strip().endswith("__init__.py")


def test_ci_script_is_executable_and_strict() -> None:
    script = REPO / ".ci" / "run"
    text = script.read_text(encoding="utf-8")
    assert script.stat().st_mode & 0o111
    assert "set -euo pipefail" in text and '-e ".[test]"' in text and "-eq 5" in text


def test_ci_waits_for_the_apt_lock() -> None:
    # Another apt/dpkg (unattended-upgrades, a second job) may hold the lock: apt-get waits for it.
    lines = (REPO / ".ci" / "install-system-deps").read_text(encoding="utf-8").splitlines()
    calls = [line for line in lines if "apt-get " in line and not line.lstrip().startswith("#")]
    assert len(calls) == 2, calls  # update and install
    assert all('"${wait_for_lock[@]}"' in line for line in calls), calls
    assert any('wait_for_lock=(-o "DPkg::Lock::Timeout=' in line for line in lines)


def _imports(path) -> set[str]:
    """The qantar modules a file imports (absolute or relative), at any depth of the file."""
    import ast

    package = ".".join(path.relative_to(REPO).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module) if p)
            found |= {module} | {f"{module}.{a.name}" for a in node.names}
    return {m for m in found if m == "qantar" or m.startswith("qantar.")}


def test_nothing_below_release_imports_it() -> None:
    """Release is the top of the library (only the command line is above it): no other module of
    qantar imports it, not even inside a function."""
    above = ("qantar/release/", "qantar/cli/")
    offenders = {
        path.relative_to(REPO).as_posix(): sorted(m for m in _imports(path) if m.startswith("qantar.release"))
        for path in sorted((REPO / "qantar").rglob("*.py"))
        if not path.relative_to(REPO).as_posix().startswith(above)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_release_export_citation_reliability_and_bench_read_through_the_model() -> None:
    """These read datapackage.json, the tables and the files through the model, the loader, csvfile
    and _safe_files: no CSV reader and no JSON parse of their own (the benchmark's own results and
    a child process's output aside)."""
    import ast

    modules = [REPO / "qantar" / "citation.py", *(REPO / "qantar" / "export").glob("*.py"),
               *(REPO / "qantar" / "release").glob("*.py"), *(REPO / "qantar" / "reliability").glob("*.py"),
               *(REPO / "bench").glob("*.py")]
    readers = {"read_csv", "scan_csv", "DictReader", "reader", "load", "loads"}
    allowed = {("bench/run.py", "loads")}  # results.json, synthetic.json and the children's JSON lines
    found = []
    for path in modules:
        rel = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom) and any(a.name == "csv" for a in node.names):
                found.append(f"{rel}:{node.lineno} import csv")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in readers:
                owner = node.func.value
                if isinstance(owner, ast.Name) and owner.id in ("json", "csv", "pl", "pd", "polars") \
                        and (rel, node.func.attr) not in allowed:
                    found.append(f"{rel}:{node.lineno} {owner.id}.{node.func.attr}")
    assert found == []
