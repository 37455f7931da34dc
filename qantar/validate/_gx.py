"""Layer 4, Great Expectations 1.x: generated suites plus distributions and value sets.

Two kinds of expectation, both listed as plain data first (``expectations(package)``, no GX
import) so ``docs/validation-rules.md`` can be generated from them:

* **generated** from the descriptor, one per constraint: the column list equals the schema,
  not-null for ``required``, unique for ``unique`` (and compound uniqueness for a composite
  primary key), in-set for ``enum``, regex for ``pattern``, between for ``minimum``/``maximum``;
* **curated** (``CURATED`` below): what Great Expectations states best and a schema cannot:
  row-count ranges, proportions (``mostly``) and the value sets a column must contain.

GX runs with an ephemeral context on pandas frames (``.to_pandas()`` of the typed polars
frames), progress bars off. An expectation that errors comes back as ``success=False`` with
``exception_info``; it is reported as a failure, never ignored. GX is imported only here
(about 3 s).
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from dataclasses import dataclass, field
from typing import Any

from qantar.validate._package import Package, report_malformed
from qantar.validate._report import LayerResult, MissingDependency

LAYER = "great_expectations"


@dataclass(frozen=True)
class Spec:
    """One expectation as data: GX type name, its kwargs, and why it is there."""

    table: str
    type: str
    kwargs: dict[str, Any] = field(hash=False)
    origin: str  # "descriptor" or "curated"
    rule: str
    why: str = ""

    @property
    def column(self) -> str | None:
        c = self.kwargs.get("column")
        return c if isinstance(c, str) else None


def _bound(field_: dict[str, Any], v: Any) -> Any:
    """Date bounds must be datetime objects for GX's pandas backend."""
    if field_.get("type") in ("date", "datetime") and isinstance(v, str):
        d = dt.date.fromisoformat(v[:10])
        return dt.datetime(d.year, d.month, d.day)
    return v


def generated(package: Package, table: str) -> list[Spec]:
    specs = [Spec(table, "expect_table_columns_to_match_ordered_list",
                  {"column_list": package.field_names(table)}, "descriptor", "columns")]
    for f in package.fields(table):
        name, c = f["name"], f.get("constraints") or {}
        if c.get("required"):
            specs.append(Spec(table, "expect_column_values_to_not_be_null", {"column": name}, "descriptor", "required"))
        if c.get("unique"):
            specs.append(Spec(table, "expect_column_values_to_be_unique", {"column": name}, "descriptor", "unique"))
        if "enum" in c:
            specs.append(Spec(table, "expect_column_values_to_be_in_set",
                              {"column": name, "value_set": list(c["enum"])}, "descriptor", "enum"))
        if "pattern" in c:
            specs.append(Spec(table, "expect_column_values_to_match_regex",
                              {"column": name, "regex": f"^(?:{c['pattern']})$"}, "descriptor", "pattern"))
        if "minimum" in c or "maximum" in c:
            kw: dict[str, Any] = {"column": name}
            if "minimum" in c:
                kw["min_value"] = _bound(f, c["minimum"])
            if "maximum" in c:
                kw["max_value"] = _bound(f, c["maximum"])
            specs.append(Spec(table, "expect_column_values_to_be_between", kw, "descriptor", "range"))
    pk = package.resources[table]["schema"].get("primaryKey") or []
    pk = [pk] if isinstance(pk, str) else list(pk)
    if len(pk) > 1:
        specs.append(Spec(table, "expect_compound_columns_to_be_unique", {"column_list": pk}, "descriptor", "primary-key"))
    return specs


def _article_count(package: Package) -> int:
    return sum(1 for r in package.resources.values() if r.get("type") == "file")


