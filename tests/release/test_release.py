"""``qantar release --out DIR``, run twice on one commit: byte-identical files, a valid archive.

The commit is a scratch git repository holding this checkout's files (tracked and untracked,
not ignored), committed at a fixed time, so SOURCE_DATE_EPOCH comes from the commit as it does
in a real release. Slow (two sdist+wheel builds and two full validations): one module, one
build pair, every check reading the same outputs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import polars as pl
import pytest
from conftest import REAL_DESCRIPTOR, REPO
from release_helpers import git
from test_export import assert_same_frames, read_sqlite

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not REAL_DESCRIPTOR.is_file(), reason="needs the real data package")]

COMMIT_TIME = "2026-11-22T12:00:00Z"  # release_helpers.git commits at this time
COMMIT_EPOCH = 1795348800
DESCRIPTOR = json.loads(REAL_DESCRIPTOR.read_text(encoding="utf-8")) if REAL_DESCRIPTOR.is_file() else {}
VERSION = DESCRIPTOR.get("version")


def release(checkout: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONPATH")}
    return subprocess.run(
        [sys.executable, "-m", "qantar", "release", *args], cwd=checkout, env=env, capture_output=True, text=True, timeout=900
    )


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("release") / "checkout"
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True, check=True, timeout=60,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, root / name)
    # A repository with no release yet: the register's releases were built from commits it lacks.
    (root / "releases" / "register.json").unlink(missing_ok=True)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "release candidate")
    return root


#: What each build of the ``builds`` fixture printed.
LOGS: list[str] = []


@pytest.fixture(scope="module")
def builds(checkout: Path) -> tuple[Path, Path]:
    outs = []
    for n in (1, 2):
        out = checkout.parent / f"out{n}"
        done = release(checkout, "--out", str(out))
        assert done.returncode == 0, done.stdout + done.stderr
        LOGS.append(done.stdout)
        outs.append(out)
        time.sleep(1.1)  # a later wall-clock second for the second build: no timestamp may leak in
    return outs[0], outs[1]


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(builds: tuple[Path, Path]) -> None:
    first, second = builds
    assert (first / "SHA256SUMS").read_bytes() == (second / "SHA256SUMS").read_bytes()
    assert files(first) == files(second)


def test_the_release_is_registered_and_its_rebuild_recognised(builds: tuple[Path, Path], checkout: Path) -> None:
    register = json.loads((checkout / "releases" / "register.json").read_text(encoding="utf-8"))
    (entry,) = register["releases"]
    assert entry["version"] == VERSION and entry["date"] == DESCRIPTOR["created"][:10]
    assert entry["commit"] == git(checkout, "rev-parse", "HEAD").strip()
    assert entry["files"] == {name: hashlib.sha256(data).hexdigest() for name, data in files(builds[0]).items()}
    assert "registered" in LOGS[0] and "the files are those registered" in LOGS[1]
    # the register changed after the build: the checkout is not clean, yet a rebuild is allowed and unchanged
    assert "releases/register.json" in git(checkout, "status", "--porcelain", "--untracked-files=all")
    digest = hashlib.sha256((builds[0] / f"qantar-{VERSION}.zip").read_bytes()).hexdigest()
    found = subprocess.run([sys.executable, "-m", "qantar", "identify", str(builds[0] / f"qantar-{VERSION}.zip"), digest],
                           cwd=checkout, capture_output=True, text=True, timeout=120)
    assert found.returncode == 0, found.stderr
    assert found.stdout.count(f"qantar {VERSION} (released {entry['date']}") == 2


def test_sha256sums_lists_every_artefact(builds: tuple[Path, Path]) -> None:
    out = builds[0]
    lines = (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = [line.split("  ", 1)[1] for line in lines]
    assert listed == sorted(listed)
    everything = files(out)
    assert set(listed) == set(everything) - {"SHA256SUMS"}
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256(everything[name]).hexdigest() == digest
    expected = {
        f"qantar-{VERSION}-py3-none-any.whl", f"qantar-{VERSION}.tar.gz", f"qantar-{VERSION}.zip", "qantar.sqlite",
        "README.md", "croissant.json", "annotations.jsonld",  # the formats of tests/release/test_formats.py
    } | {f"parquet/{r['name']}.parquet" for r in DESCRIPTOR["resources"] if r.get("type") == "table"}
    assert set(listed) == expected
    if shutil.which("sha256sum"):
        assert subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=out, timeout=60).returncode == 0


def test_croissant_lists_the_release_files(builds: tuple[Path, Path]) -> None:
    out = builds[0]
    croissant = json.loads((out / "croissant.json").read_text(encoding="utf-8"))
    listed = {f["contentUrl"]: f["sha256"] for f in croissant["distribution"]}
    assert f"qantar-{VERSION}.zip" in listed and "qantar.sqlite" in listed
    for name, digest in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name


def test_archive_contents_are_fixed(builds: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(builds[0] / f"qantar-{VERSION}.zip") as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        wanted = {"datapackage.json", "README.md", "LICENSE", "LICENSE-DATA", "CITATION.cff", "CHANGELOG.md"}
        wanted |= {r["path"] for r in DESCRIPTOR["resources"]}
        assert names == sorted(f"qantar-{VERSION}/{n}" for n in wanted)
        assert {i.date_time for i in infos} == {time.gmtime(COMMIT_EPOCH)[:6]}  # SOURCE_DATE_EPOCH from the commit
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        for name in wanted:
            assert archive.read(f"qantar-{VERSION}/{name}") == (REPO / name).read_bytes(), name


def unpack(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as z:
        z.extractall(into)
    return into / f"qantar-{VERSION}"


def test_unpacked_archive_validates(builds: tuple[Path, Path], tmp_path: Path) -> None:
    unpacked = unpack(builds[0] / f"qantar-{VERSION}.zip", tmp_path)
    command = [sys.executable, "-m", "frictionless", "validate", "datapackage.json"]  # the `frictionless` CLI
    done = subprocess.run(command, cwd=unpacked, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    done = subprocess.run([sys.executable, "-m", "qantar", "validate", str(unpacked)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "everything holds" in done.stdout


def test_the_wheel_installs_the_release(builds: tuple[Path, Path], tmp_path: Path) -> None:
    with zipfile.ZipFile(builds[0] / f"qantar-{VERSION}-py3-none-any.whl") as wheel:
        wheel.extractall(tmp_path / "site")
    probe = "import qantar; print(qantar.__version__); print(qantar.path('events')); print(qantar.cite('bibtex'))"
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    version, events, *bibtex = done.stdout.splitlines()
    assert version == VERSION
    assert Path(events).is_relative_to(tmp_path / "site")
    assert f"version  = {{{VERSION}}}" in "\n".join(bibtex)


def test_release_exports_load_back(builds: tuple[Path, Path], real_root: Path) -> None:
    import qantar

    frames = qantar.load_all()
    out = builds[0]
    assert_same_frames(frames, {n: pl.read_parquet(out / "parquet" / f"{n}.parquet") for n in frames})
    assert_same_frames(frames, read_sqlite(out / "qantar.sqlite"))


def test_release_refuses_what_is_not_a_release(builds: tuple[Path, Path], checkout: Path, tmp_path: Path) -> None:
    done = release(checkout, "--out", str(builds[0]))
    assert done.returncode == 1 and "is not empty" in done.stderr
    readme = checkout / "README.md"
    original = readme.read_bytes()
    try:
        readme.write_bytes(original + b"\nuncommitted\n")
        done = release(checkout, "--out", str(tmp_path / "dirty"))
        assert done.returncode == 1 and "uncommitted changes" in done.stderr
    finally:
        readme.write_bytes(original)
    previous = tmp_path / "previous"
    shutil.copytree(checkout, previous, ignore=shutil.ignore_patterns(".git"))
    rows = (previous / "data" / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (previous / "data" / "events.csv").write_text("".join(rows[:-1]), encoding="utf-8")  # E046 is new since then
    done = release(checkout, "--out", str(tmp_path / "small"), "--previous", str(previous))
    assert done.returncode == 1 and "not bumped enough" in done.stderr and "1 new row(s): E046" in done.stderr
    assert not (tmp_path / "small").exists()


def start_release(checkout: Path, out: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONPATH")}
    return subprocess.Popen(
        [sys.executable, "-m", "qantar", "release", "--out", str(out), "--no-validate"],
        cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def scratch_of(out: Path) -> list[Path]:
    """What a build of ``out`` works in beside it (see qantar._atomic.building_directory)."""
    return sorted(out.parent.glob(f".{out.name}.*.tmp"))


def wait_until_building(child: subprocess.Popen, out: Path) -> None:
    """Until the build has written its data archive and is building the wheel."""
    deadline = time.monotonic() + 300
    while not any((s / "result" / f"qantar-{VERSION}.zip").is_file() for s in scratch_of(out)):
        assert child.poll() is None, child.stderr.read()
        assert time.monotonic() < deadline, "the release never started writing"
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_a_stopped_release_leaves_no_folder_and_no_scratch(checkout: Path, tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "stopped"
    child = start_release(checkout, out)
    try:
        wait_until_building(child, out)
        child.send_signal(sig)
        code = child.wait(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
    assert code != 0
    assert not out.exists() and scratch_of(out) == []


def test_a_killed_release_leaves_no_folder_and_the_next_build_cleans_up(checkout: Path, tmp_path: Path) -> None:
    out = tmp_path / "killed"
    child = start_release(checkout, out)
    try:
        wait_until_building(child, out)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the release and the wheel build it started
        child.wait(timeout=60)
    assert not out.exists()
    assert len(scratch_of(out)) == 1  # SIGKILL cannot be caught: the scratch folder stays ...
    done = release(checkout, "--out", str(out), "--no-validate")
    assert done.returncode == 0, done.stderr
    assert scratch_of(out) == []  # ... until the next build of the same folder
    listed = [line.split("  ", 1)[1] for line in (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    assert sorted(listed) == sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
