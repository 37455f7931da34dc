"""Semantic versions, and the version CHANGELOG.md and CITATION.cff state.

The version is stated once, in ``datapackage.json``; the distribution reads it from there
(``hatch_build.py``), and ``CITATION.cff`` and the top released entry of ``CHANGELOG.md``
repeat it. These readers are shared by the validator (``versions-agree``) and the release tools
(``qantar.release.versions`` checks and moves the version).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def cff_value(text: str, key: str) -> str | None:
    """A top-level scalar of a CITATION.cff text (no YAML library needed)."""
    m = re.search(rf"^{re.escape(key)}:[ \t]*[\"']?([^\"'\s]+)[\"']?[ \t]*$", text, re.MULTILINE)
    return m[1] if m else None


def changelog_version(text: str) -> str | None:
    """The version of the top released entry (``## [x.y.z]``, not ``[Unreleased]``)."""
    top = top_release(text)
    return top.version if top else None
