"""Typed contracts for Qantar's tables: pandera (polars) models derived from the descriptor.

Each table's model is built from the one model of the package (``qantar.model``), never written
a second time: the polars type of every field by the loader's own type map (``qantar.types``:
a vocabulary is an Enum), ``required`` as not-nullable, ``unique``, ``pattern``,
``minimum``/``maximum``, lengths, the primary key, the exact column set; plus the row rules a
Table Schema cannot express: those written as data in ``validators/rows.toml`` and those that
follow from the spans the table declares (``RowRule``). So a frame from ``qantar.load`` always
fits its model::

    import qantar
    from qantar.validate import schemas

    schemas.model("events").validate(qantar.load("events"))          # raises pandera's SchemaError
    schemas.model("events").validate(frame, lazy=True)               # SchemaErrors listing every failure
    schemas.polars_schema("events")                                  # {"event_id": String, ...}
    schemas.schemas()                                                # every table's model

``model(name, strict=False)`` accepts extra columns (a frame you joined or derived from a
table); ``rules=False`` leaves the row rules out. pandera's polars backend cannot synthesise
data (``strategy()`` raises): generate frames with hypothesis or ``polars.testing.parametric``.

Importing this module is cheap; pandera is imported when a model is first built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qantar import _regex
from qantar import model as _model
from qantar import types
from qantar.validate import catalogue

if TYPE_CHECKING:  # pragma: no cover
    import pandera.polars as pa
    import polars as pl

__all__ = ["RowRule", "model", "polars_schema", "rules", "schemas", "tables"]

PackageLike = str | Path | _model.Package | None


@dataclass(frozen=True)
class RowRule:
    """A rule on each row of one table: true where the row holds (NULL inputs hold).

    ``column`` is where a failure is reported, ``columns`` are shown as the offending value;
    ``origin`` is its home: ``validators/rows.toml`` or the span declared in the descriptor.
    """

    rule: str
    table: str
    column: str
    columns: tuple[str, ...]
    description: str
    protects: str
    holds: Callable[[], pl.Expr]
    origin: str

    @property
    def check_name(self) -> str:
        return f"{self.rule}:{self.table}.{self.column}"


def _package(package: PackageLike) -> _model.Package:
    if isinstance(package, _model.Package):
        return package
    if package is None:
        return _model.current()
    p = Path(package)
    return _model.read(p.parent if p.name == _model.DESCRIPTOR else p)


def tables(package: PackageLike = None) -> list[str]:
    """The table names, in descriptor order."""
    return _package(package).names


def polars_schema(name: str, package: PackageLike = None) -> dict[str, pl.DataType]:
    """The polars type of every column of table ``name`` (the loader's type map)."""
    return types.schema(_package(package).table(name))


# --- row rules ------------------------------------------------------------------------------------


def _sql(holds: str) -> Callable[[], pl.Expr]:
    def expr() -> pl.Expr:
        import polars as pl

        return pl.sql_expr(holds)

    return expr


def _c(name: str) -> pl.Expr:
    import polars as pl

    return pl.col(name)


def _span_rules(table: _model.Table) -> list[RowRule]:
    """The rules every declared span of ``table`` implies (their kinds: ``validators/constraints.toml``)."""
    import polars as pl

    checks = {c.name: c for c in catalogue.checks()}
    out: list[RowRule] = []
    for span in table.spans:
        origin = f"datapackage.json ({table.name} span {span.name!r})"

        def rule(name: str, column: str, columns: tuple[str, ...], holds: Callable[[], pl.Expr]) -> None:
            c = checks[name]
            out.append(RowRule(name, table.name, column, columns, f"{table.name}.{span.text}: {c.description}",
                               c.protects, holds, origin))

        s, e, t = span.start, span.end, span.text
        rule("span-order", e, (s, e), lambda s=s, e=e: _c(s) < _c(e))
        rule("span-fits-text", e, (s, e, t),
             lambda s=s, e=e, t=t: (_c(e) - _c(s)) == _c(t).str.len_chars().cast(pl.Int64))
        group = tuple(c for c in span.columns if not (c == span.source and table.field(c).required))

        def together(cols: tuple[str, ...] = group) -> pl.Expr:
            present = [_c(c).is_not_null() for c in cols]
            return pl.all_horizontal(present) | ~pl.any_horizontal(present)

        rule("span-complete", t, group, together)
        if span.translation:
            pair = (t, span.translation)
            rule("translation-pair", span.translation, pair, lambda pair=pair: together(pair))
        if span.within:
            outer = table.span(span.within)
            cols = (outer.start, s, e, outer.end)
            rule("span-within", s, cols,
                 lambda o=outer, s=s, e=e: (_c(o.start) <= _c(s)) & (_c(e) <= _c(o.end)))
    return out


def rules(table: str | None = None, package: PackageLike = None) -> list[RowRule]:
    """The row rules of one table, or of every table: ``validators/rows.toml``, then the spans'."""
    pkg = _package(package)
    out = [
        RowRule(r.name, r.table, r.column, r.columns, r.description, r.protects, _sql(r.holds), "validators/rows.toml")
        for r in catalogue.row_rules()
        if (table is None or r.table == table) and r.table in pkg.tables
    ]
    for t in pkg.tables.values():
        if table is None or t.name == table:
            out.extend(_span_rules(t))
    return out


# --- the models ---------------------------------------------------------------------------------


def _column(field: _model.Field, pa: Any) -> Any:
    c = field.constraints
    checks = []
    if "enum" in c and field.categories is None:  # a vocabulary is an Enum type already
        checks.append(pa.Check.isin(list(c["enum"]), name="enum", error=f"enum {c['enum']}"))
    if "pattern" in c and _regex.risk(c["pattern"]) is None:  # an unsafe one is refused (sandbox)
        checks.append(pa.Check.str_matches(f"^(?:{c['pattern']})$", name="pattern", error=f"pattern {c['pattern']}"))

    def bound(v: Any) -> Any:
        return dt.date.fromisoformat(v) if field.type == "date" and isinstance(v, str) else v

    if "minimum" in c:
        checks.append(pa.Check.ge(bound(c["minimum"]), name="minimum", error=f"minimum {c['minimum']}"))
    if "maximum" in c:
        checks.append(pa.Check.le(bound(c["maximum"]), name="maximum", error=f"maximum {c['maximum']}"))
    if "minLength" in c:
        checks.append(pa.Check.str_length(min_value=c["minLength"], name="minLength", error=f"minLength {c['minLength']}"))
    if "maxLength" in c:
        checks.append(pa.Check.str_length(max_value=c["maxLength"], name="maxLength", error=f"maxLength {c['maxLength']}"))
    return pa.Column(
        types.dtype(field), checks=checks, nullable=not field.required, unique=field.unique, required=True,
        title=field.title, description=field.description,
    )


def _row_check(rule: RowRule, pa: Any) -> Any:
    def check(data: Any) -> Any:
        return data.lazyframe.select(rule.holds().fill_null(True).alias(rule.check_name))

    return pa.Check(check, name=rule.rule, error=rule.check_name, description=rule.description)


def model(name: str, package: PackageLike = None, *, strict: bool = True, rules: bool = True) -> pa.DataFrameSchema:
    """The pandera (polars) model of table ``name``, derived from the descriptor.

    ``package``: a folder holding ``datapackage.json`` (or the file itself), or a
    ``qantar.model.Package``; the package's own data by default. ``strict=False`` allows extra
    columns; ``rules=False`` leaves out the row rules.
    """
    pkg = _package(package)
    return _cached_model(pkg.table(name), strict, rules, pkg)


@lru_cache(maxsize=256)
def _cached_model(table: _model.Table, strict: bool, with_rules: bool, package: _model.Package) -> pa.DataFrameSchema:
    try:
        import pandera.polars as pa
    except ImportError as exc:  # pragma: no cover
        from qantar.validate.report import MissingDependency

        raise MissingDependency("pandera", "pandera[polars]") from exc
    columns = {f.name: _column(f, pa) for f in table.fields}
    names = set(columns)
    checks = [_row_check(r, pa) for r in rules(table.name, package) if set(r.columns) <= names] if with_rules else []
    pk = list(table.primary_key)
    return pa.DataFrameSchema(
        columns, checks=checks, unique=pk if len(pk) > 1 else None, strict=strict, ordered=False,
        name=table.name, title=table.title, description=table.description,
    )


def schemas(package: PackageLike = None, *, strict: bool = True, rules: bool = True) -> dict[str, pa.DataFrameSchema]:
    """Every table's model, keyed by table name, in descriptor order."""
    pkg = _package(package)
    return {n: model(n, pkg, strict=strict, rules=rules) for n in pkg.names}
