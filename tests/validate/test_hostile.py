"""Hostile packages: what ``qantar.load``, ``qantar validate`` and ``qantar release`` do with a package
that a stranger sent.

Each case asserts the exact error (its type, the table and the words) or the intact result. Nothing
here connects anywhere: in this process every socket call is patched to fail and recorded (and each
test asserts none was made); subprocesses get a ``sitecustomize`` whose audit hook records and refuses
them. Nothing here may hang: whatever could block if the code regressed (FIFOs, devices, a killed
parent, the command line) runs in a subprocess with a timeout. Files are small and generated; the
"huge" ones are sparse.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest
from _validate_helpers import copy_package
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qantar
import qantar._locate
from qantar import DataError, _rfc4180, _safe_files
from qantar.curate import stamp
from qantar.release import ReleaseError
from qantar.release.previous import Snapshot, from_directory, from_zip
from qantar.validate import validate
from qantar.validate.inputs import Inputs
from qantar.validate.sandbox import no_network

REPO = Path(__file__).resolve().parents[2]
URL = "http://127.0.0.1:9/x"
MARKER = "SECRET-MARKER-7f3a"
LINUX = sys.platform == "linux"


# --- no sockets, here or in subprocesses -------------------------------------------------------------


@pytest.fixture(autouse=True)
def sockets(monkeypatch: pytest.MonkeyPatch):
    """Every socket connection or name lookup in this process fails, is recorded, and fails the test."""
    attempts: list[tuple[str, tuple]] = []

    def refuse(name: str):
        def call(*args, **kwargs):
            attempts.append((name, args[1:] if name.startswith("connect") else args))
            raise PermissionError(f"test: {name} refused")

        return call

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse(name))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts
    assert attempts == [], f"the network was used: {attempts}"


_SITECUSTOMIZE = '''
import os, sys
_LOG = os.environ.get("QANTAR_TEST_SOCKET_LOG")
_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto",
           "http.client.connect", "urllib.Request"}
def _hook(event, args):
    if _LOG and event in _EVENTS:
        with open(_LOG, "a") as log:
            log.write(f"{os.getpid()} {event} {args!r}\\n")
        raise PermissionError("test: " + event)
sys.addaudithook(_hook)
'''


def _env(tmp: Path) -> dict[str, str]:
    site = tmp / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site), env.get("PYTHONPATH")) if p)
    env["QANTAR_TEST_SOCKET_LOG"] = str(tmp / "sockets.log")
    return env


def run(args: list[str], tmp: Path, *, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in a subprocess that may not touch the network (asserted) nor outlive ``timeout``."""
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=timeout, env=_env(tmp), cwd=tmp,
        stdin=subprocess.DEVNULL,
    )
    log = tmp / "sockets.log"
    assert not log.exists(), f"the network was used: {log.read_text()}"
    assert "Traceback" not in done.stderr, done.stderr
    return done


