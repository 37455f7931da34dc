"""``qantar anchor [PATH] [--check]``: place every quote in its article and fill its offsets."""

from __future__ import annotations

import argparse
import sys

from qantar.cli._shared import add_package_path, no_descriptor

NAME = "anchor"
HELP = "fill char_start/char_end (and the exact article text) of every quote from the article copies"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_path(parser, check_help="write nothing; exit 1 if anything would change")


def run(args: argparse.Namespace) -> int:
    from qantar.curate import AnchorError, anchor

    if no_descriptor(NAME, args.path):
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
