"""The files the site offers for download, byte for byte: the descriptor, every resource, the
Parquet exports when they have been built, and the whole package as one zip.

Every file is read through ``qantar._safe_files`` (a package's files from inside it, the exports
from their folder), so a link or a device among them is refused, never copied into the site.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from qantar import _safe_files
from qantar.errors import DataError
from qantar.model import DESCRIPTOR

from .data import Site
from .escape import anchor

#: The folder of the Parquet exports (``qantar export``), unless QANTAR_EXPORTS_DIR names another.
EXPORTS = "build/exports"


def exports_dir(site: Site) -> Path:
    return Path(site.env.get("QANTAR_EXPORTS_DIR") or site.root / EXPORTS)


def parquet_path(name: str) -> str:
    """Where the site offers table ``name``'s Parquet export."""
    return f"data/{anchor(name)}.parquet"


def parquet(site: Site, name: str) -> bytes | None:
    """Table ``name``'s Parquet export, when it has been built."""
    try:
        return _safe_files.read(exports_dir(site), f"{anchor(name)}.parquet", limit=_safe_files.MAX_TABLE_BYTES)
    except DataError as exc:
        if exc.problem != "file is missing":
            site.problems.append(str(exc))
        return None


def package_files(site: Site) -> list[str]:
    """The package's own files: the descriptor and every resource's path, in descriptor order."""
    return [DESCRIPTOR] + [r.path for r in site.package.resources() if r.path is not None]


def zip_name(site: Site) -> str:
    return anchor(f"{site.package.name or 'qantar'}-{site.version}") + ".zip"  # a file name: no path in it


def package_zip(site: Site) -> bytes:
    """The package as one zip: descriptor, tables and article copies, with fixed timestamps."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path, data in _package(site).items():
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def _package(site: Site) -> dict[str, bytes]:
    out = {}
    for path in package_files(site):
        data = site.read_bytes(path)
        if data is not None:
            out[path] = data
    return out


def files(site: Site) -> dict[str, bytes]:
    """Site path -> bytes of every download."""
    out = _package(site)
    for name in site.tables:
        data = parquet(site, name)
        if data is not None:
            out[parquet_path(name)] = data
    out[f"downloads/{zip_name(site)}"] = package_zip(site)
    return out
