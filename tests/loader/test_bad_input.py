"""Files users have edited, truncated or damaged: the loader and ``qantar validate`` on copies of the
real package.

The loader raises ``qantar.DataError`` (or ``UnknownTableError`` for a name the descriptor does
not list), naming the table and what is wrong, and never returns a frame for a file it cannot
read whole. ``verify=True`` checks size and sha256 first, so any change of bytes is caught.
``qantar validate`` reports every damage as failures with exit code 1 and never crashes. The
last tests fuzz the CSV bytes with hypothesis.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import qantar
import qantar._locate
from qantar import DataError, UnknownTableError
from qantar.cli.validate import main as validate_main
from qantar.validate import validate

REPO = Path(__file__).resolve().parents[2]
TABLES = [r["name"] for r in json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["resources"] if "schema" in r]
EVENTS = (REPO / "data" / "events.csv").read_bytes()
#: where the events table is in the real descriptor (test_validate_names_what_is_wrong_with_the_descriptor damages it there)
EVENTS_AT = [r["name"] for r in json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["resources"]].index("events")
SOURCES = (REPO / "data" / "sources.csv").read_bytes()


@pytest.fixture
def root(real_copy: Path) -> Path:
    """A fresh copy of the real package, made the loader's data root (see conftest.py)."""
    return real_copy


def _cut_inside_quoted_cell(data: bytes) -> bytes:
    """The file cut in the middle of a quoted cell (its closing quote lost)."""
    start = data.index(b',"', data.index(b"\n")) + 2
    return data[: start + 10]


def _cut_in_unquoted_last_cell(data: bytes) -> bytes:
    """The file cut inside the last cell of a row whose last cell is not quoted (after byte 5000, so
    that earlier rows are whole), wherever the data put that row."""
    end = data.index(b"\n", 5000)
    while data[end - 1 : end] == b'"' or b"," in data[end - 12 : end]:
        end = data.index(b"\n", end + 1)
    return data[: end - 5]


# (name, table, damage, what the loader's message says)
DAMAGE: list[tuple[str, str, Callable[[Path], None], str]] = [
    ("missing", "events", lambda f: f.unlink(), "file is missing"),
    ("empty", "events", lambda f: f.write_bytes(b""), "file is empty"),
    ("folder", "events", lambda f: (f.unlink(), f.mkdir()), "is a directory"),
    ("truncated mid-row", "events", lambda f: f.write_bytes(EVENTS[: EVENTS.index(b",occurred,", 5000) + 5]), "cells, the header has"),
    ("truncated in the last cell", "events", lambda f: f.write_bytes(_cut_in_unquoted_last_cell(EVENTS)),
     "does not end with a line break"),
    ("truncated in a quoted cell", "sources", lambda f: f.write_bytes(_cut_inside_quoted_cell(SOURCES)), "malformed CSV"),
    ("truncated in a date", "events", lambda f: f.write_bytes(EVENTS[: EVENTS.index(b",2022-01-0", 3000) + 9]), "cells, the header has"),
    ("not UTF-8", "events", lambda f: f.write_bytes(EVENTS.replace(b"Almaty", b"Alm\xe1ty", 1)), "not valid UTF-8"),
    ("Windows-1252", "events",
     lambda f: f.write_bytes(EVENTS.decode("utf-8").encode("cp1252", errors="replace").replace(b"a", b"\xe0", 1)),
     "not valid UTF-8"),
    ("byte order mark", "events", lambda f: f.write_bytes(b"\xef\xbb\xbf" + EVENTS), "byte order mark"),
    ("header renamed", "events", lambda f: f.write_bytes(EVENTS.replace(b"event_id", b"id", 1)), "missing column(s) 'event_id'"),
    ("header column dropped", "events", lambda f: f.write_bytes(EVENTS.replace(b",summary_en", b"", 1)),
     "missing column(s) 'summary_en'"),
    ("header only a newline", "events", lambda f: f.write_bytes(b"\n"), "header does not match"),
    ("binary", "events", lambda f: f.write_bytes(bytes(range(256)) * 4), "not valid UTF-8"),
]


