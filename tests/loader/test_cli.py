"""The ``qantar`` command: ``info [--verify]`` and its exit codes (0 ok, 1 failure, 2 usage)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import REPO

from qantar.cli import _shared as _commands
from qantar.cli import build_parser, main


def test_info_lists_every_table(pkg, capsys) -> None:
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "data version 0.0.1" in out
    assert re.search(r"events\s+5 rows × +11 columns", out)
    assert re.search(r"sources\s+3 rows × +7 columns", out)
    assert re.search(r"event_sources\s+6 rows × +6 columns", out)
    assert out.index("  events") < out.index("  sources") < out.index("  event_sources")
    assert "verified" not in out


def test_info_verify(pkg, capsys) -> None:
    assert main(["info", "--verify"]) == 0
    out = capsys.readouterr().out
    assert out.count("verified") == 3 and "all 3 tables match" in out


def test_info_verify_fails_on_changed_byte(pkg, capsys) -> None:
    file = pkg / "data" / "sources.csv"
    file.write_bytes(file.read_bytes().replace(b"Example", b"Exampel"))
    assert main(["info", "--verify"]) == 1
    captured = capsys.readouterr()
    assert re.search(r"sources\s+FAILED", captured.out)
    assert re.search(r"events\s+5 rows", captured.out)  # the other tables are still reported
    assert "qantar: error: table 'sources'" in captured.err and "sha256" in captured.err


def test_info_fails_on_bad_descriptor(pkg, capsys) -> None:
    (pkg / "datapackage.json").write_text("{", encoding="utf-8")
    assert main(["info"]) == 1
    assert "qantar: error:" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["nonsense"], ["info", "--bogus"]])
def test_usage_errors_exit_2(argv, capsys) -> None:
    assert main(argv) == 2
    assert "usage: qantar" in capsys.readouterr().err


def test_help_exits_0(capsys) -> None:
    assert main(["--help"]) == 0
    assert "info" in capsys.readouterr().out


def test_version(pkg, capsys) -> None:
    assert main(["--version"]) == 0
    assert "(data 0.0.1)" in capsys.readouterr().out


def test_commands_are_discovered_from_modules() -> None:
    names = [m.NAME for m in _commands.discover()]
    assert "info" in names and names == sorted(names)
    choices = next(a for a in build_parser()._actions if a.dest == "command").choices
    assert set(choices) == set(names)


def test_module_entry_point_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qantar", "frobnicate"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "invalid choice: 'frobnicate'" in done.stderr


# --- every error says what to do next ---------------------------------------------------------

def test_a_data_error_says_what_to_do(pkg, capsys) -> None:
    file = pkg / "data" / "sources.csv"
    file.write_bytes(file.read_bytes().replace(b"Example", b"Exampel"))
    assert main(["info", "--verify"]) == 1
    err = capsys.readouterr().err
    assert "qantar: what to do: `qantar validate PATH`" in err and "`qantar stamp PATH`" in err


def test_no_command_says_where_the_commands_are(capsys) -> None:
    assert main([]) == 2
    assert "`qantar --help` lists them" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["anchor", "stamp"])
def test_a_folder_without_a_package_says_where_to_run(command, tmp_path, capsys) -> None:
    assert main([command, str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"qantar {command}: no datapackage.json in {tmp_path}: run it in the folder that holds" in err


def test_release_outside_a_checkout_says_where_to_run(tmp_path, capsys) -> None:
    assert main(["release", "--check-bump", "1.0.0", "--root", str(tmp_path)]) == 2
    assert "run it in a clone of the repository, or pass --root CHECKOUT" in capsys.readouterr().err


def test_an_export_into_a_file_is_a_clean_error(pkg, tmp_path, capsys) -> None:
    target = tmp_path / "a-file"
    target.write_text("not a folder\n", encoding="utf-8")
    assert main(["export", "--format", "sqlite", "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("qantar: error: cannot write or read") and "choose another folder" in err
    assert target.read_text(encoding="utf-8") == "not a folder\n"
