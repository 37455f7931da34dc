"""``import qantar`` is light: not even polars until a table is asked for, and no file is read."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

HEAVY = ["pandas", "pyarrow", "frictionless", "pandera", "great_expectations", "duckdb"]

PROBE = """
import json, sys
import qantar
from qantar import model as _descriptor
print(json.dumps({
    "heavy": sorted(m for m in %r if m in sys.modules),
    "polars": "polars" in sys.modules,
    "parsed": _descriptor._read.cache_info().currsize,
}))
"""


def run_probe(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_is_light_and_reads_nothing() -> None:
    result = run_probe(PROBE % (HEAVY,))
    assert result["heavy"] == []
    assert result["polars"] is False  # imported with the loader, on first use (qantar validate starts its worker first)
    assert result["parsed"] == 0  # the descriptor is read on first use, not at import


def test_the_loader_arrives_on_first_use() -> None:
    probe = PROBE.replace("import qantar\n", "import qantar\nfrom qantar import load, tables\nassert callable(load) and tables()\n")
    result = run_probe(probe % (HEAVY,))
    assert result["heavy"] == [] and result["polars"] is True


def test_cli_import_is_light() -> None:
    result = run_probe(PROBE.replace("import qantar\n", "import qantar.cli; qantar.cli.build_parser()\n") % (HEAVY,))
    assert result["heavy"] == []