def load_in_subprocess(root: Path, table: str, tmp: Path) -> dict:
    """``qantar.load(table)`` on ``root`` in a subprocess; the DataError's facts (or the height)."""
    code = textwrap.dedent(f"""
        import json, qantar, qantar._locate
        qantar._locate.use_root({str(root)!r})
        try:
            frame = qantar.load({table!r}, verify=False)
        except qantar.DataError as exc:
            print(json.dumps({{"error": type(exc).__name__, "table": exc.table, "problem": exc.problem}}))
        else:
            print(json.dumps({{"height": frame.height}}))
    """)
    done = run(["-c", code], tmp, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- packages -------------------------------------------------------------------------------------------


@pytest.fixture
def real(real_copy: Path) -> Path:
    """A fresh copy of the real package, made the loader's data root (see conftest.py)."""
    return real_copy


def edit_descriptor(root: Path, change: Callable[[dict], object]) -> None:
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def res(descriptor: dict, name: str) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def article(root: Path, n: int = 0) -> Path:
    return next((root / "articles").glob(f"{n:03d}_*.txt"))


def outside_copy(tmp: Path, source: Path) -> Path:
    """A copy of ``source`` outside the package, with a marker that must never reach a report."""
    target = tmp / "outside" / source.name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(source.read_bytes().replace(b"Kazakhstan", MARKER.encode(), 1))
    return target


def failures(report, rule: str | None = None, table: object = ...) -> list:
    return [f for f in report.failures if (rule is None or f.rule == rule) and (table is ... or f.table == table)]


def json_failures(report: dict) -> list[dict]:
    return [f for layer in report["layers"] for f in layer["failures"]]


def assert_never_crashed(report) -> None:
    assert [layer.error for layer in report.layers] == [None] * len(report.layers), report.to_text()


def assert_marker_absent(report) -> None:
    assert MARKER not in report.to_text() and MARKER not in report.to_json()


# --- 1. remote references: refused before any library sees them -------------------------------------------


def _fk(descriptor: dict) -> dict:
    return res(descriptor, "events")["schema"]["foreignKeys"][0]["reference"]


# (case, edit, resource named (None: the descriptor), words of the failure)
REMOTE: list[tuple[str, Callable[[dict], object], str | None, str]] = [
    ("table path", lambda d: res(d, "sources").update(path=URL + ".csv"), "sources", "is a URL (scheme 'http')"),
    ("multipart path", lambda d: res(d, "sources").update(path=["data/sources.csv", URL + ".csv"]), "sources",
     "a multipart path"),
    ("file resource path", lambda d: res(d, "article-000").update(path=URL + ".txt"), "article-000", "is a URL"),
    ("file: URL", lambda d: res(d, "events").update(path="file:///etc/passwd"), "events", "is a URL (scheme 'file')"),
    ("scheme-like path", lambda d: res(d, "events").update(path="x:data/events.csv"), "events", "is a URL (scheme 'x')"),
    ("dialect URL", lambda d: res(d, "events").update(dialect=URL + ".json"), "events",
     '"dialect" must be an inline object'),
    ("dialect file", lambda d: res(d, "events").update(dialect="dialect.json"), "events", "never fetched"),
    ("dialect profile", lambda d: res(d, "events").update(dialect={"$schema": URL}), "events",
     "not a standard Data Package profile"),
    ("package $schema", lambda d: d.update({"$schema": URL}), None, 'the descriptor\'s "$schema"'),
    ("package profile URL", lambda d: d.update(profile=URL), None, 'the descriptor\'s "profile"'),
    ("package profile name", lambda d: d.update(profile="fiscal-data-package"), None, "profiles are never fetched"),
    ("resource profile", lambda d: res(d, "events").update(profile=URL), "events", 'the resource\'s "profile"'),
    ("resource $schema", lambda d: res(d, "events").update({"$schema": URL}), "events", 'the resource\'s "$schema"'),
    ("schema profile", lambda d: res(d, "events")["schema"].update({"$schema": URL}), "events", 'the schema\'s "$schema"'),
    ("foreign key into another package", lambda d: _fk(d).update(package=URL + "/datapackage.json"), "events",
     "another package is never fetched"),
    ("foreign key to a URL", lambda d: _fk(d).update(resource=URL), "events", "no resource of this package"),
    ("extra paths", lambda d: res(d, "sources").update(extrapaths=[URL + ".csv"]), "sources", "extra paths"),
    ("compression", lambda d: res(d, "sources").update(compression="zip"), "sources", "compression"),
    ("inner path", lambda d: res(d, "sources").update(innerpath="x.csv"), "sources", "an inner path"),
    ("remote scheme", lambda d: res(d, "sources").update(scheme="https"), "sources", "scheme 'https'"),
    ("remote format", lambda d: res(d, "sources").update(format="gsheets"), "sources", "format 'gsheets'"),
]


@pytest.mark.parametrize(("case", "edit", "resource", "says"), REMOTE, ids=[r[0] for r in REMOTE])
def test_validator_refuses_remote_references(real: Path, case: str, edit, resource: str | None, says: str) -> None:
    edit_descriptor(real, edit)
    report = validate(real, layers=["frictionless"], parallel=False)
    assert report.exit_code == 1
    assert_never_crashed(report)
    refused = failures(report, "references")
    assert [f.table for f in refused] == [resource], report.to_text()
    assert says in refused[0].message


@pytest.mark.parametrize(
    ("edit", "table", "says"),
    [
        (lambda d: res(d, "sources").update(path=URL + ".csv"), "sources", "is a URL (scheme 'http'); qantar reads local files only"),
        (lambda d: res(d, "sources").update(path=["data/sources.csv"]), "sources", '"path" must be one relative file path'),
        (lambda d: res(d, "events").update(path="file:///etc/passwd"), "events", "is a URL (scheme 'file')"),
        (lambda d: res(d, "events").update(dialect=URL + ".json"), "events", '"dialect" must be an inline object'),
        (lambda d: res(d, "events").update(dialect={"delimiter": ";"}), "events", "dialect delimiter ';' is not supported"),
        (lambda d: res(d, "events").update(dialect={"doubleQuote": False, "escapeChar": "\\"}), "events",
         "dialect doubleQuote False is not supported"),
        (lambda d: res(d, "events").update(schema=URL + ".json"), "events", '"schema" must be an inline table schema object'),
    ],
)
def test_loader_refuses_remote_references(real: Path, edit, table: str, says: str) -> None:
    edit_descriptor(real, edit)
    with pytest.raises(DataError) as err:
        qantar.load(table)
    assert err.value.table == table and says in err.value.problem
    assert qantar.load("actors").height > 0  # the other tables still load


def test_a_schema_given_as_a_url_is_a_descriptor_fault(real: Path) -> None:
    edit_descriptor(real, lambda d: res(d, "events").update(schema=URL + ".json"))
    report = validate(real, fast=True, parallel=False)
    assert report.exit_code == 1
    [failure] = report.failures
    assert failure.rule == "descriptor-profile" and "a schema given as a URL or a file path is never fetched" in failure.message


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="a local socket stands in for the network")
def test_no_network_guard_refuses_in_its_thread_only(tmp_path: Path) -> None:
    import _socket
    import threading

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(tmp_path / "s"))
    server.listen(2)

    def connect() -> None:  # the C method itself: the fixture patches the Python-level one
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            _socket.socket.connect(client, str(tmp_path / "s"))
        finally:
            client.close()

    other: list[BaseException | None] = []
    try:
        with no_network():
            with pytest.raises(PermissionError, match="qantar validate never uses the network"):
                connect()
            thread = threading.Thread(target=lambda: other.append(_outcome(connect)))
            thread.start()
            thread.join(timeout=30)
        connect()  # after the block, this thread connects again
    finally:
        server.close()
    assert other == [None]  # another thread was never blocked


def _outcome(call: Callable[[], None]) -> BaseException | None:
    try:
        call()
    except BaseException as exc:  # noqa: BLE001 - the test reports it
        return exc
    return None


def test_cli_with_every_kind_of_remote_reference_opens_no_socket(real: Path, tmp_path: Path) -> None:
    def hostile(d: dict) -> None:
        d.update({"$schema": URL + "/p.json", "profile": URL + "/p.json"})
        res(d, "sources").update(path=URL + "/sources.csv")
        res(d, "actors").update(path=["data/actors.csv", URL + "/actors.csv"])
        res(d, "article-001").update(path=URL + "/a.txt")
        res(d, "events").update(dialect=URL + "/dialect.json")
        res(d, "places")["schema"].update({"$schema": URL + "/s.json"})
        res(d, "figures").update(extrapaths=[URL + "/f.csv"])

    edit_descriptor(real, hostile)
    done = run(["-m", "qantar", "validate", str(real), "--fast", "--format", "json"], tmp_path)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    refused = {f["table"] for f in json_failures(report) if f["rule"] == "references"}
    assert refused == {None, "sources", "actors", "article-001", "events", "places", "figures"}
    assert all(layer["error"] is None for layer in report["layers"])


