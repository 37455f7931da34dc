"""The Great Expectations layer: the real data pass; a distribution shift is caught by GX
alone; the HTML report is self-contained."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _validate_helpers import REPO, copy_package, read_table, set_cells, write_table

from qantar.validate import validate
from qantar.curate import stamp


def test_gx_on_the_real_data_and_on_a_damaged_copy(tmp_path: Path) -> None:
    report = validate(REPO, report_dir=tmp_path / "real")
    assert report.ok, report.to_text()
    gx = report.layer("great_expectations")
    assert gx.checks_run >= 150 and gx.failed == 0
    assert len(gx.details) == gx.checks_run

    html = (tmp_path / "real" / "validation-report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), "nothing is fetched"
    assert "<style>" in html and "everything holds" in html

    # every event relabelled 'claimed': valid for every schema, but not the distribution GX expects
    # (most events reported as having occurred); the time rules also see claimed events dated after
    # their report or from its future, figures of the once planned withdrawals that count days
    # after their report, perpetrators named as fact of events now only claimed, and claims that no one
    # makes (events their passages state as fact, with no claimant), and statuses that coding decisions
    # settled otherwise
    root = copy_package(tmp_path / "pkg")
    header, rows = read_table(root, "events")
    status = header.index("status")
    for row in rows:
        row[status] = "claimed"
    write_table(root, "events", header, rows)
    stamp(root)
    damaged = validate(root, report_dir=tmp_path / "damaged")
    assert not damaged.ok
    failing = {f.layer for f in damaged.failures}
    assert failing == {"great_expectations", "consistency"}, damaged.to_text()
    assert {f.rule for f in damaged.layer("consistency").failures} <= {"event-after-publication", "future-not-occurred",
                                                                       "figure-dates-fit", "role-fits-status",
                                                                       "claimed-is-attributed", "coding-decision-outcome-fits"}
    (failure,) = damaged.layer("great_expectations").failures
    assert failure.table == "events" and failure.column == "status"
    assert failure.rule.startswith("distribution")
    html = (tmp_path / "damaged" / "validation-report.html").read_text(encoding="utf-8")
    assert "expect_column_values_to_be_in_set" in html and "failed" in html


def test_failures_are_the_same_with_and_without_observed_values(tmp_path: Path) -> None:
    # Without a report directory GX is first asked only pass/fail, then what failed again in
    # full: the failures (rows, values) must be those of a run that asks everything in full.
    root = copy_package(tmp_path / "pkg")
    set_cells(root, {
        "events": {(7, "summary_en"): ""},
        "figures": {(2, "measure"): "Killed", (5, "measure"): "people-killed"},
    })
    quick = validate(root, layers=["great_expectations"])
    full = validate(root, layers=["great_expectations"], report_dir=tmp_path / "report")

    def failures(report):  # type: ignore[no-untyped-def]
        return sorted((f.rule, f.table, f.row or 0, f.column or "", str(f.value), f.message) for f in report.failures)

    assert failures(quick) == failures(full)
    rows_named = {(f.row, f.column, f.value) for f in quick.failures if f.rule == "pattern"}
    assert rows_named == {(3, "measure", "Killed"), (6, "measure", "people-killed")}, quick.to_text()
    assert any(f.rule == "required" and f.row == 8 and f.column == "summary_en" for f in quick.failures), quick.to_text()
    gx_quick, gx_full = quick.layer("great_expectations"), full.layer("great_expectations")
    assert gx_quick.checks_run == gx_full.checks_run and gx_quick.failed == gx_full.failed
    assert [d["success"] for d in gx_quick.details] == [d["success"] for d in gx_full.details]
    # observed values are kept for what failed, and for everything when a report shows them
    assert all(d["unexpected_count"] is not None for d in gx_quick.details if not d["success"] and d["column"])
    def observed(layer):  # type: ignore[no-untyped-def]
        return sum(d["observed"] is not None or d["unexpected_count"] is not None for d in layer.details)

    assert observed(gx_full) > observed(gx_quick) + 200


def test_kept_configurations_change_no_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # qantar keeps each GX expectation's configuration while the layer runs (GX rebuilds it for
    # every keyword it reads): every detail of every expectation must be what GX gives without that,
    # on a copy damaged in several kinds of expectation (required, pattern, set, distribution, unique)
    from great_expectations.expectations.expectation import Expectation

    from qantar.validate.engines import gx

    root = copy_package(tmp_path / "pkg")
    header, rows = read_table(root, "events")
    status = header.index("status")
    for row in rows[: len(rows) * 2 // 3]:
        row[status] = "claimed"
    write_table(root, "events", header, rows)
    set_cells(root, {
        "events": {(7, "summary_en"): "", (3, "date_precision"): "fortnight"},
        "figures": {(2, "measure"): "Killed", (5, "measure"): "people-killed"},
        "actors": {(4, "actor_id"): "A001"},
    })
    before = Expectation.__dict__["configuration"]

    def run(report: Path | None):  # type: ignore[no-untyped-def]
        got = validate(root, layers=["great_expectations"], parallel=False, report_dir=report)
        assert Expectation.__dict__["configuration"] is before  # put back when the layer ends
        layer = got.layer("great_expectations")
        failures = sorted((f.rule, f.table, f.row or 0, f.column or "", str(f.value), f.message) for f in got.failures)
        return failures, layer.checks_run, [{k: str(v) for k, v in d.items()} for d in layer.details]

    for report in (None, tmp_path / "report"):
        kept = run(report)
        monkeypatch.setattr(gx, "KEEP_CONFIGURATIONS", False)
        rebuilt = run(report)
        monkeypatch.setattr(gx, "KEEP_CONFIGURATIONS", True)
        assert kept == rebuilt
        assert len(kept[0]) >= 5, kept[0]
