"""Typed contracts for Qantar's tables: pandera (polars) models derived from the descriptor.

Each table's model is built from ``datapackage.json`` (never written a second time): the
polars type of every field, ``required`` as not-nullable, ``unique``, ``enum``, ``pattern``,
``minimum``/``maximum``, the primary key, the exact column set; plus the row- and table-level
rules a Table Schema cannot express (``ROW_RULES`` below: dates in order, value ranges, a
quote and its translation together, spans that fit their text...).

Check your own transformed frames against the same contract::

    import polars as pl
    from qantar.validate import schemas

    events = pl.read_csv(...)                      # or qantar.load("events")
    schemas.model("events").validate(events)       # raises pandera's SchemaError
    schemas.model("events").validate(events, lazy=True)   # SchemaErrors listing every failure
    schemas.polars_schema("events")                # {"event_id": String, "date_start": Date, ...}
    {name: m for name, m in schemas.schemas().items()}

``model(name, strict=False)`` accepts extra columns (a frame you joined or derived from a
table); ``rules=False`` leaves the row rules out. Note that pandera's polars backend cannot
synthesise data (``strategy()`` raises): generate frames with hypothesis or
``polars.testing.parametric`` instead.

Importing this module is cheap; pandera is imported when a model is first built.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandera.polars as pa
    import polars as pl

__all__ = ["ROW_RULES", "RowRule", "model", "polars_schema", "rules", "schemas", "tables"]


# --- the descriptor ------------------------------------------------------------------------


def _descriptor(descriptor: str | Path | Mapping[str, Any] | None) -> dict[str, Any]:
    if isinstance(descriptor, Mapping):
        return dict(descriptor)
    if descriptor is None:
        from qantar.validate._package import default_root

        descriptor = default_root()
    p = Path(descriptor)
    if p.is_dir():
        p = p / "datapackage.json"
    return _load(str(p.resolve()))


@lru_cache(maxsize=8)
def _load(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _resource(desc: dict[str, Any], name: str) -> dict[str, Any]:
    for r in desc.get("resources", []):
        if r.get("name") == name and isinstance(r.get("schema"), dict):
            return r
    names = ", ".join(tables(desc))
    raise KeyError(f"no table {name!r} in the descriptor (tables: {names})")


def tables(descriptor: str | Path | Mapping[str, Any] | None = None) -> list[str]:
    """The table names, in descriptor order."""
    desc = _descriptor(descriptor)
    return [r["name"] for r in desc.get("resources", []) if isinstance(r.get("schema"), dict)]


def polars_schema(name: str, descriptor: str | Path | Mapping[str, Any] | None = None) -> dict[str, pl.DataType]:
    """The polars type of every column of table ``name`` (the loader's mapping)."""
    from qantar.validate._types import dtype

    r = _resource(_descriptor(descriptor), name)
    return {f["name"]: dtype(f) for f in r["schema"]["fields"]}


# --- row and table rules -------------------------------------------------------------------


@dataclass(frozen=True)
class RowRule:
    """A rule on each row of one table, beyond what its Table Schema can say.

    ``holds`` builds a polars boolean expression, true where the row satisfies the rule (a
    rule whose inputs are missing holds: presence is the job of ``required`` and of the
    pairing rules). ``column`` is the column a failure is reported on; ``columns`` are the
    columns shown as the offending value.
    """

    rule: str
    table: str
    column: str
    columns: tuple[str, ...]
    description: str
    protects: str
    holds: Callable[[], pl.Expr]

    @property
    def check_name(self) -> str:
        return f"{self.rule}:{self.table}.{self.column}"


def _c(name: str) -> pl.Expr:
    import polars as pl

    return pl.col(name)


def _ordered(a: str, b: str) -> Callable[[], pl.Expr]:
    return lambda: _c(a).is_null() | _c(b).is_null() | (_c(a) <= _c(b))


def _strictly(a: str, b: str) -> Callable[[], pl.Expr]:
    return lambda: _c(a).is_null() | _c(b).is_null() | (_c(a) < _c(b))


def _together(*cols: str) -> Callable[[], pl.Expr]:
    def holds() -> pl.Expr:
        import polars as pl

        present = [_c(c).is_not_null() for c in cols]
        return pl.all_horizontal(present) | ~pl.any_horizontal(present)

    return holds


def _span_fits(start: str, end: str, text: str) -> Callable[[], pl.Expr]:
    def holds() -> pl.Expr:
        import polars as pl

        length = _c(text).str.len_chars().cast(pl.Int64)
        return _c(start).is_null() | _c(end).is_null() | _c(text).is_null() | ((_c(end) - _c(start)) == length)

    return holds


def _figure_range() -> pl.Expr:
    lo, v, hi = _c("value_low"), _c("value"), _c("value_high")
    return (
        (lo.is_null() | v.is_null() | (lo <= v))
        & (v.is_null() | hi.is_null() | (v <= hi))
        & (lo.is_null() | hi.is_null() | (lo <= hi))
    )


def _vague_has_low() -> pl.Expr:
    return (_c("qualifier") != "vague") | _c("qualifier").is_null() | _c("value_low").is_not_null()


def _upper_bound() -> pl.Expr:
    q = _c("qualifier")
    return ~q.is_in(["at_most", "less_than"]) | q.is_null() | _c("value_high").is_not_null() | _c("value").is_not_null()


def _number_inside_quote() -> pl.Expr:
    return (
        _c("char_start").is_null() | _c("number_char_start").is_null() | (_c("char_start") <= _c("number_char_start"))
    ) & (_c("char_end").is_null() | _c("number_char_end").is_null() | (_c("number_char_end") <= _c("char_end")))


def _published_dates() -> pl.Expr:
    return _ordered("published_date_min", "published_date")() & _ordered("published_date", "published_date_max")()


_QUOTED = ("event_sources", "figures", "statements", "memberships")
_DATE_RULE = "an end date before its start date (e.g. swapped when typing), which would put the event before itself"


def _build_rules() -> tuple[RowRule, ...]:
    out: list[RowRule] = []
    for t in ("events", "statements"):
        out.append(RowRule(
            "date-order", t, "date_end", ("date_start", "date_end"),
            f"{t}.date_end is not before {t}.date_start.", _DATE_RULE, _ordered("date_start", "date_end"),
        ))
    out.append(RowRule(
        "date-order", "figures", "ref_date_end", ("ref_date_start", "ref_date_end"),
        "figures.ref_date_end is not before figures.ref_date_start (where both are given).",
        _DATE_RULE, _ordered("ref_date_start", "ref_date_end"),
    ))
    out.append(RowRule(
        "date-order", "sources", "published_date", ("published_date_min", "published_date", "published_date_max"),
        "sources: published_date_min <= published_date <= published_date_max.",
        "a publication date outside the interval its own reasoning allows", _published_dates,
    ))
    out.append(RowRule(
        "value-range", "figures", "value", ("value_low", "value", "value_high"),
        "figures: value_low <= value <= value_high, for those of the three that are given.",
        "a range that does not contain its own value (a typo in one bound)", _figure_range,
    ))
    out.append(RowRule(
        "vague-has-low", "figures", "value_low", ("qualifier", "value_low"),
        "figures: a 'vague' qualifier comes with value_low (at least the lower bound the words imply).",
        "a vague quantity recorded with no usable bound", _vague_has_low,
    ))
    out.append(RowRule(
        "upper-bound-given", "figures", "value_high", ("qualifier", "value", "value_high"),
        "figures: 'at_most' and 'less_than' come with value_high or value.",
        "an upper-bounded figure recorded with no bound", _upper_bound,
    ))
    out.append(RowRule(
        "number-inside-quote", "figures", "number_char_start",
        ("char_start", "number_char_start", "number_char_end", "char_end"),
        "figures: char_start <= number_char_start and number_char_end <= char_end (the number lies inside its quote).",
        "a number taken from somewhere other than the quoted passage", _number_inside_quote,
    ))
    spans: list[tuple[str, str, str, str, str | None, tuple[str, ...]]] = []
    for t in _QUOTED:
        spans.append((t, "char_start", "char_end", "quote", "quote_en", ()))
    spans.append(("figures", "number_char_start", "number_char_end", "number_as_written", None, ()))
    spans.append(("sources", "published_char_start", "published_char_end", "published_as_printed", None, ()))
    spans.append(("discrepancies", "claim_a_char_start", "claim_a_char_end", "claim_a_quote", "claim_a_en", ()))
    spans.append((
        "discrepancies", "claim_b_char_start", "claim_b_char_end", "claim_b_quote", "claim_b_en",
        ("claim_b_source_id",),
    ))
    for t, start, end, text, translation, extra in spans:
        out.append(RowRule(
            "span-order", t, end, (start, end),
            f"{t}: {start} < {end}.", "an empty or reversed span (offsets swapped or mistyped)", _strictly(start, end),
        ))
        out.append(RowRule(
            "span-fits-text", t, end, (start, end, text),
            f"{t}: {end} - {start} equals the length of {text} in code points.",
            "offsets that cannot hold the quoted text (a quote edited without its offsets)",
            _span_fits(start, end, text),
        ))
        group = (*extra, start, end, text, *((translation,) if translation else ()))
        out.append(RowRule(
            "span-complete", t, text, group,
            f"{t}: {', '.join(group)} are all given or all empty.",
            "a quote without its offsets or source, or offsets without a quote", _together(*group),
        ))
        if translation:
            out.append(RowRule(
                "quote-translation-pair", t, translation, (text, translation),
                f"{t}: {text} and {translation} are both given or both empty.",
                "a quote whose English translation was dropped (or a translation of nothing)",
                _together(text, translation),
            ))
    return tuple(out)


ROW_RULES: tuple[RowRule, ...] = _build_rules()


def rules(table: str | None = None) -> list[RowRule]:
    """The row and table rules, for one table or all."""
    return [r for r in ROW_RULES if table is None or r.table == table]


# --- the models ------------------------------------------------------------------------------


def _column(field: dict[str, Any], pa: Any) -> Any:
    import datetime as dt

    from qantar.validate._types import dtype

    c = field.get("constraints") or {}
    checks = []
    if "enum" in c:
        checks.append(pa.Check.isin(list(c["enum"]), name="enum", error=f"enum {c['enum']}"))
    if "pattern" in c:
        checks.append(pa.Check.str_matches(f"^(?:{c['pattern']})$", name="pattern", error=f"pattern {c['pattern']}"))
    t = field.get("type")

    def bound(v: Any) -> Any:
        if t == "date" and isinstance(v, str):
            return dt.date.fromisoformat(v)
        return v

    if "minimum" in c:
        checks.append(pa.Check.ge(bound(c["minimum"]), name="minimum", error=f"minimum {c['minimum']}"))
    if "maximum" in c:
        checks.append(pa.Check.le(bound(c["maximum"]), name="maximum", error=f"maximum {c['maximum']}"))
    if "minLength" in c:
        checks.append(pa.Check.str_length(min_value=c["minLength"], name="minLength", error=f"minLength {c['minLength']}"))
    if "maxLength" in c:
        checks.append(pa.Check.str_length(max_value=c["maxLength"], name="maxLength", error=f"maxLength {c['maxLength']}"))
    return pa.Column(
        dtype(field),
        checks=checks,
        nullable=not c.get("required", False),
        unique=bool(c.get("unique", False)),
        required=True,
        title=field.get("title"),
        description=field.get("description"),
    )


def _row_check(rule: RowRule, pa: Any) -> Any:
    def check(data: Any) -> Any:
        return data.lazyframe.select(rule.holds().fill_null(True).alias(rule.check_name))

    return pa.Check(check, name=rule.rule, error=rule.check_name, description=rule.description)


def model(
    name: str,
    descriptor: str | Path | Mapping[str, Any] | None = None,
    *,
    strict: bool = True,
    rules: bool = True,
) -> pa.DataFrameSchema:
    """The pandera (polars) model of table ``name``, derived from the descriptor.

    ``descriptor``: a ``datapackage.json`` path, a directory holding one, or the parsed dict;
    the package's own descriptor by default. ``strict=False`` allows extra columns.
    ``rules=False`` leaves out the row rules (``ROW_RULES``).
    """
    resource = _resource(_descriptor(descriptor), name)
    # Only the table's schema (and its name and texts) shape the model: cache on those, so
    # that a descriptor whose bytes and hashes changed reuses the models already built.
    shape = {k: resource.get(k) for k in ("name", "title", "description", "schema")}
    return _cached_model(json.dumps(shape, sort_keys=True), strict, rules)


@lru_cache(maxsize=256)
def _cached_model(resource_json: str, strict: bool, with_rules: bool) -> pa.DataFrameSchema:
    try:
        import pandera.polars as pa
    except ImportError as exc:  # pragma: no cover
        from qantar.validate._report import MissingDependency

        raise MissingDependency("pandera", "pandera[polars]") from exc
    r = json.loads(resource_json)
    name = r["name"]
    schema = r["schema"]
    columns = {f["name"]: _column(f, pa) for f in schema["fields"]}
    pk = schema.get("primaryKey") or []
    pk = [pk] if isinstance(pk, str) else list(pk)
    names = set(columns)
    checks = [_row_check(rr, pa) for rr in rules_for(name) if set(rr.columns) <= names] if with_rules else []
    return pa.DataFrameSchema(
        columns,
        checks=checks,
        unique=pk if len(pk) > 1 else None,
        strict=strict,
        ordered=False,
        name=name,
        title=r.get("title"),
        description=r.get("description"),
    )


def rules_for(table: str) -> list[RowRule]:
    return rules(table)


def schemas(
    descriptor: str | Path | Mapping[str, Any] | None = None, *, strict: bool = True, rules: bool = True
) -> dict[str, pa.DataFrameSchema]:
    """Every table's model, keyed by table name, in descriptor order."""
    desc = _descriptor(descriptor)
    return {n: model(n, desc, strict=strict, rules=rules) for n in tables(desc)}
