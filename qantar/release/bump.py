"""The bump step: one command moves every statement of the version together.

``bump(root, level)`` sets the descriptor's ``version`` and ``created`` (the release date),
turns the changelog's ``[Unreleased]`` notes into the new version's entry, and rewrites
CITATION.cff and .zenodo.json from the descriptor. With ``previous`` it first checks that the bump is big
enough for what changed since that release, and writes nothing when it is not.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qantar import _atomic, citation, model
from qantar.release import ReleaseError, package, read_text
from qantar.release.compare import Verdict, check
from qantar.release.previous import Snapshot, from_directory
from qantar.release.versions import Version, cut


def dump(descriptor: Mapping[str, Any]) -> str:
    """The descriptor as the repository formats it (indent 2, UTF-8 as is, final newline)."""
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def write_citation(root: str | Path) -> list[Path]:
    """Rewrite CITATION.cff and .zenodo.json at ``root`` from its descriptor (and sources table)."""
    cff = citation.metadata(root)
    written = []
    for name, text in (("CITATION.cff", citation.to_cff(cff)), (citation.ZENODO, citation.to_zenodo(cff))):
        written.append(_atomic.write_text(Path(root) / name, text))
    return written


def bump(
    root: str | Path, level: str, *, date: str | None = None, previous: Snapshot | None = None
) -> tuple[str, str, Verdict | None]:
    """Bump the package at ``root`` by ``level``; returns (old version, new version, verdict)."""
    root = Path(root)
    # A copy of the descriptor as it is, with the two values the bump moves (in their places).
    descriptor = dict(package(root).raw)
    text = read_text(root, "CHANGELOG.md")
    try:
        if text is None:
            raise ValueError(f"no CHANGELOG.md in {root}")
        old = Version.parse(descriptor.get("version"))
        new = old.bumped(level)
        date = date or datetime.now(UTC).date().isoformat()
        changelog = cut(text, str(new), date)
    except ValueError as exc:
        raise ReleaseError(str(exc)) from None
    descriptor["version"] = str(new)
    descriptor["created"] = f"{date}T00:00:00Z"
    verdict = None
    if previous is not None:
        current = from_directory(root)
        bumped = dump(descriptor).encode()
        staged = Snapshot(f"{root} at {new}", lambda p: bumped if p == model.DESCRIPTOR else current.read(p), root)
        verdict = check(previous, staged, changelog)
        if not verdict.ok:
            raise ReleaseError(f"{level} is not enough since {previous.label}:\n{verdict.render()}")
    _atomic.write_text(root / model.DESCRIPTOR, dump(descriptor))
    _atomic.write_text(root / "CHANGELOG.md", changelog)
    write_citation(root)
    return str(old), str(new), verdict