# --- 2. nothing outside the package is read --------------------------------------------------------------


def test_table_symlinked_outside(real: Path, tmp_path: Path) -> None:
    table = real / "data" / "events.csv"
    target = outside_copy(tmp_path, table)
    table.unlink()
    table.symlink_to(target)
    with pytest.raises(DataError) as err:
        qantar.load("events")
    assert err.value.table == "events" and "leads outside the data package" in err.value.problem
    report = validate(real, fast=True, parallel=False)
    assert report.exit_code == 1
    assert_never_crashed(report)
    [failure] = failures(report, "file", "events")
    assert "leads outside the data package" in failure.message
    assert_marker_absent(report)


def test_article_symlinked_outside(real: Path, tmp_path: Path) -> None:
    copy = article(real)
    target = outside_copy(tmp_path, copy)
    copy.unlink()
    copy.symlink_to(target)
    report = validate(real, fast=True, parallel=False)
    assert report.exit_code == 1
    assert_never_crashed(report)
    [file_failure] = failures(report, "file", "article-000")
    assert "leads outside the data package" in file_failure.message
    [hash_failure] = failures(report, "article-hash")
    assert (hash_failure.table, hash_failure.row, hash_failure.column) == ("sources", 1, "path")
    assert hash_failure.message.startswith("the article file is not read:") and "leads outside" in hash_failure.message
    assert_marker_absent(report)


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/hostname", "articles/../../outside.txt", URL + ".txt"])
def test_sources_path_that_leaves_the_package(real: Path, tmp_path: Path, path: str) -> None:
    (tmp_path / "outside.txt").write_text(MARKER, encoding="utf-8")
    text = (real / "data" / "sources.csv").read_text(encoding="utf-8")
    first = article(real).relative_to(real).as_posix()
    (real / "data" / "sources.csv").write_text(text.replace(first, path, 1), encoding="utf-8")
    stamp(real)
    report = validate(real, layers=["consistency"], parallel=False)
    assert_never_crashed(report)
    [failure] = failures(report, "article-hash")
    assert (failure.table, failure.row, failure.column, failure.value) == ("sources", 1, "path", path)
    assert failure.message.startswith("the article file is not read:")
    assert_marker_absent(report)


def test_descriptor_symlinked_outside(real: Path, tmp_path: Path) -> None:
    descriptor = real / "datapackage.json"
    target = tmp_path / "outside" / "datapackage.json"
    target.parent.mkdir()
    shutil.copy(descriptor, target)
    descriptor.unlink()
    descriptor.symlink_to(target)
    with pytest.raises(DataError) as err:
        qantar.load("events")
    assert err.value.problem.startswith("descriptor is a symbolic link") and "leads outside" in err.value.problem
    report = validate(real, fast=True, parallel=False)
    assert report.exit_code == 1
    [failure] = report.failures
    assert failure.rule == "descriptor-profile" and "leads outside the data package" in failure.message


