"""The validation report: what each layer checked, and every failure with where it is.

Plain dataclasses (no third-party import), rendered for a terminal or as JSON.

Row numbers follow ``qantar.DataError``: ``row`` is the 1-based data row, the first row after
the CSV header being row 1. A failure about a whole table, a file or the descriptor has
``row`` (and maybe ``column``) set to ``None``.

Several layers check some things alike (a required cell, an enum value, a unique key): each layer
records what it saw, and the report lists one failure per (table, row, column, rule, value),
naming every layer that saw it (``Report.failures``, ``Failure.layers``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Failure", "LayerResult", "Report", "MissingDependency"]

LAYER_TITLES = {
    "frictionless": "Frictionless (descriptor, schemas, keys, bytes and hashes)",
    "pandera": "pandera (typed frames: descriptor-derived models and row rules)",
    "consistency": "Cross-table consistency (validators/sql/*.sql and the Python rules)",
    "great_expectations": "Great Expectations (generated suites and distributions)",
}


class MissingDependency(ImportError):
    """A validation layer needs a library that is not installed."""

    def __init__(self, layer: str, module: str) -> None:
        super().__init__(f"the {layer} layer needs {module!r}, which is not installed (the validate extra)")
        self.layer = layer
        self.module = module


@dataclass
class Failure:
    """One thing that does not hold."""

    layer: str
    rule: str
    table: str | None
    row: int | None
    column: str | None
    value: Any
    message: str
    #: every layer that saw it (the first is ``layer``)
    layers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.layers:
            self.layers = (self.layer,)

    @property
    def key(self) -> tuple[Any, ...]:
        """What makes two layers' failures the same failure: a cell and a rule. A failure about a
        whole table, file or column keeps its message, so that two different ones stay two."""
        where = (self.table, self.row, self.column, self.rule)
        return where if self.row is not None else (*where, self.message)

    def where(self) -> str:
        parts = []
        if self.table is not None:
            parts.append(f"table {self.table!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts) if parts else "package"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["value"] = _jsonable(self.value)
        d["layers"] = list(self.layers)
        return d


@dataclass
class LayerResult:
    """One layer's outcome: checks run, passed, failed, and the failures themselves.

    ``checks_run`` counts check instances (a rule applied to one table, column or row set);
    a check fails when it produced at least one failure, so ``failed`` can be smaller than
    ``len(failures)``. ``skipped`` lists rules not run, each with the reason.
    """

    layer: str
    checks_run: int = 0
    failed_checks: set[str] = field(default_factory=set)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None  # the layer could not run at all (e.g. missing dependency)
    missing: str | None = None  # the library whose absence stopped it (then ``error`` says so too)
    artifacts: dict[str, str] = field(default_factory=dict)
    #: per-check details for the HTML report (Great Expectations: one entry per expectation)
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failed_checks)

    @property
    def passed(self) -> int:
        return self.checks_run - self.failed

    @property
    def ok(self) -> bool:
        return self.error is None and not self.failures

    def check(self, check_id: str) -> None:
        """Count one check as run."""
        self.checks_run += 1

    def fail(
        self,
        check_id: str,
        rule: str,
        table: str | None,
        row: int | None,
        column: str | None,
        value: Any,
        message: str,
    ) -> Failure:
        self.failed_checks.add(check_id)
        failure = Failure(self.layer, rule, table, row, column, value, message)
        self.failures.append(failure)
        return failure

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer,
            "title": LAYER_TITLES.get(self.layer, self.layer),
            "ok": self.ok,
            "checks_run": self.checks_run,
            "passed": self.passed,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
            "error": self.error,
            "missing": self.missing,
            "skipped": [{"rule": r, "reason": why} for r, why in self.skipped],
            "notes": list(self.notes),
            "artifacts": dict(self.artifacts),
            "failures": [f.to_dict() for f in self.failures],
        }


@dataclass
class Report:
    """Every layer's result for one data package directory."""

    path: str
    layers: list[LayerResult] = field(default_factory=list)
    seconds: float = 0.0
    artifacts: dict[str, str] = field(default_factory=dict)
    #: the versions of qantar and of the libraries that checked (and of the reference data they hold)
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(layer.ok for layer in self.layers)

    @property
    def failures(self) -> list[Failure]:
        """Every failure once, with every layer that saw it, in layer order."""
        merged: dict[tuple[Any, ...], Failure] = {}
        for layer in self.layers:
            for f in layer.failures:
                seen = merged.get(f.key)
                if seen is None:
                    merged[f.key] = Failure(**{**asdict(f), "layers": (f.layer,)})
                elif f.layer not in seen.layers:
                    seen.layers = (*seen.layers, f.layer)
        return list(merged.values())

    def layer(self, name: str) -> LayerResult:
        for layer in self.layers:
            if layer.layer == name:
                return layer
        raise KeyError(name)

    @property
    def exit_code(self) -> int:
        """0 everything holds; 1 something fails; 2 nothing failed but a layer could not run, so the
        package is not validated (the summary line says which layer and what to install)."""
        if self.ok:
            return 0
        return 1 if self.failures else 2

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data: this is the shape of ``--format json`` and ``validation.json``."""
        failures = self.failures
        return {
            "path": self.path,
            "ok": self.ok,
            "seconds": round(self.seconds, 3),
            "versions": dict(self.versions),
            "artifacts": dict(self.artifacts),
            "layers": [layer.to_dict() for layer in self.layers],
            "failures": [f.to_dict() for f in failures],
            "summary": summary(self, failures),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self, *, max_failures: int = 200) -> str:
        lines = [f"qantar validate: {self.path}"]
        for layer in self.layers:
            title = LAYER_TITLES.get(layer.layer, layer.layer)
            status = "ERROR" if layer.error else ("ok" if layer.ok else "FAILED")
            lines.append("")
            lines.append(f"[{status}] {title}")
            if layer.error:
                lines.append(f"  could not run: {layer.error}")
            if layer.checks_run or layer.failures or not layer.error:  # no "0 failures" for a layer that did not run
                lines.append(
                    f"  checks run: {layer.checks_run}, passed: {layer.passed}, "
                    f"failed: {layer.failed} ({len(layer.failures)} failure(s), {layer.seconds:.2f} s)"
                )
            for rule, why in layer.skipped:
                lines.append(f"  skipped {rule}: {why}")
            for note in layer.notes:
                lines.append(f"  note: {note}")
            for name, where in layer.artifacts.items():
                lines.append(f"  {name}: {where}")
        failures = self.failures
        if failures:
            lines += ["", "Failures (one per table, row, column and rule; the layers that saw it in brackets):"]
            for failure in failures[:max_failures]:
                value = "" if failure.value is None else f" [value: {_short(failure.value)}]"
                lines.append(f"  - {failure.where()}: {failure.rule} [{', '.join(failure.layers)}]: {failure.message}{value}")
                hint = HINTS.get(failure.rule)
                if hint:
                    lines.append(f"    what to do: {hint}")
            if len(failures) > max_failures:
                lines.append(f"  ... and {len(failures) - max_failures} more (use --format json)")
        lines.append("")
        for name, where in self.artifacts.items():
            lines.append(f"{name}: {where}")
        lines.append(summary(self, failures)["line"] + f" ({self.seconds:.2f} s)")
        return "\n".join(lines)


#: What to do next, for the failures a contributor meets most.
HINTS = {
    "sha256": "if you changed this file on purpose, run `qantar stamp` to record its new hash and size",
    "bytes": "if you changed this file on purpose, run `qantar stamp` to record its new hash and size",
    "quote-verbatim": "run `qantar anchor` to place the quote in its article and fill its offsets",
    "span-fits-text": "run `qantar anchor` to place the quote in its article and fill its offsets",
    "versions-agree": "move the version everywhere at once with `qantar release --bump LEVEL`",
}


def summary(report: Report, failures: list[Failure] | None = None) -> dict[str, Any]:
    """The verdict in one line, with what did not run: every layer that could not run is named,
    so that "0 failures" never hides a layer that was not checked."""
    failures = report.failures if failures is None else failures
    errors = [layer.layer for layer in report.layers if layer.error]
    missing = sorted({layer.missing for layer in report.layers if layer.missing})
    not_run = f"layer(s) {', '.join(errors)} could not run"
    if missing:
        from qantar._extras import install_hint

        not_run += f": {', '.join(missing)} not installed; install the validate extra: {install_hint('validate')}"
    elif errors:
        not_run += " (the reason is under each layer above); report it as a bug if it is not about the data"
    if report.ok:
        line = "everything holds"
    elif failures and errors:
        line = f"{len(failures)} failure(s); {not_run}"
    elif errors:
        line = f"not validated: {not_run}"
    else:
        line = f"{len(failures)} failure(s)"
    return {"line": line, "failures": len(failures), "layers_not_run": errors, "missing": missing}


def _short(value: Any, limit: int = 120) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)