def curated(package: Package) -> list[Spec]:
    """The expectations Great Expectations owns: sizes, proportions and value sets."""
    jan = {"min_value": dt.datetime(2022, 1, 1), "max_value": dt.datetime(2022, 1, 31)}
    out = [
        Spec("sources", "expect_table_row_count_to_equal", {"value": _article_count(package)}, "curated", "row-count",
             "one sources row per article copy (file resource) in the descriptor"),
        Spec("event_types", "expect_table_row_count_to_be_between", {"min_value": 10, "max_value": 60}, "curated",
             "row-count", "the event vocabulary stays a small controlled list"),
        Spec("memberships", "expect_table_row_count_to_be_between", {"min_value": 6, "max_value": 10_000}, "curated",
             "row-count", "at least the CSTO's six members"),
    ]
    for table in ("actors", "places", "events", "event_actors", "event_sources", "figures", "statements", "discrepancies"):
        out.append(Spec(table, "expect_table_row_count_to_be_between", {"min_value": 1, "max_value": 10_000},
                        "curated", "row-count",
                        "every table carries data, and no table has exploded (e.g. a join written back)"))
    out += [
        Spec("events", "expect_column_values_to_be_in_set",
             {"column": "status", "value_set": ["occurred"], "mostly": 0.5}, "curated", "distribution",
             "at least half of the events are reported as having occurred (not claimed, announced or planned)"),
        Spec("events", "expect_column_values_to_be_between", {"column": "date_start", **jan, "mostly": 0.5},
             "curated", "distribution", "the dataset is about January 2022: most events start in that month"),
        Spec("events", "expect_column_values_to_not_be_null", {"column": "place_id", "mostly": 0.75},
             "curated", "distribution", "most events are located"),
        Spec("figures", "expect_column_values_to_be_in_set",
             {"column": "qualifier", "value_set": ["exact", "approximately", "at_least", "at_most", "less_than", "more_than"],
              "mostly": 0.5}, "curated", "distribution", "at most half of the figures are vague"),
        Spec("figures", "expect_column_values_to_not_be_null", {"column": "value", "mostly": 0.6},
             "curated", "distribution", "most figures carry a value"),
        Spec("sources", "expect_column_distinct_values_to_equal_set", {"column": "language", "value_set": ["id"]},
             "curated", "value-set", "every source is an Indonesian-language article"),
        Spec("sources", "expect_column_values_to_be_between",
             {"column": "published_date", "min_value": dt.datetime(2022, 1, 1), "max_value": dt.datetime(2022, 12, 31)},
             "curated", "value-set", "the articles were published in 2022"),
        Spec("events", "expect_column_distinct_values_to_contain_set",
             {"column": "event_type", "value_set": ["protest", "request_for_assistance", "military_deployment",
                                                    "military_withdrawal"]},
             "curated", "value-set", "the story's core event types are all present"),
        Spec("memberships", "expect_column_distinct_values_to_contain_set",
             {"column": "organisation_id", "value_set": ["csto"]}, "curated", "value-set",
             "the CSTO's membership is recorded"),
        Spec("actors", "expect_column_distinct_values_to_contain_set",
             {"column": "actor_type", "value_set": ["person", "state", "international_organisation"]},
             "curated", "value-set", "people, states and the organisations of the story are all present"),
        Spec("event_sources", "expect_column_value_lengths_to_be_between",
             {"column": "quote", "min_value": 1, "max_value": 2000}, "curated", "value-set",
             "a quote is a passage, not an empty string nor a whole article"),
    ]
    return out


def expectations(package: Package) -> list[Spec]:
    """Every expectation this layer runs on ``package`` (generated, then curated)."""
    specs: list[Spec] = []
    for table in package.tables:
        specs.extend(generated(package, table))
    names = set(package.tables)
    specs.extend(s for s in curated(package) if s.table in names)
    return specs


def _class_name(type_: str) -> str:
    return "".join(part.capitalize() for part in type_.split("_"))


def _exception(result: Any) -> str | None:
    info = getattr(result, "exception_info", None) or {}
    stack = [info]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("raised_exception"):
                return str(item.get("exception_message") or "the expectation raised an exception")
            stack.extend(v for v in item.values() if isinstance(v, dict))
    return None


