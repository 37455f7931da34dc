"""Round trips: typed tables written back to CSV reproduce the files; generated rows survive
CSV and come back typed; re-stamping an untouched package changes no byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from _validate_helpers import REPO, copy_package, read_table, render_csv
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validate_schemas import frames

from qantar import loader, model, types
from qantar.curate import stamp
from qantar.validate.inputs import Inputs

PACKAGE = model.read(REPO)


def typed_table(root: Path, name: str) -> pl.DataFrame:
    """The typed table as the package's loader returns it."""
    package = model.read(root)
    return loader.read(package, package.table(name))


def _fields(name: str) -> list[dict]:
    return [dict(f.raw) for f in PACKAGE.table(name).fields]


def _csv_cells(frame: pl.DataFrame, name: str) -> list[list[str]]:
    text = frame.select([types.render(f) for f in PACKAGE.table(name).fields])
    return [["" if v is None else v for v in row] for row in text.iter_rows()]


@pytest.mark.parametrize("name", PACKAGE.names)
def test_typed_table_written_back_reproduces_the_file(name: str) -> None:
    fields = _fields(name)
    header, original = read_table(REPO, name)
    cells = _csv_cells(typed_table(REPO, name), name)
    # A datetime comes back in UTC ("+00:00"): a polars column holds one time zone, so the
    # offset printed in the file (+07:00) is not part of the typed value. Compare instants.
    for i, f in enumerate(fields):
        if f["type"] == "datetime":
            for row_in, row_out in zip(original, cells, strict=True):
                if row_in[i]:
                    assert dt.datetime.fromisoformat(row_in[i]) == dt.datetime.fromisoformat(row_out[i])
                row_out[i] = row_in[i]
    assert render_csv(header, cells) == (REPO / "data" / f"{name}.csv").read_bytes()


def test_the_csv_writer_of_the_tests_reproduces_every_file() -> None:
    for name in PACKAGE.names:
        header, rows = read_table(REPO, name)
        assert render_csv(header, rows) == (REPO / "data" / f"{name}.csv").read_bytes(), name


@pytest.mark.parametrize("name", ["events", "places", "figures", "event_actors"])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_generated_rows_survive_csv(name: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    frame = data.draw(frames(name))
    # CSV cannot tell an empty string from a missing value (missingValues [""]), nor keep a
    # list item that is empty or holds the delimiter: generate what CSV can carry.
    # (And no bare carriage return: Python's csv writer with lineterminator "\n" leaves it
    # unquoted, and every reader then sees a line break; the data files hold none.)
    frame = frame.with_columns(
        [
            pl.when(pl.col(c).str.replace_all("\r", "") == "").then(None).otherwise(pl.col(c).str.replace_all("\r", "")).alias(c)
            for c, t in frame.schema.items()
            if t == pl.String
        ]
    )
    fields = _fields(name)
    for f in fields:
        if f["type"] == "list":
            frame = frame.with_columns(
                pl.col(f["name"]).list.eval(pl.element().str.replace_all(r"[|\r]", "x")).list.eval(
                    pl.when(pl.element() == "").then(pl.lit("x")).otherwise(pl.element())
                )
            )
    root = tmp_path_factory.mktemp("rt")
    copy_package(root)
    header = [f["name"] for f in fields]
    (root / "data" / f"{name}.csv").write_bytes(render_csv(header, _csv_cells(frame, name)))
    inputs = Inputs(root)
    back = inputs.typed(name)
    assert inputs.cast_failures == []
    assert back.equals(frame), (frame, back)


def test_stamp_of_an_untouched_package_changes_nothing(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    before = (root / "datapackage.json").read_bytes()
    assert stamp(root) == []
    assert (root / "datapackage.json").read_bytes() == before


def test_stamp_records_an_edit(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    path = root / "data" / "event_types.csv"
    path.write_bytes(path.read_bytes() + b"extra_type,Extra,An extra type.,Other\n")
    changes = stamp(root)
    assert {(name, key) for name, key, _old, _new in changes} == {("event_types", "bytes"), ("event_types", "hash")}
    assert stamp(root) == []
