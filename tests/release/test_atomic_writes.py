"""Every file qantar writes appears whole or not at all: killed, concurrent and watched writers.

Writers are run in child processes and killed with SIGKILL at random moments (bounded loops,
timeouts); afterwards each target holds either its old or its new content, never part of it.
Concurrent exports of one target both end cleanly; a reader polling the descriptor during
stamps never sees anything but whole JSON. The release folder (complete or absent) is tested
in tests/test_release.py, which already has a git checkout to release from.
"""

from __future__ import annotations

import ast
import csv
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from conftest import REAL_DESCRIPTOR, REPO
from release_helpers import copy_package

from qantar import _atomic

pytestmark = pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="needs the real data package")

KILLS = 5  # kills per writer: each at a random moment of a loop that rewrites the target
RNG = random.Random(20220105)


# --- the helper itself ----------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(_atomic.SUFFIX))


def test_write_replaces_whole_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "datapackage.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    _atomic.write_text(target, "new\r\n", newline="")
    assert target.read_bytes() == b"new\r\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), _atomic.open_replacing(target, "wb") as fh:
        fh.write(b"half of the new")
        raise RuntimeError("the writer failed")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []
    with pytest.raises(ValueError, match="whole files"), _atomic.open_replacing(target, "a"):
        pass


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=60)
    return child.pid


def test_the_next_write_sweeps_what_killed_writers_left(tmp_path: Path) -> None:
    target = tmp_path / "qantar.sqlite"
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead_file = tmp_path / f".qantar.sqlite.{dead_pid()}-abc123{_atomic.SUFFIX}"
        dead_dir = tmp_path / f".qantar.sqlite.{dead_pid()}-def456{_atomic.SUFFIX}"
        live_file = tmp_path / f".qantar.sqlite.{live.pid}-ghi789{_atomic.SUFFIX}"
        other = tmp_path / f".other.sqlite.{dead_pid()}-jkl012{_atomic.SUFFIX}"
        dead_file.write_bytes(b"partial")
        (dead_dir / "result").mkdir(parents=True)
        live_file.write_bytes(b"a writer still at work")
        other.write_bytes(b"another target's")
        _atomic.write_bytes(target, b"whole")
        assert target.read_bytes() == b"whole"
        assert leftovers(tmp_path) == sorted([live_file.name, other.name])
    finally:
        live.kill()
        live.wait(timeout=60)


def test_a_folder_is_complete_or_absent(tmp_path: Path) -> None:
    target = tmp_path / "release"
    with pytest.raises(RuntimeError), _atomic.building_directory(target) as (folder, scratch):
        (folder / "a.zip").write_bytes(b"zip")
        (scratch / "stage").mkdir()
        raise RuntimeError("the build failed")
    assert list(tmp_path.iterdir()) == []
    with _atomic.building_directory(target) as (folder, _):
        (folder / "parquet").mkdir()
        (folder / "parquet" / "events.parquet").write_bytes(b"p")
        assert not target.exists()
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == ["parquet", "parquet/events.parquet"]
    assert [p.name for p in tmp_path.iterdir()] == ["release"]
    # A second writer that finishes later finds the folder filled: it fails, the first result stays.
    with pytest.raises(FileExistsError), _atomic.building_directory(target) as (folder, _):
        (folder / "other").write_bytes(b"x")
    assert (target / "parquet" / "events.parquet").read_bytes() == b"p" and not (target / "other").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["release"]


