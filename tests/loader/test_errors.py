"""Damaged copies of the fixture package raise DataError naming table, row, column and value.

Each case damages one thing and re-records the hashes, so the damage itself (not a hash
mismatch) is what must be reported. No case may return a frame.
"""

from __future__ import annotations

import json

import pytest

import qantar
from qantar import DataError


def load_error(table: str = "events", **kwargs) -> DataError:
    with pytest.raises(DataError) as err:
        qantar.load(table, **kwargs)
    return err.value


def load_all_error(**kwargs) -> DataError:
    with pytest.raises(DataError) as err:
        qantar.load_all(**kwargs)
    return err.value


@pytest.mark.parametrize(
    ("old", "new", "row", "line", "column", "value", "says"),
    [
        (b"2022-01-04", b"2022-13-04", 2, 3, "event_date", "2022-13-04", "is not an ISO date"),
        (b"2022-01-04", b"2022/01/04", 2, 3, "event_date", "2022/01/04", "is not an ISO date"),
        (b"2022-01-04", b"2022-1-4", 2, 3, "event_date", "2022-1-4", "is not an ISO date"),
        (b"12:00:00Z", b"12:00:00", 3, 4, "reported_at", "2022-01-05T12:00:00", "with a UTC offset"),
        (b"12:00:00Z", b"12:00Z", 3, 4, "reported_at", "2022-01-05T12:00Z", "ISO 8601 datetime"),
        (b",8,true", b",eight,true", 3, 4, "fatalities", "eight", "is not an integer"),
        (b",8,true", b",8.5,true", 3, 4, "fatalities", "8.5", "is not an integer"),
        (b"43.3412", b"north", 1, 2, "latitude", "north", "is not a number"),
        (b"clash", b"riot", 3, 4, "event_type", "riot", "is not one of the field's categories (protest, clash"),
        (b"false,protesters", b"no,protesters", 2, 3, "verified", "no", "is not a boolean"),
        # after the record with a quoted newline: row and line differ by one
        (b"2022-01-07,", b"2022-01-77,", 5, 7, "event_date", "2022-01-77", "is not an ISO date"),
    ],
)
def test_bad_value_is_named(damage, old, new, row, line, column, value, says) -> None:
    damage("events", lambda b: b.replace(old, new, 1))
    err = load_error()
    assert (err.table, err.row, err.line, err.column, err.value) == ("events", row, line, column, value)
    assert says in err.problem
    assert f"table 'events', row {row} (line {line}), column '{column}'" in str(err)
    assert repr(value) in str(err)


def test_bad_category_in_object_categories(damage) -> None:
    damage("sources", lambda b: b.replace(b",kk,", b",de,"))
    err = load_error("sources")
    assert (err.row, err.column, err.value) == (3, "language", "de")
    assert "(en, ru, kk)" in err.problem


def test_custom_true_false_values(pkg) -> None:
    descriptor = pkg / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    field = package["resources"][2]["schema"]["fields"][5]
    assert field["name"] == "is_primary"
    field["trueValues"], field["falseValues"] = ["true", "TRUE", "1"], ["false", "FALSE"]
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    err = load_error("event_sources")
    assert (err.row, err.line, err.column, err.value) == (4, 5, "is_primary", "0")


def test_missing_file(pkg) -> None:
    (pkg / "data" / "sources.csv").unlink()
    err = load_error("sources")
    assert err.table == "sources" and "file is missing" in str(err) and "sources.csv" in str(err)
    assert load_all_error().table == "sources"  # load_all does not skip it


def test_empty_file(damage) -> None:
    damage("events", lambda b: b"")
    err = load_error()
    assert "file is empty" in str(err) and err.table == "events"


def test_header_only_is_an_empty_typed_table(damage) -> None:
    damage("events", lambda b: b.split(b"\n", 1)[0] + b"\n")
    frame = qantar.load("events")
    assert frame.height == 0 and frame.schema["event_date"] == qantar.load_all()["events"].schema["event_date"]


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (lambda b: b.replace(b"city", b"town", 1), "missing column(s) 'city'; unexpected column(s) 'town'"),
        (lambda b: b.replace(b",notes", b"", 1), "missing column(s) 'notes'"),
        (lambda b: b.replace(b",notes", b",notes,extra", 1), "unexpected column(s) 'extra'"),
        (lambda b: b.replace(b"latitude,longitude", b"longitude,latitude", 1), "in a different order"),
        (lambda b: b"\xef\xbb\xbf" + b, "byte order mark"),
    ],
)
def test_header_must_match_descriptor(damage, edit, says) -> None:
    damage("events", edit)
    err = load_error()
    assert err.line == 1 and err.table == "events"
    assert says in str(err)


def test_not_utf8(damage) -> None:
    damage("events", lambda b: b.replace("Алматы".encode(), b"\xff\xfe", 1))
    err = load_error()
    assert err.line == 3 and "not valid UTF-8" in str(err) and "\\xff" in str(err)


def test_not_utf8_in_header(damage) -> None:
    damage("events", lambda b: b.replace(b"notes", b"not\xe9s", 1))
    err = load_error()
    assert err.line == 1 and "not valid UTF-8" in str(err)