def run(package: Package, result: LayerResult, *, report_dir: Any = None) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import great_expectations as gx
            import great_expectations.expectations as gxe
            from great_expectations.data_context.types.base import ProgressBarsConfig
    except ImportError as exc:  # pragma: no cover
        raise MissingDependency(LAYER, "great_expectations") from exc

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    report_malformed(package, result, partial=True, count=False)
    specs = expectations(package)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        source = context.data_sources.add_pandas("qantar")
        details: list[dict[str, Any]] = []
        for table in package.tables:
            table_specs = [s for s in specs if s.table == table]
            if not table_specs:
                continue
            frame = package.typed(table).to_pandas()
            asset = source.add_dataframe_asset(table)
            batch_definition = asset.add_batch_definition_whole_dataframe(f"{table}-whole")
            # The whole suite at once: adding expectations one by one to a saved suite
            # re-serialises the suite each time (quadratic; 2 of the layer's 4 s here). A
            # saved suite holds no two equal expectations, so neither does this one.
            unique: dict[str, Spec] = {}
            for spec in table_specs:
                unique.setdefault(repr((spec.type, sorted(spec.kwargs.items(), key=lambda kv: kv[0]))), spec)
            kept = list(unique.values())
            suite = context.suites.add(gx.ExpectationSuite(
                name=f"qantar-{table}",
                expectations=[getattr(gxe, _class_name(spec.type))(**spec.kwargs) for spec in kept],
            ))
            by_id: dict[str, Spec] = {
                str(expectation.id): spec for expectation, spec in zip(suite.expectations, kept, strict=True)
            }
            if None in {e.id for e in suite.expectations} or len(by_id) != len(kept):  # pragma: no cover
                raise RuntimeError("Great Expectations did not give each expectation an id")
            batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
            validation = batch.validate(suite, result_format="COMPLETE")
            for r in validation.results:
                spec = by_id.get(str(r.expectation_config.id))
                if spec is None:  # pragma: no cover - every result comes from our suite
                    continue
                _record(spec, r, result, details)
    result.details = details


def _record(spec: Spec, r: Any, result: LayerResult, details: list[dict[str, Any]]) -> None:
    check_id = f"{spec.table}:{spec.type}:{spec.column or ''}:{spec.rule}:{spec.kwargs.get('value_set', '')}"
    result.check(check_id)
    res = r.result or {}
    error = _exception(r)
    details.append({
        "table": spec.table, "expectation": spec.type, "column": spec.column, "origin": spec.origin,
        "rule": spec.rule, "why": spec.why, "kwargs": {k: str(v) for k, v in spec.kwargs.items()},
        "success": bool(r.success) and error is None, "observed": res.get("observed_value"),
        "unexpected_count": res.get("unexpected_count"), "unexpected_percent": res.get("unexpected_percent"),
        "error": error,
    })
    if r.success and error is None:
        return
    rule = f"{spec.rule} ({spec.type})"
    if error is not None:
        result.fail(check_id, rule, spec.table, None, spec.column, None, f"the expectation raised: {error}")
        return
    indexes = res.get("unexpected_index_list")
    values = res.get("unexpected_list") or res.get("partial_unexpected_list")
    if spec.column and indexes and "mostly" not in spec.kwargs:
        for i, idx in enumerate(indexes):
            row = int(idx) + 1 if isinstance(idx, int) else None
            value = values[i] if values and i < len(values) else None
            result.fail(check_id, rule, spec.table, row, spec.column, _plain(value), _describe(spec))
        return
    observed = res.get("observed_value")
    if observed is None and res.get("unexpected_percent") is not None:
        observed = f"{res['unexpected_percent']:.1f}% unexpected"
    result.fail(check_id, rule, spec.table, None, spec.column, _plain(observed), _describe(spec))


def _describe(spec: Spec) -> str:
    kw = ", ".join(f"{k}={_plain(v)}" for k, v in spec.kwargs.items() if k != "column")
    text = f"{spec.type}({kw})"
    return f"{text}: {spec.why}" if spec.why else text


def _plain(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple, set)):
        return [_plain(x) for x in v]
    return str(v)
