"""``qantar info [--verify]``: the data version and each table's rows x columns."""

from __future__ import annotations

import argparse
import sys

NAME = "info"
HELP = "show the data version and every table's rows x columns"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--verify",
        action="store_true",
        help="check every file's byte count and sha256 against datapackage.json first",
    )


def run(args: argparse.Namespace) -> int:
    import qantar
    from qantar import model
    from qantar.errors import DataError

    package = model.current()
    print(f"qantar {qantar.__version__}, data version {package.version or 'unversioned'}")
    print(f"data package: {package.root / model.DESCRIPTOR}")
    names = package.names
    width = max((len(n) for n in names), default=0)
    failures = 0
    for name in names:
        try:
            frame = qantar.load(name, verify=args.verify)
        except DataError as exc:
            failures += 1
            print(f"  {name:<{width}}  FAILED", flush=True)
            print(f"qantar: error: {exc}", file=sys.stderr, flush=True)
            continue
        checked = "  verified" if args.verify else ""
        print(f"  {name:<{width}}  {frame.height:>7,} rows × {frame.width:>3} columns{checked}")
    if failures:
        from qantar.cli.main import DATA_ERROR_HINT

        print(f"{failures} of {len(names)} tables failed", file=sys.stderr)
        print(f"qantar: what to do: {DATA_ERROR_HINT}", file=sys.stderr)
        return 1
    if args.verify:
        print(f"all {len(names)} tables match their recorded bytes and hashes")
    return 0