@pytest.mark.parametrize(("name", "table", "damage", "says"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_loader_names_table_and_problem(root: Path, name: str, table: str, damage, says: str) -> None:
    damage(root / "data" / f"{table}.csv")
    for verify in (False, True):
        with pytest.raises(DataError) as err:
            qantar.load(table, verify=verify)
        assert err.value.table == table
        assert f"table '{table}'" in str(err.value)
        if not verify:
            assert says in str(err.value), str(err.value)
    with pytest.raises(DataError) as err:
        qantar.load_all()  # never a dict with the damaged table left out
    assert err.value.table == table


@pytest.mark.parametrize(("name", "table", "damage", "says"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_validate_reports_damage_with_exit_1(root: Path, capsys, name: str, table: str, damage, says: str) -> None:
    damage(root / "data" / f"{table}.csv")
    code = validate_main([str(root), "--fast"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"table '{table}'" in out
    assert "could not run" not in out and "crashed" not in out, out


@pytest.mark.parametrize("name", ["../events", "data/events", "..", "events/../sources", "/etc/passwd", "a\\b"])
def test_table_names_are_never_paths(root: Path, name: str) -> None:
    for call in (lambda: qantar.load(name), lambda: qantar.path(name), lambda: qantar.load(name, verify=True)):
        with pytest.raises(DataError) as err:
            call()
        assert "path separator or '..'" in str(err.value) and err.value.table == name
    with pytest.raises(UnknownTableError, match="valid tables: sources"):
        qantar.load("evnts")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{not json", "not valid JSON"),
        ("", "not valid JSON"),
        ("[]", "must be a JSON object"),
        ('{"resources": 1}', 'no "resources" list'),
    ],
)
def test_descriptor_that_is_not_json(root: Path, capsys, text: str, says: str) -> None:
    (root / "datapackage.json").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=says) as err:
        qantar.load("events")
    assert err.value.path is not None and err.value.path.endswith("datapackage.json")
    assert validate_main([str(root), "--fast"]) == 1
    out = capsys.readouterr().out
    assert "descriptor-profile" in out and "datapackage.json" in out


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda p: p["resources"].__setitem__(EVENTS_AT, "events"), f"resource #{EVENTS_AT + 1} is not an object"),
        (lambda p: p["resources"][EVENTS_AT].update(name="../events"), "contains a path separator or '..'"),
        (lambda p: p["resources"][EVENTS_AT + 1].update(name="events"), "'events' appears twice"),
        (lambda p: p["resources"][EVENTS_AT]["schema"].update(fields="all of them"), "table 'events': the schema has no list of fields"),
        (lambda p: p["resources"][EVENTS_AT]["schema"]["fields"][0].pop("name"), "table 'events': field #1 has no name"),
    ],
)
def test_validate_names_what_is_wrong_with_the_descriptor(root: Path, capsys, change, says: str) -> None:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["resources"][EVENTS_AT]["name"] == "events"
    change(descriptor)
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert validate_main([str(root)]) == 1
    out = capsys.readouterr().out
    assert says in out
    assert "crashed" not in out


def test_validate_names_a_missing_table_in_the_consistency_layer(root: Path) -> None:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "figures"]
    (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = validate(root, layers=["consistency"])
    (failure,) = [f for f in report.failures if f.rule == "table-present"]
    assert failure.table == "figures"
    layer = report.layer("consistency")
    assert layer.error is None
    skipped = dict(layer.skipped)
    assert "csto-member-figures" in skipped and "figures" in skipped["csto-member-figures"]
    assert "event-has-source" not in skipped  # the rules that do not read figures still run


# --- verify=True on the real data -----------------------------------------------------------


def test_verify_passes_on_the_real_data(root: Path) -> None:
    frames = qantar.load_all(verify=True)
    assert list(frames) == TABLES
    assert all(frames[t].height > 0 for t in TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_verify_catches_one_changed_byte_in_every_table(root: Path, table: str) -> None:
    path = root / "data" / f"{table}.csv"
    data = path.read_bytes()
    i = data.index(b"\n") + 1  # first byte of the first data row
    changed = data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]
    path.write_bytes(changed)
    with pytest.raises(DataError, match="sha256 of the file is") as err:
        qantar.load(table, verify=True)
    assert err.value.table == table
    path.write_bytes(data[: data.rindex(b"\n", 0, len(data) - 1) + 1])  # the last row cut off at a line end
    with pytest.raises(DataError, match="bytes but the descriptor records") as err:
        qantar.load(table, verify=True)
    assert err.value.table == table
    assert qantar.load(table).height == len(list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))) - 1


