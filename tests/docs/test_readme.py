"""The README's claims that can go stale: the test command .ci/run runs, and the row counts."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from _docs_site import copy_repo, damage_events

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", README, flags=re.S)


def test_ci_runs_the_readme_test_command() -> None:
    (test_command,) = [c for c in _commands() if "pytest" in c]
    steps = [s.strip() for s in test_command.split("&&")]
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    # every step, in order, with .ci/run's only addition being its handling of pytest's exit code
    positions = [next(i for i, line in enumerate(ci) if line.startswith(step)) for step in steps]
    assert positions == sorted(positions), (steps, ci)


def _main_command() -> str:
    (main,) = [c for c in _commands() if "qantar validate --report build" in c]
    return main


def test_main_command_validates_and_builds_the_site() -> None:
    main = _main_command()
    assert "mkdocs build --strict" in main and 'pip install -q ".[validate,docs]"' in main


def test_main_command_builds_the_site_when_validation_fails_and_exits_non_zero() -> None:
    """The README's main command, run as written after its install step (with this environment's
    qantar and mkdocs for the .venv's), on a copy of the package whose events table is damaged: the
    site is built, its Validation page shows the failing report, and the command exits non-zero."""
    main = _main_command()
    install = 'pip install -q ".[validate,docs]" && '
    run = main.split(install, 1)[1].replace(".venv/bin/", f"{Path(sys.executable).parent}/")
    root = copy_repo()
    damage_events(root)
    proc = subprocess.run(["bash", "-c", run], cwd=root, capture_output=True, text=True, timeout=1200,
                          env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode != 0, proc.stdout[-2000:]
    report = json.loads((root / "build" / "validation.json").read_text(encoding="utf-8"))
    assert report["ok"] is False and report["failures"]
    page = (root / "site" / "validation.html").read_text(encoding="utf-8")
    assert "Latest run: failed" in page and 'data-table="failures"' in page, proc.stderr[-2000:]


def test_row_counts_in_the_table_overview() -> None:
    rows = dict(re.findall(r"^\| `(\w+)` \| (\d+) \|", README, flags=re.M))
    assert rows, "the README has a table overview"
    for table, count in rows.items():
        with (ROOT / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            assert sum(1 for _ in csv.reader(fh)) - 1 == int(count), table
