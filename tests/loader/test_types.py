"""Every table of the fixture package loads with exactly the descriptor's types and rows."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pytest
from conftest import MINIPKG, csv_data_rows, descriptor_resources
from expected_types import expected_dtype

import qantar

FIXTURE_RESOURCES = descriptor_resources(MINIPKG / "datapackage.json")
UTC = dt.timezone.utc


def test_fixture_uses_every_field_type() -> None:
    kinds = set()
    for res in FIXTURE_RESOURCES:
        for field in res["schema"]["fields"]:
            kinds.add(field["type"])
            if field.get("categories"):
                kinds.add("categories:" + ("objects" if isinstance(field["categories"][0], dict) else "strings"))
            if field.get("categoriesOrdered"):
                kinds.add("categoriesOrdered")
    assert kinds >= {
        "string", "integer", "number", "boolean", "date", "datetime", "list",
        "categories:strings", "categories:objects", "categoriesOrdered",
    }


def test_tables_in_descriptor_order(pkg) -> None:
    assert qantar.tables() == [r["name"] for r in FIXTURE_RESOURCES]


@pytest.mark.parametrize("res", FIXTURE_RESOURCES, ids=lambda r: r["name"])
def test_dtypes_match_descriptor(pkg, res) -> None:
    frame = qantar.load(res["name"])
    fields = res["schema"]["fields"]
    assert frame.columns == [f["name"] for f in fields]
    for field in fields:
        assert frame.schema[field["name"]] == expected_dtype(field), field["name"]


@pytest.mark.parametrize("res", FIXTURE_RESOURCES, ids=lambda r: r["name"])
def test_row_count_matches_csv(pkg, res) -> None:
    assert qantar.load(res["name"]).height == csv_data_rows(pkg / res["path"])


def test_load_all_matches_load(pkg) -> None:
    frames = qantar.load_all()
    assert list(frames) == qantar.tables()
    for name, frame in frames.items():
        assert frame.equals(qantar.load(name))


def test_values_are_parsed_not_just_typed(pkg) -> None:
    events = qantar.load("events")
    first = events.row(0, named=True)
    assert first["event_date"] == dt.date(2022, 1, 2)
    # 18:30 at +06:00 is 12:30 UTC
    assert first["reported_at"] == dt.datetime(2022, 1, 2, 12, 30, tzinfo=UTC)
    assert first["actors"] == ["residents", "oil workers"]
    assert first["verified"] is True and first["fatalities"] == 0
    assert first["latitude"] == pytest.approx(43.3412)
    third = events.row(2, named=True)
    assert third["reported_at"] == dt.datetime(2022, 1, 5, 12, 0, tzinfo=UTC)  # "Z"
    assert third["notes"] == 'Akimat building set on fire; "heavy" fighting reported'
    fourth = events.row(3, named=True)
    assert fourth["notes"] == "Curfew announced,\n22:00–07:00"  # quoted newline kept
    assert fourth["reported_at"] is None and fourth["verified"] is None
    fifth = events.row(4, named=True)
    assert fifth["reported_at"] == dt.datetime(2022, 1, 7, 3, 45, 30, 250000, tzinfo=UTC)
    assert fifth["city"] == "Қарағанды" and fifth["actors"] is None


def test_empty_cells_are_null_in_every_type(pkg) -> None:
    events = qantar.load("events")
    ev2 = events.row(1, named=True)
    assert ev2["fatalities"] is None and ev2["notes"] is None
    links = qantar.load("event_sources")
    empty = links.filter(pl.col("event_id") == "ev-004").row(0, named=True)
    assert empty == {"event_id": "ev-004", "source_id": "src-c", "quote_start": None,
                     "quote_end": None, "confidence": None, "is_primary": None}


def test_boolean_accepts_frictionless_default_values(pkg) -> None:
    # the fixture spells booleans as true, false, TRUE, 0 and 1
    assert qantar.load("event_sources")["is_primary"].to_list() == [True, False, True, False, None, True]


def test_categories_keep_descriptor_order(pkg) -> None:
    sources = qantar.load("sources")
    assert sources.schema["language"] == pl.Enum(["en", "ru", "kk"])
    assert sources.schema["reliability"].categories.to_list() == ["low", "medium", "high"]
    assert sources["reliability"].to_list() == ["high", "medium", None]


def test_data_version_and_version_come_from_descriptor(pkg) -> None:
    version = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert qantar.data_version == version == "0.0.1"
    assert isinstance(qantar.__version__, str) and qantar.__version__


def test_path_points_at_the_csv(pkg) -> None:
    assert qantar.path("sources") == pkg / "data" / "sources.csv"
    assert qantar.path("sources").is_file()


def test_fixture_hashes_are_current(pkg) -> None:
    # the committed fixture must itself pass verification
    frames = qantar.load_all(verify=True)
    assert set(frames) == {r["name"] for r in FIXTURE_RESOURCES}


def test_descriptor_is_parsed_once(pkg) -> None:
    from qantar import model as _descriptor

    _descriptor._read.cache_clear()
    qantar.load_all()
    qantar.tables()
    qantar.load("events")
    info = _descriptor._read.cache_info()
    assert info.misses == 1 and info.hits >= 2


def test_descriptor_change_is_picked_up(pkg) -> None:
    assert qantar.data_version == "0.0.1"
    descriptor = pkg / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace('"0.0.1"', '"0.0.10"', 1), encoding="utf-8")
    assert qantar.data_version == "0.0.10"
