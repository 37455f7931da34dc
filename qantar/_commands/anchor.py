"""``qantar anchor [PATH] [--check]``: place every quote in its article and fill its offsets."""

from __future__ import annotations

import argparse
import sys

NAME = "anchor"
HELP = "fill char_start/char_end (and the exact article text) of every quote from the article copies"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=".", help="folder holding datapackage.json (default: the current folder)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qantar.curate import AnchorError, anchor

    if not (Path(args.path) / "datapackage.json").is_file():
        print(f"qantar anchor: no datapackage.json in {args.path}", file=sys.stderr)
        return 2
    try:
        changes = anchor(args.path, write=not args.check)
    except AnchorError as exc:
        print(f"qantar anchor: {exc}", file=sys.stderr)
        return 1
    for change in changes:
        print(change)
    verb = "would change" if args.check else "changed"
    print(f"{len(changes)} value(s) {verb}" + ("; now run `qantar stamp`" if changes and not args.check else ""))
    return 1 if (args.check and changes) else 0
