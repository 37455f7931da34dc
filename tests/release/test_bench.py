"""bench/: the committed results and the docs page that shows them agree (no timing asserted)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _bench_module(name: str):
    """A script of bench/ loaded as its own run loads it: with bench/ on the path (its shared module, origin.py)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    sys.path.insert(0, str(REPO / "bench"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(REPO / "bench"))
    return module


def _run_module():
    return _bench_module("run")


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


def test_the_validator_targets_are_judged_from_the_numbers() -> None:
    """Issue 11's targets: full run <= 1.3x `import great_expectations`, --fast < 1.5 s, a million
    rows of pandera + consistency < 10 s and < 1 GiB each, time per row not growing."""
    run = _run_module()
    ratios = {"full run / import great_expectations": 1.29, "full run / great_expectations layer alone": 1.0,
              "--fast run, median seconds": 1.4}
    full, fast = run.verdicts({"validate": {"_ratios": ratios}})
    assert full[2] == "met" and fast[2] == "met"
    ratios |= {"full run / import great_expectations": 1.31, "--fast run, median seconds": 1.5}
    full, fast = run.verdicts({"validate": {"_ratios": ratios}})
    assert full[2] == "NOT met" and fast[2] == "NOT met"

    def step(seconds: float, mib: float) -> dict:
        return {"in_process_median_s": seconds, "rss_mib": mib}

    scale = {"100000": {"rows": 100_000, "pandera": step(0.5, 300), "consistency": step(0.5, 300)},
             "1000000": {"rows": 1_000_000, "pandera": step(4.0, 900), "consistency": step(5.0, 1000)}}
    seconds, memory, linear = run.verdicts({"scale": scale})
    assert [seconds[2], memory[2], linear[2]] == ["met", "met", "met"]
    scale["1000000"]["consistency"] = step(6.5, 1100)  # 10.5 s, 1100 MiB, 1.3x the time per row
    seconds, memory, linear = run.verdicts({"scale": scale})
    assert [seconds[2], memory[2], linear[2]] == ["NOT met", "NOT met", "NOT met"]

    # with the command measured (both layers in one process), the target is judged from that run alone
    scale["100000"][run.BOTH] = step(0.9, 300)
    scale["1000000"][run.BOTH] = step(9.0, 1000)
    seconds, memory, linear = run.verdicts({"scale": scale})
    assert [seconds[2], memory[2]] == ["met", "met"] and "10.5 s as two processes" in seconds[1]
    scale["1000000"][run.BOTH] = step(10.0, 1030)
    seconds, memory, linear = run.verdicts({"scale": scale})
    assert [seconds[2], memory[2]] == ["NOT met", "NOT met"]


# --- the synthetic package is generated from the model ------------------------------------------


def _synth():
    return _bench_module("synth")


def _spans_hold(root: Path) -> dict[str, int]:
    """Every declared span of every table is its article's text; returns the rows checked per span."""
    from qantar import loader, model

    package = model.read(root)
    sources = loader.read(package, package.table("sources"))
    texts = {sid: (root / path).read_text(encoding="utf-8") for sid, path in sources.select("source_id", "path").iter_rows()}
    checked = {}
    for span in package.spans():
        frame = loader.read(package, package.table(span.table)).drop_nulls([span.source, span.start, span.end])
        rows = frame.select(span.source, span.start, span.end, span.text).iter_rows()
        wrong = [(s, a, b, t) for s, a, b, t in rows if texts[s][a:b] != t]
        assert wrong == [], (span.table, span.name, wrong[:3])
        checked[f"{span.table}.{span.name}"] = frame.height
    return checked


def test_synthetic_package_follows_the_declared_spans(tmp_path: Path) -> None:
    """A quoted table the generator has never heard of is copied like the others: new ids in every
    copy, its references into the same copy, its span shifted onto that copy's text."""
    from release_helpers import copy_package

    from qantar import loader, model

    real = copy_package(tmp_path / "real")
    descriptor = json.loads((real / "datapackage.json").read_text(encoding="utf-8"))
    quotes = loader.read(model.read(real), model.read(real).table("event_sources")).head(3)
    lines = ["remark_id,source_id,start_at,end_at,passage"]
    lines += [f"R{i:03d},{s},{a},{b},\"{q}\"" for i, (s, a, b, q) in
              enumerate(quotes.select("source_id", "char_start", "char_end", "quote").iter_rows(), 1)]
    (real / "data" / "remarks.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    descriptor["resources"].insert(5, {
        "name": "remarks", "type": "table", "path": "data/remarks.csv", "schema": {
            "fields": [{"name": "remark_id", "type": "string", "constraints": {"pattern": "^R[0-9]{3}$", "unique": True}},
                       {"name": "source_id", "type": "string"}, {"name": "start_at", "type": "integer"},
                       {"name": "end_at", "type": "integer"}, {"name": "passage", "type": "string"}],
            "primaryKey": ["remark_id"],
            "foreignKeys": [{"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["source_id"]}}],
            "qantar:spans": [{"name": "passage", "kind": "claim", "source": "source_id", "start": "start_at",
                              "end": "end_at", "text": "passage"}],
        },
    })
    (real / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    out = tmp_path / "synthetic"
    facts = _synth().generate(out, 3_000, real_root=real)
    assert facts["requested_rows"] == 3_000 and facts["copies"] >= 3
    remarks = loader.read(model.read(out), model.read(out).table("remarks"))
    assert remarks.height == 3 * facts["copies"] == facts["tables"]["remarks"]
    assert remarks["remark_id"].n_unique() == remarks.height
    assert remarks["remark_id"].str.contains(r"^R[0-9]{3,12}$").all()  # the id pattern widened, nothing else
    sources = set(loader.read(model.read(out), model.read(out).table("sources"))["source_id"])
    assert set(remarks["source_id"]) <= sources and remarks["source_id"].n_unique() > 3
    checked = _spans_hold(out)
    assert checked["remarks.passage"] == remarks.height and checked["figures.number"] > 0
    # it records what it was made from, so the bench regenerates it once the real package changes
    origin = _bench_module("origin")
    assert facts["made_from"] == origin.made_from(real) != origin.made_from(REPO)
