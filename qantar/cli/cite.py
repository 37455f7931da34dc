"""``qantar cite [--format apa|bibtex|cff]``: the citation of the installed data version."""

from __future__ import annotations

import argparse

NAME = "cite"
HELP = "print how to cite the installed data version (APA, BibTeX or CITATION.cff)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("apa", "bibtex", "cff"), default="apa", help="citation format (default: apa)")


def run(args: argparse.Namespace) -> int:
    from qantar.citation import cite

    print(cite(args.format), end="" if args.format == "cff" else "\n")
    return 0
