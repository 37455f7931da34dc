"""Which folder is validated: the package a path names, or the one in the current folder, or the
data that ship with qantar. Light to import (no polars), so ``qantar validate`` knows the folder,
and can start its worker process, before anything heavy is imported."""

from __future__ import annotations

import os
from pathlib import Path

from qantar._locate import DESCRIPTOR


class UsageError(Exception):
    """The command was asked to validate something that is not a data package."""


def find_root(path: str | Path | None) -> Path:
    """The directory holding ``datapackage.json`` (``path`` may name the file itself).

    Without a path: the current folder when it is a data package (a checkout, a contributor's copy,
    an unpacked release), else the data that ship with qantar."""
    from qantar import _locate

    if path is None:
        cwd = Path.cwd()
        return cwd.resolve() if (cwd / DESCRIPTOR).is_file() else _locate.data_root()
    p = Path(path)
    if not p.exists():
        raise UsageError(f"no such path: {p} (give the folder that holds {DESCRIPTOR}, or no path for the current folder)")
    if p.is_file():
        if p.name != DESCRIPTOR:
            raise UsageError(f"{p} is not a {DESCRIPTOR}: give the folder that holds the package's {DESCRIPTOR}")
        return p.parent.resolve()
    if not os.path.lexists(p / DESCRIPTOR):  # anything by that name: the report says what is wrong with it
        raise UsageError(f"no {DESCRIPTOR} in {p}: give the folder that holds it (a clone of the repository, an "
                         "unpacked release archive)")
    return p.resolve()
