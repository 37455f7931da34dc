"""The ``qantar`` command.

Subcommands live in ``qantar/cli/``, one small module each, and are found there at
start-up: adding ``validate``, ``cite``, ``release`` or ``export`` means adding a module, not
editing this file. A command module defines::

    NAME = "info"                      # the subcommand
    HELP = "one line for --help"
    def add_arguments(parser): ...     # optional: its own options
    def run(args) -> int: ...          # 0 ok, 1 failure

and imports heavy libraries inside ``run``, so ``qantar --help`` stays fast.

Exit codes: 0 success, 1 failure (bad data, failed check), 2 usage error.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from qantar.cli import _shared
from qantar.errors import DataError, UnknownTableError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
#: After a DataError: the message names the table, row and column; this says what to do about it.
DATA_ERROR_HINT = (
    "`qantar validate PATH` lists every problem of a package with its table, row and column; "
    "after an intended edit of a file, `qantar stamp PATH` records its new size and sha256"
)


class _Versions(argparse.Action):
    """``--version``: the package version and the data version (they match in a release)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        import qantar

        try:
            data = qantar.data_version or "unversioned"
        except DataError as exc:
            data = f"unavailable: {exc}"
        try:
            package = qantar.__version__
        except DataError:
            package = "(unknown)"
        print(f"qantar {package} (data {data})")
        parser.exit(EXIT_OK)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qantar",
        description="Qantar: the January 2022 Kazakhstan unrest dataset.",
    )
    parser.add_argument("--version", action=_Versions, nargs=0, help="print package and data versions")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _shared.discover():
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        add_arguments = getattr(module, "add_arguments", None)
        if add_arguments is not None:
            add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command in ``argv`` (default: the process's own arguments) and return its exit code."""
    return _main(argv)


def entry(argv: Sequence[str] | None = None) -> int:
    """The ``qantar`` program (console script, ``python -m qantar``): :func:`main`, then a quick exit.

    The process ends right after: what is alive is returned to the system whole, instead of the
    collector's last passes over every object of polars, pandas and DuckDB (about 0.5 s after a
    ``qantar validate``). Only for a process about to end: a caller that goes on uses ``main``.
    """
    _shared.OWN_PROCESS = True
    code = main(argv)
    gc.freeze()
    return code


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 0 after --help/--version, 2 on a usage error
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    if getattr(args, "_run", None) is None:
        parser.print_usage(sys.stderr)
        print("qantar: error: a command is required (`qantar --help` lists them; `qantar COMMAND --help` explains one)",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args._run(args) or 0)
    except UnknownTableError as exc:  # the message lists the tables there are
        print(f"qantar: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except DataError as exc:
        print(f"qantar: error: {exc}", file=sys.stderr)
        print(f"qantar: what to do: {DATA_ERROR_HINT}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (qantar info | head): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as exc:  # a folder that cannot be written, a full disk: the command's target, not qantar's data
        where = f" {exc.filename}" if exc.filename else ""
        print(f"qantar: error: cannot write or read{where}: {exc.strerror or exc}; choose another folder, or free the "
              "space or the permission it needs", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
