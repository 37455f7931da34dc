"""Shared helpers for the tests of ``qantar.validate`` (imported as a plain module: pytest puts
this folder on sys.path; no conftest.py, so that merging with other branches stays trivial)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from qantar.validate import Report

REPO = Path(__file__).resolve().parents[1]

def copy_package(dest: Path) -> Path:
    """A copy of the repository's data package (descriptor, data, articles, changelog)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "datapackage.json", dest / "datapackage.json")
    shutil.copy2(REPO / "CHANGELOG.md", dest / "CHANGELOG.md")
    shutil.copytree(REPO / "data", dest / "data")
    shutil.copytree(REPO / "articles", dest / "articles")
    return dest


def read_table(root: Path, name: str) -> tuple[list[str], list[list[str]]]:
    text = (root / "data" / f"{name}.csv").read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


def render_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """CSV as the data files are written: minimal quoting, LF line ends, UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def write_table(root: Path, name: str, header: list[str], rows: list[list[str]]) -> None:
    (root / "data" / f"{name}.csv").write_bytes(render_csv(header, rows))


def set_cells(root: Path, edits: dict[str, dict[tuple[int, str], str]]) -> None:
    """Write ``value`` into each (0-based data row, column) of each table, then stamp the package."""
    from qantar.curate import stamp

    for table, cells in edits.items():
        header, rows = read_table(root, table)
        for (i, column), value in cells.items():
            rows[i][header.index(column)] = value
        write_table(root, table, header, rows)
    stamp(root)


def failure_keys(report: Report) -> set[tuple]:
    return {(f.layer, f.rule, f.table, f.row, f.column, str(f.value)) for f in report.failures}



def report_facts(report: Report) -> list:
    """What two runs of the validator must agree on: each layer's counts, error and failures (order aside)."""
    return [
        (layer.layer, layer.checks_run, layer.failed, layer.error, sorted(str(f.to_dict()) for f in layer.failures))
        for layer in report.layers
    ]


def misspelt_status_package(dest: Path) -> Path:
    """A stamped copy of the package whose first event has the status 'ocurred': Frictionless (enum) and
    pandera both report it, the other layers do not."""
    from qantar.curate import stamp

    root = copy_package(dest)
    header, rows = read_table(root, "events")
    rows[0][header.index("status")] = "ocurred"
    write_table(root, "events", header, rows)
    stamp(root)
    return root
