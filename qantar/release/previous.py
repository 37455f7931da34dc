"""A release to compare with: a directory, a zip archive, or a git tag (or any git revision).

``open_release(spec, repo)`` decides by what ``spec`` is: an existing directory (a checkout
or an unpacked release archive), an existing zip file (a release archive
``qantar-X.Y.Z.zip``, with or without its top folder), or else a git revision of the
repository at ``repo`` (``v0.1.0``), read with ``git show REV:PATH`` so nothing is checked out.

A previous release may come from anywhere, so it is read as ``qantar._safe_files`` reads a
package: a directory's files inside it, regular and bounded; a zip archive whose members expand
to at most ``MAX_ARCHIVE_BYTES`` in all (checked from its directory before anything is
unpacked; a member cannot unpack to more than it declares), at most ``MAX_ARCHIVE_MEMBERS``
members; JSON nested at most ``MAX_JSON_DEPTH`` levels; tables that are RFC 4180 CSV.
"""

from __future__ import annotations

import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from qantar import _rfc4180, _safe_files
from qantar.errors import DataError
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
            descriptor = _safe_files.parse_json(raw, path=DESCRIPTOR)
        except DataError as exc:
            raise ReleaseError(f"{label}: {exc.problem}") from None
        if not isinstance(descriptor, dict):
            raise ReleaseError(f"{label}: {DESCRIPTOR} is not a JSON object")
        self.descriptor: dict[str, Any] = descriptor

    @property
    def version(self) -> str | None:
        v = self.descriptor.get("version")
        return v if isinstance(v, str) else None

    def read(self, path: str) -> bytes | None:
        try:
            _safe_files.check_path(path)
        except DataError:
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
        try:
            rows = [cells for _, _, cells in _rfc4180.records(text)]
        except _rfc4180.Malformed as exc:
            raise ReleaseError(f"{self.label}: {path}, line {exc.line}: malformed CSV: {exc.problem}") from None
        return (rows[0], rows[1:]) if rows else ([], [])


def _limit(name: str) -> int:
    return _safe_files.MAX_DESCRIPTOR_BYTES if name == DESCRIPTOR else _safe_files.MAX_TABLE_BYTES


def from_directory(path: Path) -> Snapshot:
    root = Path(path)

    def read(name: str) -> bytes | None:
        try:
            return _safe_files.read(root, name, limit=_limit(name))
        except DataError as exc:
            if exc.problem == "file is missing":
                return None
            raise ReleaseError(f"{root}: {name}: {exc.problem}") from None

    return Snapshot(str(root), read)


def from_zip(path: Path) -> Snapshot:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if len(infos) > _safe_files.MAX_ARCHIVE_MEMBERS:
                raise ReleaseError(
                    f"{path}: the archive holds {len(infos):,} files, more than the "
                    f"{_safe_files.MAX_ARCHIVE_MEMBERS:,} a release is read with"
                )
            expands = sum(i.file_size for i in infos)
            if expands > _safe_files.MAX_ARCHIVE_BYTES:
                raise ReleaseError(
                    f"{path}: the archive expands to {expands:,} bytes, more than the "
                    f"{_safe_files.MAX_ARCHIVE_BYTES:,} bytes a release is read with (a zip bomb?)"
                )
            # A member never unpacks to more than the size it declares (zipfile stops there and
            # then fails its CRC check), so the sum above bounds what is read here.
            members = {i.filename: archive.read(i) for i in infos}
    except ReleaseError:
        raise
    except Exception as exc:  # BadZipFile, a CRC or zlib error, an encrypted or unsupported member
        raise ReleaseError(f"{path}: the zip archive cannot be read: {type(exc).__name__}: {exc}") from None
    candidates = sorted((n for n in members if PurePosixPath(n).name == DESCRIPTOR), key=lambda n: (n.count("/"), n))
    if not candidates:
        raise ReleaseError(f"{path}: the archive holds no {DESCRIPTOR}")
    prefix = candidates[0][: -len(DESCRIPTOR)]
    if len(members[candidates[0]]) > _safe_files.MAX_DESCRIPTOR_BYTES:
        raise ReleaseError(
            f"{path}: its {DESCRIPTOR} is {len(members[candidates[0]]):,} bytes, more than "
            f"{_safe_files.MAX_DESCRIPTOR_BYTES:,}"
        )

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
