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
