"""The ``qantar`` program's own process runs the validator more lightly, with the same report.

``qantar validate`` (``qantar.cli.main.entry``) loads pandera as an install without pandas has it
(``qantar.validate.engines.pandera.load_polars_only``) and Great Expectations without the modules
it imports for what the validator never asks of it (``qantar.validate.deferred``); the
consistency layer hands a small
package to DuckDB as Arrow C streams instead of pyarrow tables
(``qantar.validate.engines.consistency.STREAM_ROWS``). Neither may change a finding.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from _validate_helpers import REPO, copy_package, failure_keys, set_cells

from qantar.validate import validate
from qantar.validate.engines import consistency


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy with damage that pandera and the cross-table rules each report."""
    root = copy_package(tmp_path_factory.mktemp("own") / "pkg")
    set_cells(root, {
        "events": {(0, "date_end"): "1990-06-30", (3, "status"): "planned", (5, "place_id"): ""},
        "actors": {(2, "actor_type"): "place", (4, "name_en"): "", (6, "country_code"): "kz"},
        "figures": {(0, "value"): "-5", (1, "value_high"): "1"},
        "statements": {(0, "speaker_id"): "kazakhstan"},
    })
    return root


def _command(root: Path, *options: str) -> tuple[dict, list[str]]:
    """The JSON report of ``python -m qantar validate`` and the heavy modules its process loaded."""
    code = ("import json, sys; from qantar.cli import entry; code = entry(sys.argv[1:]); "
            "print(json.dumps(sorted(m for m in ('pandas', 'numpy', 'pyarrow', 'hypothesis', 'scipy.stats', 'altair') "
            "if m in sys.modules)), "
            "file=sys.stderr); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, "validate", str(root), "--format", "json", *options],
                          capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout), json.loads(done.stderr.strip().splitlines()[-1])


def _keys(report: dict, layer: str) -> set[tuple]:
    return {(f["layer"], f["rule"], f["table"], f["row"], f["column"], str(f["value"]))
            for f in report["failures"] if f["layer"] == layer}


def test_the_command_checks_pandera_without_pandas_and_reports_the_same(damaged: Path) -> None:
    report, loaded = _command(damaged, "--layer", "pandera")
    assert "pandas" not in loaded and "hypothesis" not in loaded  # installed here (tests, GX), left unloaded
    mine = _keys(report, "pandera")
    library = {k for k in failure_keys(validate(damaged, layers=["pandera"])) if k[0] == "pandera"}
    assert mine == library
    assert len({k[1] for k in mine}) >= 3, mine  # several kinds of pandera check, not one


def test_the_command_checks_gx_without_its_unused_modules_and_reports_the_same(damaged: Path) -> None:
    report, loaded = _command(damaged, "--layer", "great_expectations")
    assert "scipy.stats" not in loaded and "altair" not in loaded  # installed (GX needs them), left unloaded
    assert "pandas" in loaded  # GX checks pandas frames: what it uses is imported as usual
    mine = _keys(report, "great_expectations")
    library = {k for k in failure_keys(validate(damaged, layers=["great_expectations"])) if k[0] == "great_expectations"}
    assert mine == library
    assert len({k[1] for k in mine}) >= 3, mine  # several kinds of expectation, not one


def test_what_gx_imported_deferred_still_works_when_asked_for() -> None:
    # GX's KL divergence expectation holds scipy.stats and altair from its import; used, they load
    code = (
        "import sys; from qantar.validate import engines; from qantar.validate.engines import gx; "
        "from qantar.validate.deferred import deferred\n"
        "with deferred(gx.UNUSED_MODULES): import great_expectations\n"
        "from great_expectations.expectations.core import expect_column_kl_divergence_to_be_less_than as kl\n"
        "before = [m for m in gx.UNUSED_MODULES if m in sys.modules]\n"
        "print(before, kl.stats.entropy([0.5, 0.5], [0.9, 0.1]) > 0, isinstance(kl.alt.Chart, type), "
        "sorted(m for m in gx.UNUSED_MODULES if m in sys.modules), type(sys.modules['altair']).__name__)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[0] == "[] True True ['altair', 'scipy.stats'] module"


def test_a_library_caller_keeps_its_pandera_whole() -> None:
    code = ("import sys; from qantar.cli.validate import main; main(['--layer', 'pandera', '--format', 'json']); "
            "import pandera; print(hasattr(pandera, 'DataFrameSchema'), 'pandas' in sys.modules, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.split()[-2:] == ["True", "True"]  # main() leaves its caller's process as it was


def test_streams_and_pyarrow_tables_give_duckdb_the_same_findings(damaged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    streamed = failure_keys(validate(damaged, layers=["consistency"], fast=True))
    monkeypatch.setattr(consistency, "STREAM_ROWS", 0)  # every relation is "large": pyarrow tables
    tabled = failure_keys(validate(damaged, layers=["consistency"], fast=True))
    assert streamed == tabled
    assert len({k[1] for k in streamed}) >= 3, streamed
