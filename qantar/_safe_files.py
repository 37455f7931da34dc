"""Read the files of a data package as if a stranger had sent it.

``qantar.load``, ``qantar validate`` and ``qantar release`` read every file of a package
through here, so one set of rules holds for all of them:

* a path is one relative path inside the package: no URL (nothing is ever fetched), no
  absolute path, no ``..``, no backslash;
* symbolic links are resolved, and refused when they lead outside the package;
* only regular files are read: a folder, FIFO, socket or device is refused before it is
  opened (opening a FIFO blocks; reading ``/dev/zero`` never ends);
* sizes are bounded (``MAX_*`` below): a file over its limit is refused from its size
  before anything is read, and a file that grows while it is read is cut off at the limit;
* JSON is nested at most ``MAX_JSON_DEPTH`` levels, checked before it is parsed.

Every refusal is a :class:`qantar.DataError` naming the path and what is wrong; callers add
the table and turn it into their own kind of error (a report failure, a ``ReleaseError``).
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import stat
from itertools import accumulate
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlparse

from qantar.errors import DataError

MiB = 1 << 20
#: ``datapackage.json`` (the real one is about 100 KiB; 2,600 article resources, about 1 MiB).
MAX_DESCRIPTOR_BYTES = 16 * MiB
#: One table's CSV file (the largest real table is about 30 KiB; a million rows, about 60 MiB).
MAX_TABLE_BYTES = 256 * MiB
#: One article copy, or any other text file a package holds (the articles are about 5 KiB).
MAX_TEXT_BYTES = 16 * MiB
#: A release archive compared with (``qantar release --check-bump``): its members, unpacked, in all.
MAX_ARCHIVE_BYTES = 256 * MiB
#: ... and how many members it may hold (a real release holds about 25).
MAX_ARCHIVE_MEMBERS = 100_000
#: Nesting of JSON arrays and objects (a Data Package descriptor needs about 6).
MAX_JSON_DEPTH = 64

_NOT_REGULAR = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
# O_NONBLOCK: should the file be swapped for a FIFO after it was checked, opening it does not wait
# for a writer. O_NOFOLLOW: the path is already resolved, so a symlink here is a swap too.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


#: A path of plain names (letters, digits, '_', '.', '-') joined by single '/': no scheme, backslash,
#: absolute root or '~' can be in it, so only its '..' parts are left to look for (a package names
#: thousands of article files, and the full check below costs 20 µs a path).
_PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:/[A-Za-z0-9_.\-]+)*")


def check_path(value: object, *, table: str | None = None) -> str:
    """``value`` if it is one relative path that stays inside the package; else ``DataError``."""
    if isinstance(value, str) and _PLAIN.fullmatch(value) and ".." not in value.split("/"):
        return value
    if not isinstance(value, str) or not value:
        raise DataError(
            '"path" must be one relative file path (multipart or missing paths are not supported)', table=table
        )
    scheme = urlparse(value).scheme
    if "://" in value or scheme:
        raise DataError(
            f"path {value!r} is a URL (scheme {scheme or value.split('://')[0]!r}); qantar reads local files "
            "only and never fetches anything",
            table=table,
        )
    if "\\" in value or "\0" in value:
        raise DataError(f"path {value!r} must use '/' separators", table=table)
    pure = PurePosixPath(value)
    if pure.is_absolute() or ".." in pure.parts or value.startswith("~"):
        raise DataError(
            f"path {value!r} must stay inside the data package (no absolute paths, no '..')", table=table
        )
    return value


def locate(root: str | Path, relative: str, *, table: str | None = None) -> Path:
    """The real path of ``relative`` inside ``root``, symlinks resolved; ``DataError`` if it leaves."""
    return Folder(root).locate(relative, table=table)


def read(root: str | Path, relative: str, *, limit: int, table: str | None = None) -> bytes:
    """The bytes of the regular file ``relative`` inside ``root``, at most ``limit`` of them."""
    return Folder(root).read(relative, limit=limit, table=table)


class Folder:
    """A package's folder, for reading many of its files: its real path is resolved once, and each
    folder inside it once, so a file costs one ``lstat`` to locate (a package of 10,000 article
    files spent a second in ``realpath``, which walks every component of every path). A file that
    is itself a symbolic link is resolved in full, and refused if it leads outside."""

    __slots__ = ("root", "base", "_folders", "_files")

    def __init__(self, root: str | Path) -> None:
        self.root = root
        self.base = os.path.realpath(root)
        self._folders: dict[str, str] = {}
        self._files: dict[str, Path] = {}

    def locate(self, relative: str, *, table: str | None = None) -> Path:
        """The real path of ``relative`` inside the folder, symlinks resolved; ``DataError`` if it leaves.

        Kept once found, as a folder's is: the validator locates an article to know which rows
        name one file, then reads it (a file made a link in between is still refused: it is
        opened with ``O_NOFOLLOW``)."""
        if isinstance(relative, str) and (known := self._files.get(relative)) is not None:
            return known
        check_path(relative, table=table)
        folder, name = posixpath.split(posixpath.normpath(relative))
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = self._inside(os.path.realpath(os.path.join(self.base, folder)), relative, table)
        target = os.path.join(real, name) if name not in ("", ".") else real
        try:
            link = stat.S_ISLNK(os.lstat(target).st_mode)
        except OSError:  # missing (or unreadable): nothing to resolve, reading it says what is wrong
            link = False
        found = self._files[relative] = Path(self._inside(os.path.realpath(target), relative, table) if link else target)
        return found

    def _inside(self, target: str, relative: str, table: str | None) -> str:
        base = self.base
        if target != base and not target.startswith(base.rstrip(os.sep) + os.sep):
            raise DataError(
                f"{relative} is a symbolic link (or lies under one) that leads outside the data package; "
                "only files inside the package are read",
                table=table, path=os.path.join(self.root, relative),
            )
        return target

    def read(self, relative: str, *, limit: int, table: str | None = None) -> bytes:
        """The bytes of the regular file ``relative`` inside the folder, at most ``limit`` of them."""
        target = self.locate(relative, table=table)
        where = os.path.join(self.root, relative)
        try:
            before = os.stat(target)
        except FileNotFoundError:
            raise DataError("file is missing", table=table, path=where) from None
        except OSError as exc:
            raise DataError(f"file cannot be read: {exc.strerror}", table=table, path=where) from None
        _check_regular(before.st_mode, table, where)
        _check_size(before.st_size, limit, table, where)
        try:
            fd = os.open(target, _OPEN_FLAGS)
        except OSError as exc:
            raise DataError(f"file cannot be read: {exc.strerror}", table=table, path=where) from None
        with os.fdopen(fd, "rb", buffering=0) as fh:
            now = os.fstat(fh.fileno())
            if (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino):
                raise DataError("file was replaced while it was being read", table=table, path=where)
            _check_regular(now.st_mode, table, where)
            _check_size(now.st_size, limit, table, where)
            return _read_at_most(fh, now.st_size, limit, table, where)


def read_json(root: str | Path, relative: str, *, limit: int = MAX_DESCRIPTOR_BYTES) -> Any:
    """``relative`` read with :func:`read` and parsed with :func:`parse_json`."""
    return parse_json(read(root, relative, limit=limit), path=os.path.join(root, relative))


_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = tuple(1 if b in b"[{" else -1 if b in b"]}" else 0 for b in range(256))


def json_depth(data: bytes) -> int:
    """How deeply the arrays and objects of the JSON text ``data`` nest (brackets in strings aside)."""
    brackets = _JSON_STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def parse_json(data: bytes, *, path: str | None = None) -> Any:
    """Parse UTF-8 JSON, refusing nesting deeper than ``MAX_JSON_DEPTH``; ``DataError`` on any fault."""
    name = os.path.basename(path) if path else "the JSON file"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{name} is not UTF-8 (byte offset {exc.start})", path=path) from None
    depth = json_depth(data)
    if depth > MAX_JSON_DEPTH:
        raise DataError(
            f"{name} nests arrays and objects {depth:,} levels deep; at most {MAX_JSON_DEPTH} are read", path=path
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{name} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path=path
        ) from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of more than 4,300 digits
        raise DataError(f"{name} is not valid JSON: {exc}", path=path) from None


def _check_regular(mode: int, table: str | None, where: str) -> None:
    for test, what in _NOT_REGULAR:
        if test(mode):
            article = "path is a directory, not a file" if what == "a directory" else f"path is {what}, not a regular file"
            raise DataError(article + "; only regular files are read", table=table, path=where)
    if not stat.S_ISREG(mode):
        raise DataError("path is not a regular file; only regular files are read", table=table, path=where)


def _check_size(size: int, limit: int, table: str | None, where: str) -> None:
    if size > limit:
        raise DataError(
            f"file is {size:,} bytes, more than the {limit:,} bytes qantar reads from one file of this kind",
            table=table, path=where,
        )


def _read_at_most(fh: Any, size: int, limit: int, table: str | None, where: str) -> bytes:
    # The first read asks for the whole file and one byte more; the next one finds the end. Only a
    # file that grows while it is read takes more rounds, and it is cut off past the limit.
    chunks: list[bytes] = []
    total, request = 0, min(size, limit) + 1
    while total <= limit:
        chunk = fh.read(min(request, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        request = MiB
    _check_size(total, limit, table, where)
    return b"".join(chunks) if len(chunks) != 1 else chunks[0]
