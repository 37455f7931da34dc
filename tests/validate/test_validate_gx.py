"""The Great Expectations layer: the real data pass; a distribution shift is caught by GX
alone; the HTML report is self-contained."""

from __future__ import annotations

import re
from pathlib import Path

from _validate_helpers import REPO, copy_package, read_table, write_table

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
    # their report or from its future
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
    assert {f.rule for f in damaged.layer("consistency").failures} <= {"event-after-publication", "future-not-occurred"}
    (failure,) = damaged.layer("great_expectations").failures
    assert failure.table == "events" and failure.column == "status"
    assert failure.rule.startswith("distribution")
    html = (tmp_path / "damaged" / "validation-report.html").read_text(encoding="utf-8")
    assert "expect_column_values_to_be_in_set" in html and "failed" in html
