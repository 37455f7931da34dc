"""Misuse of the public API fails early with messages that say what would have worked."""

from __future__ import annotations

import inspect
import pickle

import pytest

import qantar

VALID = "events, sources, event_sources"


def test_public_names() -> None:
    assert set(qantar.__all__) == {
        "DataError", "UnknownTableError", "__version__", "cite", "corroboration", "data_version", "load", "load_all", "path",
        "tables",
    }
    assert "data_version" in dir(qantar) and "__version__" in dir(qantar)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        qantar.nope  # noqa: B018


def test_errors_are_value_errors() -> None:
    assert issubclass(qantar.DataError, ValueError)
    assert issubclass(qantar.UnknownTableError, ValueError)


@pytest.mark.parametrize("func", [qantar.load, qantar.path])
def test_unknown_table_lists_valid_names(pkg, func) -> None:
    with pytest.raises(qantar.UnknownTableError) as err:
        func("evnts")
    message = str(err.value)
    assert "unknown table 'evnts'" in message and "did you mean 'events'" in message
    assert message.endswith(f"valid tables: {VALID}")
    assert err.value.valid == ["events", "sources", "event_sources"]


@pytest.mark.parametrize("name", ["../events", "data/events", "..", "a\\b", "events/../sources"])
def test_path_like_table_names_are_refused(pkg, name) -> None:
    with pytest.raises(qantar.DataError, match=r"path separator or '\.\.'.*valid tables: events"):
        qantar.load(name)


def test_table_name_must_be_a_string(pkg) -> None:
    with pytest.raises(TypeError, match="table name must be a str"):
        qantar.load(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: qantar.load("events", verfy=True), r"unexpected keyword argument 'verfy' \(did you mean 'verify'\?\); valid keywords: name, backend, verify"),
        (lambda: qantar.load("events", engine="polars"), r"'engine'; valid keywords: name, backend, verify"),
        (lambda: qantar.load_all(backnd="pandas"), r"'backnd' \(did you mean 'backend'\?\); valid keywords: backend, verify"),
        (lambda: qantar.load_all(a=1, b=2), r"unexpected keyword arguments 'a', 'b'; valid keywords: backend, verify"),
        (lambda: qantar.path("events", verify=True), r"'verify'; valid keywords: name"),
    ],
)
def test_unknown_keywords_list_valid_ones(pkg, call, expected) -> None:
    with pytest.raises(TypeError, match=expected):
        call()


def test_signatures_stay_explicit() -> None:
    assert list(inspect.signature(qantar.load).parameters) == ["name", "backend", "verify"]
    assert list(inspect.signature(qantar.load_all).parameters) == ["backend", "verify"]
    assert inspect.signature(qantar.load).parameters["backend"].kind is inspect.Parameter.KEYWORD_ONLY


def test_backend_is_keyword_only(pkg) -> None:
    with pytest.raises(TypeError, match="positional"):
        qantar.load("events", "pandas")  # type: ignore[misc]


@pytest.mark.parametrize("func", [lambda b: qantar.load("events", backend=b), lambda b: qantar.load_all(backend=b)])
@pytest.mark.parametrize("backend", ["arrow", "Polars", None])
def test_bad_backend_lists_valid_backends(pkg, func, backend) -> None:
    with pytest.raises(ValueError, match=r"unknown backend .*; valid backends: polars, pandas"):
        func(backend)


def test_bad_backend_fails_before_reading(pkg) -> None:
    (pkg / "data" / "events.csv").unlink()
    with pytest.raises(ValueError, match="unknown backend"):
        qantar.load("events", backend="arrow")


def test_verify_must_be_bool(pkg) -> None:
    with pytest.raises(TypeError, match="verify must be True or False"):
        qantar.load("events", verify="yes")  # type: ignore[arg-type]


def test_data_error_carries_its_facts() -> None:
    err = qantar.DataError("is bad", table="t", row=3, line=5, column="c", value="x", path="/p")
    assert str(err) == "table 't', row 3 (line 5), column 'c': is bad [/p]"
    assert (err.table, err.row, err.line, err.column, err.value, err.problem) == ("t", 3, 5, "c", "x", "is bad")
    copy = pickle.loads(pickle.dumps(err))
    assert str(copy) == str(err) and copy.column == "c"
    assert str(pickle.loads(pickle.dumps(qantar.UnknownTableError("x", ["a"])))) == str(qantar.UnknownTableError("x", ["a"]))


def test_no_data_package_is_a_data_error(tmp_path) -> None:
    with qantar._locate.use_root(tmp_path), pytest.raises(qantar.DataError, match="descriptor is missing"):
        qantar.tables()
