"""Importing pandera's polars backend alone, in a process that qantar owns.

``import pandera.polars`` also imports pandas (pandera's top-level namespace keeps its pandas
API there) and, when hypothesis is installed, hypothesis with every hypothesis plugin it finds
(trio, which imports pytest, ...): about three quarters of the pandera layer's time on the real
data, and nothing the polars backend uses. pandera supports a polars-only install, where those
imports are absent; in ``qantar validate`` (:func:`own_process`) the pandera layer runs as if they were
(:func:`polars_only`).

Only in a process that qantar owns: afterwards, that process's pandera has no pandas API
(``import pandera.pandas`` fails), which a caller of :func:`qantar.validate.validate` or of
:mod:`qantar.validate.schemas` in their own program must never find.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import sys
from collections.abc import Iterator

#: What pandera's polars backend never needs; pandera imports each only when it can.
_NOT_FOR_POLARS = frozenset({"pandas", "hypothesis"})
_owned = False


def own_process() -> None:
    """Declare that this process is qantar's (a command line run), so pandera may be imported lean."""
    global _owned
    _owned = True


class _Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.partition(".")[0] in _NOT_FOR_POLARS:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


@contextlib.contextmanager
def polars_only() -> Iterator[None]:
    """Within: in a process qantar owns, where pandera is not imported yet, pandas and hypothesis
    are absent to every new import. pandera imports parts of itself lazily (its check backends
    at the first validation), so the whole pandera layer runs within, not only the import."""
    if not _owned or "pandera" in sys.modules or _NOT_FOR_POLARS & sys.modules.keys():
        yield
        return
    finder = _Absent()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
