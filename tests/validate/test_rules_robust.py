"""No cell value makes a cross-table rule crash: every rule either finds located failures or none.

A rule that raises on a value it did not expect (an empty key, a word where a number was, stray
spaces, a very long text) is reported as "the rule could not run", which names no row: the
contributor learns nothing about where the fault is, and the rule checks nothing else meanwhile.
hypothesis picks a table, a column, rows and a value of one of those kinds, in a fresh copy of the
package; the consistency layer runs in one process; no rule may report that it could not run or
was stopped. (What the value breaks is for the other layers and rules to say, and they do.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _validate_helpers import REPO, copy_package, read_table, write_table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qantar.validate import validate

TABLES = sorted(p.stem for p in (REPO / "data").glob("*.csv"))

#: values a hurried edit or a hostile package leaves in a cell
ODD = st.one_of(
    st.just(""), st.just(" "), st.sampled_from(["0", "-1", "99999999999", "NaN", "null", "2022-13-45", "x|", "|", "\u200b", "²", "١٢", "9" * 5000]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)


def _crashes(root: Path) -> list[str]:
    report = validate(root, layers=["consistency"], parallel=False)
    (layer,) = report.layers
    assert layer.error is None, layer.error
    return [f"{f.rule}: {f.message}" for f in layer.failures
            if "could not run" in f.message or "was stopped after" in f.message]


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_cell_value_makes_a_rule_crash(tmp_path_factory, data) -> None:
    root = copy_package(tmp_path_factory.mktemp("robust"))
    table = data.draw(st.sampled_from(TABLES), label="table")
    header, rows = read_table(root, table)
    column = data.draw(st.sampled_from(header), label="column")
    picked = data.draw(st.sets(st.integers(0, len(rows) - 1), min_size=1, max_size=3), label="rows")
    value = data.draw(st.one_of(ODD, st.builds(lambda v: v * 40, st.sampled_from([r[header.index(column)] for r in rows]))),
                      label="value")
    at = header.index(column)
    for i in picked:
        rows[i][at] = value
    write_table(root, table, header, rows)
    assert _crashes(root) == [], (table, column, sorted(picked), value)


def test_an_empty_key_in_a_span_table_is_no_crash(tmp_path: Path) -> None:
    """The case that crashed the number and date coverage rules: a passage row whose first
    column (its id in the coverage index) is empty, on every row."""
    root = copy_package(tmp_path / "pkg")
    header, rows = read_table(root, "event_sources")
    for row in rows:
        row[header.index("event_id")] = ""
    write_table(root, "event_sources", header, rows)
    assert _crashes(root) == []


@pytest.mark.parametrize("value", ["9" * 30, "1234" * 40, "²", "١٢", "-5"])
def test_offsets_outside_every_article_are_no_crash(tmp_path: Path, value: str) -> None:
    """Every offset column of every span the descriptor declares (quotes, numbers, exclusions, claims),
    on every row, set to a number past any article, a digit Python's int() refuses, or a negative one."""
    from qantar.validate.inputs import Inputs

    root = copy_package(tmp_path / "pkg")
    columns: dict[str, set[str]] = {}
    for span in Inputs(root).model.spans():
        columns.setdefault(span.table, set()).update((span.start, span.end))
    assert sum(len(c) for c in columns.values()) >= 10, columns  # the figures' number, the discrepancies' two claims, ...
    for table, offsets in columns.items():
        header, rows = read_table(root, table)
        for row in rows:
            for column in offsets:
                row[header.index(column)] = value
        write_table(root, table, header, rows)
    assert _crashes(root) == []


def test_a_number_of_thousands_of_digits_in_every_text_is_no_crash(tmp_path: Path) -> None:
    """Every span's text and translation on one row of each table set to 5,000 digits (more than int() parses)."""
    from qantar.validate.inputs import Inputs

    root = copy_package(tmp_path / "pkg")
    columns: dict[str, set[str]] = {}
    for span in Inputs(root).model.spans():
        columns.setdefault(span.table, set()).update(c for c in (span.text, span.translation) if c)
    for table, texts in columns.items():
        header, rows = read_table(root, table)
        for column in texts:
            rows[0][header.index(column)] = "9" * 5000
        write_table(root, table, header, rows)
    assert _crashes(root) == []
