"""Command line: compare two codings and write the reliability report.

    python -m qantar.reliability --first PACKAGE --second FOLDER [FOLDER ...] \\
        [--articles DIR] [--guide-problems CSV] --out DIR

Exit status: 0 written, 2 bad input (the message names the file, table, row and column).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import polars as pl

from .coding import CodingError, load, read_plain
from .compare import compare
from .report import write

PROBLEM_COLUMNS = ("problem_id", "coders", "problem", "tables", "fields", "pattern")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m qantar.reliability", description=__doc__.split("\n")[0])
    ap.add_argument("--first", nargs="+", required=True, type=Path, help="folder(s) of the first coding")
    ap.add_argument("--second", nargs="+", required=True, type=Path, help="folder(s) of the second coding")
    ap.add_argument("--articles", type=Path, help="folder with the article files, for codings without articles/")
    ap.add_argument("--guide-problems", type=Path, help=f"CSV with columns {', '.join(PROBLEM_COLUMNS)}")
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args(argv)
    try:
        first = load(args.first, label="first", articles=args.articles)
        second = load(args.second, label="second", articles=args.articles)
        problems = _problems(args.guide_problems) if args.guide_problems else None
    except CodingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    paths = write(compare(first, second), args.out, problems)
    for kind, path in paths.items():
        print(f"{kind}: {path}")
    return 0


def _problems(path: Path) -> pl.DataFrame:
    frame = read_plain(path, "guide-problems")
    lacking = [c for c in PROBLEM_COLUMNS if c not in frame.columns]
    if lacking:
        raise CodingError(f"lacks the column(s) {', '.join(lacking)}", path=path)
    for k, pattern in enumerate(frame["pattern"].to_list(), start=1):
        try:
            re.compile(pattern or "")
        except re.error as exc:
            raise CodingError(f"not a regular expression: {exc}", path=path, row=k, column="pattern",
                              value=pattern) from None
    return frame


if __name__ == "__main__":
    sys.exit(main())
