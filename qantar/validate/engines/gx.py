"""Layer 4, Great Expectations 1.x: generated suites plus distributions and value sets.

Two kinds of expectation, both listed as plain data first (``expectations(package)``, no GX
import) so that the rule catalogue can list them:

* **generated** from the descriptor, one per constraint: the column list equals the schema,
  not-null for ``required``, unique for ``unique`` (and compound uniqueness for a composite
  primary key), in-set for ``enum``, regex for ``pattern``, between for ``minimum``/``maximum``;
* **curated** (``validators/expectations.toml``): what Great Expectations states best and a
  schema cannot: row-count ranges, proportions (``mostly``) and the value sets a column must contain.

GX runs with an ephemeral context on pandas frames (``.to_pandas()`` of the typed polars
frames), progress bars off. An expectation that errors comes back as ``success=False`` with
``exception_info``; it is reported as a failure, never ignored. GX is imported only here
(about 3 s).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from qantar import _regex
from qantar.model import Field, Package, Table
from qantar.validate import catalogue, engines, sandbox
from qantar.validate import fork as _fork
from qantar.validate.deferred import deferred
from qantar.validate.inputs import Inputs, report_malformed
from qantar.validate.report import LayerResult, MissingDependency

LAYER = "great_expectations"

#: What GX imports at its top level for expectations and renderers this layer never uses (the KL
#: divergence and KS test expectations, charts): in the validator's own process they are imported
#: only if something asks for them (``qantar.validate.deferred``), 0.75 s of GX's 2 s import.
UNUSED_MODULES = ("scipy.stats", "altair")


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


def _bound(field: Field | None, v: Any) -> Any:
    """Date bounds must be datetime objects for GX's pandas backend."""
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day)
    if field is not None and field.type in ("date", "datetime") and isinstance(v, str):
        d = dt.date.fromisoformat(v[:10])
        return dt.datetime(d.year, d.month, d.day)
    return v


def generated(table: Table) -> list[Spec]:
    """One expectation per constraint the descriptor declares on ``table``."""
    name = table.name
    specs = [Spec(name, "expect_table_columns_to_match_ordered_list",
                  {"column_list": table.field_names}, "descriptor", "columns")]
    for f in table.fields:
        c = f.constraints
        if f.required:
            specs.append(Spec(name, "expect_column_values_to_not_be_null", {"column": f.name}, "descriptor", "required"))
        if f.unique:
            specs.append(Spec(name, "expect_column_values_to_be_unique", {"column": f.name}, "descriptor", "unique"))
        if f.categories is not None:
            specs.append(Spec(name, "expect_column_values_to_be_in_set",
                              {"column": f.name, "value_set": list(f.categories)}, "descriptor", "enum"))
        if "pattern" in c and _regex.risk(c["pattern"]) is None:  # an unsafe one is refused (sandbox)
            specs.append(Spec(name, "expect_column_values_to_match_regex",
                              {"column": f.name, "regex": f"^(?:{c['pattern']})$"}, "descriptor", "pattern"))
        # One expectation per bound, so that a failure names the bound it breaks.
        if "minimum" in c:
            specs.append(Spec(name, "expect_column_values_to_be_between",
                              {"column": f.name, "min_value": _bound(f, c["minimum"])}, "descriptor", "minimum"))
        if "maximum" in c:
            specs.append(Spec(name, "expect_column_values_to_be_between",
                              {"column": f.name, "max_value": _bound(f, c["maximum"])}, "descriptor", "maximum"))
    if len(table.primary_key) > 1:
        specs.append(Spec(name, "expect_compound_columns_to_be_unique", {"column_list": list(table.primary_key)},
                          "descriptor", "primary-key"))
    return specs


def curated(package: Package) -> list[Spec]:
    """The expectations of ``validators/expectations.toml`` that apply to ``package``'s tables."""
    out = []
    for e in catalogue.expectations():
        if e.table not in package.tables:
            continue
        table = package.tables[e.table]
        column = e.kwargs.get("column")
        field = table.field(column) if isinstance(column, str) and table.has(column) else None
        kwargs = {k: _bound(field, v) if k in ("min_value", "max_value") else v for k, v in e.kwargs.items()}
        out.append(Spec(e.table, e.type, kwargs, "curated", _CURATED_RULE.get(e.type, "distribution"), e.why))
    return out


_CURATED_RULE = {
    "expect_table_row_count_to_be_between": "row-count",
    "expect_column_distinct_values_to_equal_set": "value-set",
    "expect_column_distinct_values_to_contain_set": "value-set",
}


def expectations(package: Package) -> list[Spec]:
    """Every expectation this layer runs on ``package`` (generated, then curated)."""
    specs: list[Spec] = []
    for table in package.tables.values():
        specs.extend(generated(table))
    specs.extend(curated(package))
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


