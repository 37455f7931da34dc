"""``qantar export --format parquet|sqlite --out DIR``: the installed tables in one format.

Parquet: one ``<table>.parquet`` per table. SQLite: one ``qantar.sqlite`` with
primary and foreign keys and an index per foreign key. Both from ``qantar.load`` (verified
against the recorded hashes first); the representation is described in ``qantar.export``.
"""

from __future__ import annotations

import argparse

NAME = "export"
HELP = "export every table as Parquet files or one SQLite database"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("parquet", "sqlite"), required=True, help="output format")
    parser.add_argument("--out", metavar="DIR", required=True, help="folder to write into (created if missing)")


def run(args: argparse.Namespace) -> int:
    from qantar.export import write_parquet, write_sqlite

    files = write_parquet(args.out) if args.format == "parquet" else [write_sqlite(args.out)]
    for path in files:
        print(path)
    return 0