# --- hypothesis: damaged bytes --------------------------------------------------------------

_EDITS = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 40)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=6)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from([b",", b'"', b"\n", b"\r", b'""', b"\xff", b"\xc3", b"\x00"])),
    st.tuples(st.just("replace"), st.floats(0, 1), st.binary(min_size=1, max_size=3)),
)


def _apply(data: bytes, edit: tuple) -> bytes:
    kind, where, *args = edit
    i = min(int(where * len(data)), len(data))
    if kind == "truncate":
        return data[:i]
    if kind == "delete":
        return data[:i] + data[i + args[0] :]
    if kind == "insert":
        return data[:i] + args[0] + data[i:]
    return data[:i] + args[0] + data[i + len(args[0]) :]


def _csv_records(data: bytes) -> int | None:
    """Data records of ``data`` as the csv module reads them strictly, or None if it cannot."""
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), strict=True))
    except (UnicodeDecodeError, csv.Error):
        return None
    return len(rows) - 1


_PRISTINE: dict[str, pl.DataFrame] = {}


def _pristine_schema(table: str) -> dict:
    if table not in _PRISTINE:
        with qantar._locate.use_root(REPO):
            _PRISTINE[table] = qantar.load(table)
    return dict(_PRISTINE[table].schema)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=st.sampled_from(TABLES), edits=st.lists(_EDITS, min_size=1, max_size=3))
def test_fuzzed_bytes_loader(root: Path, table: str, edits: list) -> None:
    """Damaged bytes: a DataError naming the table, or (without verify) the whole file, typed."""
    path = root / "data" / f"{table}.csv"
    original = (REPO / "data" / f"{table}.csv").read_bytes()
    data = original
    for edit in edits:
        data = _apply(data, edit)
    assume(data != original)
    schema = _pristine_schema(table)
    path.write_bytes(data)
    try:
        with pytest.raises(DataError) as err:
            qantar.load(table, verify=True)  # any change of bytes is caught
        assert err.value.table == table
        try:
            frame = qantar.load(table)
        except DataError as exc:
            assert exc.table == table and exc.problem
        else:
            # what loads is the whole file: every record of it, typed as the descriptor says
            assert dict(frame.schema) == schema
            records = _csv_records(data)
            if records is not None:
                assert frame.height == records
    finally:
        path.write_bytes(original)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=st.sampled_from(TABLES), edits=st.lists(_EDITS, min_size=1, max_size=2))
def test_fuzzed_bytes_validator(root: Path, table: str, edits: list) -> None:
    """Damaged bytes are never valid, and no layer crashes on them."""
    path = root / "data" / f"{table}.csv"
    original = (REPO / "data" / f"{table}.csv").read_bytes()
    data = original
    for edit in edits:
        data = _apply(data, edit)
    assume(data != original)
    path.write_bytes(data)
    try:
        report = validate(root, fast=True, parallel=False)
        assert not report.ok and report.exit_code == 1
        assert [layer.error for layer in report.layers] == [None, None, None]
        assert any(f.table == table for f in report.layer("frictionless").failures)
    finally:
        path.write_bytes(original)
