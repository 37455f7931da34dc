"""bench/: the committed results and the docs page that shows them agree (no timing asserted)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _run_module():
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_page_shows_the_committed_results() -> None:
    run = _run_module()
    results = json.loads((REPO / "bench" / "results.json").read_text(encoding="utf-8"))
    assert {"load", "validate", "scale"} <= set(results), "every suite has committed results"
    page = (REPO / "docs" / "performance.md").read_text(encoding="utf-8")
    assert page == run.render_docs(results), "docs/performance.md is stale: python bench/run.py --render-docs"
    for size in ("10000", "100000", "1000000"):
        assert size in results["scale"]


def test_verdicts_follow_the_numbers() -> None:
    run = _run_module()
    load = {"_ratios": {"load_all() / floor": 1.2, "load_all() / pandas read_csv": 0.5}}
    assert run.verdicts({"load": load})[0][2] == "NOT met"
    load["_ratios"]["load_all() / floor"] = 1.1
    load["_ratios"]["load_all() / pandas read_csv"] = 1.01
    (floor, alternatives) = run.verdicts({"load": load})
    assert floor[2] == "met" and alternatives[2] == "NOT met"
