"""``qantar stamp [PATH] [--check]``: record every file's bytes and sha256 in datapackage.json."""

from __future__ import annotations

import argparse
import sys

NAME = "stamp"
HELP = "record the byte count and sha256 of every resource in datapackage.json (after an intended edit)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=".", help="folder holding datapackage.json (default: the current folder)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qantar.curate import stamp

    if not (Path(args.path) / "datapackage.json").is_file():
        print(f"qantar stamp: no datapackage.json in {args.path}", file=sys.stderr)
        return 2
    changes = stamp(args.path, write=not args.check)
    for name, key, old, new in changes:
        print(f"{name}.{key}: {old} -> {new}")
    print(f"{len(changes)} value(s) {'would change' if args.check else 'changed'}")
    return 1 if (args.check and changes) else 0
