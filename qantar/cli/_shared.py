"""What the command modules share: finding them, and the PATH argument of the commands that edit a package."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

#: Whether this process is the ``qantar`` program's own, about to end when the command does (set by
#: ``qantar.cli.main.entry``; a caller of ``main`` goes on, and its process is left as it was).
OWN_PROCESS = False


def _package() -> ModuleType:
    return importlib.import_module("qantar.cli")


def discover() -> list[ModuleType]:
    """Every command module in this package, sorted by command name."""
    modules = [
        importlib.import_module(f"qantar.cli.{info.name}")
        for info in pkgutil.iter_modules(_package().__path__)
        if not info.name.startswith("_") and info.name != "main"
    ]
    for module in modules:
        for attr in ("NAME", "HELP", "run"):
            if not hasattr(module, attr):
                raise ImportError(f"command module {module.__name__} does not define {attr}")
    return sorted(modules, key=lambda m: m.NAME)


def add_package_path(parser, *, check_help: str) -> None:
    """The PATH argument and --check flag of the commands that edit a data package in place."""
    parser.add_argument("path", nargs="?", default=".", help="folder holding datapackage.json (default: the current folder)")
    parser.add_argument("--check", action="store_true", help=check_help)


def no_descriptor(command: str, path: str) -> bool:
    """True (after saying so on stderr) when `path` holds no datapackage.json."""
    import sys
    from pathlib import Path

    if (Path(path) / "datapackage.json").is_file():
        return False
    print(f"qantar {command}: no datapackage.json in {path}: run it in the folder that holds the package's "
          "datapackage.json (a clone of the repository), or give that folder as PATH", file=sys.stderr)
    return True