FOLDER_CHILD = """
import sys, time
from pathlib import Path
from qantar import _atomic
with _atomic.building_directory(sys.argv[1]) as (folder, scratch):
    (folder / "half").write_bytes(b"x")
    print("ready", flush=True)
    time.sleep(120)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
def test_a_stopped_folder_build_leaves_nothing_that_stays(tmp_path: Path, sig: signal.Signals) -> None:
    target = tmp_path / "out"
    child = subprocess.Popen([sys.executable, "-c", FOLDER_CHILD, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline() == "ready\n"
        child.send_signal(sig)
        code = child.wait(timeout=60)
    finally:
        child.kill()
    assert not target.exists()
    if sig == signal.SIGKILL:  # nothing can clean up after SIGKILL: the next build does
        assert code == -signal.SIGKILL and len(leftovers(tmp_path)) == 1
        with _atomic.building_directory(target) as (folder, _):
            (folder / "whole").write_bytes(b"x")
        assert [p.name for p in tmp_path.iterdir()] == ["out"]
    else:
        assert code != 0 and leftovers(tmp_path) == []


def _writes(node: ast.Call) -> str | None:
    """The name of the writing call ``node`` is, if it writes a file in place."""
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "_atomic":
        return None
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    constants = [a.value for a in [*node.args, *(k.value for k in node.keywords)] if isinstance(a, ast.Constant)]
    if name in ("write_text", "write_bytes", "copyfile", "copy", "copy2", "copytree"):
        return name
    if name in ("open", "ZipFile") and any(isinstance(c, str) and set(c) & set("wax+") for c in constants):
        return name
    if name == "connect" and node.args and ":memory:" not in constants:  # sqlite3 / duckdb on a file
        return name
    # polars' frame.write_*(target): a file unless there is no target (the text is returned)
    if isinstance(func, ast.Attribute) and name in ("write_parquet", "write_csv", "write_ipc", "write_json"):
        return name if node.args or any(k.arg == "file" for k in node.keywords) else None
    return None


def test_writers_use_the_atomic_module() -> None:
    """No module of qantar (nor the benchmarks, which write results and synthetic packages) writes a
    file in place: every writer goes through qantar._atomic."""
    allowed = {  # (module, call): why it is not a write in place
        ("qantar/export/__init__.py", "write_parquet"): "into a file object of _atomic.open_replacing",
        ("qantar/export/__init__.py", "connect"): "the private temporary file of _atomic.replacing",
        ("qantar/release/archive.py", "ZipFile"): "into a file object of _atomic.open_replacing",
        ("qantar/csvfile.py", "write_csv"): "into an in-memory buffer (io.BytesIO): the fast reader's round-trip check",
        ("qantar/site/downloads.py", "ZipFile"): "into an in-memory buffer (io.BytesIO); mkdocs writes the page files",
        ("qantar/release/build.py", "copyfile"): "the stage, inside the release's scratch folder",
        ("qantar/validate/sandbox.py", "write_bytes"): "Frictionless's private copy, in a temporary folder of its own",
        ("qantar/validate/sandbox.py", "write_text"): "Frictionless's private copy, in a temporary folder of its own",
    }
    found = []
    for path in sorted([*(REPO / "qantar").rglob("*.py"), *(REPO / "bench").glob("*.py")]):
        rel = path.relative_to(REPO).as_posix()
        if rel == "qantar/_atomic.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = _writes(node) if isinstance(node, ast.Call) else None
            if name is not None and (rel, name) not in allowed:
                found.append(f"{rel}:{node.lineno} {name}")
    assert found == [], "write through qantar._atomic instead:\n" + "\n".join(found)


# --- killed writers -------------------------------------------------------------------------

# Each child rewrites its target(s) in a loop, each round from the old content to the new, and
# says "ready" once a first round is done; the test kills it at a random moment after that.
WRITER_CHILD = """
import shutil, sys
from pathlib import Path
from qantar import _atomic
kind, root, old, new = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])

def restore(folder, under=""):  # put saved content back (atomically: only the writer under test is judged)
    for f in sorted(p for p in (folder / under).rglob("*") if p.is_file()):
        _atomic.write_bytes(root / f.relative_to(folder), f.read_bytes())

def once():
    if kind == "stamp":
        from qantar.curate import stamp
        restore(new, "data")  # the changed data; the descriptor is stamped for it
        stamp(root)
        restore(old, "data")
        stamp(root)
    elif kind == "anchor":
        from qantar.curate import anchor
        restore(old)  # offsets blanked; anchor fills them
        anchor(root)
    elif kind == "bump":
        from qantar.release.bump import bump
        restore(old)
        bump(root, "patch", date="2026-12-01")
    elif kind == "parquet":
        from qantar.export import write_parquet
        write_parquet(root / "out", root=root)
    elif kind == "sqlite":
        from qantar.export import write_sqlite
        write_sqlite(root / "out", root=root)
    elif kind == "report":
        from qantar.validate import validate
        validate(root, layers=["pandera"], report_dir=root / "out")

once()
print("ready", flush=True)
for _ in range(10_000):
    once()
