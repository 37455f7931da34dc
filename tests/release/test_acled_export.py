"""The ACLED-shaped export: ACLED's columns, one row per event and source, codes from the crosswalks.

Each property is checked against the package's own tables (not against numbers typed here), and
on a copy whose crosswalk rows were changed, so that a code written into the exporter instead of
read from a crosswalk fails.
"""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from _validate_helpers import read_table, write_table
from conftest import REAL_DESCRIPTOR, rehash

import qantar
from qantar.export import acled

pytestmark = pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="no real data")

# ACLED's columns as the codebook lists them, typed here once more on purpose: the test must fail
# if the exporter's list loses or reorders one.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("acled")
    path = acled.write(out)
    with open(path, encoding="utf-8", newline="") as f:
        return path, list(csv.DictReader(f))


def test_every_acled_column_in_order_then_qantars(exported):
    path, _ = exported
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert header[len(ACLED_COLUMNS):] == ["qantar_event_id", "qantar_source_id", "qantar_outside_acled"]


def test_one_row_per_event_and_source_none_dropped(exported):
    _, rows = exported
    pairs = qantar.load("event_sources").select("event_id", "source_id").unique()
    got = [(r["qantar_event_id"], r["qantar_source_id"]) for r in rows]
    assert len(got) == len(set(got)) == pairs.height
    assert set(got) == set(pairs.iter_rows())
    assert {e for e, _ in got} == set(qantar.load("events")["event_id"])  # every event, ACLED's or not
    assert len({r["event_id_cnty"] for r in rows}) == len(rows)


def test_dates_are_the_middle_of_the_interval(exported):
    _, rows = exported
    events = {r["event_id"]: r for r in qantar.load("events").to_dicts()}
    for r in rows:
        e = events[r["qantar_event_id"]]
        day = dt.date.fromisoformat(r["event_date"])
        assert e["date_start"] <= day <= e["date_end"]
        assert (day - e["date_start"]).days == (e["date_end"] - e["date_start"]).days // 2
        assert int(r["year"]) == day.year


def _band(rows: list[dict], precision: str, span: int) -> dict:
    [hit] = [b for b in rows if b["date_precision"] == precision and b["span_days_min"] <= span
             and (b["span_days_max"] is None or span <= b["span_days_max"])]
    return hit


def test_codes_come_from_the_crosswalks(exported):
    _, rows = exported
    load = lambda name: qantar.load(name).with_columns(pl.col(pl.Enum).cast(pl.String)).to_dicts()  # noqa: E731
    events = {r["event_id"]: r for r in load("events")}
    places = {r["place_id"]: r for r in load("places")}
    etype = {r["event_type"]: r for r in load("crosswalk_event_types_acled") if r["rank"] == 1}
    dates = load("crosswalk_date_precision_acled")
    geo = {(r["place_type"], r["coordinate_precision"]): r for r in load("crosswalk_place_precision_acled")}
    iso = {r["country_code"]: r["iso_numeric"] for r in load("country_codes")}
    labels = {r["acled_inter_label"] for r in load("crosswalk_actor_types_acled") if r["acled_inter_label"]}
    text = lambda v: "" if v is None else str(v)  # noqa: E731
    for r in rows:
        e = events[r["qantar_event_id"]]
        assert r["event_type"] == text(etype[e["event_type"]]["acled_event_type"])
        assert r["sub_event_type"] == text(etype[e["event_type"]]["acled_sub_event_type"])
        span = (e["date_end"] - e["date_start"]).days + 1
        assert r["time_precision"] == text(_band(dates, e["date_precision"], span)["acled_time_precision"])
        place = places.get(e["place_id"])
        if place is None:
            assert r["geo_precision"] == r["iso"] == r["latitude"] == ""
        else:
            assert r["geo_precision"] == text(geo[(place["place_type"], place["coordinate_precision"])]["acled_geo_precision"])
            assert r["iso"] == text(iso[place["country_code"]] if place["country_code"] else None)
        assert {r["inter1"], r["inter2"]} <= labels | {""}
        if not r["event_type"]:
            assert "no ACLED event type" in r["tags"] and r["qantar_outside_acled"]


def test_notes_carry_every_quote_and_translation(exported):
    _, rows = exported
    by_pair = {(r["qantar_event_id"], r["qantar_source_id"]): r["notes"] for r in rows}
    for p in qantar.load("event_sources").iter_rows(named=True):
        notes = by_pair[(p["event_id"], p["source_id"])]
        assert f"\u201c{p['quote']}\u201d" in notes and f"\u201c{p['quote_en']}\u201d" in notes


def test_fatalities_only_where_a_death_figure_says_so(exported):
    _, rows = exported
    figures = qantar.load("figures").filter(pl.col("measure").str.starts_with("deaths"))
    counted = {(f["event_id"], f["source_id"]) for f in figures.iter_rows(named=True)}
    assert counted, "the data has death figures; the test would prove nothing without them"
    for r in rows:
        pair = (r["qantar_event_id"], r["qantar_source_id"])
        if pair in counted:
            assert int(r["fatalities"]) > 0
        else:
            assert r["fatalities"] == "0" and "fatalities: no death figure in this source" in r["tags"]


def test_a_changed_crosswalk_changes_the_export(real_copy):
    header, data = read_table(real_copy, "crosswalk_event_types_acled")
    col = {c: i for i, c in enumerate(header)}
    for row in data:
        if row[col["event_type"]] == "protest" and row[col["rank"]] == "1":
            row[col["acled_sub_event_type"]] = "Protest with intervention"
    write_table(real_copy, "crosswalk_event_types_acled", header, data)
    header, data = read_table(real_copy, "crosswalk_place_precision_acled")
    for row in data:
        if row[0] == "city" and row[1] == "city_point":
            row[header.index("acled_geo_precision")] = "2"
    write_table(real_copy, "crosswalk_place_precision_acled", header, data)
    rehash(real_copy)
    events = {r["event_id"]: r for r in qantar.load("events").to_dicts()}
    places = {r["place_id"]: r for r in qantar.load("places").to_dicts()}
    got = acled.rows(real_copy)
    protests = [r for r in got if events[r["qantar_event_id"]]["event_type"] == "protest"]
    cities = [r for r in got if (p := places.get(events[r["qantar_event_id"]]["place_id"] or "")) and p["place_type"] == "city"]
    assert protests and all(r["sub_event_type"] == "Protest with intervention" for r in protests)
    assert cities and all(r["geo_precision"] == 2 for r in cities)


def test_cli_writes_the_file(tmp_path):
    out = tmp_path / "new" / "folder"
    done = subprocess.run([sys.executable, "-m", "qantar", "export", "--format", "acled", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [path] = out.glob("qantar-*-acled.csv")
    assert done.stdout.strip() == str(path)
    assert [p.name for p in out.iterdir()] == [path.name]  # no temporary file left beside it
