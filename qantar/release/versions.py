"""Where the version is stated, checked and moved: the descriptor, CITATION.cff, CHANGELOG.md.

``disagreements(root)`` lists every place that does not say what the descriptor says; ``cut``
turns the changelog's ``[Unreleased]`` notes into a release entry. The readers themselves
(``Version``, the changelog's entries, CITATION.cff's values) are ``qantar.versions``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from qantar.release import package, read_text
from qantar.versions import _DATE, _ENTRY, LEVELS, UNRELEASED, Entry, Version, cff_value, entries, rank, section, top_release

__all__ = [
    "LEVELS", "UNRELEASED", "Entry", "Version", "cff_value", "cut", "disagreements", "entries", "rank", "section",
    "stated", "top_release",
]


def cut(changelog: str, version: str, date: str) -> str:
    """Turn the ``[Unreleased]`` notes into the entry ``## [version] - date`` (a fresh, empty
    ``[Unreleased]`` stays on top). Refuses an empty ``[Unreleased]``: a release says what changed."""
    if not _DATE.match(date):
        raise ValueError(f"release date {date!r} is not YYYY-MM-DD")
    if section(changelog, version) is not None:
        raise ValueError(f"CHANGELOG.md already has an entry for {version}")
    head = next((m for m in _ENTRY.finditer(changelog) if m["version"] == UNRELEASED), None)
    if head is None:
        raise ValueError("CHANGELOG.md has no '## [Unreleased]' section to release")
    if not section(changelog, UNRELEASED):
        raise ValueError("the '## [Unreleased]' section of CHANGELOG.md is empty: write down what changed first")
    return changelog[: head.end()] + f"\n\n## [{version}] - {date}" + changelog[head.end():]


def stated(root: str | Path) -> dict[str, tuple[str | None, str | None]]:
    """``{place: (version, date)}`` for the descriptor, CITATION.cff and CHANGELOG.md at ``root``."""
    described = package(root)
    created = described.raw.get("created")
    out = {"datapackage.json": (described.version, created[:10] if isinstance(created, str) else None)}
    cff = read_text(root, "CITATION.cff")
    out["CITATION.cff"] = (cff_value(cff, "version"), cff_value(cff, "date-released")) if cff is not None else (None, None)
    changelog = read_text(root, "CHANGELOG.md")
    top = top_release(changelog) if changelog is not None else None
    out["CHANGELOG.md"] = (top.version, top.date) if top else (None, None)
    return out


def disagreements(root: str | Path) -> list[str]:
    """Every place whose version or release date differs from the descriptor's (empty: they agree).

    The descriptor's date is its ``created`` (the release date); pyproject.toml must take the
    version from the descriptor (``dynamic``), never state one of its own.
    """
    places = stated(root)
    version, date = places.pop("datapackage.json")
    problems = []
    if version is None:
        problems.append('datapackage.json has no "version"')
    for place, (v, d) in places.items():
        if v != version:
            problems.append(f"{place} says version {v or 'nothing'}, datapackage.json says {version}")
        if d != date:
            problems.append(f"{place} says date {d or 'nothing'}, datapackage.json's created says {date}")
    try:
        project = tomllib.loads(read_text(root, "pyproject.toml") or "").get("project", {})
    except tomllib.TOMLDecodeError as exc:
        project = {}
        problems.append(f"pyproject.toml is not TOML: {exc}")
    if "version" in project or "version" not in project.get("dynamic", []):
        problems.append('pyproject.toml must not state a version: [project] dynamic = ["version"] (read from datapackage.json)')
    return problems
