"""Atomic writes: every file and folder qantar writes appears whole or not at all.

A file is written to a temporary file beside its target (same folder, so same file system),
flushed and fsync'ed, then renamed over the target with ``os.replace``, which POSIX makes
atomic: a reader sees the old bytes or the new ones, never a truncated file, and a writer
killed at any moment leaves the target as it was. Two writers of one target each write their
own temporary file; both finish cleanly and the last rename wins, whole.

A folder (a release) is built in a temporary folder beside it and renamed into place at the
end; an error or SIGTERM/SIGINT removes the temporary folder. SIGKILL cannot be caught: what a
killed writer leaves is a hidden ``.NAME.PID-XXXX.tmp`` entry beside the target, which the next
write of the same target removes once its process is gone (``.gitignore`` ignores them).

Why not a library: ``atomicwrites`` is archived and unmaintained, and neither it nor
``safer`` builds folders or sweeps what a killed writer left; the standard library has every
piece (``tempfile``, ``os.replace``, ``os.fsync``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

SUFFIX = ".tmp"


def _prefix(target: Path) -> str:
    return f".{target.name}.{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def sweep(target: str | Path) -> list[Path]:
    """Remove what killed writers of ``target`` left beside it; returns what was removed.

    Only entries named like this module's temporary files, for this target, whose writer
    process is gone, are touched: a live concurrent writer keeps its temporary file.
    """
    target = Path(target)
    pattern = re.compile(re.escape(f".{target.name}.") + r"(\d+)-[^/]*" + re.escape(SUFFIX) + "$")
    removed = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        m = pattern.match(entry.name)
        if m is None or int(m.group(1)) == os.getpid() or _alive(int(m.group(1))):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
        removed.append(entry)
    return removed


def _fsync_dir(directory: Path) -> None:
    # The rename itself is durable only once the folder holding it is synced.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode(target: Path) -> int:
    """The mode the new file gets: the old file's, else what a plain open() would give."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def replacing(target: str | Path) -> Iterator[Path]:
    """Yield a fresh temporary path beside ``target``; on success it replaces ``target``.

    For writers that want a path (SQLite, zip). The temporary file exists, empty, when
    yielded. On an exception it is removed and ``target`` is untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target)
    fd, name = tempfile.mkstemp(prefix=_prefix(target), suffix=SUFFIX, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, _mode(target))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


@contextlib.contextmanager
def open_replacing(target: str | Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """``open(target, mode)``, except the file only replaces ``target`` once closed without error."""
    if mode not in ("w", "wb"):
        raise ValueError(f"open_replacing writes whole files: mode 'w' or 'wb', not {mode!r}")
    with replacing(target) as tmp, open(tmp, mode, **kwargs) as fh:  # closed before the rename
        yield fh


def write_bytes(target: str | Path, data: bytes) -> Path:
    with open_replacing(target, "wb") as fh:
        fh.write(data)
    return Path(target)


def write_text(target: str | Path, text: str, *, encoding: str = "utf-8", newline: str | None = None) -> Path:
    """Like ``Path.write_text``, atomically (``newline=""`` writes line ends as given)."""
    with open_replacing(target, "w", encoding=encoding, newline=newline) as fh:
        fh.write(text)
    return Path(target)


@contextlib.contextmanager
def _terminate_raises() -> Iterator[None]:
    """Turn SIGTERM into ``SystemExit(143)`` meanwhile, so that cleanup runs before the exit."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def building_directory(target: str | Path) -> Iterator[tuple[Path, Path]]:
    """Yield ``(folder, scratch)``: fill ``folder``; on success it becomes ``target``, whole.

    ``target`` must be absent or an empty folder. ``scratch`` is a working folder beside it for
    whatever the build needs but does not publish; it is removed with everything else, on
    success, on error, on SIGINT and on SIGTERM. Another writer that got there first makes the
    rename fail with ``FileExistsError``, and the folder it built stays whole.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target)
    work = Path(tempfile.mkdtemp(prefix=_prefix(target), suffix=SUFFIX, dir=target.parent))
    folder, scratch = work / "result", work / "scratch"
    folder.mkdir()
    scratch.mkdir()
    try:
        with _terminate_raises():
            yield folder, scratch
            for path in folder.rglob("*"):
                if path.is_file():
                    with open(path, "rb") as fh:
                        os.fsync(fh.fileno())
            try:
                os.rename(folder, target)  # replaces an empty folder; refuses a full one
            except OSError as exc:
                if target.is_dir() and any(target.iterdir()):
                    raise FileExistsError(f"{target} was filled by another writer meanwhile") from exc
                raise
            _fsync_dir(target.parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)
