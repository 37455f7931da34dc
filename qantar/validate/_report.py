"""The validation report: what each layer checked, and every failure with where it is.

Plain dataclasses (no third-party import), rendered for a terminal or as JSON.

Row numbers follow ``qantar.DataError``: ``row`` is the 1-based data row, the first row after
the CSV header being row 1. A failure about a whole table, a file or the descriptor has
``row`` (and maybe ``column``) set to ``None``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Failure", "LayerResult", "Report", "MissingDependency"]

LAYER_TITLES = {
    "frictionless": "Frictionless (descriptor, schemas, keys, bytes and hashes)",
    "pandera": "pandera (typed frames: descriptor-derived models and row/table rules)",
    "consistency": "Cross-table consistency (validators/consistency/*.sql)",
    "great_expectations": "Great Expectations (generated suites and distributions)",
}


class MissingDependency(ImportError):
    """A validation layer needs a library that is not installed."""

    def __init__(self, layer: str, module: str) -> None:
        super().__init__(
            f"the {layer} layer needs {module!r}, which is not installed: "
            'pip install "qantar[validate]"'
        )
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

    @property
    def ok(self) -> bool:
        return all(layer.ok for layer in self.layers)

    @property
    def failures(self) -> list[Failure]:
        return [f for layer in self.layers for f in layer.failures]

    def layer(self, name: str) -> LayerResult:
        for layer in self.layers:
            if layer.layer == name:
                return layer
        raise KeyError(name)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "ok": self.ok,
            "seconds": round(self.seconds, 3),
            "artifacts": dict(self.artifacts),
            "layers": [layer.to_dict() for layer in self.layers],
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
            for failure in layer.failures[:max_failures]:
                value = "" if failure.value is None else f" [value: {_short(failure.value)}]"
                lines.append(f"  - {failure.where()}: {failure.rule}: {failure.message}{value}")
            if len(layer.failures) > max_failures:
                lines.append(f"  ... and {len(layer.failures) - max_failures} more (use --format json)")
        lines.append("")
        for name, where in self.artifacts.items():
            lines.append(f"{name}: {where}")
        total = len(self.failures)
        verdict = "everything holds" if self.ok else f"{total} failure(s)"
        lines.append(f"{verdict} ({self.seconds:.2f} s)")
        return "\n".join(lines)


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