def run(inputs: Inputs, result: LayerResult, *, report_dir: Any = None, fork: bool = False) -> None:
    """Check ``inputs`` with GX. ``fork``: the caller is the validator's worker process, which
    may check half of the expectations in a forked copy of itself (``qantar.validate.fork``)."""
    try:
        with warnings.catch_warnings(), deferred(UNUSED_MODULES if engines.OWN_PROCESS else ()):
            warnings.simplefilter("ignore")
            import great_expectations as gx
            import great_expectations.expectations as gxe
            from great_expectations.data_context.types.base import ProgressBarsConfig
    except ImportError as exc:  # pragma: no cover
        raise MissingDependency(LAYER, "great_expectations") from exc

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    report_malformed(inputs, result, partial=True, count=False)
    sandbox.report_unsafe_patterns(inputs.model, result)
    jobs = _jobs(inputs)
    with warnings.catch_warnings(), _configurations_kept():
        warnings.simplefilter("ignore")
        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        # One asset for every table: the frame is a batch parameter, and each saved asset or
        # suite costs the ephemeral context a serialisation of the whole project.
        whole = context.data_sources.add_pandas("qantar").add_dataframe_asset("tables") \
            .add_batch_definition_whole_dataframe("whole")

        def check(job: _Job, which: Any, result_format: str) -> dict[int, Any]:
            batch = whole.get_batch(batch_parameters={"dataframe": job.frame})
            return _validate(gx, gxe, batch, job.table, job.specs, which, result_format)

        # Observed values for every expectation only when a report will show them: GX's full
        # result costs about twice a pass/fail answer. Without a report, what failed is asked
        # again in full, so every failure still names its rows and values; the verdict is the
        # same either way.
        if report_dir is not None:
            results = {job.table: check(job, range(len(job.specs)), "COMPLETE") for job in jobs}
        else:
            passed = _passed(jobs, check, fork=fork)
            results = {}
            for job in jobs:
                failed = [i for i in range(len(job.specs)) if i not in passed[job.table]]
                results[job.table] = check(job, failed, "COMPLETE") if failed else {}
                for i in passed[job.table]:
                    results[job.table][i] = _PASSED
        details: list[dict[str, Any]] = []
        for job in jobs:
            for i, spec in enumerate(job.specs):
                _record(spec, results[job.table][i], result, details, job.cast)
    result.details = details


#: Whether GX's expectations keep their configuration while the layer runs (see below); a test
#: turns it off to compare.
KEEP_CONFIGURATIONS = True


@contextmanager
def _configurations_kept() -> Iterator[None]:
    """While the layer runs, each GX expectation builds its ``configuration`` once.

    GX 1.x builds it anew (a pydantic dump of the expectation) every time it reads one keyword
    argument: 22,000 dumps for the 320 expectations of the real package, a quarter of the layer's
    checking time. An expectation is not changed once built, so its first configuration is every
    later one; each is kept with the expectation it belongs to (so an id is never reused while
    the layer runs) and all are dropped when it ends. The verdicts and failures are the same
    (tests/validate/test_validate_gx.py compares both ways on a damaged copy).
    """
    from great_expectations.expectations.expectation import Expectation

    built = Expectation.__dict__.get("configuration")
    if not KEEP_CONFIGURATIONS or not isinstance(built, property) or built.fget is None:
        yield  # another GX than the one this was written for: left as it is
        return
    kept: dict[int, tuple[Any, Any]] = {}

    def configuration(self: Any) -> Any:
        hit = kept.get(id(self))
        if hit is not None and hit[0] is self:
            return hit[1]
        made = built.fget(self)
        kept[id(self)] = (self, made)
        return made

    Expectation.configuration = property(configuration, doc=built.__doc__)  # type: ignore[method-assign]
    try:
        yield
    finally:
        Expectation.configuration = built  # type: ignore[method-assign]
        kept.clear()


@dataclass
class _Job:
    """One table's share of the layer: its pandas frame and its distinct expectations."""

    table: str
    frame: Any
    specs: list[Spec]
    cast: set[tuple[int, str]]


def _jobs(inputs: Inputs) -> list[_Job]:
    specs = expectations(inputs.model)
    jobs = []
    for table in inputs.model.names:
        # One check per distinct expectation: two equal ones (a constraint the descriptor and the
        # curated list both state) are one expectation, as GX itself would keep them in a saved suite.
        unique: dict[str, Spec] = {}
        for spec in (s for s in specs if s.table == table):
            unique.setdefault(repr((spec.type, sorted(spec.kwargs.items(), key=lambda kv: kv[0]))), spec)
        if not unique:
            continue
        # cells that do not parse are null in the frame and reported by the pandera layer
        cast = {(c.row, c.column) for c in inputs.cast_failures if c.table == table}
        jobs.append(_Job(table, inputs.typed(table).to_pandas(), list(unique.values()), cast))
    return jobs


