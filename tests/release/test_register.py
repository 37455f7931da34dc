"""The release register (``releases/register.json``): what it records, and the two questions it
answers on any clone, tags or not: which commit is release X.Y.Z, and which release a file is from."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from release_helpers import git

from qantar.release import ReleaseError, register

REGISTER = REPO / register.PATH
ENTRIES = json.loads(REGISTER.read_text(encoding="utf-8"))["releases"] if REGISTER.is_file() else []


def has_commit(commit: str) -> bool:
    done = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True, timeout=60)
    return done.returncode == 0


def qantar(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-m", "qantar", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_the_register_holds_1_0_0_and_reads_cleanly() -> None:
    releases = register.read(REPO)
    assert [r.version for r in releases][:1] == ["1.0.0"]
    first = releases[0]
    assert first.commit.startswith("0ba8d63") and first.date == "2026-11-22"
    names = set(first.files)
    assert {"SHA256SUMS", "qantar-1.0.0.zip", "qantar-1.0.0.tar.gz", "qantar-1.0.0-py3-none-any.whl",
            "qantar-1.0.0.sqlite"} <= names
    assert any(n.startswith("parquet/") and n.endswith(".parquet") for n in names)
    assert REGISTER.read_text(encoding="utf-8") == register.dump(releases), "the register is written by register.dump"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["version"] for e in ENTRIES])
def test_each_entry_is_its_commit(entry: dict) -> None:
    if not has_commit(entry["commit"]):
        pytest.skip("a shallow clone: the release's commit is not here")
    descriptor = json.loads(git(REPO, "show", f"{entry['commit']}:datapackage.json"))
    assert descriptor["version"] == entry["version"] and descriptor["created"][:10] == entry["date"]
    # The data files the archive published are the commit's, byte for byte (their sha256 is in its descriptor).
    for resource in descriptor["resources"]:
        data = subprocess.run(["git", "-C", str(REPO), "show", f"{entry['commit']}:{resource['path']}"],
                              capture_output=True, check=True, timeout=60).stdout
        assert resource["hash"].removeprefix("sha256:") == hashlib.sha256(data).hexdigest(), resource["path"]


@pytest.fixture(scope="module")
def tagless_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone without tags whose working tree is this checkout's files (committed or not)."""
    clone = tmp_path_factory.mktemp("clone") / "qantar"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(REPO), str(clone)], check=True, capture_output=True, timeout=300)
    for tag in git(clone, "tag").split():
        git(clone, "tag", "-d", tag)
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, check=True, timeout=60).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, clone / name)
    return clone


def test_check_bump_finds_a_release_through_the_register_on_a_clone_without_tags(tagless_clone: Path) -> None:
    if not ENTRIES or not has_commit(ENTRIES[0]["commit"]):
        pytest.skip("no registered release whose commit is here")
    assert git(tagless_clone, "tag").strip() == ""
    for spec in ("1.0.0", "v1.0.0"):
        done = qantar("release", "--check-bump", spec, cwd=tagless_clone)
        assert done.returncode in (0, 1), done.stderr
        assert "release 1.0.0 (commit 0ba8d63a328d" in done.stdout and "required bump" in done.stdout.lower(), done.stdout
    latest = qantar("release", "--check-bump", "latest", cwd=tagless_clone)
    assert f"release {ENTRIES[-1]['version']} (commit" in latest.stdout, latest.stderr
    unknown = qantar("release", "--check-bump", "0.9.0", cwd=tagless_clone)
    assert unknown.returncode == 1 and "registered version" in unknown.stderr and "Traceback" not in unknown.stderr


