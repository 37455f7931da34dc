"""``qantar stamp [PATH] [--check]``: record every file's bytes and sha256 in datapackage.json."""

from __future__ import annotations

import argparse

from qantar.cli._shared import add_package_path, no_descriptor

NAME = "stamp"
HELP = "record the byte count and sha256 of every resource in datapackage.json (after an intended edit)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_package_path(parser, check_help="write nothing; exit 1 if anything would change")


def run(args: argparse.Namespace) -> int:
    from qantar.curate import stamp

    if no_descriptor(NAME, args.path):
        return 2
    changes = stamp(args.path, write=not args.check)
    for name, key, old, new in changes:
        print(f"{name}.{key}: {old} -> {new}")
    print(f"{len(changes)} value(s) {'would change' if args.check else 'changed'}")
    return 1 if (args.check and changes) else 0
