"""How to install one of qantar's extras, in words that are true however qantar was installed.

Once qantar is on PyPI, ``pip install "qantar[validate]"`` will do. Until then (and for a wheel or
a clone) the libraries of an extra are named from the installed distribution's own
metadata (``Requires-Dist: ...; extra == "validate"``), so the hint never repeats pyproject.toml
by hand and cannot go stale.
"""

from __future__ import annotations

import re

_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def requirements(extra: str) -> list[str]:
    """The requirements of ``extra`` as the installed qantar declares them (none if it is not installed)."""
    from importlib.metadata import PackageNotFoundError, requires

    try:
        declared = requires("qantar") or []
    except PackageNotFoundError:
        return []
    out = []
    for line in declared:
        spec, _, marker = line.partition(";")
        if extra in _EXTRA.findall(marker) and not spec.strip().startswith("qantar"):
            out.append(spec.strip().replace(" ", ""))
    return out


def install_hint(extra: str) -> str:
    """``pip install ...`` for the libraries of ``extra``, and the same from a clone of the repository."""
    clone = f'in a clone of the repository, pip install -e ".[{extra}]"'
    needed = requirements(extra)
    if not needed:
        return f"install qantar's {extra!r} extra: {clone}"
    listed = " ".join(f'"{r}"' for r in needed)
    return f"pip install {listed} (qantar's {extra!r} extra; or, {clone})"