#: GX's fixed cost of one expectation, in rows' worth of its per-row cost: how the tables are split
#: between two processes. Measured pass/fail in one process: 320 expectations take 1.7 s on the real
#: data (17,000 expectation-rows) and 9.8 s on the 1M-row synthetic package (14.6 million), so about
#: 5 ms an expectation and 0.56 microseconds a row of one.
_ROWS_PER_EXPECTATION = 9_000


class _Passed:
    """What ``_record`` reads of an expectation that passed on a pass/fail run."""

    success = True
    result: dict[str, Any] = {}
    exception_info: dict[str, Any] = {}


_PASSED = _Passed()


def _passed(jobs: list[_Job], check: Any, *, fork: bool) -> dict[str, set[int]]:
    """For each table, the expectations that pass (asked pass/fail only), in two halves at once when ``fork``."""

    def ask(share: list[_Job]) -> dict[str, list[int]]:
        out = {}
        for job in share:
            answers = check(job, range(len(job.specs)), "BOOLEAN_ONLY")
            out[job.table] = sorted(i for i, r in answers.items() if r.success and _exception(r) is None)
        return out

    if not (fork and len(jobs) > 1 and _fork.available()):
        return {t: set(found) for t, found in ask(jobs).items()}
    # The cheapest table first, here: what GX and its helpers create when first used (tqdm's
    # multiprocessing lock, among others) is then created once, before the fork, and is not left
    # behind by a copy that ends without cleaning up. The rest in two halves of about equal cost:
    # GX pays per expectation, and per row for each expectation.
    def cost(job: _Job) -> int:
        return len(job.specs) * (_ROWS_PER_EXPECTATION + len(job.frame))

    first = min(jobs, key=cost)
    started = time.perf_counter()
    done = ask([first])
    warm = time.perf_counter() - started
    mine: list[_Job] = []
    theirs: list[_Job] = []
    for job in sorted((j for j in jobs if j is not first), key=cost, reverse=True):
        (mine if cost(first) + sum(map(cost, mine)) <= sum(map(cost, theirs)) else theirs).append(job)
    ratio = sum(map(cost, theirs)) / (cost(first) + sum(map(cost, mine)))
    own, other = _fork.share(lambda: {**done, **ask(mine)}, lambda: ask(theirs), ratio=ratio, spent=warm)
    expected = {j.table for j in theirs}
    if not isinstance(other, dict) or set(other) != expected or not all(
        isinstance(v, list) and all(isinstance(i, int) for i in v) for v in other.values()
    ):
        other = ask(theirs)  # the copy failed: its share is done here
    return {t: set(found) for t, found in {**own, **other}.items()}


def _validate(gx: Any, gxe: Any, batch: Any, table: str, specs: list[Spec], which: Any, result_format: str) -> dict[int, Any]:
    """GX's result for each of ``specs[i]``, ``i`` in ``which``, validated as one suite."""
    # The suite is not saved (saving re-serialises the project); each expectation carries its
    # index in ``meta``, which GX hands back with its result.
    suite = gx.ExpectationSuite(name=f"qantar-{table}", expectations=[
        getattr(gxe, _class_name(specs[i].type))(**specs[i].kwargs, meta={"qantar": i}) for i in which
    ])
    out: dict[int, Any] = {}
    for r in batch.validate(suite, result_format=result_format).results:
        i = (r.expectation_config.meta or {}).get("qantar")
        if isinstance(i, int) and 0 <= i < len(specs):
            out[i] = r
    missing = set(which) - set(out)
    if missing:  # pragma: no cover - every expectation of the suite gets a result
        raise RuntimeError(f"Great Expectations returned no result for {len(missing)} expectation(s) of {table}")
    return out


def _record(spec: Spec, r: Any, result: LayerResult, details: list[dict[str, Any]], cast: set[tuple[int, str]]) -> None:
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
    rule = spec.rule
    if error is not None:
        result.fail(check_id, rule, spec.table, None, spec.column, None, f"the expectation raised: {error}")
        return
    indexes = res.get("unexpected_index_list")
    values = res.get("unexpected_list") or res.get("partial_unexpected_list")
    if spec.column and indexes and "mostly" not in spec.kwargs:
        for i, idx in enumerate(indexes):
            row = int(idx) + 1 if isinstance(idx, int) else None
            if (row, spec.column) in cast:
                continue
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
