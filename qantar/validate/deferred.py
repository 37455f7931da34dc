"""Importing a library without the modules it imports but a layer never uses.

Great Expectations imports scipy.stats and altair at its top level (0.75 s of its 2 s import)
for two expectations (KL divergence, KS test) and for charts; the validator asks for neither.
:func:`deferred` puts a stand-in for each such module in ``sys.modules`` while the library
imports itself, and takes it out again after: the library keeps the stand-in, which imports the
real module the first time anything of it is asked for. So nothing changes but when the module
is imported: a check that needs it still gets it, and later imports get the real module.

Python's ``importlib.util.LazyLoader`` (and the ``lazy_loader`` package built on it) cannot do
this on Python 3.11: its module loads itself on any attribute, including the ``__spec__`` that
``import`` reads whenever it finds a module in ``sys.modules``, so the first ``import altair``
of the library loads altair after all.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Deferred(types.ModuleType):
    """Stands in for the module of the same name; imports it on first use and hands on to it."""

    def __getattr__(self, attribute: str) -> Any:  # only for what the stand-in does not have itself
        real = self.__dict__.get("_deferred_module")
        if real is None:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            self.__dict__["_deferred_module"] = real
        return getattr(real, attribute)


@contextmanager
def deferred(names: tuple[str, ...]) -> Iterator[list[str]]:
    """While the block runs, modules ``names`` not yet imported are stand-ins (their names listed)."""
    standing = [name for name in names if name not in sys.modules]
    for name in standing:
        sys.modules[name] = Deferred(name)
    try:
        yield standing
    finally:
        for name in standing:
            if isinstance(sys.modules.get(name), Deferred):
                del sys.modules[name]
