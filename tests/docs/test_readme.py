"""The README's claims that can go stale: the test command .ci/run runs, and the row counts."""

from __future__ import annotations

import csv
import re
from pathlib import Path

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


def test_main_command_validates_and_builds_the_site() -> None:
    (main,) = [c for c in _commands() if "qantar validate --report build" in c]
    assert "mkdocs build --strict" in main and 'pip install -q ".[validate,docs]"' in main


def test_row_counts_in_the_table_overview() -> None:
    rows = dict(re.findall(r"^\| `(\w+)` \| (\d+) \|", README, flags=re.M))
    assert rows, "the README has a table overview"
    for table, count in rows.items():
        with (ROOT / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            assert sum(1 for _ in csv.reader(fh)) - 1 == int(count), table
