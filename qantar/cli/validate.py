"""``qantar validate [PATH]``: validate a data package directory.

PATH (default: the package's own data) is a directory holding ``datapackage.json``: the
repository, a contributor's modified copy, or an unpacked release archive; the article copies
are found through the ``sources`` table. Exit codes: 0 everything holds, 1 something fails,
2 not validated: a usage error (no such path, no descriptor, bad option), or a layer that could
not run while nothing failed (the last line names it and what to install).

Hooking into ``qantar.cli``: this module offers both shapes, ``add_parser(subparsers)`` and
the command-module attributes ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args)``.
Standalone: ``python -m qantar.validate`` (``main(argv)``). Nothing heavy is imported until
``run``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

NAME = "validate"
HELP = "validate a data package: frictionless, pandera, cross-table rules, Great Expectations"

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", default=None, metavar="PATH",
        help="directory holding datapackage.json (default: the current folder when it holds one, else the data that ship with qantar)",
    )
    parser.add_argument("--fast", action="store_true", help="skip the slow layer (Great Expectations)")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format on standard output (default: text)"
    )
    parser.add_argument(
        "--report", metavar="DIR", default=None,
        help="also write a self-contained HTML report (validation-report.html) into DIR",
    )
    parser.add_argument(
        "--layer", action="append", dest="layers", metavar="LAYER",
        choices=("frictionless", "pandera", "consistency", "great_expectations"),
        help="run only this layer (repeatable)",
    )
    parser.add_argument(
        "--skip", action="append", default=[], metavar="RULE",
        help="do not run this consistency rule (repeatable; reported as skipped)",
    )
    parser.add_argument(
        "--list-rules", action="store_true",
        help="list every rule checked (its layers, its home under validators/ or the descriptor, what it checks) and exit",
    )


def run(args: argparse.Namespace) -> int:
    from qantar.validate import UsageError, chosen_layers, find_root, worker

    if args.list_rules:
        return _list_rules(args.path)
    from qantar.cli import _shared

    try:
        root = find_root(args.path)
        chosen = chosen_layers(fast=args.fast, layers=args.layers)
    except UsageError as exc:
        print(f"qantar validate: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if _shared.OWN_PROCESS:
        worker.fewer_collections()  # the process ends with the command
        worker.OWN_PROCESS = True
        # the worker process starts before this one imports polars and its own layers' libraries
        # (nothing heavy is imported yet): the two processes import at once, on two cores
        layer = worker.offload(chosen, parallel=True)
        if layer is not None:
            worker.reserve(worker.key(root, layer, frozenset(args.skip), args.fast, args.report))
        from qantar.validate import engines

        engines.OWN_PROCESS = True
    from qantar.validate import validate

    try:
        report = validate(
            root, fast=args.fast, layers=args.layers, skip=args.skip, report_dir=args.report,
            progress=sys.stderr,
        )
    except UsageError as exc:
        print(f"qantar validate: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        worker.release()  # a worker the run did not claim (a descriptor no layer can read)
    if args.format == "json":
        print(report.to_json())
    else:
        print(report.to_text())
    return report.exit_code


def _list_rules(path: str | None) -> int:
    from qantar import model
    from qantar.validate import UsageError, find_root
    from qantar.validate.catalogue import catalogue

    try:
        package = model.read(find_root(path))
    except UsageError as exc:
        print(f"qantar validate: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    rules = catalogue(package)
    for rule in rules:
        slow = " (left out by --fast)" if rule.slow else ""
        print(f"{rule.name} [{', '.join(rule.layers)}] {rule.home}{slow}\n    {rule.description}")
    print(f"{len(rules)} rules")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qantar validate", description=HELP)
    add_arguments(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 after --help, 2 on a usage error
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
