"""Layers run in worker processes give the report the serial run gives; a broken worker is a failure."""

from __future__ import annotations

import multiprocessing.spawn
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _validate_helpers import REPO, copy_package, misspelt_status_package, read_table, report_facts, write_table

from qantar.curate import stamp
from qantar.validate import WORKER_LAYERS, validate, worker


def test_parallel_and_serial_reports_agree_on_damaged_data(tmp_path: Path) -> None:
    root = misspelt_status_package(tmp_path / "pkg")
    parallel = validate(root, fast=True)
    serial = validate(root, fast=True, parallel=False)
    assert [layer.layer for layer in parallel.layers] == ["frictionless", "pandera", "consistency"]
    assert report_facts(parallel) == report_facts(serial)
    assert {layer for f in parallel.failures for layer in f.layers} >= {"frictionless", "pandera"}
    assert parallel.exit_code == serial.exit_code == 1


@pytest.fixture
def python_of_workers():
    """Set the program the pool starts its workers with (restored afterwards)."""
    before = multiprocessing.spawn.get_executable()
    yield multiprocessing.spawn.set_executable
    multiprocessing.spawn.set_executable(before)


def test_worker_that_dies_is_the_layers_error(python_of_workers) -> None:
    # a "python" that exits 1 without a word: the pool's process dies at once
    python_of_workers("/bin/false")
    report = validate(REPO, fast=True)
    frictionless = report.layer("frictionless")
    assert frictionless.error is not None and "worker process failed" in frictionless.error
    assert not report.ok and report.exit_code == 2  # nothing failed, and the package is not validated
    assert report.to_dict()["summary"]["line"].startswith("not validated: layer(s) frictionless could not run")
    assert report.layer("pandera").ok  # the layers run here are unaffected


def test_worker_that_cannot_start_runs_here(python_of_workers) -> None:
    python_of_workers("/nonexistent/python")
    report = validate(REPO, fast=True)
    assert report.ok, report.to_text()
    assert report.layer("frictionless").checks_run > 100


def test_one_worker_the_slowest_independent_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    assert WORKER_LAYERS == ("great_expectations", "frictionless")
    started = []

    class Spy(worker.ProcessPoolExecutor):
        def submit(self, fn, *args, **kwargs):  # type: ignore[no-untyped-def, override]
            started.append(args[1])
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(worker, "ProcessPoolExecutor", Spy)
    assert validate(REPO, layers=["frictionless", "pandera"]).ok
    assert validate(REPO, layers=["pandera"]).ok
    assert started == ["frictionless"]  # a single layer runs here


@pytest.mark.slow
def test_cli_process_exits_with_the_report_code(tmp_path: Path) -> None:
    # `python -m qantar`: the output is complete and the exit code is the report's
    root = copy_package(tmp_path / "pkg")
    header, rows = read_table(root, "memberships")
    write_table(root, "memberships", header, [r for r in rows if r[header.index("member_id")] != "tajikistan"])
    stamp(root)
    done = subprocess.run(
        [sys.executable, "-m", "qantar", "validate", str(root), "--fast"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert "csto-six-members" in done.stdout
    assert done.stdout.rstrip().endswith("s)") and "failure(s)" in done.stdout.splitlines()[-1]
    assert "Traceback" not in done.stderr


def _running(process) -> bool:  # type: ignore[no-untyped-def]
    # the pool's own thread may reap a killed process before its Process object hears of it: the
    # kernel's word (no such process, or a zombie) settles it where there is a /proc
    if not process.is_alive():
        return False
    try:
        state = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return state != "Z"


def _ended(processes: list, within: float = 20.0) -> bool:
    deadline = time.monotonic() + within
    while any(_running(p) for p in processes) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not any(_running(p) for p in processes)


def test_a_worker_started_early_is_claimed_only_by_its_own_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `qantar validate` starts its worker before importing polars (worker.reserve); the run takes it
    # only when it was started for the same folder, layer and options, and no worker is left behind
    started: list[tuple] = []
    stopped: list[tuple] = []
    real_start, real_stop = worker.start, worker.Worker.stop

    def start(of):  # type: ignore[no-untyped-def]
        started.append(of)
        return real_start(of)

    def stop(self):  # type: ignore[no-untyped-def]
        stopped.append(self.key)
        processes = list((self.pool._processes or {}).values())
        real_stop(self)
        assert processes and _ended(processes)  # not left running


    monkeypatch.setattr(worker, "start", start)
    monkeypatch.setattr(worker.Worker, "stop", stop)
    same = worker.key(REPO, "frictionless", frozenset(), True, None)
    worker.reserve(same)
    assert validate(REPO, fast=True).ok
    assert started == [same] and stopped == [same]  # claimed: no second worker

    started.clear(), stopped.clear()
    other = worker.key(REPO, "frictionless", frozenset({"coverage-names"}), True, None)
    worker.reserve(other)
    assert validate(REPO, fast=True).ok  # other options: the reserved worker is stopped, one started
    assert started == [other, same] and stopped == [other, same]

    started.clear(), stopped.clear()
    broken = copy_package(tmp_path / "pkg")
    (broken / "datapackage.json").write_text("{", encoding="utf-8")
    worker.reserve(worker.key(broken, "frictionless", frozenset(), True, None))
    report = validate(broken, fast=True)
    assert not report.ok and len(started) == 1 and stopped == []  # no layer ran, nothing claimed it
    worker.release()
    assert stopped == started and worker._reserved is None
