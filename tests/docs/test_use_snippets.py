"""The snippets of docs/use.md, run in a folder holding the release's formats.

Every ``python`` block runs (each in a fresh interpreter, Hugging Face kept offline); the ``r``
blocks run where R and RSQLite are installed; the ``sql`` block (DuckDB on the SQLite file) runs
where DuckDB's sqlite extension loads without the network. Blocks marked ``console`` are
commands (``qantar browse`` is tested in tests/release/test_browse.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, hf_env

PAGE = REPO / "docs" / "use.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)


def blocks(language: str) -> list[str]:
    return [code for lang, code in BLOCK.findall(PAGE.read_text(encoding="utf-8")) if lang == language]


def test_the_page_has_a_snippet_for_each_tool() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for tool in ("polars", "pandas", "DuckDB", "R", "Datasette", "Hugging Face"):
        assert re.search(rf"^## {re.escape(tool)}$", text, re.M), tool
    assert len(blocks("python")) >= 6 and blocks("r") and blocks("sql")
    assert "crosswalk" in text


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_snippet_runs(index: int, formats_folder: Path, tmp_path: Path) -> None:
    code = blocks("python")[index]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=formats_folder, capture_output=True, text=True, timeout=600, env=hf_env(tmp_path),
    )
    assert done.returncode == 0, f"{code}\n{done.stderr[-3000:]}"
    assert done.stdout.strip()  # every snippet shows something


def test_r_snippet_runs(formats_folder: Path) -> None:
    if not shutil.which("Rscript") or subprocess.run(["Rscript", "-e", "library(RSQLite)"], capture_output=True, timeout=120).returncode:
        pytest.skip("R with RSQLite is not installed (.ci/install-system-deps installs it)")
    for code in blocks("r"):
        done = subprocess.run(["Rscript", "-e", code], cwd=formats_folder, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{code}\n{done.stderr[-3000:]}"


def test_duckdb_sqlite_snippet_runs(formats_folder: Path) -> None:
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("LOAD sqlite")
    except duckdb.Error:
        pytest.skip("DuckDB's sqlite extension is not installed here (INSTALL downloads it; tests stay offline)")
    (code,) = blocks("sql")
    code = code.replace("INSTALL sqlite; ", "")
    with_cwd = code.replace("'qantar.sqlite'", f"'{formats_folder / 'qantar.sqlite'}'")
    result = None
    for statement in filter(str.strip, with_cwd.split(";")):
        result = con.execute(statement).fetchall()
    assert result