@pytest.mark.parametrize(
    ("edit", "row", "line", "says"),
    [
        (lambda b: b.replace(b",Mass detentions", b""), 5, 7, "has 10 cells, the header has 11"),
        (lambda b: b.replace(b"Mass detentions", b"Mass detentions,extra"), 5, 7, "has 12 cells"),
        (lambda b: b.replace(b"43.3412", b"43,3412"), 1, 2, "has 12 cells"),
        (lambda b: b + b"\n", 6, 8, "blank line"),
        (lambda b: b.replace(b"\nev-002", b"\n\nev-002"), 2, 3, "blank line"),
    ],
)
def test_ragged_rows(damage, edit, row, line, says) -> None:
    damage("events", edit)
    err = load_error()
    assert (err.row, err.line) == (row, line) and says in str(err)


def test_short_row_hidden_by_nullable_columns(damage) -> None:
    # the short row's missing cells would all be legitimately nullable: still an error
    damage("event_sources", lambda b: b.replace(b"ev-004,src-c,,,,", b"ev-004,src-c,,,"))
    err = load_error("event_sources")
    assert (err.row, err.line) == (5, 6) and "has 5 cells" in str(err)


def test_stray_quote(damage) -> None:
    # RFC 4180 forbids '"' inside an unquoted cell: an error whatever polars version reads it.
    damage("events", lambda b: b.replace(b"Mass detentions", b'Mass "detentions'))
    err = load_error()
    assert (err.row, err.line, err.column) == (5, 7, "notes") and "double quote" in str(err)


@pytest.mark.parametrize(
    ("edit", "row", "line", "says"),
    [
        (lambda b: b.replace(b",Mass detentions", b',"Mass detentions'), 5, 7, "never closed"),
        (lambda b: b.replace(b'reported"\n', b'reported" \n'), 3, 4, "text after the closing quote"),
    ],
)
def test_malformed_quoting(damage, edit, row, line, says) -> None:
    damage("events", edit)
    err = load_error()
    assert (err.row, err.line, err.column) == (row, line, "notes")
    assert "malformed CSV" in str(err) and says in str(err)


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (lambda b: b.replace(b"Zhanaozen", b"Zhanaozem"), "sha256 of the file is"),  # one byte changed
        (lambda b: b + b"ev-006,,,,,,,,,,x\n", "bytes but the descriptor records"),  # a row added
    ],
)
def test_verify_catches_changed_bytes(damage, edit, says) -> None:
    damage("events", edit, keep_hash=True)
    qantar.load("events")  # still parses: only verification can tell
    err = load_error(verify=True)
    assert err.table == "events" and says in str(err)
    assert load_all_error(verify=True).table == "events"


def test_final_line_break_lost_looks_truncated(damage) -> None:
    # a file cut short almost never ends at a line break: without one, the last row may be cut
    damage("events", lambda b: b[:-1], keep_hash=True)
    err = load_error()
    assert (err.table, err.row, err.line) == ("events", 5, 7) and "does not end with a line break" in str(err)
    assert "bytes but the descriptor records" in str(load_error(verify=True))


def test_verify_needs_something_to_check(pkg) -> None:
    descriptor = pkg / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    del package["resources"][0]["hash"], package["resources"][0]["bytes"]
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    assert qantar.load("events").height == 5
    assert "records neither" in str(load_error(verify=True))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('{"resources": [', "not valid JSON"),
        ("", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"name": "x"}', 'no "resources" list'),
    ],
)
def test_descriptor_not_json(pkg, text, says) -> None:
    (pkg / "datapackage.json").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=says):
        qantar.tables()
    with pytest.raises(DataError, match=says):
        qantar.load("events")


def test_descriptor_not_json_names_line(pkg) -> None:
    descriptor = pkg / "datapackage.json"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace('"version": "0.0.1",', '"version": "0.0.1"', 1))
    with pytest.raises(DataError, match=r"not valid JSON: .*\(line 7, column 3\)"):
        qantar.tables()


def edit_descriptor(pkg, change) -> None:
    descriptor = pkg / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    change(package)
    descriptor.write_text(json.dumps(package), encoding="utf-8")


@pytest.mark.parametrize("path", ["../outside.csv", "/etc/passwd", "data/../../x.csv", "data\\events.csv", "https://example.org/e.csv"])
def test_descriptor_paths_must_stay_inside(pkg, path) -> None:
    edit_descriptor(pkg, lambda p: p["resources"][0].update(path=path))
    err = load_error()
    assert err.table == "events" and "path" in str(err)
    assert qantar.load("sources").height == 3  # other tables still load


@pytest.mark.parametrize("name", ["../events", "data/events", "a\\b"])
def test_descriptor_resource_names_must_be_plain(pkg, name) -> None:
    edit_descriptor(pkg, lambda p: p["resources"][0].update(name=name))
    with pytest.raises(DataError, match="path separator or '..'"):
        qantar.tables()


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda p: p["resources"][0]["schema"]["fields"][1].update(type="geopoint"), "type 'geopoint' is not supported"),
        (lambda p: p["resources"][0]["schema"]["fields"][3].update(categories=["a", "a"]), "duplicates"),
        (lambda p: p["resources"][0]["schema"]["fields"].append({"name": "city", "type": "string"}), "appears twice"),
        (lambda p: p["resources"][0].update(hash="sha256:nothex"), "is not"),
        (lambda p: p["resources"][0].update(format="xlsx"), "csv only"),
        (lambda p: p["resources"][0].update(encoding="latin-1"), "utf-8 only"),
    ],
)
def test_descriptor_faults_name_table(pkg, change, says) -> None:
    edit_descriptor(pkg, change)
    err = load_error()
    assert err.table == "events" and says in str(err)
