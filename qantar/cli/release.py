"""``qantar release``: the release steps, run from a checkout (see docs/releasing.md).

    qantar release --check-bump PREVIOUS          which bump the changes since PREVIOUS need
    qantar release --bump LEVEL [--previous P]    bump version, date, changelog, CITATION.cff, .zenodo.json
    qantar release --out DIR [--previous P]       build everything a release publishes
    qantar release --citation                     rewrite CITATION.cff and .zenodo.json from datapackage.json

PREVIOUS is a version in releases/register.json (1.0.0), a directory (a checkout or an unpacked
archive), a release zip archive, or a git tag such as v1.0.0. Exit codes: 0 ok, 1 the check or build failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys

NAME = "release"
HELP = "release steps: check the version bump, bump, build the release files (from a checkout)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--check-bump", metavar="PREVIOUS",
        help="compare with a previous release (a registered version such as 1.0.0, a release zip or folder, a git tag) "
             "and say which bump the changes need"
    )
    mode.add_argument(
        "--bump", choices=("major", "minor", "patch"), help="bump the version (descriptor, changelog, CITATION.cff)"
    )
    mode.add_argument("--out", metavar="DIR", help="build the release files into DIR (empty or new)")
    mode.add_argument("--citation", action="store_true", help="rewrite CITATION.cff and .zenodo.json from datapackage.json")
    parser.add_argument("--previous", metavar="PREVIOUS", help="with --bump or --out: refuse a bump too small since PREVIOUS")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="with --bump: the release date (default: today, UTC)")
    parser.add_argument("--root", default=".", help="the checkout (default: the current folder)")
    parser.add_argument("--no-validate", action="store_true", help="with --out: skip validating the unpacked archive")
    parser.add_argument(
        "--allow-dirty", action="store_true", help="with --out: build from uncommitted files (a dry run, never a release)"
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from qantar.release import ReleaseError

    root = Path(args.root)
    if not (root / "datapackage.json").is_file():
        print(f"qantar release: no datapackage.json in {root}: run it in a clone of the repository, or pass --root CHECKOUT",
              file=sys.stderr)
        return 2
    if args.previous and not (args.bump or args.out):
        print("qantar release: --previous goes with --bump or --out (or use --check-bump)", file=sys.stderr)
        return 2
    try:
        return _run(args, root)
    except ReleaseError as exc:
        print(f"qantar release: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, root) -> int:  # type: ignore[no-untyped-def]
    from qantar.release.previous import from_directory, open_release

    previous = open_release(args.previous or args.check_bump, root) if (args.previous or args.check_bump) else None
    if args.check_bump:
        from qantar.release import read_text
        from qantar.release.compare import check

        verdict = check(previous, from_directory(root), read_text(root, "CHANGELOG.md"))
        print(f"comparing {verdict.old} ({previous.label}) with {verdict.new} ({root})")
        print(verdict.render())
        return 0 if verdict.ok else 1
    if args.bump:
        from qantar.release.bump import bump

        old, new, _ = bump(root, args.bump, date=args.date, previous=previous)
        print(f"{old} -> {new}: datapackage.json (version, created), CHANGELOG.md, CITATION.cff and .zenodo.json updated")
        print(f"next: review, commit, then `qantar release --out dist/{new}` and tag v{new} (docs/releasing.md)")
        return 0
    if args.citation:
        from qantar.release.bump import write_citation

        for path in write_citation(root):
            print(f"wrote {path}")
        return 0
    from qantar.release.build import build

    sums = build(root, args.out, previous=previous, validate=not args.no_validate, allow_dirty=args.allow_dirty)
    print(sums.read_text(encoding="utf-8"), end="")
    return 0