def test_identify_names_the_release_of_a_published_file_and_of_an_archived_one(tmp_path: Path) -> None:
    if not ENTRIES or not has_commit(ENTRIES[0]["commit"]):
        pytest.skip("no registered release whose commit is here")
    commit = ENTRIES[0]["commit"]
    csv = tmp_path / "events.csv"
    csv.write_bytes(subprocess.run(["git", "-C", str(REPO), "show", f"{commit}:data/events.csv"],
                                   capture_output=True, check=True, timeout=60).stdout)
    zip_digest = ENTRIES[0]["files"]["qantar-1.0.0.zip"]
    done = qantar("identify", str(csv), zip_digest, cwd=REPO)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"{csv}: qantar 1.0.0 (released 2026-11-22, commit 0ba8d63a328d): data/events.csv inside " \
                       "qantar-1.0.0.zip (and the wheel's qantar/_data/)"
    assert lines[1] == f"{zip_digest}: qantar 1.0.0 (released 2026-11-22, commit 0ba8d63a328d): qantar-1.0.0.zip"
    changed = tmp_path / "changed.csv"
    changed.write_bytes(csv.read_bytes() + b"\n")
    done = qantar("identify", str(changed), cwd=REPO)
    assert done.returncode == 1 and "in none of the" in done.stdout and "git pull" in done.stdout


def test_identify_refuses_what_it_cannot_read_and_says_what_to_do(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    done = qantar("identify", str(fifo), cwd=REPO)  # a FIFO would never end: refused, not read
    assert done.returncode == 2 and "no such regular file" in done.stderr
    done = qantar("identify", str(REPO / "README.md"), cwd=tmp_path)
    if not (REPO / register.PATH).is_file():
        return
    # outside a checkout, the register of the checkout qantar runs from is read (an editable install)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr
    done = qantar("identify", "--root", str(tmp_path), str(REPO / "README.md"), cwd=tmp_path)
    assert done.returncode == 2 and "pass --root CHECKOUT" in done.stderr


def entry(version: str = "1.0.0", files: dict[str, str] | None = None) -> register.Release:
    return register.Release(version, "2026-11-22", "a" * 40, files or {"x.zip": "0" * 64})


def test_record_appends_once_and_never_rewrites_a_release(tmp_path: Path) -> None:
    assert register.read(tmp_path) == []
    assert register.record(tmp_path, entry()) == "registered"
    assert register.record(tmp_path, entry("1.1.0")) == "registered"
    before = (tmp_path / register.PATH).read_bytes()
    assert register.record(tmp_path, entry()) == "reproduced"
    with pytest.raises(ReleaseError, match=r"(?s)registered .* with other files.*x.zip: sha256 1{64} differs"):
        register.record(tmp_path, entry(files={"x.zip": "1" * 64}))
    assert (tmp_path / register.PATH).read_bytes() == before
    assert [r.version for r in register.read(tmp_path)] == ["1.0.0", "1.1.0"]
    assert register.find(tmp_path, "latest").version == "1.1.0"
    assert register.find(tmp_path, "v1.0.0").version == "1.0.0" and register.find(tmp_path, "main") is None


@pytest.mark.parametrize("damage, message", [
    (lambda r: r.update(version="1.0"), "'version' must be X.Y.Z"),
    (lambda r: r.update(commit="0ba8d63"), "full 40-digit commit"),
    (lambda r: r.update(date="22.11.2026"), "'date' must be YYYY-MM-DD"),
    (lambda r: r["files"].update({"x.zip": "sha256:abc"}), "is not a sha256"),
    (lambda r: r.update(files={}), "'files' must map"),
])
def test_a_damaged_register_is_refused_with_the_release_and_the_field(tmp_path: Path, damage, message: str) -> None:
    raw = json.loads(register.dump([entry()]))
    damage(raw["releases"][0])
    (tmp_path / "releases").mkdir()
    (tmp_path / register.PATH).write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ReleaseError, match=message):
        register.read(tmp_path)


def test_a_version_registered_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "releases").mkdir()
    (tmp_path / register.PATH).write_text(register.dump([entry(), entry()]), encoding="utf-8")
    with pytest.raises(ReleaseError, match="1.0.0 is registered twice"):
        register.read(tmp_path)


def test_a_registered_version_is_not_released_again_from_other_files(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.txt").write_text("one\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "release")
    built = git(repo, "rev-parse", "HEAD").strip()
    register.record(repo, register.Release("1.0.0", "2026-11-22", built, {"x.zip": "0" * 64}))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "register")  # only the register changed: a rebuild is allowed
    assert register.released_elsewhere(repo, "1.0.0") is None
    (repo / "a.txt").write_text("two\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "a change")
    assert "bump the version" in register.released_elsewhere(repo, "1.0.0")
    assert register.released_elsewhere(repo, "1.1.0") is None
