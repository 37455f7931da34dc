"""The package is layered as docs/architecture.md says: no import circle, no import upwards.

The layers are declared once, in pyproject.toml ([tool.importlinter]); import-linter checks them.
A circle is checked here on the same import graph (grimp, import-linter's own engine).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

REPO = Path(__file__).resolve().parents[1]


def test_layers_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Contracts: 1 kept, 0 broken." in done.stdout


def test_no_import_circle() -> None:
    graph = grimp.build_graph("qantar", exclude_type_checking_imports=True)
    circles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if importer.startswith(imported + ".") or imported.startswith(importer + "."):
                continue  # a package and its own modules
            chain = graph.find_shortest_chain(importer=imported, imported=importer)
            if chain:  # imported leads back to importer: a circle
                circles.append(" -> ".join((importer, *chain)))
    assert circles == []


#: The one module that may end a process with os._exit: a forked copy must never return into the
#: code of the process it was copied from (it would run that process's remaining work and cleanup).
FORKED_COPY = "qantar/validate/fork.py"


def test_no_module_writes_sys_path_or_exits_the_interpreter() -> None:
    offenders = []
    for p in (REPO / "qantar").rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        rel = p.relative_to(REPO).as_posix()
        if any(bad in text for bad in ("sys.path.insert(", "sys.path.append(")):
            offenders.append(rel)
        if "os._exit(" in text and (rel != FORKED_COPY or text.count("os._exit(") != 1):
            offenders.append(rel)
    assert offenders == []
