"""Where the data package lives.

An installed wheel carries it inside the package, at ``qantar/_data/`` (see hatch_build.py).
An editable or source checkout has no ``_data``: the data package is the repository root, the
directory holding both ``qantar/`` and ``datapackage.json``.
"""

from __future__ import annotations

from pathlib import Path

from qantar.errors import DataError

DESCRIPTOR = "datapackage.json"

# Tests point the loader at another package directory with ``use_root`` (never set by users).
_override: Path | None = None


def data_root() -> Path:
    """The directory that holds ``datapackage.json`` and the paths it names."""
    if _override is not None:
        return _override
    # The package directory itself (importlib.resources would say the same for an installed
    # wheel or a checkout, after importing a few modules more on every first load).
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    if (packaged / DESCRIPTOR).is_file():
        return packaged
    repository = here.parent
    if (repository / DESCRIPTOR).is_file():
        return repository
    raise DataError(
        f"no {DESCRIPTOR} found: looked in {packaged} (installed wheel) and in "
        f"{repository} (source checkout)"
    )


class use_root:
    """Context manager (and plain setter) that makes ``data_root()`` return ``root``."""

    def __init__(self, root: str | Path | None) -> None:
        global _override
        self._previous = _override
        _override = None if root is None else Path(root)

    def __enter__(self) -> Path | None:
        return _override

    def __exit__(self, *exc: object) -> None:
        global _override
        _override = self._previous