def test_data_folder_symlinked_outside(real: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(real / "data", elsewhere)
    (real / "data").symlink_to(elsewhere, target_is_directory=True)
    for table in qantar.tables():
        with pytest.raises(DataError, match="leads outside the data package") as err:
            qantar.load(table)
        assert err.value.table == table
    report = validate(real, layers=["frictionless"], parallel=False)
    assert {f.table for f in failures(report, "file")} == set(qantar.tables())


def test_symlinks_inside_the_package_are_followed(real: Path) -> None:
    before = qantar.load("events")
    (real / "mirror").mkdir()
    shutil.move(real / "data" / "events.csv", real / "mirror" / "events.csv")
    (real / "data" / "events.csv").symlink_to(Path("..") / "mirror" / "events.csv")
    assert qantar.load("events", verify=True).equals(before)
    report = validate(real, layers=["frictionless"], parallel=False)
    assert report.ok, report.to_text()


def test_one_folder_reads_many_files_with_the_same_refusals(tmp_path: Path) -> None:
    # qantar._safe_files.Folder resolves each folder once: what it refuses must not depend on
    # which file of a folder was read first, nor on how a path is spelled
    from qantar._safe_files import Folder

    root, outside = tmp_path / "package", tmp_path / "outside"
    (root / "articles" / "deep").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    (root / "articles" / "a.txt").write_text("a")
    (root / "articles" / "deep" / "b.txt").write_text("b")
    (root / "articles" / "inner.txt").symlink_to("a.txt")
    (root / "articles" / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "articles" / "hop.txt").symlink_to("inner.txt")
    (root / "articles" / "far").symlink_to(outside, target_is_directory=True)
    folder = Folder(root)
    for spelled in ("articles/a.txt", "./articles/a.txt", "articles//a.txt", "articles/./a.txt",
                    "articles/inner.txt", "articles/hop.txt"):
        assert folder.read(spelled, limit=10) == b"a", spelled
    assert folder.read("articles/deep/b.txt", limit=10) == b"b"
    for escaping in ("articles/leak.txt", "articles/far/secret.txt", "articles/far/missing.txt"):
        with pytest.raises(DataError, match="leads outside the data package"):
            folder.read(escaping, limit=10)
        assert folder.read("articles/a.txt", limit=10) == b"a"  # a refusal changes nothing for the rest
    with pytest.raises(DataError, match="file is missing"):
        folder.read("articles/none.txt", limit=10)
    with pytest.raises(DataError, match="directory"):
        folder.read("articles/deep", limit=10)


# --- 3. only regular files: FIFOs, devices, folders ----------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_loader_on_a_fifo_and_on_devices(real: Path, tmp_path: Path) -> None:
    (real / "data" / "events.csv").unlink()
    os.mkfifo(real / "data" / "events.csv")
    assert load_in_subprocess(real, "events", tmp_path) == {
        "error": "DataError", "table": "events",
        "problem": "path is a FIFO (named pipe), not a regular file; only regular files are read",
    }
    for device in ("/dev/zero", "/dev/urandom"):
        (real / "data" / "actors.csv").unlink()
        (real / "data" / "actors.csv").symlink_to(device)
        got = load_in_subprocess(real, "actors", tmp_path)
        assert got["table"] == "actors" and "leads outside the data package" in got["problem"]


def test_a_device_inside_the_package_root_is_refused(tmp_path: Path) -> None:
    # /dev as a package root: its devices are "inside", so only the regular-file rule refuses them
    code = textwrap.dedent("""
        from qantar import _safe_files, DataError
        for name in ("zero", "urandom", "null"):
            try:
                _safe_files.read("/dev", name, limit=1 << 20)
            except DataError as exc:
                print(exc.problem)
    """)
    done = run(["-c", code], tmp_path, timeout=60)
    assert done.stdout.splitlines() == ["path is a character device, not a regular file; only regular files are read"] * 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_validator_on_fifos_and_devices(real: Path, tmp_path: Path) -> None:
    (real / "data" / "events.csv").unlink()
    os.mkfifo(real / "data" / "events.csv")
    article(real, 0).unlink()
    os.mkfifo(real / "articles" / _name_of_article(0))
    (real / "CHANGELOG.md").unlink()
    os.mkfifo(real / "CHANGELOG.md")
    (real / "data" / "actors.csv").unlink()
    (real / "data" / "actors.csv").symlink_to("/dev/zero")
    article(real, 1).unlink()
    (real / "articles" / _name_of_article(1)).symlink_to("/dev/urandom")
    done = run(["-m", "qantar", "validate", str(real), "--fast", "--format", "json"], tmp_path)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert all(layer["error"] is None for layer in report["layers"])
    files = {f["table"]: f["message"] for f in json_failures(report) if f["rule"] == "file"}
    assert "is a FIFO (named pipe), not a regular file" in files["events"]
    assert "is a FIFO (named pipe), not a regular file" in files["article-000"]
    assert "leads outside the data package" in files["actors"]
    assert "leads outside the data package" in files["article-001"]
    versions = [f for f in json_failures(report) if f["rule"] == "versions-agree" and f["value"] == "CHANGELOG.md"]
    assert len(versions) == 1 and "is a FIFO" in versions[0]["message"]


def _name_of_article(n: int) -> str:
    return next(p.name for p in (REPO / "articles").glob(f"{n:03d}_*.txt"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_descriptor_that_is_a_fifo(real: Path, tmp_path: Path) -> None:
    (real / "datapackage.json").unlink()
    os.mkfifo(real / "datapackage.json")
    got = load_in_subprocess(real, "events", tmp_path)
    assert got["error"] == "DataError" and "is a FIFO (named pipe), not a regular file" in got["problem"]
    done = run(["-m", "qantar", "validate", str(real), "--fast"], tmp_path, timeout=120)
    assert done.returncode == 1 and "is a FIFO (named pipe)" in done.stdout


def test_folders_where_files_should_be(real: Path) -> None:
    copy = article(real)
    copy.unlink()
    copy.mkdir()
    report = validate(real, fast=True, parallel=False)
    assert_never_crashed(report)
    [failure] = failures(report, "file", "article-000")
    assert "path is a directory, not a file" in failure.message
    (real / "datapackage.json").unlink()
    (real / "datapackage.json").mkdir()
    with pytest.raises(DataError, match="path is a directory, not a file"):
        qantar.load("events")
    report = validate(real, fast=True, parallel=False)
    assert report.exit_code == 1 and "path is a directory" in report.failures[0].message


# --- 4. sizes are bounded ------------------------------------------------------------------------------------


def _sparse(path: Path, size: int) -> None:
    path.unlink(missing_ok=True)
    with open(path, "wb") as fh:
        fh.truncate(size)  # no data written: the file is a hole


def test_table_over_the_limit(real: Path) -> None:
    _sparse(real / "data" / "events.csv", _safe_files.MAX_TABLE_BYTES + 1)
    with pytest.raises(DataError) as err:
        qantar.load("events")
    assert err.value.table == "events"
    assert err.value.problem == (
        "file is 268,435,457 bytes, more than the 268,435,456 bytes qantar reads from one file of this kind"
    )
    report = validate(real, layers=["frictionless", "pandera"], parallel=False)
    assert_never_crashed(report)
    [failure] = failures(report, "file", "events")
    assert "more than the 268,435,456 bytes" in failure.message


def test_article_over_the_limit(real: Path) -> None:
    _sparse(article(real), _safe_files.MAX_TEXT_BYTES + 1)
    report = validate(real, fast=True, parallel=False)
    assert_never_crashed(report)
    assert "more than the 16,777,216 bytes" in failures(report, "file", "article-000")[0].message
    [hashed] = failures(report, "article-hash")
    assert hashed.row == 1 and "more than the 16,777,216 bytes" in hashed.message


def test_descriptor_over_the_limit(real: Path) -> None:
    _sparse(real / "datapackage.json", _safe_files.MAX_DESCRIPTOR_BYTES + 1)
    with pytest.raises(DataError, match="more than the 16,777,216 bytes"):
        qantar.load("events")
    report = validate(real, fast=True, parallel=False)
    assert report.exit_code == 1 and "more than the 16,777,216 bytes" in report.failures[0].message


def test_size_limit_is_exact(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_bytes(b"a\n" * 100)
    assert _safe_files.read(tmp_path, "t.csv", limit=200) == b"a\n" * 100
    with pytest.raises(DataError, match="file is 200 bytes, more than the 199 bytes"):
        _safe_files.read(tmp_path, "t.csv", limit=199)


# --- 5. JSON nesting -----------------------------------------------------------------------------------------


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def test_deeply_nested_descriptor(real: Path, tmp_path: Path) -> None:
    text = (real / "datapackage.json").read_text(encoding="utf-8")
    (real / "datapackage.json").write_text(text.replace('"keywords": [', f'"keywords": [{_deep(200_000)},', 1))
    with pytest.raises(DataError) as err:
        qantar.load("events")
    assert err.value.problem == "descriptor nests arrays and objects 200,002 levels deep; at most 64 are read"
    report = validate(real, fast=True, parallel=False)
    assert report.exit_code == 1 and "200,002 levels deep" in report.failures[0].message
    with pytest.raises(ReleaseError, match="200,002 levels deep"):
        from_directory(real)


def test_json_depth_limit_is_exact() -> None:
    assert _safe_files.parse_json(_deep(64).encode()) == _safe_files.parse_json(_deep(64).encode())
    with pytest.raises(DataError, match="65 levels deep"):
        _safe_files.parse_json(_deep(65).encode())
    # brackets inside strings do not count, escaped quotes included
    assert _safe_files.json_depth(json.dumps({"a": "[[[\\\"[[[" * 100, "b": [1, {"c": []}]}).encode()) == 4
    with pytest.raises(DataError, match="not valid JSON"):
        _safe_files.parse_json(b"1" * 5000)  # more digits than Python converts


# --- 6. zip bombs and other hostile previous releases (release --check-bump) ------------------------------


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    """A release archive of about 1 MiB whose events.csv expands to 800 MiB."""
    path = tmp_path_factory.mktemp("bomb") / "qantar-9.9.9.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("qantar-9.9.9/datapackage.json", (REPO / "datapackage.json").read_bytes())
        with archive.open("qantar-9.9.9/data/events.csv", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(800):
                member.write(block)
    assert path.stat().st_size < 2 << 20
    return path


def test_check_bump_refuses_a_zip_bomb(bomb: Path, tmp_path: Path) -> None:
    checkout = copy_package(tmp_path / "checkout")
    done = run(["-m", "qantar", "release", "--check-bump", str(bomb), "--root", str(checkout)], tmp_path)
    expands = (800 << 20) + len((REPO / "datapackage.json").read_bytes())
    assert done.returncode == 1
    assert done.stderr == (
        f"qantar release: {bomb}: the archive expands to {expands:,} bytes, more than the 268,435,456 bytes "
        "a release is read with (a zip bomb?)\n"
    )


@pytest.mark.skipif(not LINUX, reason="reads /proc/self/status")
def test_check_bump_refuses_a_zip_bomb_in_little_memory(bomb: Path, tmp_path: Path) -> None:
    checkout = copy_package(tmp_path / "checkout")
    # VmHWM: the peak resident memory of this process image (reset by exec, unlike ru_maxrss)
    code = textwrap.dedent(f"""
        import re
        from qantar.cli import main
        code = main(["release", "--check-bump", {str(bomb)!r}, "--root", {str(checkout)!r}])
        peak = re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)
        print(code, int(peak) * 1024)
    """)
    done = run(["-c", code], tmp_path)
    exit_code, peak = map(int, done.stdout.split())
    assert exit_code == 1 and "a zip bomb?" in done.stderr
    assert peak < 300 << 20, f"peak memory {peak / 2**20:.0f} MiB"


def test_zip_member_that_lies_about_its_size(tmp_path: Path) -> None:
    import io
    import struct

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", b'{"resources": []}')
        archive.writestr("data/x.csv", b"a" * 10_000_000)
    data = bytearray(buffer.getvalue())
    central = data.rfind(b"PK\x01\x02")  # the last entry of the central directory: data/x.csv
    struct.pack_into("<I", data, central + 24, 100)  # it now claims 100 bytes
    local = data.find(b"PK\x03\x04", 10)
    struct.pack_into("<I", data, local + 22, 100)
    (tmp_path / "liar.zip").write_bytes(bytes(data))
    with pytest.raises(ReleaseError, match="the zip archive cannot be read: BadZipFile: Bad CRC-32"):
        from_zip(tmp_path / "liar.zip")


def test_zip_with_too_many_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_safe_files, "MAX_ARCHIVE_MEMBERS", 5)
    with zipfile.ZipFile(tmp_path / "many.zip", "w") as archive:
        for i in range(6):
            archive.writestr(f"f{i}", b"")
    with pytest.raises(ReleaseError, match="the archive holds 6 files, more than the 5"):
        from_zip(tmp_path / "many.zip")


def test_zip_that_is_not_one(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(ReleaseError, match="cannot be read"):
        from_zip(tmp_path / "x.zip")


def test_previous_release_folder_with_an_escaping_symlink(tmp_path: Path) -> None:
    previous = copy_package(tmp_path / "previous")
    target = outside_copy(tmp_path, previous / "data" / "events.csv")
    (previous / "data" / "events.csv").unlink()
    (previous / "data" / "events.csv").symlink_to(target)
    snapshot = from_directory(previous)
    with pytest.raises(ReleaseError, match="data/events.csv: .*leads outside the data package"):
        snapshot.read("data/events.csv")


def test_previous_release_with_malformed_csv(tmp_path: Path) -> None:
    descriptor = json.dumps({"name": "p", "resources": [{
        "name": "t", "type": "table", "path": "data/t.csv", "format": "csv",
        "schema": {"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "string"}]},
    }]}).encode()
    snapshot = Snapshot("previous", lambda p: descriptor if p == "datapackage.json" else b'a,b\n1,x"y\n')
    with pytest.raises(ReleaseError, match=r"data/t.csv, line 2: malformed CSV: a double quote"):
        snapshot.cells(snapshot.package.tables["t"])


# --- 7. no child outlives its parent -------------------------------------------------------------------------


def _state(pid: int) -> str | None:
    """The process state letter of ``pid`` (Z: a zombie, as good as gone), or None when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def _workers_of(parent: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        # the pool's worker (and the resource tracker multiprocessing may start beside it)
        if int(fields[1]) == parent and b"multiprocessing" in cmdline:
            found.append(int(entry))
    return found


@pytest.fixture(scope="module")
def big_package(tmp_path_factory) -> Path:
    """A valid synthetic package large enough that the worker is still at work when its parent dies."""
    out = tmp_path_factory.mktemp("big") / "pkg"
    subprocess.run([sys.executable, str(REPO / "bench" / "synth.py"), str(out), "--rows", "20000"],
                   check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.skipif(not LINUX, reason="reads /proc")
@pytest.mark.parametrize(("sig", "after"), [(signal.SIGKILL, 0.0), (signal.SIGKILL, 1.0), (signal.SIGINT, 1.0)])
def test_the_worker_dies_with_its_parent(big_package: Path, tmp_path: Path, sig: int, after: float) -> None:
    code = "import sys\nfrom qantar.validate import validate\nvalidate(sys.argv[1], fast=True)\nprint('finished')"
    parent = subprocess.Popen(
        [sys.executable, "-c", code, str(big_package)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env=_env(tmp_path), stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while not workers and parent.poll() is None and time.monotonic() < deadline:
            workers = _workers_of(parent.pid)
            time.sleep(0.02)
        assert workers, "the validator started no worker"
        time.sleep(after)
        assert _state(workers[0]) not in (None, "Z"), "the worker ended before its parent was killed"
        os.kill(parent.pid, sig)
        out, _ = parent.communicate(timeout=120)
        assert b"finished" not in out
        deadline = time.monotonic() + 60
        while _state(workers[0]) not in (None, "Z") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _state(workers[0]) in (None, "Z"), "the worker outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        for pid in _workers_of(parent.pid):
            os.kill(pid, signal.SIGKILL)


# --- 8. RFC 4180: one definition for the loader and every validator layer ------------------------------------

EVENTS = (REPO / "data" / "events.csv").read_bytes()

# (case, edit of events.csv, row, line, column, words of the problem)
MALFORMED: list[tuple[str, Callable[[bytes], bytes], int, int, str, str]] = [
    (
        "two stray quotes inside quoted cells (polars merged two rows silently)",
        lambda b: b.replace(b"post-Soviet history,", b'post-Soviet history,"', 1).replace(
            b"mass gatherings,", b'mass gatherings",', 1),
        11, 12, "summary_en", _rfc4180.TEXT_AFTER_QUOTE,
    ),
    (
        "a quote inside an unquoted cell (the validator used to accept it)",
        lambda b: b.replace(b"Inter-ethnic clashes", b'Inter-ethnic "clashes', 1),
        3, 4, "summary_en", _rfc4180.STRAY_IN_UNQUOTED,
    ),
    (
        "a closing quote followed by a character",
        lambda b: b.replace(b'democratic standards."', b'democratic standards."x', 1),
        5, 6, "summary_en", _rfc4180.TEXT_AFTER_QUOTE,
    ),
    (
        "an unclosed quote at the end of the file",
        lambda b: b + b'E999,2022-01-01,2022-01-01,day,stated,"never closed\n',
        47, 48, "date_reasoning", _rfc4180.UNCLOSED,
    ),
    (
        "a bare carriage return between rows",
        lambda b: b.replace(b"\nE004,", b"\rE004,", 1),
        3, 4, "summary_en", _rfc4180.BARE_CR,
    ),
]


@pytest.mark.parametrize(("case", "edit", "row", "line", "column", "says"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_loader_refuses_malformed_csv(real: Path, case, edit, row: int, line: int, column: str, says: str) -> None:
    (real / "data" / "events.csv").write_bytes(edit(EVENTS))
    stamp(real)  # the hash matches: only the CSV itself is wrong
    for verify in (True, False):
        with pytest.raises(DataError) as err:
            qantar.load("events", verify=verify)
        assert (err.value.table, err.value.row, err.value.line, err.value.column) == ("events", row, line, column)
        assert err.value.problem == f"malformed CSV: {says}"
    with pytest.raises(DataError):
        qantar.load_all()


@pytest.mark.parametrize(("case", "edit", "row", "line", "column", "says"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_every_validator_layer_refuses_malformed_csv(real: Path, case, edit, row, line, column, says) -> None:
    (real / "data" / "events.csv").write_bytes(edit(EVENTS))
    stamp(real)
    report = validate(real, fast=True, parallel=False)
    assert report.exit_code == 1
    assert_never_crashed(report)
    for layer in ("frictionless", "pandera", "consistency"):
        found = [f for f in report.layer(layer).failures if f.rule == "csv-syntax"]
        assert [(f.table, f.row, f.column) for f in found] == [("events", row, column)], layer
        assert found[0].message.startswith(f"malformed CSV (line {line}): {says}")


def test_great_expectations_refuses_malformed_csv_too(real: Path) -> None:
    (real / "data" / "events.csv").write_bytes(MALFORMED[0][1](EVENTS))
    stamp(real)
    report = validate(real, layers=["great_expectations"], parallel=False)
    [failure] = [f for f in report.failures if f.rule == "csv-syntax"]
    assert (failure.table, failure.row, failure.column) == ("events", 11, "summary_en")
    assert "this layer checked only the 10 rows before it" in failure.message


def test_well_formed_quoting_loads_intact(real: Path) -> None:
    before = qantar.load("events")
    text = EVENTS.replace(b"Inter-ethnic clashes in Kyrgyzstan.", b'"Inter-ethnic ""clashes"",\r\nin\rKyrgyzstan."', 1)
    (real / "data" / "events.csv").write_bytes(text)
    after = qantar.load("events")
    assert after.height == before.height == 46
    assert after["summary_en"][2] == 'Inter-ethnic "clashes",\r\nin\rKyrgyzstan.'
    assert after.drop("summary_en").equals(before.drop("summary_en"))


# --- the fast quote check, the strict reader and polars agree ----------------------------------------------

_PIECES = st.sampled_from(["a", "b", ",", '"', '""', "\n", "\r\n", "\r", " ", "é"])


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_fast_quote_check_is_the_strict_reader(text: str) -> None:
    problem = _rfc4180.first_problem(text)
    fast = _rfc4180.quotes_well_formed(text.encode())
    if problem is None:
        assert fast
    elif problem.problem != _rfc4180.BARE_CR:
        assert not fast, problem
    if not fast:
        assert problem is not None


_CELLS = st.text(alphabet=st.sampled_from(list('ab ,"\n\ré')), max_size=6)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 4).flatmap(lambda w: st.lists(st.lists(_CELLS, min_size=w, max_size=w), min_size=1, max_size=5)),
       st.sampled_from(["\n", "\r\n"]))
def test_polars_reads_well_formed_csv_as_the_strict_reader_does(rows: list[list[str]], newline: str) -> None:
    def cell(value: str, alone: bool) -> str:
        # quoted when it holds a separator, quote, CR or LF (Python's csv writer leaves a lone CR
        # bare), or when it is a row's only cell and empty (else the row is a blank line)
        if any(c in value for c in ',"\r\n') or (alone and not value):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = "".join(",".join(cell(v, len(row) == 1) for v in row) + newline for row in rows)
    strict = [cells for _, _, cells in _rfc4180.records(text)]
    assert strict == rows
    assert _rfc4180.quotes_well_formed(text.encode())
    if all(row == [""] for row in rows):
        return  # a file of empty lines: polars sees no data at all
    grid = pl.read_csv(text.encode(), has_header=False, infer_schema=False, quote_char='"')
    assert [["" if c is None else c for c in r] for r in grid.rows()] == rows


def test_validator_and_loader_agree_on_the_real_tables(real: Path) -> None:
    inputs = Inputs(real)
    for table in inputs.tables:
        assert inputs.malformed(table) is None
        assert inputs.strings(table).height == qantar.load(table).height


# --- cross-table rules a package makes explode ------------------------------------------------------------


def _many_measures(root: Path, n: int) -> None:
    """``n`` copies of the first figure, each with a measure code of its own: the typo check compares every
    distinct code with every other (n squared edit distances)."""
    path = root / "data" / "figures.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header, first = lines[0], lines[1]
    fid, rest = first.split(",", 1)
    sid, measure, tail = rest.split(",", 2)
    copies = [f"FX{i:06d},{sid},m{i:06d}_{measure},{tail}" for i in range(n)]
    path.write_text(header + "".join(lines[1:]) + "".join(copies), encoding="utf-8")
    stamp(root)


def test_a_sql_rule_that_a_package_makes_too_costly_is_stopped_and_reported(
    real: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from qantar.validate.engines import consistency

    # the clean copy runs with the usual budget: 1 s is too short for some rules on a busy machine
    clean = validate(copy_package(tmp_path / "clean"), layers=["consistency"], parallel=False)
    _many_measures(real, 30_000)  # 9e8 edit distances: minutes on any machine, against a budget of 1 s
    monkeypatch.setattr(consistency, "RULE_SECONDS", 1.0)
    report = validate(real, layers=["consistency"], parallel=False)
    assert_never_crashed(report)
    [stopped] = [f for f in failures(report, "measure-codes-consistent") if f.table is None]
    assert "stopped after 1 s" in stopped.message and "too costly" in stopped.message
    # every other rule ran as on a clean copy and found nothing; on a busy machine another rule of this
    # 30,000-row package may also run out of so short a budget, and then it too says only that
    [layer], [was] = report.layers, clean.layers
    assert (layer.checks_run, was.failed) == (was.checks_run, 0)
    assert all(f.row is None and "stopped after 1 s" in f.message for f in report.failures), report.to_text()


def test_a_sql_rule_reports_at_most_max_rows(real: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qantar.validate.engines import consistency

    monkeypatch.setattr(consistency, "MAX_ROWS", 3)
    monkeypatch.setattr(consistency, "_BATCH", 2)
    path = real / "data" / "event_sources.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # shift the offsets of ten quotes: quote-verbatim finds ten rows
    edited = []
    for i, line in enumerate(rows):
        event, source, start, end, rest = line.split(",", 4)
        edited.append(f"{event},{source},{int(start) + 1},{int(end) + 1},{rest}" if i < 10 else line)
    path.write_text(header + "".join(edited), encoding="utf-8")
    stamp(real)
    report = validate(real, layers=["consistency"], parallel=False)
    found = failures(report, "quote-verbatim")
    assert len([f for f in found if f.row is not None]) == 3
    [more] = [f for f in found if f.row is None]
    assert "more than 3 rows; the first 3 are listed" in more.message


def test_an_article_named_by_many_sources_is_read_once(real: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = real / "data" / "sources.csv"
    with path.open(encoding="utf-8", newline="") as f:
        header, first, *_ = list(csv.reader(f))
    column = header.index("path")
    spelled = first[column]
    folder, name = spelled.rsplit("/", 1)
    # one file, named by 500 rows in ever new spellings (a fresh string each cannot be the cache's key)
    rows = []
    for i in range(500):
        row = list(first)
        row[0] = f"{first[0]}{i}"
        row[column] = "./" * (i % 50) + folder + "/" * (1 + i // 50) + name
        rows.append(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *rows])
    reads: list[object] = []
    original = Inputs.read

    def counting(self, relative, *, limit=_safe_files.MAX_TABLE_BYTES):
        reads.append(relative)
        return original(self, relative, limit=limit)

    monkeypatch.setattr(Inputs, "read", counting)
    inputs = Inputs(real)
    arts = inputs.articles
    assert len(arts) == 500 and len({a.path for a in arts}) == 500  # each row keeps its own spelling
    assert len([r for r in reads if str(r).endswith(name)]) == 1
    assert all(a.exists and a.sha256 == arts[0].sha256 for a in arts)
    assert len({id(a.text) for a in arts}) == 1  # one text held, however many rows name it


def test_a_span_over_a_whole_article_costs_its_text_not_the_article(real: Path) -> None:
    from qantar.validate.engines import consistency

    path = real / "data" / "exclusions.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = header.rstrip("\n").split(",")
    start, end = cells.index("char_start"), cells.index("char_end")
    wide = []
    for line in rows[:5]:
        values = line.rstrip("\n").split(",")
        values[start], values[end] = "0", "3000"  # each span claims 3,000 characters; its text is a few
        wide.append(",".join(values) + "\n")
    path.write_text(header + "".join(wide) + "".join(rows[5:]), encoding="utf-8")
    inputs = Inputs(real)
    spans = consistency.spans(inputs, {t: inputs.typed(t).with_row_index("_row", offset=1) for t in inputs.tables})
    cut = spans.filter((pl.col("table") == "exclusions") & (pl.col("_row") <= 5))
    assert cut.height == 5
    for text, piece, verbatim in cut.select("text", "slice", "verbatim").iter_rows():
        assert len(piece) <= len(text) + 60 and piece != text and verbatim is False
    # a span that is its article's text is not held a second time
    same = spans.filter(pl.col("verbatim"))
    assert same.height > 300 and same["slice"].null_count() == same.height
    report = validate(real, layers=["consistency"], parallel=False)
    assert {f.row for f in failures(report, "quote-verbatim", "exclusions")} >= {1, 2, 3, 4, 5}


def test_a_python_rule_that_a_package_makes_too_costly_is_stopped_and_reported(
    real: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from qantar.validate.engines import consistency

    # one large article and many rows quoting a word at its very end: quote-first-occurrence searches
    # the article up to each quote (5 MB x 20,000 rows: far more than the budget on any machine)
    article = real / "articles" / "002_295c2baa0c2732ff.txt"
    text = article.read_text(encoding="utf-8") + "kata " * 1_000_000 + "Zulfiya"
    article.write_bytes(text.encode("utf-8"))
    start = len(text) - len("Zulfiya")
    path = real / "data" / "event_sources.csv"
    with path.open(encoding="utf-8", newline="") as f:
        header, first, *rest = list(csv.reader(f))
    extra = []
    for i in range(20_000):
        row = dict(zip(header, first, strict=True))
        row.update(source_id="002_295c2baa0c2732ff", char_start=str(start), char_end=str(start + 7),
                   quote="Zulfiya", quote_en=f"Zulfiya {i}")
        extra.append([row[h] for h in header])
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, first, *rest, *extra])
    stamp(real)
    monkeypatch.setattr(consistency, "RULE_SECONDS", 1.0)
    report = validate(real, layers=["consistency"], parallel=False)
    assert_never_crashed(report)
    [stopped] = failures(report, "quote-first-occurrence")
    assert stopped.row is None and "stopped after 1 s" in stopped.message and "too costly" in stopped.message
    # every rule was run or stopped, none left out
    clean = validate(copy_package(tmp_path / "clean"), layers=["consistency"], parallel=False)
    assert report.layers[0].checks_run == clean.layers[0].checks_run


def test_a_python_rule_that_never_ends_is_stopped_and_the_others_run(
    real: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import types

    from qantar.validate import catalogue
    from qantar.validate.engines import consistency

    endless = types.ModuleType("qantar.validate.rules._endless")

    def check(inputs):  # type: ignore[no-untyped-def]
        while True:
            try:
                time.sleep(0.001)
            except Exception:  # a rule that swallows its errors is stopped all the same
                pass
        yield  # pragma: no cover

    endless.check = check  # type: ignore[attr-defined]
    before = validate(real, layers=["consistency"], parallel=False).layers[0].checks_run
    monkeypatch.setitem(sys.modules, "qantar.validate.rules._endless", endless)
    rules = catalogue.python_rules()
    extra = catalogue.PyRule("endless", "_endless", "never ends", "the budget", False)
    monkeypatch.setattr(catalogue, "python_rules", lambda: (extra, *rules))
    monkeypatch.setattr(consistency, "RULE_SECONDS", 3.0)  # far above any real rule on the real data
    report = validate(real, layers=["consistency"], parallel=False)
    assert_never_crashed(report)
    [stopped] = report.failures
    assert stopped.rule == "endless" and "stopped after 3 s" in stopped.message
    assert report.layers[0].checks_run == before + 1  # and every other rule ran, finding nothing


@pytest.mark.parametrize("zone", ["../../../../etc/passwd", "/etc/hostname", "Asia/../../../etc/passwd", "x" * 5000, "Asia/Jakarta\x00"])
def test_a_time_zone_name_never_chooses_a_file_to_read(real: Path, zone: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import zoneinfo

    from _validate_helpers import set_cells

    from qantar.validate.rules import published_offset

    opened: list[str] = []

    def recording(key: str) -> zoneinfo.ZoneInfo:
        opened.append(key)
        return zoneinfo.ZoneInfo(key)

    monkeypatch.setattr(published_offset, "ZoneInfo", recording)
    set_cells(real, {"sources": {(0, "published_timezone"): zone}})
    report = validate(real, layers=["consistency"], parallel=False)
    found = failures(report, "published-at-offset", "sources")
    assert [(f.row, f.column) for f in found] == [(1, "published_timezone")] and "no IANA time zone" in found[0].message
    assert opened and set(opened) <= zoneinfo.available_timezones() and zone not in opened  # the others still read
