"""Layer 2, pandera (polars backend): every typed table against its derived model.

The models are ``qantar.validate.schemas.model(name)``: the descriptor's types and column
constraints plus the row rules. This layer owns the row rules (a Table Schema cannot say
"date_end is not before date_start"); the column constraints are repeated here because the
models are the public contracts and must hold on the data they ship with.
"""

from __future__ import annotations

import importlib.abc
import sys
from typing import Any

from qantar import types

from qantar.validate import sandbox
from qantar.validate.inputs import Inputs, report_malformed
from qantar.validate.report import LayerResult, MissingDependency

LAYER = "pandera"

_CHECK_RULES = {
    "not_nullable": "required",
    "field_uniqueness": "unique",
    "multiple_fields_uniqueness": "primary-key",
    "column_in_dataframe": "columns",
    "column_in_schema": "columns",
}


#: What pandera imports when installed but its polars backend never uses (hypothesis: its data
#: synthesis strategies).
_HIDDEN = ("pandas", "numpy", "hypothesis")


class _Absent(importlib.abc.MetaPathFinder):
    """Makes the ``_HIDDEN`` imports fail as they do where those packages are not installed."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.split(".", 1)[0] in _HIDDEN:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


def load_polars_only() -> bool:
    """Import pandera as an install without pandas and numpy has it (``pandera[polars]`` alone).

    pandera imports pandas at its top level and again at its first check (about 0.6 s, a third
    of ``qantar validate --fast``; hypothesis, where installed, 0.4 s more), although its polars
    backend uses none of them. Where they are not installed pandera leaves them out (its GH
    #2387); here they are hidden while pandera is imported and runs its first check, which is
    when it looks. Only for a program that owns its process (the ``qantar validate`` command):
    afterwards this process's pandera cannot check pandas frames, while pandas itself imports as
    usual (Great Expectations needs it).

    True when pandera was loaded so; False when it was already loaded, pandas already was, or
    pandera needs them after all (its modules are then dropped, to be imported as usual).
    """
    if any(m in sys.modules for m in ("pandera", "pandas")):
        return False
    import polars as pl  # before the finder: polars looks for numpy as it imports itself

    absent = _Absent()
    sys.meta_path.insert(0, absent)
    try:
        import pandera.polars as pa

        # the first check is when pandera looks for pandas' check backends (once per process)
        pa.DataFrameSchema({"n": pa.Column(pl.Int64, pa.Check.ge(0))}).validate(pl.DataFrame({"n": [1]}))
        return True
    except Exception:
        for name in [m for m in sys.modules if m == "pandera" or m.startswith("pandera.")]:
            del sys.modules[name]
        return False
    finally:
        sys.meta_path.remove(absent)


def _rule_of(check: str) -> str:
    if check in _CHECK_RULES:
        return _CHECK_RULES[check]
    if check.startswith("dtype("):
        return "type"
    return check.split(" ", 1)[0].split(":", 1)[0]


def run(inputs: Inputs, result: LayerResult) -> None:
    from qantar.validate import engines

    if engines.OWN_PROCESS:  # loaded when this layer first runs, after the run's worker has started
        load_polars_only()
    try:
        import pandera.polars as pa
    except ImportError as exc:  # pragma: no cover
        raise MissingDependency(LAYER, "pandera[polars]") from exc
    from qantar.validate import schemas

    package = inputs.model
    report_malformed(inputs, result, partial=True)
    sandbox.report_unsafe_patterns(inputs.model, result)
    row_rules = {r.check_name: r for r in schemas.rules(package=package)}
    for table in package.names:
        frame = inputs.typed(table)
        try:
            schema = schemas.model(table, package)
        except Exception as exc:  # a descriptor the models cannot be built from
            result.check(f"{table}:model")
            result.fail(f"{table}:model", "model", table, None, None, None, f"cannot build the model: {exc}")
            continue
        # Count the checks the model runs.
        result.check(f"{table}:columns")
        for name, column in schema.columns.items():
            result.check(f"{table}:type:{name}")
            if not column.nullable:
                result.check(f"{table}:required:{name}")
            if column.unique:
                result.check(f"{table}:unique:{name}")
            for check in column.checks:
                result.check(f"{table}:{check.name}:{name}")
        if schema.unique:
            result.check(f"{table}:primary-key")
        for check in schema.checks:
            result.check(f"{table}:{check.error}")
        # Cells that did not parse as their type (null in the typed frame).
        type_fail = [c for c in inputs.cast_failures if c.table == table]
        for c in type_fail:
            field = package.table(table).field(c.column)
            rule = "enum" if field.categories is not None else "type"
            result.fail(
                f"{table}:{rule}:{c.column}", rule, table, c.row, c.column, c.value,
                f"{types.problem(field, c.value)}; the typed frame holds null",
            )
        try:
            schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as exc:
            cast = {(c.row, c.column) for c in type_fail}
            _report(exc.failure_cases, frame, table, row_rules, result, cast)
        except pa.errors.SchemaError as exc:  # pragma: no cover - lazy=True collects
            result.fail(f"{table}:model", "model", table, None, None, None, str(exc))


def _report(
    cases: Any, frame: Any, table: str, row_rules: dict[str, Any], result: LayerResult, cast: set[tuple[int, str]]
) -> None:
    for case in cases.iter_rows(named=True):
        check = str(case.get("check"))
        index = case.get("index")
        row = int(index) + 1 if index is not None else None
        if (row, case.get("column")) in cast:
            continue  # already reported as a cell that does not parse as its type
        value: Any = case.get("failure_case")
        if case.get("schema_context") == "DataFrameSchema" and check in row_rules:
            rr = row_rules[check]
            column = rr.column
            if row is not None and all(c in frame.columns for c in rr.columns):
                value = {c: _plain(frame[row - 1, c]) for c in rr.columns}
            result.fail(f"{table}:{check}", rr.rule, table, row, column, value, f"does not hold: {rr.description}")
            continue
        rule = _rule_of(check)
        column = case.get("column")
        if case.get("schema_context") == "DataFrameSchema":
            if rule == "primary-key":
                check_id = f"{table}:primary-key"
                column = None
            else:
                check_id = f"{table}:columns"
                column = value if rule == "columns" else None
        else:
            check_id = f"{table}:{rule}:{column}"
        if rule == "primary-key" and row is not None:
            value = case.get("failure_case")
        result.fail(check_id, rule, table, row, column, value, f"pandera check {check!r} fails")


def _plain(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)
