"""Layer 1, Frictionless: the descriptor and every file against it.

Frictionless owns what the descriptor itself says: the descriptor against the Data Package
(v2) profile; each table against its Table Schema (types, required, unique, enum, pattern,
minimum, maximum), primary keys and foreign keys; each resource's byte count and sha256 hash
(tables and article files). Three things are added here because Frictionless is lenient about
them: the declared ``utf-8`` is taken strictly (no byte order mark, every byte valid UTF-8), with
the table row and column where the first bad byte sits; every table is RFC 4180 CSV as the loader
reads it (``qantar._rfc4180``: Python's csv module, which Frictionless uses, keeps a stray quote
as text); and the package is treated as hostile: Frictionless validates a private copy made of
what ``qantar._safe_files`` read, never the package itself, and a descriptor reference it would
fetch or read from disk is refused first (``qantar.validate.sandbox``).

Frictionless errors are mapped to (table, row, column, rule, value); rows are 1-based data rows.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from qantar.model import Table

from qantar.validate import sandbox
from qantar.validate.inputs import Inputs, report_malformed
from qantar.validate.report import LayerResult, MissingDependency

LAYER = "frictionless"

#: Frictionless error type -> the rule name used in reports and in docs/validation-rules.md.
ERROR_RULES = {
    "type-error": "type",
    "unique-error": "unique",
    "primary-key": "primary-key",
    "foreign-key": "foreign-key",
    "hash-count": "sha256",
    "byte-count": "bytes",
    "encoding-error": "encoding",
    "blank-row": "row-shape",
    "extra-cell": "row-shape",
    "missing-cell": "row-shape",
    "blank-label": "header",
    "duplicate-label": "header",
    "incorrect-label": "header",
    "missing-label": "header",
    "extra-label": "header",
}
CONSTRAINTS = ("required", "unique", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength")
_CONSTRAINT_NOTE = re.compile(r'constraint "(\w+)"')
_ACTUAL_NOTE = re.compile(r'actual is "([^"]*)"')


def planned_checks(inputs: Inputs) -> list[tuple[str, str, str | None, str | None]]:
    """Every (check id, rule, table, column) this layer runs on ``inputs``."""
    checks: list[tuple[str, str, str | None, str | None]] = [
        ("descriptor", "descriptor-profile", None, None), ("references", "references", None, None),
    ]
    for resource in inputs.model.resources():
        name = resource.name
        checks.append((f"{name}:file", "file", name, None))
        if isinstance(resource, Table):
            checks.append((f"{name}:csv", "csv-syntax", name, None))
            checks.append((f"{name}:header", "header", name, None))
            checks.append((f"{name}:row-shape", "row-shape", name, None))
            for f in resource.fields:
                if not f.is_text:
                    checks.append((f"{name}:type:{f.name}", "type", name, f.name))
                for c in CONSTRAINTS:
                    if f.constraints.get(c) not in (None, False):
                        checks.append((f"{name}:{c}:{f.name}", c, name, f.name))
            if resource.primary_key:
                checks.append((f"{name}:primary-key", "primary-key", name, None))
            for rel in resource.relations:
                col = ",".join(rel.fields)
                checks.append((f"{name}:foreign-key:{col}", "foreign-key", name, col))
        checks.append((f"{name}:encoding", "encoding", name, None))
        if resource.raw.get("bytes") is not None:
            checks.append((f"{name}:bytes", "bytes", name, None))
        if resource.raw.get("hash") is not None:
            checks.append((f"{name}:sha256", "sha256", name, None))
    return checks


def _loadable(inputs: Inputs, result: LayerResult, refused: set[str | None]) -> None:
    """Report what keeps qantar's loader from reading a table or file (a type it does not read, a
    malformed hash): Frictionless may accept it, the loader never would. A resource refused as a
    reference (a remote path) is reported once, there."""
    for resource in inputs.model.resources():
        if resource.name in refused:
            continue
        problems = resource.problems if isinstance(resource, Table) else [(None, p) for p in resource.problems]
        for column, problem in problems:
            result.fail("descriptor", "descriptor-profile", resource.name, None, column, None, problem)


def _file(inputs: Inputs, name: str, resource: dict[str, Any], result: LayerResult) -> None:
    """Report a resource whose file is missing, outside the package, not a regular file, too big, or empty."""
    path = resource.get("path")
    if not isinstance(path, str) or not path:
        problem = "has no single file path (a list of paths, or none, is not supported)"
    elif (data := inputs.resource_bytes(name)) is None:
        problem = f"{path}: {inputs.resource_problem(name)}"  # the refusal is kept: not read again
    elif not data:
        problem = f"the file {path} is empty" + (" (a table needs at least its header row)" if name in inputs.tables else "")
    else:
        return
    result.fail(f"{name}:file", "file", name, None, None, path if isinstance(path, str) else None, problem)


def _strict_utf8(inputs: Inputs, name: str, resource: dict[str, Any], result: LayerResult) -> bool:
    """Report a BOM or a non-UTF-8 byte; True if the resource is clean."""
    encoding = str(resource.get("encoding", "utf-8")).lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8"):
        return True
    data = inputs.resource_bytes(name)
    if data is None:
        return True  # reported by the file check
    check = f"{name}:encoding"
    if data.startswith(b"\xef\xbb\xbf"):
        result.fail(
            check, "encoding", name, None, None, "EF BB BF",
            "file starts with a UTF-8 byte order mark; the descriptor declares plain utf-8",
        )
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.end]
        row: int | None = None
        column: str | None = None
        if name in inputs.tables:
            prefix = data[: exc.start].decode("utf-8", errors="replace")
            records = list(csv.reader(io.StringIO(prefix, newline="")))
            if len(records) >= 2:
                row = len(records) - 1
                names = inputs.table(name).field_names
                i = max(len(records[-1]) - 1, 0)
                column = names[i] if i < len(names) else None
        where = f"byte offset {exc.start}"
        result.fail(
            check, "encoding", name, row, column, bad.hex(" ").upper(),
            f"bytes are not valid UTF-8 at {where} ({exc.reason})",
        )
        return False
    return True


def run(inputs: Inputs, result: LayerResult) -> None:
    try:
        import frictionless
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise MissingDependency(LAYER, "frictionless") from exc

    checks = planned_checks(inputs)
    known = {c[0] for c in checks}
    for check_id, *_ in checks:
        result.check(check_id)

    clean = True
    for resource in inputs.model.resources():
        _file(inputs, resource.name, dict(resource.raw), result)
        clean &= _strict_utf8(inputs, resource.name, dict(resource.raw), result)
    report_malformed(inputs, result, partial=False, count=False)

    refused = sandbox.refusals(inputs.raw)
    for name, problem in refused:
        result.fail("references", "references", name, None, None, None, problem)
    refused_names = {name for name, _ in refused}
    _loadable(inputs, result, refused_names)
    sandbox.report_unsafe_patterns(inputs.model, result)
    with sandbox.staged(inputs, refused_names) as descriptor:
        report = frictionless.validate(str(descriptor))
    for error in report.errors:
        result.fail("descriptor", "descriptor-profile", None, None, None, None, f"{error.type}: {error.note}")

    for task in report.tasks:
        table = task.name
        names = inputs.table(table).field_names if table in inputs.tables else []
        for error in task.errors:
            d = error.to_descriptor()
            etype = d.get("type", error.type)
            if etype == "encoding-error" and not clean:
                continue  # reported precisely by the strict UTF-8 check above
            rule = ERROR_RULES.get(etype, etype)
            column = d.get("fieldName")
            value: Any = d.get("cell")
            if etype == "constraint-error":
                m = _CONSTRAINT_NOTE.search(d.get("note", ""))
                rule = m.group(1) if m else "constraint"
            if etype == "foreign-key":
                fields = d.get("fieldNames") or []
                column = ",".join(fields) or None
                cells = d.get("cells") or []
                values = [cells[names.index(f)] for f in fields if f in names and names.index(f) < len(cells)]
                value = values[0] if len(values) == 1 else values
            if etype == "primary-key":
                pk = list(inputs.table(table).primary_key) if table in inputs.tables else []
                cells = d.get("cells") or []
                column = ",".join(pk) or None
                values = [cells[names.index(f)] for f in pk if f in names and names.index(f) < len(cells)]
                value = values[0] if len(values) == 1 else values
            if etype in ("hash-count", "byte-count"):
                m = _ACTUAL_NOTE.search(d.get("note", ""))
                value = m.group(1) if m else None
            row_number = d.get("rowNumber")
            row = row_number - 1 if isinstance(row_number, int) else None
            if rule in ("primary-key", "bytes", "sha256", "encoding", "header", "row-shape"):
                check_id = f"{table}:{rule}"
            elif rule == "foreign-key":
                check_id = f"{table}:foreign-key:{column}"
            else:
                check_id = f"{table}:{rule}:{column}"
            if check_id not in known:
                known.add(check_id)
                result.check(check_id)
            message = f"{etype}: {d.get('note') or d.get('message') or ''}".strip()
            result.fail(check_id, rule, table, row, column, value, message)
