"""The test session writes nothing to the user's cache, and the names check caches nothing at all.

conftest.py points HOME, XDG_CACHE_HOME and QANTAR_CACHE at a folder of the session's own before
anything is imported; here a full `qantar validate` (with the worker process) and the names check
run, and neither the user's cache folders nor the session's own gain a `qantar` entry.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REAL_DESCRIPTOR, REPO, SANDBOX, USER_CACHES


def _snapshot(folders) -> dict[str, tuple[int, int] | None]:
    """Every file and folder under each cache's `qantar` entry, with size and mtime."""
    out: dict[str, tuple[int, int] | None] = {}
    for base in folders:
        root = base / "qantar"
        out[str(root)] = None if not root.exists() else (0, root.stat().st_mtime_ns)
        if root.is_dir():
            for p in sorted(root.rglob("*")):
                st = p.lstat()
                out[str(p)] = (st.st_size, st.st_mtime_ns)
    return out


def test_the_session_has_caches_of_its_own() -> None:
    for var in ("HOME", "XDG_CACHE_HOME", "QANTAR_CACHE"):
        assert Path(os.environ[var]).resolve().is_relative_to(SANDBOX.resolve()), var
    for user in USER_CACHES:
        assert not user.resolve().is_relative_to(SANDBOX.resolve())
    assert Path.home().resolve().is_relative_to(SANDBOX.resolve())


@pytest.mark.slow
@pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="needs the real data package")
def test_validate_writes_no_cache_anywhere(tmp_path: Path) -> None:
    from qantar.validate.inputs import Inputs
    from qantar.validate.rules import coverage_names, coverage_numbers

    own = [Path(os.environ["XDG_CACHE_HOME"]), Path(os.environ["QANTAR_CACHE"]), Path(os.environ["HOME"]) / ".cache"]
    before = _snapshot(USER_CACHES)
    inputs = Inputs(REPO)
    assert list(coverage_numbers.check(inputs)) == [] and list(coverage_names.check(inputs)) == []
    done = subprocess.run([sys.executable, "-m", "qantar", "validate", str(REPO), "--format", "json"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert _snapshot(USER_CACHES) == before
    assert all(v is None for v in _snapshot(own).values()), _snapshot(own)
