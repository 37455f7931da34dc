"""A release to compare with: a directory, a zip archive, or a git tag (or any git revision).

``open_release(spec, repo)`` decides by what ``spec`` is: an existing directory (a checkout
or an unpacked release archive), an existing zip file (a release archive
``qantar-X.Y.Z.zip``, with or without its top folder), or else a git revision of the
repository at ``repo`` (``v0.1.0``), read with ``git show REV:PATH`` so nothing is checked out.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from qantar.release import ReleaseError

DESCRIPTOR = "datapackage.json"


class Snapshot:
    """One state of the data package: its descriptor and a way to read the files it names."""

    def __init__(self, label: str, read: Callable[[str], bytes | None]) -> None:
        self.label = label
        self._read = read
        raw = read(DESCRIPTOR)
        if raw is None:
            raise ReleaseError(f"{label}: no {DESCRIPTOR}")
        try:
            self.descriptor: dict[str, Any] = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ReleaseError(f"{label}: {DESCRIPTOR} is not valid JSON: {exc}") from None

    @property
    def version(self) -> str | None:
        v = self.descriptor.get("version")
        return v if isinstance(v, str) else None

    def read(self, path: str) -> bytes | None:
        pure = PurePosixPath(path)
        if pure.is_absolute() or ".." in pure.parts:
            return None
        return self._read(path)

    def text(self, path: str) -> str | None:
        raw = self.read(path)
        return None if raw is None else raw.decode("utf-8", errors="replace")

    def table(self, path: str) -> tuple[list[str], list[list[str]]] | None:
        """(header, rows) of a CSV file, every cell a string; None when the file is missing."""
        text = self.text(path)
        if text is None:
            return None
        rows = list(csv.reader(io.StringIO(text, newline="")))
        return (rows[0], rows[1:]) if rows else ([], [])


def from_directory(path: Path) -> Snapshot:
    root = Path(path)

    def read(name: str) -> bytes | None:
        file = root / name
        return file.read_bytes() if file.is_file() else None

    return Snapshot(str(root), read)


def from_zip(path: Path) -> Snapshot:
    with zipfile.ZipFile(path) as archive:  # a release archive is small: read it whole
        members = {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}
    candidates = sorted((n for n in members if PurePosixPath(n).name == DESCRIPTOR), key=lambda n: (n.count("/"), n))
    if not candidates:
        raise ReleaseError(f"{path}: the archive holds no {DESCRIPTOR}")
    prefix = candidates[0][: -len(DESCRIPTOR)]

    def read(name: str) -> bytes | None:
        return members.get(prefix + name)

    return Snapshot(f"{path}", read)


def from_git(revision: str, repo: Path) -> Snapshot:
    def git(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=60)

    if git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode != 0:
        raise ReleaseError(
            f"{revision!r} is neither a directory, nor a zip archive, nor a git revision of {repo}"
        )

    def read(name: str) -> bytes | None:
        done = git("show", f"{revision}:{name}")
        return done.stdout if done.returncode == 0 else None

    return Snapshot(f"git {revision}", read)


def open_release(spec: str | Path, repo: str | Path = ".") -> Snapshot:
    """The release named by ``spec``: a directory, a zip archive or a git revision of ``repo``."""
    path = Path(spec)
    if path.is_dir():
        return from_directory(path)
    if path.is_file():
        if not zipfile.is_zipfile(path):
            raise ReleaseError(f"{path} is a file but not a zip archive")
        return from_zip(path)
    return from_git(str(spec), Path(repo))
