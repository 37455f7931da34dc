"""`qantar validate` says what it is doing: a line on standard error when each layer starts and when
it ends, the worker process's layer included, while standard output keeps the report alone."""

from __future__ import annotations

import io
import multiprocessing.spawn
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _validate_helpers import REPO

from qantar.validate import LAYERS, validate

LINE = re.compile(r"qantar validate: (\w+): (started|ok|failed|error)( in [\d.]+ s)?( in a worker process)?")


def _events(text: str) -> list[tuple[str, str, bool]]:
    out = []
    for line in text.splitlines():
        m = LINE.match(line)
        assert m, f"not a progress line: {line!r}"
        out.append((m.group(1), m.group(2), m.group(4) is not None))
    return out


def _each_layer_starts_then_ends(events, layers) -> None:
    for layer in layers:
        mine = [e for e in events if e[0] == layer]
        assert [e[1] for e in mine][0] == "started" and len(mine) == 2, (layer, events)


def test_each_layer_reports_its_start_and_end_here_and_in_the_worker() -> None:
    stream = io.StringIO()
    report = validate(REPO, fast=True, progress=stream)
    assert report.ok
    events = _events(stream.getvalue())
    _each_layer_starts_then_ends(events, ("frictionless", "pandera", "consistency"))
    assert ("frictionless", "started", True) in events and ("frictionless", "ok", True) in events  # the worker's
    assert ("pandera", "ok", False) in events


def test_serial_run_reports_too() -> None:
    stream = io.StringIO()
    assert validate(REPO, layers=["pandera", "consistency"], fast=True, parallel=False, progress=stream).ok
    assert _events(stream.getvalue()) == [("pandera", "started", False), ("pandera", "ok", False),
                                          ("consistency", "started", False), ("consistency", "ok", False)]


def test_a_dead_worker_is_reported_by_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(multiprocessing.spawn, "_python_exe", "/bin/false")
    stream = io.StringIO()
    report = validate(REPO, fast=True, progress=stream)
    assert not report.ok
    assert ("frictionless", "error", True) in _events(stream.getvalue())


def test_no_progress_unless_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert validate(REPO, layers=["pandera"]).ok
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


@pytest.mark.slow
def test_cli_json_stays_clean_and_every_layer_reports_on_stderr(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "qantar", "validate", str(REPO), "--format", "json"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr
    assert [layer["layer"] for layer in json.loads(done.stdout)["layers"]] == list(LAYERS)
    events = _events(done.stderr)
    _each_layer_starts_then_ends(events, LAYERS)
    assert ("great_expectations", "ok", True) in events  # written by the worker process itself
    assert "\x1e" not in done.stderr
