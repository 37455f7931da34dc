"""Release tooling, used from a checkout through ``qantar release`` (see docs/releasing.md).

* ``versions``: where the version is stated (descriptor, CITATION.cff, CHANGELOG.md), checked and moved.
* ``previous``: a previous release to compare with: a directory, a zip archive or a git tag.
* ``compare``: what changed since that release, and which bump the change requires.
* ``bump``: the bump step: version, release date, changelog entry and CITATION.cff together.
* ``archive``: reproducible zip files, ``SOURCE_DATE_EPOCH`` and ``SHA256SUMS``.
* ``build``: ``qantar release --out DIR``, everything a release publishes.

The package is read through ``qantar.model`` and ``qantar._safe_files``, every file is written
through ``qantar._atomic``. Release is the top of the library's layers (only the command line is
above it): nothing else in ``qantar`` imports it, and ``import qantar`` does not.
"""

from __future__ import annotations

from pathlib import Path

from qantar import _safe_files, model
from qantar.errors import DataError


class ReleaseError(Exception):
    """A release step that cannot go on; the message says what to do about it."""


def package(root: str | Path) -> model.Package:
    """The package of the checkout at ``root``, read through the model; ``ReleaseError`` if it cannot be."""
    try:
        return model.read(root)
    except DataError as exc:
        raise ReleaseError(f"{root}: {exc}") from None


def read_text(root: str | Path, name: str) -> str | None:
    """A text file of the checkout (CHANGELOG.md, CITATION.cff, pyproject.toml); ``None`` when it is missing."""
    try:
        data = _safe_files.read(root, name, limit=_safe_files.MAX_TEXT_BYTES)
    except DataError as exc:
        if exc.problem == "file is missing":
            return None
        raise ReleaseError(f"{Path(root) / name}: {exc.problem}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReleaseError(f"{Path(root) / name} is not UTF-8 (byte offset {exc.start})") from None
