"""The files the site offers for download, byte for byte: the descriptor, every resource, the
Parquet exports when they have been built, the whole package as one zip, and the files of the
release the site was built beside; and the downloads page, which lists every one with its SHA-256.

The release is the folder ``qantar release --out DIR`` wrote (``dist/<version>`` in the package
folder, or the folder ``QANTAR_RELEASE_DIR`` names): whatever its ``SHA256SUMS`` lists (archive,
wheel, exports, database, metadata: nothing here knows the names) is offered under
``downloads/release/``, once its bytes are checked against the list; a file that is missing or
differs is named on the page and not offered.

Every file is read through ``qantar._safe_files`` (a package's files from inside it, the exports
and the release from their folders), so a link or a device among them is refused, never copied
into the site.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from qantar import _safe_files
from qantar.errors import DataError
from qantar.model import DESCRIPTOR

from .data import Site
from .escape import anchor, html_text, md_text, url_path
from .links import mdref
from .render import fmt_int

SRC = "downloads.md"
#: The folder of the Parquet exports (``qantar export``), unless QANTAR_EXPORTS_DIR names another.
EXPORTS = "build/exports"
#: Where the release's files are offered on the site.
RELEASE = "downloads/release"
SUMS = "SHA256SUMS"
_SUM_LINE = re.compile(r"(?P<sha>[0-9a-fA-F]{64}) [ *](?P<name>.+)")


@dataclass(frozen=True)
class ReleaseFile:
    """A line of the release's SHA256SUMS, and what the folder holds for it."""

    name: str
    sha256: str
    data: bytes | None  # None: missing, refused, or not the bytes listed
    problem: str | None = None


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


def release_dir(site: Site) -> Path:
    return Path(site.env.get("QANTAR_RELEASE_DIR") or site.root / "dist" / site.version)


def release(site: Site) -> tuple[list[ReleaseFile], str | None]:
    """The files the release's SHA256SUMS lists, each checked; and why there is no list, if there is none
    (``None`` with no files: no release folder)."""
    return site.cached("release", lambda: _release(site))


def _release(site: Site) -> tuple[list[ReleaseFile], str | None]:
    folder = release_dir(site)
    try:
        sums = _safe_files.read(folder, SUMS, limit=_safe_files.MAX_TEXT_BYTES).decode("utf-8")
    except DataError as exc:
        return [], None if exc.problem == "file is missing" else f"{SUMS}: {exc.problem}"
    except UnicodeDecodeError:
        return [], f"{SUMS} is not UTF-8"
    out = []
    for number, line in enumerate(sums.splitlines(), 1):
        if not line.strip():
            continue
        m = _SUM_LINE.fullmatch(line)
        if m is None:
            return [], f"{SUMS} line {number} is not '<sha256>  <file>'"
        name, sha = m["name"], m["sha"].lower()
        try:
            data = _safe_files.read(folder, name, limit=_safe_files.MAX_ARCHIVE_BYTES)
        except DataError as exc:
            out.append(ReleaseFile(name, sha, None, exc.problem))
            continue
        if hashlib.sha256(data).hexdigest() != sha:
            out.append(ReleaseFile(name, sha, None, f"its bytes are not those {SUMS} lists"))
        else:
            out.append(ReleaseFile(name, sha, data))
    return out, None


def release_path(name: str) -> str:
    """Where the site offers a release file (its path in the release, each part made safe)."""
    return "/".join([RELEASE, *(anchor(part) for part in PurePosixPath(name).parts)])


def files(site: Site) -> dict[str, bytes]:
    """Site path -> bytes of every download."""
    return site.cached("downloads", lambda: _files(site))


def _files(site: Site) -> dict[str, bytes]:
    out = _package(site)
    for name in site.tables:
        data = parquet(site, name)
        if data is not None:
            out[parquet_path(name)] = data
    out[f"downloads/{zip_name(site)}"] = package_zip(site)
    found, _ = release(site)
    out |= {release_path(f.name): f.data for f in found if f.data is not None}
    if found:
        out[f"{RELEASE}/{SUMS}"] = _safe_files.read(release_dir(site), SUMS, limit=_safe_files.MAX_TEXT_BYTES)
    return out


def _row(href: str, name: str, data: bytes) -> str:
    return (f'<tr><td><a href="{html_text(href)}"><code>{html_text(name)}</code></a></td>'
            f'<td class="qantar-num">{fmt_int(len(data))}</td><td><code>{hashlib.sha256(data).hexdigest()}</code></td></tr>')


def _table(rows: list[str]) -> str:
    return ('<div class="qantar-table-wrap"><table class="qantar-sums"><thead><tr><th>File</th><th>Bytes</th>'
            "<th>SHA-256</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>")


def page(site: Site) -> str:
    offered = files(site)
    found, problem = release(site)
    out = [
        "# Downloads",
        "",
        "Every file this site offers, byte for byte, with its size and SHA-256 (check a download with "
        "`sha256sum FILE`, or a whole folder with `sha256sum -c SHA256SUMS`).",
        "",
        f"## The release {{#release}}",
        "",
    ]
    if problem is not None:
        out += ['!!! warning "Release files unreadable"', f"    {md_text(problem)}.", ""]
    elif not found:
        out += [f"This site was built without a release folder (`qantar release --out` writes one; the site reads "
                f"<code>{md_text('dist/' + site.version)}</code> or the folder <code>QANTAR_RELEASE_DIR</code> names), "
                "so it offers the package's own files only, below.", ""]
    else:
        good = [f for f in found if f.data is not None]
        bad = [f for f in found if f.data is None]
        out += [
            f"The {len(found)} files of the release folder <code>{md_text(release_dir(site).name)}</code> as its "
            f"[<code>{SUMS}</code>]({mdref(SRC, RELEASE + '/' + SUMS)}) lists them; each file's bytes were checked "
            "against the list when this site was built.",
            "",
            _table([_row(url_path(release_path(f.name)), f.name, f.data) for f in good if f.data is not None]),
            "",
        ]
        if bad:
            out += ['!!! failure "Files not offered"', ""]
            out += [f"    - <code>{md_text(f.name)}</code>: {md_text(f.problem)}" for f in bad]
            out.append("")
    package = [p for p in offered if not p.startswith(RELEASE + "/")]
    out += [
        "## The package on this site {#package}",
        "",
        f"The descriptor, the tables, the article copies{', the Parquet exports' if any(p.endswith('.parquet') for p in package) else ''} "
        "and the whole package as one zip, as this site was built from them.",
        "",
        _table([_row(url_path(p), PurePosixPath(p).name if p.startswith("downloads/") else p, offered[p]) for p in package]),
        "",
    ]
    return "\n".join(out)
