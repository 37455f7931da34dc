"""The untouched real data raise nothing, in any layer: no false positive, ever.

Strict on purpose: every layer runs (none errors, none is left out), every rule of the
catalogue runs (none skipped), and not one failure is reported, both through the command line
(a worker process, the lean pandera import of ``qantar.validate.lean``) and in one process.
A rule that fires on the real data is either a wrong rule or a real problem of the data: both
are fixed, never excused here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from _validate_helpers import REPO

from qantar.validate import LAYERS, catalogue, schemas, validate
from qantar.validate.report import LayerResult

#: The notes a clean run may carry, each saying what is not compared and why (the only one: a
#: checkout validated beside a non-editable install, whose data are another copy).
DOCUMENTED_NOTES = ("versions-agree: this is not the copy of the data that ships with the installed qantar",)


def _assert_clean(layers: list[dict]) -> None:
    assert [layer["layer"] for layer in layers] == list(LAYERS), "every layer runs"
    for layer in layers:
        name = layer["layer"]
        assert layer["error"] is None, (name, layer["error"])
        assert layer["checks_run"] > 0, f"{name} ran no check"
        assert layer["failures"] == [], (name, layer["failures"][:5])
        assert layer["failed"] == 0 and layer["passed"] == layer["checks_run"], name
        assert layer["skipped"] == [], (name, layer["skipped"])
        assert all(note.startswith(DOCUMENTED_NOTES) for note in layer["notes"]), (name, layer["notes"])


def test_the_command_line_finds_nothing_in_the_real_data(tmp_path) -> None:
    env = dict(os.environ, HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "qantar", "validate", str(REPO), "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600,
    )
    report = json.loads(done.stdout)
    _assert_clean(report["layers"])
    assert report["ok"] and report["failures"] == [] and done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def serial_run():
    """One in-process run of every layer, recording the id of every check each layer runs."""
    seen: dict[str, list[str]] = {}
    original = LayerResult.check

    def recording(self: LayerResult, check_id: str) -> None:
        seen.setdefault(self.layer, []).append(check_id)
        original(self, check_id)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(LayerResult, "check", recording)
        report = validate(REPO, parallel=False)
    return report, seen


def test_every_layer_in_one_process_finds_nothing(serial_run) -> None:
    report, seen = serial_run
    _assert_clean([layer.to_dict() for layer in report.layers])
    assert report.ok and report.exit_code == 0
    for layer in report.layers:
        assert len(seen[layer.layer]) == layer.checks_run


def test_every_rule_of_the_catalogue_ran_on_the_real_data(serial_run) -> None:
    _, seen = serial_run
    ran = set(seen["consistency"])
    rules = [r.name for r in catalogue.sql_rules()] + [r.name for r in catalogue.python_rules()]
    assert rules and not set(rules) - ran, sorted(set(rules) - ran)
    row_rules = {r.check_name for r in schemas.rules()}
    pandera_checks = {c.split(":", 1)[1] for c in seen["pandera"]}
    assert row_rules and not row_rules - pandera_checks, sorted(row_rules - pandera_checks)
