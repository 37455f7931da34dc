"""The ``qantar`` command: one module per subcommand in this folder (see ``qantar.cli.main``)."""

from qantar.cli.main import build_parser, entry, main

__all__ = ["build_parser", "entry", "main"]
