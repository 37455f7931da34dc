"""``qantar validate`` on the real data: exit codes, report formats, lazy imports."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from _validate_helpers import REPO, copy_package, read_table, write_table

from qantar.cli.validate import main
from qantar.curate import stamp
from qantar.validate import validate

def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_real_data_fast_layers_raise_nothing() -> None:
    report = validate(REPO, fast=True)
    assert [f.to_dict() for f in report.failures] == []
    for layer in report.layers:
        assert layer.error is None
        assert layer.checks_run > 0


def test_orphan_rules_fail_both_ways(tmp_path: Path) -> None:
    """An actor whose only row is deleted is an orphan; a background place that gains a row is not background."""
    root = copy_package(tmp_path / "pkg")
    header, rows = read_table(root, "statements")
    write_table(root, "statements", header, [r for r in rows if r[header.index("speaker_id")] != "mallinson"])
    header, rows = read_table(root, "figures")
    rows[0][header.index("place_id")] = "ukraine"
    write_table(root, "figures", header, rows)
    report = validate(root, layers=["consistency"])
    found = {(f.rule, f.table, f.column, f.value) for f in report.failures if f.rule.startswith("orphan")}
    assert found == {("orphan-actors", "actors", "actor_id", "mallinson"), ("orphan-places", "places", "place_id", "ukraine")}
    assert any("marked curated_row" in f.message for f in report.failures if f.rule == "orphan-actors")
    assert any("marked background" in f.message for f in report.failures if f.rule == "orphan-places")


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(REPO), "--fast"]) == 0
    assert "everything holds" in capsys.readouterr().out
    damaged = copy_package(tmp_path / "damaged")
    header, rows = read_table(damaged, "memberships")
    member = header.index("member_id")
    write_table(damaged, "memberships", header, [r for r in rows if r[member] != "tajikistan"])  # five members left
    stamp(damaged)  # so that the damage, not the hash, is what fails
    assert main([str(damaged), "--fast"]) == 1
    assert "csto-six-members" in capsys.readouterr().out
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "no such path" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2
    assert "no datapackage.json" in capsys.readouterr().err
    assert main(["--format", "yaml"]) == 2
    capsys.readouterr()


def test_default_path_is_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--layer", "consistency"]) == 0
    out = capsys.readouterr().out
    assert f"qantar validate: {REPO}" in out


def test_json_report_carries_the_same_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_package(tmp_path / "pkg")
    events = (root / "data" / "events.csv").read_text(encoding="utf-8")
    (root / "data" / "events.csv").write_text(events.replace(",occurred,", ",ocurred,", 1), encoding="utf-8")
    assert main([str(root), "--fast", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert [layer["layer"] for layer in data["layers"]] == ["frictionless", "pandera", "consistency"]
    fr = data["layers"][0]
    assert fr["checks_run"] == fr["passed"] + fr["failed"]
    enum = [f for f in fr["failures"] if f["rule"] == "enum"]
    assert enum == [{
        "layer": "frictionless", "layers": ["frictionless"], "rule": "enum", "table": "events", "row": 1,
        "column": "status", "value": "ocurred", "message": enum[0]["message"],
    }]
    # the report's own list names the cell once, with every layer that saw it
    merged = [f for f in data["failures"] if (f["table"], f["row"], f["column"], f["rule"]) == ("events", 1, "status", "enum")]
    assert [f["layers"] for f in merged] == [["frictionless", "pandera"]]
    assert data["summary"]["failures"] == len(data["failures"])
    # the text report says the same
    assert main([str(root), "--fast"]) == 1
    text = capsys.readouterr().out
    assert "table 'events', row 1, column 'status': enum [frictionless, pandera]" in text
    assert "[value: 'ocurred']" in text


def test_python_m_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "qantar.validate", str(REPO), "--layer", "consistency"],
        capture_output=True, text=True, env=_env(), cwd=REPO, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Cross-table consistency" in proc.stdout


def test_importing_qantar_validate_imports_nothing_heavy() -> None:
    code = (
        "import sys, qantar, qantar.validate, qantar.validate.schemas, qantar.cli.validate, qantar.text.numbers\n"
        # polars is qantar's one runtime dependency (the loader imports it); these are the extras
        "heavy = [m for m in ('frictionless', 'pandera', 'great_expectations', 'duckdb', 'pandas')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_missing_library_says_how_to_install(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.modules['great_expectations'] = None\n"  # makes `import great_expectations` fail
        "from qantar.validate import validate\n"
        f"r = validate({str(REPO)!r}, layers=['great_expectations'])\n"
        "print(r.layers[0].error)\n"
        "print(r.to_text())\n"
        "sys.exit(r.exit_code)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=120)
    assert proc.returncode == 2  # nothing failed, nothing was validated
    assert "needs 'great_expectations', which is not installed" in proc.stdout
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("not validated: layer(s) great_expectations could not run: great_expectations not installed")
    assert re.search(r'pip install .*"great[-_]expectations>=[\d.]+"', last) and 'pip install -e ".[validate]"' in last


@pytest.mark.slow
def test_without_the_validate_extra_one_summary_line_says_what_to_install(tmp_path: Path) -> None:
    """Every library of the validate extra missing (stubs that fail to import, in the worker too):
    one line names the layers that could not run and what to install, once; exit 2, not "0 failures"."""
    stubs = tmp_path / "stubs"
    for module in ("frictionless", "pandera", "great_expectations", "duckdb"):
        (stubs / module).mkdir(parents=True)
        (stubs / module / "__init__.py").write_text(f"raise ImportError('no {module} here')\n", encoding="utf-8")
    env = _env()
    env["PYTHONPATH"] = str(stubs) + os.pathsep + env["PYTHONPATH"]
    proc = subprocess.run([sys.executable, "-m", "qantar", "validate", str(REPO)], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "0 failure(s)" not in proc.stdout
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("not validated: layer(s) frictionless, pandera, consistency, great_expectations could not run: "
                           "duckdb, frictionless, great_expectations, pandera[polars] not installed; install the validate "
                           "extra: pip install ")
    assert proc.stdout.count("install the validate extra") == 1  # the hint once, in the summary line
    assert proc.stdout.count("[ERROR]") == 4 and "0 failure(s)" not in proc.stderr


def test_a_hash_or_size_failure_says_run_qantar_stamp(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_package(tmp_path)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    table = next(r for r in descriptor["resources"] if r["name"] == "events")
    table["bytes"] += 1
    table["hash"] = "sha256:" + "0" * 64
    (root / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    assert main([str(root), "--layer", "frictionless"]) == 1
    out = capsys.readouterr().out
    failures = [line for line in out.splitlines() if line.startswith("  - table 'events'")]
    hints = [line for line in out.splitlines() if "what to do:" in line]
    assert {"bytes", "sha256"} <= {f.split(": ")[1].split(" [")[0] for f in failures}, failures
    assert len(hints) == len(failures) and all("`qantar stamp`" in h for h in hints)


def test_versions_agree_explains_what_it_did_not_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_package(tmp_path)
    main([str(root), "--layer", "consistency", "--fast"])
    out = capsys.readouterr().out
    (note,) = [line for line in out.splitlines() if "note: versions-agree" in line and "installed" in line]
    assert "not the copy of the data that ships with the installed qantar" in note and "still are" in note


def test_validators_folder_never_shadows_the_pypi_package() -> None:
    """frictionless imports PyPI's ``validators``; ours is a plain folder of SQL files."""
    assert not (REPO / "validators" / "__init__.py").exists()
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "import frictionless, validators\n"
        "assert hasattr(validators, 'url'), validators\n"
        f"report = frictionless.validate({str(REPO / 'datapackage.json')!r})\n"
        "print(report.valid)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True"


def test_descriptor_that_is_not_json_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_package(tmp_path / "pkg")
    (root / "datapackage.json").write_text("{ not json", encoding="utf-8")
    assert main([str(root), "--fast"]) == 1
    assert "not valid JSON" in capsys.readouterr().out


def test_unpacked_release_without_changelog(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    (root / "CHANGELOG.md").unlink()
    report = validate(root, layers=["consistency"])
    assert report.ok
    assert any("no CHANGELOG.md" in n for n in report.layer("consistency").notes)


def test_without_a_path_the_current_data_package_is_validated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qantar._locate import data_root as default_root
    from qantar.validate import find_root

    copy = copy_package(tmp_path / "copy")
    monkeypatch.chdir(copy)
    assert find_root(None) == copy.resolve()  # a checkout or a contributor's copy
    monkeypatch.chdir(tmp_path)
    assert find_root(None) == default_root()  # elsewhere: the data that ship with qantar
