"""Reproducible files: the release timestamp, zip archives and the SHA256SUMS list.

``SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/) is the one
timestamp a release carries: taken from the environment when set, else from the last git
commit, else from the descriptor's ``created``. Zip entries are sorted, stamped with that time
(UTC), given fixed permissions (0644) and deflated at a fixed level, with no extra fields.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from qantar import _atomic
from qantar.release import ReleaseError, package

ZIP_EPOCH_MIN = 315532800  # 1980-01-01T00:00:00Z: the earliest time a zip entry can hold
SUMS = "SHA256SUMS"


def source_date_epoch(root: str | Path) -> int:
    """The release timestamp: $SOURCE_DATE_EPOCH, else the last commit's time, else ``created``."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env:
        if not env.isdigit():
            raise ReleaseError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {env!r}")
        return int(env)
    done = subprocess.run(
        ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=60
    )
    if done.returncode == 0 and done.stdout.strip().isdigit():
        return int(done.stdout.strip())
    created = package(root).raw.get("created")
    try:
        return int(datetime.fromisoformat(str(created).replace("Z", "+00:00")).timestamp())
    except ValueError:
        raise ReleaseError("no SOURCE_DATE_EPOCH, no git history and no valid descriptor 'created' to date the release") from None


def write_zip(path: str | Path, members: Iterable[tuple[str, bytes]], epoch: int) -> Path:
    """Write ``(name, bytes)`` members into a zip file whose bytes depend on nothing else."""
    stamp = time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6]
    path = Path(path)
    with _atomic.open_replacing(path, "wb") as fh, zipfile.ZipFile(fh, "w") as archive:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return path


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sums(directory: str | Path) -> Path:
    """``SHA256SUMS`` for every file under ``directory`` (``sha256sum -c`` format, sorted by path)."""
    directory = Path(directory)
    files = sorted(
        (p.relative_to(directory).as_posix(), p) for p in directory.rglob("*") if p.is_file() and p.name != SUMS
    )
    out = directory / SUMS
    _atomic.write_text(out, "".join(f"{sha256(p)}  {name}\n" for name, p in files))
    return out
