"""``qantar identify FILE...``: which release a file belongs to, by its sha256.

Read from the release register (``releases/register.json``, see ``qantar.release.register``) of a
checkout: ``--root``, else the current folder, else the checkout the installed qantar runs from.
A FILE may also be a sha256 itself (64 hex digits). Exit codes: 0 every file found, 1 some file
is in no registered release, 2 usage error (no such file, no register).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

NAME = "identify"
HELP = "say which release a file (a release file, a CSV, an article) belongs to, by its sha256"
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="a file (or its sha256) to look up")
    parser.add_argument("--root", default=None, help="the checkout whose releases/register.json to read (default: the current folder)")


def _register_root(given: str | None) -> Path | None:
    from qantar.release import register

    if given is not None:
        return Path(given) if (Path(given) / register.PATH).is_file() else None
    if (Path(".") / register.PATH).is_file():
        return Path(".")
    from qantar import _locate
    from qantar.errors import DataError

    try:
        installed = _locate.data_root()
    except DataError:
        return None
    return installed if (installed / register.PATH).is_file() else None


def run(args: argparse.Namespace) -> int:
    from qantar.release import ReleaseError, register
    from qantar.release.archive import sha256

    root = _register_root(args.root)
    if root is None:
        where = args.root or "the current folder"
        print(f"qantar identify: no {register.PATH} in {where}: run it in a clone of the Qantar repository "
              "(git clone, then cd into it) or pass --root CHECKOUT", file=sys.stderr)
        return 2
    digests = []
    for name in args.files:
        path = Path(name)
        if path.is_file():  # regular files only: a FIFO or a device would never end
            digests.append((name, sha256(path)))
        elif _SHA256.match(name) and not path.exists():
            digests.append((name, name.lower()))
        else:
            print(f"qantar identify: {name}: no such regular file (give a file, or its sha256)", file=sys.stderr)
            return 2
    try:
        releases = register.read(root)
        found = [(name, digest, register.identify(root, digest)) for name, digest in digests]
    except ReleaseError as exc:
        print(f"qantar identify: {exc}", file=sys.stderr)
        return 2
    dates = {r.version: r.date for r in releases}
    unreleased = _unreleased(root)
    missing = 0
    for name, digest, matches in found:
        if not matches:
            missing += 1
            here = f" It is this checkout's {unreleased[digest]}, not released yet." if digest in unreleased else ""
            print(f"{name}: sha256 {digest} is in none of the {len(releases)} registered release(s) "
                  f"({', '.join(dates) or 'none'}): a changed file, or a release newer than this checkout "
                  f"(`git pull`, then try again).{here}")
        for m in matches:
            where = m.name if m.published else f"{m.name} inside qantar-{m.version}.zip (and the wheel's qantar/_data/)"
            print(f"{name}: qantar {m.version} (released {dates[m.version]}, commit {m.commit[:12]}): {where}")
    return 1 if missing else 0


def _unreleased(root: Path) -> dict[str, str]:
    """sha256 -> path of the files the checkout's own descriptor records (its data as it is now)."""
    from qantar import model
    from qantar.errors import DataError

    try:
        package = model.read(root)
    except DataError:
        return {}
    out = {}
    for resource in package.resources():
        digest = str(resource.raw.get("hash") or "").removeprefix("sha256:")
        if resource.path and digest:
            out[digest] = resource.path
    return out
