"""The validation engines, one per layer, in the order they report.

Each engine is a module with ``run(inputs, result, **options)``: it checks the package
(:class:`qantar.validate.inputs.Inputs`) with its library and records in ``result``
(:class:`qantar.validate.report.LayerResult`) every check it ran and every failure it found.
Each imports its library when it runs, so ``import qantar.validate`` stays cheap.
"""

from __future__ import annotations

import importlib
from types import ModuleType

LAYERS = ("frictionless", "pandera", "consistency", "great_expectations")
#: Whether this process is the validator's own (the ``qantar validate`` program, or the run's worker
#: process), not a library caller's: engines may then import their libraries more lightly (pandera
#: without pandas, Great Expectations without the modules it never uses here), which changes
#: nothing they report but would change what the caller's process has imported.
OWN_PROCESS = False

_MODULES = {"frictionless": "frictionless", "pandera": "pandera", "consistency": "consistency", "great_expectations": "gx"}


def engine(layer: str) -> ModuleType:
    """The engine module of ``layer``."""
    return importlib.import_module(f"{__name__}.{_MODULES[layer]}")
