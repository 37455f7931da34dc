"""A release to compare with: a directory, a zip archive, a registered version, or a git tag (or any git revision).

``open_release(spec, repo)`` decides by what ``spec`` is: an existing directory (a checkout
or an unpacked release archive), an existing zip file (a release archive
``qantar-X.Y.Z.zip``, with or without its top folder), a version of the release register
(``1.0.0``: the commit ``releases/register.json`` records for it, so a clone without tags finds
it), or else a git revision of the repository at ``repo`` (``v1.0.0``), read with
``git show REV:PATH`` so nothing is checked out.

A snapshot is read as the package it is: its descriptor through ``qantar.model`` (the one
reading of ``datapackage.json``), its tables through ``qantar.csvfile.cells`` (every cell as
written, which is what a release publishes).

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

import polars as pl

from qantar import _safe_files, csvfile, model
from qantar.errors import DataError
from qantar.release import ReleaseError

DESCRIPTOR = model.DESCRIPTOR


class Snapshot:
    """One state of the data package: its model and a way to read the files it names.

    ``read(path)`` returns a file's bytes, ``None`` when the file is missing; ``root`` is the
    folder of a snapshot on disk (``None`` for an archive or a git revision).
    """

    def __init__(self, label: str, read: Callable[[str], bytes | None], root: Path | None = None) -> None:
        self.label = label
        self._read = read
        raw = read(DESCRIPTOR)
        if raw is None:
            raise ReleaseError(f"{label}: no {DESCRIPTOR}")
        try:
            descriptor = _safe_files.parse_json(raw, path=DESCRIPTOR)
        except DataError as exc:
            raise ReleaseError(f"{label}: {exc.problem}") from None
        try:
            self.package = model.from_descriptor(descriptor, root)
        except DataError as exc:  # not a package of tables: say which resource, field or property
            raise ReleaseError(f"{label}: {DESCRIPTOR}: {exc}") from None

    @property
    def version(self) -> str | None:
        return self.package.version

    def read(self, path: str | None) -> bytes | None:
        """The bytes of the file at ``path`` inside the snapshot; ``None`` when missing or not a package path."""
        try:
            _safe_files.check_path(path)
        except DataError:
            return None
        assert path is not None
        return self._read(path)

    def cells(self, table: model.Table) -> pl.DataFrame | None:
        """Every cell of ``table`` as written (missing values null); ``None`` when its file is missing.

        A file that is not RFC 4180 CSV is refused: what it says past the fault cannot be told.
        """
        data = self.read(table.path)
        if data is None:
            return None
        frame, fault = csvfile.cells(table, data)
        if fault is not None:
            raise ReleaseError(f"{self.label}: {table.path}, line {fault.line}: malformed CSV: {fault.problem}")
        return frame


def _limit(name: str) -> int:
    return _safe_files.MAX_DESCRIPTOR_BYTES if name == DESCRIPTOR else _safe_files.MAX_TABLE_BYTES


def from_directory(path: str | Path) -> Snapshot:
    root = Path(path)

    def read(name: str) -> bytes | None:
        try:
            return _safe_files.read(root, name, limit=_limit(name))
        except DataError as exc:
            if exc.problem == "file is missing":
                return None
            raise ReleaseError(f"{root}: {name}: {exc.problem}") from None

    return Snapshot(str(root), read, root)


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
            f"{revision!r} is neither a directory, nor a zip archive, nor a version in {repo / 'releases/register.json'}, "
            f"nor a git revision of {repo}: name a registered version (such as 1.0.0), a release archive "
            "qantar-X.Y.Z.zip or its unpacked folder"
        )

    def read(name: str) -> bytes | None:
        done = git("show", f"{revision}:{name}")
        return done.stdout if done.returncode == 0 else None

    return Snapshot(f"git {revision}", read)


def from_register(spec: str, repo: Path) -> Snapshot | None:
    """The release ``spec`` (``1.0.0`` or ``v1.0.0``) at the commit the register records; ``None``
    when the register of ``repo`` has no such version."""
    from qantar.release import register

    release = register.find(repo, spec)
    if release is None:
        return None
    try:
        snapshot = from_git(release.commit, repo)
    except ReleaseError:
        raise ReleaseError(
            f"release {release.version} was built from commit {release.commit} ({register.PATH}), which this "
            "clone does not hold (a shallow clone?): run `git fetch --unshallow`, or pass the release's "
            f"archive qantar-{release.version}.zip or an unpacked copy of it instead"
        ) from None
    snapshot.label = f"release {release.version} (commit {release.commit[:12]}, {register.PATH})"
    return snapshot


def open_release(spec: str | Path, repo: str | Path = ".") -> Snapshot:
    """The release named by ``spec``: a directory, a zip archive, a version in the release register
    of ``repo`` (``1.0.0``: its commit), or a git revision of ``repo`` (a tag such as ``v1.0.0``)."""
    path = Path(spec)
    if path.is_dir():
        return from_directory(path)
    if path.is_file():
        if not zipfile.is_zipfile(path):
            raise ReleaseError(f"{path} is a file but not a zip archive")
        return from_zip(path)
    registered = from_register(str(spec), Path(repo))
    if registered is not None:
        return registered
    return from_git(str(spec), Path(repo))
