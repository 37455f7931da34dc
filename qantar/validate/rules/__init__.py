"""The rules that need Python, one module each (declared in ``validators/python.toml``).

A rule module has a ``check(inputs)`` function (``inputs``: :class:`qantar.validate.inputs.Inputs`)
that yields :class:`Finding` objects, one per offending cell; the consistency engine runs it and
reports each finding under the rule's name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    table: str
    row: int | None  # 1-based data row (the CSV line is row + 1)
    column: str | None
    value: str | None
    message: str
