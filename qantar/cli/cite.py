"""``qantar cite [--format apa|bibtex|cff]``: the citation of the installed data version.

The citation goes to standard output; when the version has no DOI yet (the descriptor's ``id``),
a note on standard error says so, so that nothing is invented and a pipe into a ``.bib`` file
stays clean.
"""

from __future__ import annotations

import argparse
import sys

NAME = "cite"
HELP = "print how to cite the installed data version (APA, BibTeX or CITATION.cff)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("apa", "bibtex", "cff"), default="apa", help="citation format (default: apa)")


def run(args: argparse.Namespace) -> int:
    from qantar.citation import NO_DOI, cite, metadata

    print(cite(args.format), end="" if args.format == "cff" else "\n")
    cff = metadata()
    if not cff.get("doi"):
        where = f"; the project's page is {cff['url']}" if cff.get("url") else ""
        print(f"note: qantar {cff.get('version')} has {NO_DOI}{where}", file=sys.stderr)
    return 0
