"""Every rule that ``qantar validate`` checks, read from its one home.

The homes (``validators/`` at the repository root, shipped in the wheel as
``qantar/_data/validators``; never an importable package):

================================  ====================================================
``datapackage.json``              declarative constraints and spans, per field and table
``validators/constraints.toml``   what each kind of constraint checks, and which layers
``validators/rows.toml``          row rules: a SQL boolean expression per rule
``validators/sql/*.sql``          cross-table rules, one DuckDB query per file
``validators/expectations.toml``  Great Expectations: sizes, proportions, value sets
``validators/python.toml``        the rules that need Python (``qantar/validate/rules/``)
``validators/roles.toml``         which roles fit which event and actor types (data the SQL reads)
================================  ====================================================

The rules always come from qantar's own folder, never from the package under validation (a
package sent by a stranger cannot bring its own SQL). ``catalogue(package)`` lists every rule
with where it applies in that package: the docs page and ``qantar validate --list-rules`` show it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from qantar.model import Package

LAYERS = ("frictionless", "pandera", "consistency", "great_expectations")


class CatalogueError(Exception):
    """A rule file is malformed (a bug of qantar's own validators/ folder)."""


@dataclass(frozen=True)
class Check:
    """A kind of constraint the descriptor declares (``constraints.toml``)."""

    name: str
    layers: tuple[str, ...]
    applies: str
    description: str
    protects: str


@dataclass(frozen=True)
class RowRule:
    """A rule on every row of one table (``rows.toml``)."""

    name: str
    table: str
    column: str
    columns: tuple[str, ...]
    holds: str  # SQL boolean expression; NULL counts as holding
    description: str
    protects: str

    @property
    def check_name(self) -> str:
        return f"{self.name}:{self.table}.{self.column}"


@dataclass(frozen=True)
class SqlRule:
    """A cross-table rule (``sql/<name>.sql``): a query returning the offending rows."""

    name: str
    description: str
    protects: str
    path: Path
    sql: str



@dataclass(frozen=True)
class Expectation:
    """A curated Great Expectations expectation (``expectations.toml``)."""

    table: str
    type: str
    kwargs: dict[str, Any] = field(hash=False)
    why: str = ""


@dataclass(frozen=True)
class PyRule:
    """A rule that needs Python (``python.toml``; code in ``qantar/validate/rules/<module>.py``)."""

    name: str
    module: str
    description: str
    protects: str
    slow: bool = False
    #: The parts of ``Inputs.memo`` (the key's text before its first '.') the rule reads: the
    #: consistency layer frees a part once no rule left to run shares it.
    shares: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One line of the catalogue: a rule, its layers and home, and where it applies."""

    name: str
    layers: tuple[str, ...]
    home: str
    description: str
    protects: str
    applies_to: tuple[str, ...] = ()
    slow: bool = False


def home() -> Path:
    """qantar's own ``validators/`` folder: the checkout's, else the wheel's copy."""
    here = Path(__file__).resolve().parent.parent  # .../qantar
    for candidate in (here.parent / "validators", here / "_data" / "validators"):
        if (candidate / "rows.toml").is_file():
            return candidate
    raise CatalogueError(f"no validators/ folder next to {here} (a broken install?)")


def _toml(name: str) -> dict[str, Any]:
    path = home() / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogueError(f"{path}: {exc}") from None


def _need(item: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
    missing = [k for k in keys if k not in item]
    if missing:
        raise CatalogueError(f"{where}: {item.get('name') or item.get('type')!r} lacks {', '.join(missing)}")


@cache
def checks() -> tuple[Check, ...]:
    out = []
    for item in _toml("constraints.toml").get("check", []):
        _need(item, ("name", "layers", "applies", "description", "protects"), "constraints.toml")
        out.append(Check(item["name"], tuple(item["layers"]), item["applies"], item["description"], item["protects"]))
    return tuple(out)


@cache
def row_rules() -> tuple[RowRule, ...]:
    out = []
    for item in _toml("rows.toml").get("rule", []):
        _need(item, ("name", "table", "column", "columns", "holds", "description", "protects"), "rows.toml")
        out.append(RowRule(item["name"], item["table"], item["column"], tuple(item["columns"]), item["holds"],
                           item["description"], item["protects"]))
    return tuple(out)


@cache
def expectations() -> tuple[Expectation, ...]:
    out = []
    for item in _toml("expectations.toml").get("expectation", []):
        _need(item, ("type", "kwargs", "why"), "expectations.toml")
        tables = item.get("tables") or [item.get("table")]
        if not all(isinstance(t, str) for t in tables):
            raise CatalogueError(f"expectations.toml: {item['type']} names no table")
        out.extend(Expectation(t, item["type"], dict(item["kwargs"]), item["why"]) for t in tables)
    return tuple(out)


@cache
def python_rules() -> tuple[PyRule, ...]:
    out = []
    for item in _toml("python.toml").get("rule", []):
        _need(item, ("name", "module", "description", "protects"), "python.toml")
        out.append(PyRule(item["name"], item["module"], item["description"], item["protects"], bool(item.get("slow")),
                          tuple(item.get("shares", ()))))
    return tuple(out)


@dataclass(frozen=True)
class RoleFit:
    """Which event types, actor types and event statuses one event_actors role fits (``roles.toml``;
    "*" is any; a role without ``statuses`` fits every status)."""

    role: str
    event_types: tuple[str, ...]
    actor_types: tuple[str, ...]
    definition: str
    statuses: tuple[str, ...] = ("*",)


@cache
def roles() -> tuple[RoleFit, ...]:
    out = []
    for role, item in _toml("roles.toml").get("roles", {}).items():
        item = {"name": role, **item}
        _need(item, ("event_types", "actor_types", "definition"), "roles.toml")
        out.append(RoleFit(role, tuple(item["event_types"]), tuple(item["actor_types"]), item["definition"],
                           tuple(item.get("statuses", ("*",)))))
    return tuple(out)


_HEADER = re.compile(r"^--\s*(rule|description|protects):\s*(.*?)\s*$")


@cache
def sql_rules() -> tuple[SqlRule, ...]:
    out = []
    for path in sorted((home() / "sql").glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        meta: dict[str, str] = {}
        for line in sql.splitlines():
            if not line.startswith("--"):
                break
            m = _HEADER.match(line)
            if m:
                meta[m.group(1)] = m.group(2)
        _need(meta, ("rule", "description", "protects"), f"sql/{path.name}")
        out.append(SqlRule(meta["rule"], meta["description"], meta["protects"], path, sql))
    return tuple(out)


# --- where each kind of constraint applies in a package ---------------------------------------


def applies(check: Check, package: Package) -> tuple[str, ...]:
    """The places (``table.column``, ``table`` or a resource name) where ``check`` applies."""
    kind, _, arg = check.applies.partition(":")
    tables = package.tables.values()
    if kind == "descriptor":
        return ("datapackage.json",)
    if kind == "resources":
        return tuple(r.name for r in package.resources())
    if kind == "tables":
        return tuple(package.tables)
    if kind == "typed-fields":
        return tuple(f"{t.name}.{f.name}" for t in tables for f in t.fields if not f.is_text)
    if kind == "constraint":
        return tuple(
            f"{t.name}.{f.name}" for t in tables for f in t.fields
            if f.constraints.get(arg) not in (None, False) or (arg == "enum" and f.categories is not None)
        )
    if kind == "primary-key":
        return tuple(f"{t.name}({', '.join(t.primary_key)})" for t in tables if t.primary_key)
    if kind == "foreign-keys":
        return tuple(f"{r.table}.{','.join(r.fields)}" for t in tables for r in t.relations)
    if kind == "spans":
        return tuple(f"{s.table}.{s.text}" for s in package.spans())
    if kind == "spans-translated":
        return tuple(f"{s.table}.{s.translation}" for s in package.spans() if s.translation)
    if kind == "spans-within":
        return tuple(f"{s.table}.{s.text}" for s in package.spans() if s.within)
    if kind in ("bytes", "hash"):
        return tuple(r.name for r in package.resources() if r.raw.get(kind) is not None)
    raise CatalogueError(f"constraints.toml: {check.name}: unknown applies {check.applies!r}")


def catalogue(package: Package) -> list[Rule]:
    """Every rule checked on ``package``, layer by layer, each with its home and where it applies."""
    out = [
        Rule(c.name, c.layers, "datapackage.json", c.description, c.protects, applies(c, package))
        for c in checks()
    ]
    grouped: dict[str, list[RowRule]] = {}
    for r in row_rules():
        grouped.setdefault(r.name, []).append(r)
    for name, group in grouped.items():
        text = " ".join(dict.fromkeys(r.description for r in group))
        out.append(Rule(name, ("pandera",), "validators/rows.toml", text, group[0].protects,
                        tuple(f"{r.table}.{r.column}" for r in group)))
    for s in sql_rules():
        out.append(Rule(s.name, ("consistency",), f"validators/sql/{s.path.name}", s.description, s.protects))
    for p in python_rules():
        out.append(Rule(p.name, ("consistency",), f"validators/python.toml (qantar/validate/rules/{p.module}.py)",
                        p.description, p.protects, slow=p.slow))
    for e in expectations():
        args = ", ".join(f"{k}={v}" for k, v in e.kwargs.items() if k != "column")
        target = f"{e.table}.{e.kwargs['column']}" if "column" in e.kwargs else e.table
        out.append(Rule(e.type, ("great_expectations",), "validators/expectations.toml", f"{target}: {args}.", e.why,
                        (target,), slow=True))
    return out
