"""Semantic versions, the changelog's entries, and the places that state the version.

The version is stated once, in ``datapackage.json``; the distribution reads it from there
(``hatch_build.py``), and ``CITATION.cff`` and the top released entry of ``CHANGELOG.md``
repeat it. ``disagreements(root)`` lists every place that does not say the same.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

#: Bump levels, weakest first ("none": nothing that needs a new version changed).
LEVELS = ("none", "patch", "minor", "major")

_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_ENTRY = re.compile(r"^## \[(?P<version>[^\]]+)\](?:\s+-\s+(?P<date>\S+))?[ \t]*$", re.MULTILINE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UNRELEASED = "Unreleased"


def rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: object) -> Version:
        m = _VERSION.match(text) if isinstance(text, str) else None
        if not m:
            raise ValueError(f"{text!r} is not a version MAJOR.MINOR.PATCH (e.g. 1.2.0)")
        return cls(int(m[1]), int(m[2]), int(m[3]))

    def bumped(self, level: str) -> Version:
        if level == "major":
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            return Version(self.major, self.minor + 1, 0)
        if level == "patch":
            return Version(self.major, self.minor, self.patch + 1)
        raise ValueError(f"bump level must be major, minor or patch, not {level!r}")

    def level_to(self, new: Version) -> str | None:
        """Which bump leads from this version to ``new``; None unless ``new`` is a next version."""
        for level in ("major", "minor", "patch"):
            if self.bumped(level) == new:
                return level
        return None

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


@dataclass(frozen=True)
class Entry:
    version: str
    date: str | None
    body: str


def entries(changelog: str) -> list[Entry]:
    """The ``## [version] - date`` sections of a Keep-a-Changelog file, top first."""
    heads = list(_ENTRY.finditer(changelog))
    out = []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(changelog)
        body = changelog[m.end():end]
        body = re.split(r"^\[[^\]]+\]:\s", body, maxsplit=1, flags=re.MULTILINE)[0]  # link definitions
        out.append(Entry(m["version"], m["date"], body.strip()))
    return out


def top_release(changelog: str) -> Entry | None:
    """The top released entry (not ``[Unreleased]``)."""
    return next((e for e in entries(changelog) if e.version != UNRELEASED), None)


def section(changelog: str, version: str) -> str | None:
    return next((e.body for e in entries(changelog) if e.version == version), None)


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


# --- where the version is stated ---------------------------------------------------------

def cff_value(text: str, key: str) -> str | None:
    """A top-level scalar of a CITATION.cff text (no YAML library needed)."""
    m = re.search(rf"^{re.escape(key)}:[ \t]*[\"']?([^\"'\s]+)[\"']?[ \t]*$", text, re.MULTILINE)
    return m[1] if m else None


def stated(root: str | Path) -> dict[str, tuple[str | None, str | None]]:
    """``{place: (version, date)}`` for the descriptor, CITATION.cff and CHANGELOG.md at ``root``."""
    root = Path(root)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    created = descriptor.get("created")
    out = {"datapackage.json": (descriptor.get("version"), created[:10] if isinstance(created, str) else None)}
    cff = root / "CITATION.cff"
    if cff.is_file():
        text = cff.read_text(encoding="utf-8")
        out["CITATION.cff"] = (cff_value(text, "version"), cff_value(text, "date-released"))
    else:
        out["CITATION.cff"] = (None, None)
    changelog = root / "CHANGELOG.md"
    top = top_release(changelog.read_text(encoding="utf-8")) if changelog.is_file() else None
    out["CHANGELOG.md"] = (top.version, top.date) if top else (None, None)
    return out


def disagreements(root: str | Path) -> list[str]:
    """Every place whose version or release date differs from the descriptor's (empty: they agree).

    The descriptor's date is its ``created`` (the release date); pyproject.toml must take the
    version from the descriptor (``dynamic``), never state one of its own.
    """
    root = Path(root)
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
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
    if "version" in project or "version" not in project.get("dynamic", []):
        problems.append('pyproject.toml must not state a version: [project] dynamic = ["version"] (read from datapackage.json)')
    return problems
