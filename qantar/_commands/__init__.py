"""Subcommands of the ``qantar`` command, one module each (see ``qantar.cli``)."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def discover() -> list[ModuleType]:
    """Every command module in this package, sorted by command name."""
    modules = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    for module in modules:
        for attr in ("NAME", "HELP", "run"):
            if not hasattr(module, attr):
                raise ImportError(f"command module {module.__name__} does not define {attr}")
    return sorted(modules, key=lambda m: m.NAME)
