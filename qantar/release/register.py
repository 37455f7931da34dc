"""The release register, ``releases/register.json``: every release, kept in the repository itself.

Tags do not travel with every clone (a fork, a mirror, an archive of the repository), so the
repository records its own releases: for each one its version, its release date, the commit it
was built from and the sha256 of every file it published (the files of ``qantar release --out``,
``SHA256SUMS`` included). ``qantar release --out`` appends the release it built (one atomic
rewrite, ``qantar._atomic``); a rebuild of a registered version is compared with its entry instead.

It answers two questions without tags or network: which commit is release X.Y.Z
(``qantar release --check-bump 1.0.0``), and which release a file belongs to (``qantar identify
FILE``): a published file by its own sha256, a file of the data archive (a CSV, an article,
``datapackage.json``) by the hashes its release's descriptor records.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qantar import _atomic, _safe_files
from qantar.errors import DataError
from qantar.release import ReleaseError
from qantar.release.archive import sha256

#: Where the register lives in a checkout.
PATH = "releases/register.json"
#: The name of the last registered release.
LATEST = "latest"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_VERSION = re.compile(r"^v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ABOUT = (
    "The releases of Qantar: for each, its version, release date, the commit it was built from and the sha256 "
    "of every file it published. Appended by `qantar release --out`; read by `qantar release --check-bump VERSION` "
    "and `qantar identify FILE`. See docs/releasing.md."
)


@dataclass(frozen=True)
class Release:
    version: str
    date: str
    commit: str
    files: dict[str, str]  # published file (path inside the release folder) -> sha256

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "date": self.date, "commit": self.commit, "files": dict(sorted(self.files.items()))}


def _entry(raw: Any, where: str) -> Release:
    if not isinstance(raw, dict):
        raise ReleaseError(f"{where}: a release must be an object")
    version, date, commit, files = (raw.get(k) for k in ("version", "date", "commit", "files"))
    if not isinstance(version, str) or not _VERSION.match(version) or version.startswith("v"):
        raise ReleaseError(f"{where}: 'version' must be X.Y.Z, not {version!r}")
    if not isinstance(date, str) or not _DATE.match(date):
        raise ReleaseError(f"{where} ({version}): 'date' must be YYYY-MM-DD, not {date!r}")
    if not isinstance(commit, str) or not _COMMIT.match(commit):
        raise ReleaseError(f"{where} ({version}): 'commit' must be a full 40-digit commit id, not {commit!r}")
    if not isinstance(files, dict) or not files:
        raise ReleaseError(f"{where} ({version}): 'files' must map each published file to its sha256")
    for name, digest in files.items():
        if not isinstance(digest, str) or not _SHA256.match(digest):
            raise ReleaseError(f"{where} ({version}): {name}: {digest!r} is not a sha256 (64 lowercase hex digits)")
    return Release(version, date, commit, dict(files))


def read(root: str | Path) -> list[Release]:
    """The releases registered in the checkout at ``root`` (none when it has no register), oldest first."""
    try:
        raw = _safe_files.read_json(root, PATH)
    except DataError as exc:
        if exc.problem == "file is missing":
            return []
        raise ReleaseError(f"{Path(root) / PATH}: {exc.problem}") from None
    where = str(Path(root) / PATH)
    if not isinstance(raw, dict) or not isinstance(raw.get("releases"), list):
        raise ReleaseError(f"{where}: expected an object with a 'releases' list")
    out = [_entry(r, f"{where}, release {i + 1}") for i, r in enumerate(raw["releases"])]
    seen: set[str] = set()
    for r in out:
        if r.version in seen:
            raise ReleaseError(f"{where}: version {r.version} is registered twice")
        seen.add(r.version)
    return out


def find(root: str | Path, spec: str) -> Release | None:
    """The registered release ``spec`` names (``1.0.0``, ``v1.0.0``, or ``latest``: the last one
    registered); ``None`` if it names none."""
    if spec == LATEST:
        releases = read(root)
        if not releases:
            raise ReleaseError(f"'{LATEST}' names the last registered release, and {Path(root) / PATH} has none")
        return releases[-1]
    match = _VERSION.match(spec)
    if match is None:
        return None
    return next((r for r in read(root) if r.version == match[1]), None)


def dump(releases: list[Release]) -> str:
    body = {"description": ABOUT, "releases": [r.to_dict() for r in releases]}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def published(folder: str | Path) -> dict[str, str]:
    """Every file of a built release folder (``SHA256SUMS`` included) with its sha256."""
    folder = Path(folder)
    return {p.relative_to(folder).as_posix(): sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def head_commit(root: str | Path) -> str:
    done = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=60)
    if done.returncode != 0 or not _COMMIT.match(done.stdout.strip()):
        raise ReleaseError(f"{root} is not a git checkout: a release is built from a commit")
    return done.stdout.strip()


def differences(registered: Release, files: dict[str, str]) -> list[str]:
    """How a rebuild's files differ from a registered release's (empty: byte for byte the same)."""
    out = [f"{n}: missing from the rebuild" for n in sorted(registered.files.keys() - files.keys())]
    out += [f"{n}: not in the registered release" for n in sorted(files.keys() - registered.files.keys())]
    out += [f"{n}: sha256 {files[n]} differs from the registered {registered.files[n]}"
            for n in sorted(registered.files.keys() & files.keys()) if files[n] != registered.files[n]]
    return out


def released_elsewhere(root: str | Path, version: str | None) -> str | None:
    """Why ``version`` cannot be released from the checkout at ``root``: it is registered, built from a
    commit whose files differ from HEAD's (the register itself aside). ``None``: not registered, or a
    rebuild of the very files it was built from."""
    known = None if version is None else find(root, version)
    if known is None:
        return None
    same = subprocess.run(
        ["git", "-C", str(root), "diff", "--quiet", known.commit, "HEAD", "--", ".", f":(exclude){PATH}"],
        capture_output=True, timeout=120,
    )
    if same.returncode == 0:
        return None
    return (f"version {version} is already released (commit {known.commit[:12]}, {PATH}) and this commit differs "
            "from it: bump the version with `qantar release --bump LEVEL`")


def record(root: str | Path, release: Release) -> str:
    """Append ``release`` to the register at ``root``, or compare it with the entry of its version.

    Returns what happened ("registered", "reproduced"); a rebuild whose files differ from the
    registered ones is a ``ReleaseError`` and leaves the register as it was: a published release
    is never changed.
    """
    releases = read(root)
    known = next((r for r in releases if r.version == release.version), None)
    if known is not None:
        problems = differences(known, release.files)
        if problems:
            raise ReleaseError(
                f"version {release.version} is registered (commit {known.commit[:12]}) with other files; the register "
                "is not changed. A published release is never rebuilt differently: build its commit with the "
                "tools it was built with, or bump the version:\n- " + "\n- ".join(problems)
            )
        return "reproduced"
    _atomic.write_text(Path(root) / PATH, dump([*releases, release]))
    return "registered"


@dataclass(frozen=True)
class Match:
    version: str
    commit: str
    name: str  # the published file, or the archive member (path inside the package)
    published: bool  # a file of the release folder (else a file inside the data archive)


def identify(root: str | Path, digest: str) -> list[Match]:
    """Every registered release file whose sha256 is ``digest``: published files first, then the
    files of each release's data archive, by the hashes its descriptor (at its commit) records."""
    releases = read(root)
    out = [Match(r.version, r.commit, name, True) for r in releases for name, h in sorted(r.files.items()) if h == digest]
    for r in releases:
        for name in _archive_files(root, r.commit, digest):
            out.append(Match(r.version, r.commit, name, False))
    return out


def _archive_files(root: str | Path, commit: str, digest: str) -> list[str]:
    """The package files of ``commit`` whose sha256 is ``digest`` (the descriptor itself included)."""
    done = subprocess.run(["git", "-C", str(root), "show", f"{commit}:datapackage.json"], capture_output=True, timeout=60)
    if done.returncode != 0:
        return []  # the commit is not in this clone: only the published files can be matched
    names = ["datapackage.json"] if hashlib.sha256(done.stdout).hexdigest() == digest else []
    try:
        descriptor = _safe_files.parse_json(done.stdout, path="datapackage.json")
    except DataError:
        return names
    for resource in descriptor.get("resources") or []:
        if isinstance(resource, dict) and resource.get("hash") in (digest, f"sha256:{digest}"):
            names.append(str(resource.get("path")))
    return names