"""


def save(into: Path, root: Path, names: list[str]) -> Path:
    for name in names:
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        (into / name).write_bytes((root / name).read_bytes())
    return into


def kill_at_random(args: list[str]) -> None:
    child = subprocess.Popen([sys.executable, "-c", WRITER_CHILD, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line == "ready\n", child.stderr.read() if child.poll() is not None else line
        time.sleep(RNG.uniform(0.0, 1.0))
        assert child.poll() is None, child.stderr.read()
        child.kill()
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=60)


def blank_an_offset(root: Path) -> None:
    """Empty the first char_end of event_sources: ``qantar anchor`` fills it again."""
    path = root / "data" / "event_sources.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index("char_end")] = ""
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def old_and_new(kind: str, root: Path, old: Path, new: Path) -> list[str]:
    """Put ``root`` in the old state and save both states; returns the files the writer rewrites."""
    if kind == "stamp":
        from qantar.curate import stamp

        names = ["datapackage.json", "data/events.csv"]
        save(old, root, names)
        events = root / "data" / "events.csv"
        events.write_bytes(events.read_bytes() + b"\n")
        assert stamp(root)
        save(new, root, names)
        for name in names:
            (root / name).write_bytes((old / name).read_bytes())
    elif kind == "anchor":
        from qantar.curate import anchor

        names = ["data/event_sources.csv"]
        blank_an_offset(root)
        save(old, root, names)
        assert anchor(root)
        save(new, root, names)
    else:
        from qantar.release.bump import bump

        names = ["datapackage.json", "CHANGELOG.md", "CITATION.cff"]
        changelog = root / "CHANGELOG.md"
        changelog.write_text(
            changelog.read_text(encoding="utf-8").replace("## [Unreleased]\n", "## [Unreleased]\n\n### Fixed\n- A typo.\n", 1),
            encoding="utf-8",
        )
        save(old, root, names)
        bump(root, "patch", date="2026-12-01")
        save(new, root, names)
    return names


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["stamp", "anchor", "bump"])
def test_killed_writers_leave_old_or_new_content(kind: str, tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    old, new = tmp_path / "old", tmp_path / "new"
    names = old_and_new(kind, root, old, new)
    allowed = {name: {(old / name).read_bytes(), (new / name).read_bytes()} for name in names}
    assert all(len(states) == 2 for states in allowed.values()), "the two states must differ in every file"
    for _ in range(KILLS):
        kill_at_random([kind, str(root), str(old), str(new)])
        for name in names:
            assert (root / name).read_bytes() in allowed[name], f"{name} is neither the old nor the new content"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A copy of the package and the bytes of its exports (both formats are reproducible)."""
    from qantar.export import write_parquet, write_sqlite

    base = tmp_path_factory.mktemp("exports")
    root = copy_package(base / "pkg")
    reference = base / "reference"
    files = [*write_parquet(reference, root=root), write_sqlite(reference, root=root)]
    return root, {p.name: p.read_bytes() for p in files}


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["parquet", "sqlite"])
def test_killed_exports_leave_whole_files(kind: str, exported: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    root, reference = exported
    out = root / "out"
    for _ in range(KILLS):
        kill_at_random([kind, str(root), str(tmp_path), str(tmp_path)])
        written = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
        assert written, "the export wrote nothing"
        for name, data in written.items():
            assert data == reference[name], f"{name} is not the whole export"
    # The files left are whole exports; what the killed writers left beside them is swept by the next one.
    from qantar.export import write_parquet, write_sqlite

    (write_parquet if kind == "parquet" else write_sqlite)(out, root=root)
    assert leftovers(out) == []


@pytest.mark.slow
def test_a_killed_report_writer_leaves_whole_reports(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    for _ in range(KILLS):
        kill_at_random(["report", str(root), str(tmp_path), str(tmp_path)])
        report = json.loads((root / "out" / "validation.json").read_text(encoding="utf-8"))
        assert report["ok"] is True
        assert (root / "out" / "validation-report.html").read_text(encoding="utf-8").endswith("</html>\n")


# --- concurrent writers and a reader --------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["sqlite", "parquet"])
def test_concurrent_exports_both_end_cleanly(fmt: str, exported: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    _, reference = exported
    out = tmp_path / "out"
    for _ in range(3):
        children = [
            subprocess.Popen([sys.executable, "-m", "qantar", "export", "--format", fmt, "--out", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        for child in children:
            stdout, stderr = child.communicate(timeout=300)
            assert child.returncode == 0 and "Traceback" not in stderr, stderr
    written = {p.name: p.read_bytes() for p in out.iterdir()}
    assert written and all(data == reference[name] for name, data in written.items())
    if fmt == "sqlite":
        (db,) = out.glob("*.sqlite")
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    else:
        assert pl.read_parquet(out / "events.parquet").height > 0


READER_STAMPS = """
import sys
from pathlib import Path
from qantar import _atomic
from qantar.curate import stamp
root = Path(sys.argv[1])
events = root / "data" / "events.csv"
a = events.read_bytes()
b = a + a.split(b"\\n", 1)[1] * 40  # more rows: a longer descriptor write is no different
print("ready", flush=True)
for i in range(200):
    _atomic.write_bytes(events, b if i % 2 == 0 else a)
    stamp(root)
"""


@pytest.mark.slow
def test_a_reader_never_sees_a_partial_descriptor(tmp_path: Path) -> None:
    root = copy_package(tmp_path / "pkg")
    descriptor = root / "datapackage.json"
    child = subprocess.Popen([sys.executable, "-c", READER_STAMPS, str(root)], stdout=subprocess.PIPE, text=True)
    seen: set[str] = set()
    reads = 0
    try:
        assert child.stdout.readline() == "ready\n"
        deadline = time.monotonic() + 120
        while child.poll() is None and time.monotonic() < deadline:
            text = descriptor.read_text(encoding="utf-8")
            reads += 1
            json.loads(text)  # raises on an empty or cut file
            seen.add(text)
    finally:
        child.kill()
        child.wait(timeout=60)
    assert len(seen) >= 2, f"the reader saw no stamp happen in {reads} reads"
