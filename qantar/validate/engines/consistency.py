"""Layer 3: the cross-table rules (``validators/sql/*.sql``, DuckDB) and the rules that need Python.

Each SQL rule is one query returning the offending rows as ``"table", "row", "column", "value",
detail``. This engine only supplies what SQL cannot read by itself, as relations the queries join:

* every table, typed by the one type map, with a 1-based ``_row``;
* ``spans``: one row per span that a table declares (``qantar:spans`` in the descriptor) and a row
  fills: ``table``, ``_row``, ``span``, ``kind``, ``source_id``, ``char_start``, ``char_end``,
  ``text``, ``translation``, ``text_column``, ``translation_column``, ``verbatim`` (whether the
  article's text at those offsets is ``text``; NULL when the article cannot be read, the span is
  negative or reversed, or ``text`` is NULL) and ``slice``, the article's text at those offsets where
  it is not ``text`` (NULL where it is: a million quotes are not held twice), at most 60 code points
  longer than ``text``. Both are computed in Python (code points, constant time per index;
  DuckDB's ``substring`` walks the UTF-8 text from its start, so cutting in SQL costs rows x
  article size);
* ``articles``: each source's article file as it is (exists, bytes, sha256, readable as UTF-8);
* ``resources``: the descriptor's resources (name, type, path, bytes, hash);
* ``number_readings``: each ``figures.number_as_written`` read by ``qantar.text.numbers``;
* ``package_versions``: the versions stated by the descriptor, CHANGELOG.md, CITATION.cff and the
  installed package;
* ``role_event_types``, ``role_actor_types`` and ``role_statuses``: which event types, actor types
  and event statuses each event_actors role fits (``validators/roles.toml``; ``'*'`` is any).

The SQL runs with DuckDB's external access switched off: a rule reads these relations and nothing
else. The rules are qantar's own (``qantar.validate.catalogue``), never the package's.

Then the Python rules of ``validators/python.toml``, each ``qantar.validate.rules.<module>.check``
(for a small package, while the SQL runs in a thread beside them; the report lists SQL first either way).

Every rule, SQL or Python, runs with the same budget (``RULE_SECONDS``): DuckDB is interrupted, a
Python rule is stopped by ``qantar.validate.deadline``; the rule is reported as stopped and the
others still run.
"""

from __future__ import annotations

import importlib
import re
import threading
from typing import Any

import polars as pl

from qantar._safe_files import MAX_TEXT_BYTES
from qantar.validate import catalogue
from qantar.validate.deadline import OutOfTime, alarm, budget
from qantar.validate.inputs import Inputs, report_malformed
from qantar.validate.report import LayerResult, MissingDependency
from qantar.versions import cff_value, changelog_version

LAYER = "consistency"
_NO_TABLE = re.compile(r"Table with name (\w+) does not exist")
#: How long one rule may run before it is stopped and reported. The costliest SQL rule takes under 2 s
#: and the costliest Python rule under 10 s at a million rows; a package built to make a join explode
#: (many rows sharing one key) or a search repeat (many quotes late in one large article) is stopped
#: here instead of stalling the validator.
RULE_SECONDS = 120.0
#: The rows one SQL rule may report: enough for any real package, and a bound on what a crafted one costs.
MAX_ROWS = 100_000
_BATCH = 10_000


def _versions(inputs: Inputs, result: LayerResult) -> list[tuple[str, str | None]]:
    from qantar import _locate

    out: list[tuple[str, str | None]] = [("datapackage.json", inputs.version)]
    for name, read in (("CHANGELOG.md", changelog_version), ("CITATION.cff", lambda t: cff_value(t, "version"))):
        text = inputs.read_text(name)
        if text is not None:
            out.append((name, read(text)))
        elif (problem := inputs.problem(name, limit=MAX_TEXT_BYTES)) == "file is missing":
            result.notes.append(f"versions-agree: no {name} in the package, not compared")
        else:
            result.fail("versions-agree", "versions-agree", None, None, None, name, f"{name} is not read: {problem}")
    try:
        same = inputs.root.resolve() == _locate.data_root().resolve()
    except Exception:
        same = False
    if same:
        try:
            from importlib.metadata import PackageNotFoundError, version

            out.append(("installed package", version("qantar")))
        except PackageNotFoundError:
            result.notes.append("versions-agree: qantar is not installed, so no installed version is compared")
    else:
        result.notes.append(
            "versions-agree: this is not the copy of the data that ships with the installed qantar, "
            "so the installed package's version is not compared (the descriptor, CHANGELOG.md and "
            "CITATION.cff still are)"
        )
    return out


def frames(inputs: Inputs) -> dict[str, pl.DataFrame]:
    """Every relation the SQL rules read (see the module's docstring)."""
    from qantar.text.numbers import read

    out: dict[str, pl.DataFrame] = {}
    for name in inputs.tables:
        out[name] = inputs.typed(name).with_row_index("_row", offset=1).with_columns(pl.col("_row").cast(pl.Int64))
    arts = inputs.articles
    out["articles"] = pl.DataFrame(
        {
            "source_id": [a.source_id for a in arts], "path": [a.path for a in arts],
            "file_exists": [a.exists for a in arts], "file_bytes": [a.bytes for a in arts],
            "file_sha256": [a.sha256 for a in arts], "readable": [a.text is not None for a in arts],
            "decode_error": [a.decode_error for a in arts], "read_error": [a.read_error for a in arts],
        },
        schema={
            "source_id": pl.String, "path": pl.String, "file_exists": pl.Boolean, "file_bytes": pl.Int64,
            "file_sha256": pl.String, "readable": pl.Boolean, "decode_error": pl.String, "read_error": pl.String,
        },
    )
    out["spans"] = spans(inputs, out)
    res = list(inputs.model.resources())
    out["resources"] = pl.DataFrame(
        {
            "name": [r.name for r in res],
            "type": ["table" if r.name in inputs.tables else "file" for r in res],
            "path": [r.raw.get("path") if isinstance(r.raw.get("path"), str) else None for r in res],
            "bytes": [r.bytes for r in res], "hash": [r.hash_hex for r in res],
        },
        schema={"name": pl.String, "type": pl.String, "path": pl.String, "bytes": pl.Int64, "hash": pl.String},
    )
    written: list[str] = []
    if "figures" in out and "number_as_written" in out["figures"].columns:
        written = sorted({w for w in out["figures"]["number_as_written"].to_list() if w is not None})
    readings = [read(w) for w in written]
    out["number_readings"] = pl.DataFrame(
        {
            "number_as_written": written, "readable": [r is not None for r in readings],
            "value": [r.value if r else None for r in readings], "low": [r.low if r else None for r in readings],
            "high": [r.high if r else None for r in readings],
            "qualifier": [r.qualifier if r else None for r in readings], "kind": [r.kind if r else None for r in readings],
        },
        schema={
            "number_as_written": pl.String, "readable": pl.Boolean, "value": pl.Int64, "low": pl.Int64,
            "high": pl.Int64, "qualifier": pl.String, "kind": pl.String,
        },
    )
    fits = catalogue.roles()
    for name, attr, column in (("role_event_types", "event_types", "event_type"), ("role_actor_types", "actor_types", "actor_type"),
                               ("role_statuses", "statuses", "status")):
        pairs = [(f.role, v) for f in fits for v in getattr(f, attr)]
        out[name] = pl.DataFrame({"role": [r for r, _ in pairs], column: [v for _, v in pairs]},
                                 schema={"role": pl.String, column: pl.String})
    return out


_SLICE_EXTRA = 60
_ROWS_AT_ONCE = 50_000

SPAN_SCHEMA = {
    "table": pl.Categorical, "_row": pl.Int64, "span": pl.Categorical, "kind": pl.Categorical, "source_id": pl.String,
    "char_start": pl.Int64, "char_end": pl.Int64, "text": pl.String, "translation": pl.String,
    "text_column": pl.Categorical, "translation_column": pl.Categorical, "verbatim": pl.Boolean, "slice": pl.String,
}


def _label(value: str | None) -> pl.Expr:
    """A column holding one name on every row, stored once: a categorical reaches DuckDB as an
    Arrow dictionary, which it reads as VARCHAR (a string per row would cost 16 bytes a row, twice)."""
    return pl.lit(value, pl.String).cast(pl.Categorical)


def spans(inputs: Inputs, tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """One row per declared span a row fills, with the article's text at its offsets."""
    parts = []
    for span in inputs.model.spans():
        frame = tables.get(span.table)
        if frame is None or not all(c in frame.columns for c in span.columns):
            continue
        kinds = frame.select(span.source, span.start, span.end).schema
        if kinds[span.start] != pl.Int64 or kinds[span.end] != pl.Int64:
            continue  # a descriptor that types the offsets otherwise: the schema layers report it
        parts.append(frame.select(
            _label(span.table).alias("table"), pl.col("_row"), _label(span.name).alias("span"),
            _label(span.kind).alias("kind"), pl.col(span.source).cast(pl.String).alias("source_id"),
            pl.col(span.start).alias("char_start"), pl.col(span.end).alias("char_end"),
            pl.col(span.text).cast(pl.String).alias("text"),
            (pl.col(span.translation).cast(pl.String) if span.translation else pl.lit(None, pl.String)).alias("translation"),
            _label(span.text).alias("text_column"), _label(span.translation).alias("translation_column"),
        ).filter(pl.col("char_start").is_not_null() & pl.col("char_end").is_not_null()))
    if not parts:
        return pl.DataFrame(schema=SPAN_SCHEMA)
    frame = pl.concat(parts)
    texts = inputs.texts()
    verbatim: list[bool | None] = []
    slices: list[str | None] = []
    # read a batch of rows at a time: a million quotes as Python strings at once would cost more
    # memory than the whole spans relation
    rows = (r for part in frame.select("source_id", "char_start", "char_end", "text").iter_slices(_ROWS_AT_ONCE)
            for r in zip(*(part[c].to_list() for c in part.columns), strict=True))
    for sid, a, b, q in rows:
        t = texts.get(sid)
        if t is None or q is None or not 0 <= a <= b:
            verbatim.append(None)
            slices.append(None)
            continue
        # compared in place (no copy of the article's text) unless it differs
        same = b - a == len(q) and t.startswith(q, a, b) if q else t[a:b] == q
        verbatim.append(same)
        # A slice longer than its span's text cannot equal it, so it is cut at the text's length
        # plus _SLICE_EXTRA: a package whose spans each cover a whole large article does not cost
        # rows x article size.
        slices.append(None if same else t[a:min(b, a + len(q) + _SLICE_EXTRA)])
    return frame.with_columns(pl.Series("verbatim", verbatim, dtype=pl.Boolean), pl.Series("slice", slices, dtype=pl.String))


#: A package whose relations all have at most this many rows reaches DuckDB through the Arrow
#: PyCapsule interface; a larger one through pyarrow (see ``_Stream``).
STREAM_ROWS = 20_000


class _Stream:
    """A polars frame as an Arrow C stream (the PyCapsule interface), which DuckDB reads with no pyarrow.

    For small packages only: importing pyarrow (with numpy) costs 0.2 s, a tenth of ``qantar
    validate --fast`` on the real package, but DuckDB reads such a stream whole at every scan (no
    column or filter pushdown) and knows no row count to plan joins by. A larger package goes as
    pyarrow tables of polars' own string layout (Arrow string views), which DuckDB scans in place,
    reading only the columns a rule names (the default conversion copies every string: 0.6 GB more
    at a million rows). The two are never mixed: a query joining a stream to a large table was
    planned badly (5 s and 3 GB at a million rows, against 0.03 s).
    """

    __slots__ = ("frame",)

    def __init__(self, frame: pl.DataFrame) -> None:
        self.frame = frame

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        return self.frame.__arrow_c_stream__(requested_schema)


#: The polars the rules are written for (2.x's explode and is_in; pyproject's validate extra asks for it).
POLARS = (2, 1)


def run(inputs: Inputs, result: LayerResult, *, skip: frozenset[str] = frozenset(), fast: bool = False) -> None:
    try:
        import duckdb
    except ImportError as exc:  # pragma: no cover
        raise MissingDependency(LAYER, "duckdb") from exc
    if tuple(int(p) for p in pl.__version__.split(".")[:2] if p.isdigit()) < POLARS:
        # an older polars would stop some rules and read empty lists otherwise in others: no half-checked verdict
        raise MissingDependency(LAYER, f"polars>={POLARS[0]}.{POLARS[1]} (installed: {pl.__version__})")
    report_malformed(inputs, result, partial=True)
    relations = frames(inputs)
    versions = _versions(inputs, result)
    relations["package_versions"] = pl.DataFrame(
        {"origin": [o for o, _ in versions], "version": [v for _, v in versions]},
        schema={"origin": pl.String, "version": pl.String},
    )
    con = duckdb.connect(":memory:")
    small = max(frame.height for frame in relations.values()) <= STREAM_ROWS
    try:
        for name, frame in relations.items():
            con.register(name, _Stream(frame) if small else frame.to_arrow(compat_level=pl.CompatLevel.newest()))
        if small:
            # one DuckDB thread: the Python rules run beside it on the other core (below), and a rule
            # over a few thousand rows takes milliseconds, so handing its parts to other threads costs
            # more than it saves (the 46 rules of the real package: 0.1 s on one thread, 0.15-0.25 s on two)
            con.execute("SET threads = 1")
        con.execute("SET enable_external_access = false")  # a rule reads these relations, nothing else
    except BaseException:
        con.close()
        raise
    del relations  # DuckDB holds what it reads; the rest is freed with the connection
    sql = LayerResult(result.layer)
    python = LayerResult(result.layer)
    if small:
        # The SQL rules run in a thread of their own while the Python rules run here, so the two share
        # the machine's cores (0.2 s of the real package's 0.9 s). Only for a small package: a large one
        # reaches DuckDB as pyarrow tables, whose scans hold the interpreter's lock, so the two threads
        # took turns (19 s against 18 s at a million rows) and its relations were kept alive meanwhile
        # (190 MiB more at the peak).
        crashed: list[BaseException] = []
        stop = threading.Event()

        def run_sql() -> None:
            try:
                _sql_rules(con, sql, skip, stop)
            except BaseException as exc:  # raised below, in the layer's own thread
                crashed.append(exc)

        thread = threading.Thread(target=run_sql, name="qantar-sql-rules", daemon=True)
        thread.start()
        try:
            _python_rules(inputs, python, skip=skip, fast=fast)
        except BaseException:  # Ctrl-C or a crash: the SQL stops too, rather than being waited for
            stop.set()
            con.interrupt()
            raise
        finally:
            thread.join()
            con.close()
        if crashed:
            raise crashed[0]
    else:
        try:
            _sql_rules(con, sql, skip)
        finally:
            con.close()  # the spans and Arrow views are the SQL's alone: a million-row package frees hundreds of MB
        _python_rules(inputs, python, skip=skip, fast=fast)
    # reported SQL first, as they are listed
    for part in (sql, python):
        result.checks_run += part.checks_run
        result.failed_checks |= part.failed_checks
        result.failures.extend(part.failures)
        result.skipped.extend(part.skipped)
        result.notes.extend(part.notes)


def _sql_rules(con: Any, result: LayerResult, skip: frozenset[str], stop: threading.Event | None = None) -> None:
    import duckdb

    absent: set[str] = set()
    for rule in catalogue.sql_rules():
        if stop is not None and stop.is_set():
            return
        if rule.name in skip:
            result.skipped.append((rule.name, "skipped on request (--skip)"))
            continue
        result.check(rule.name)
        try:
            with alarm(RULE_SECONDS, con.interrupt):  # the process's one watchdog thread, not a thread per rule
                cursor = con.execute(rule.sql)
                names = [d[0] for d in cursor.description]
                rows = []
                while len(rows) <= MAX_ROWS and (batch := cursor.fetchmany(_BATCH)):
                    rows.extend(batch)
        except duckdb.InterruptException:
            result.fail(rule.name, rule.name, None, None, None, None, _stopped())
            continue
        except duckdb.CatalogException as exc:
            # a package without a table the rule reads: reported once per table, the rule skipped
            m = _NO_TABLE.search(str(exc))
            if m is None:
                result.fail(rule.name, rule.name, None, None, None, None, f"the rule could not run: {exc}")
                continue
            if m[1] not in absent:
                absent.add(m[1])
                result.fail(f"table-present:{m[1]}", "table-present", m[1], None, None, None,
                            f"the package has no table {m[1]!r}, which the cross-table rules read")
            result.skipped.append((rule.name, f"it reads the table {m[1]!r}, which the package lacks"))
            continue
        except duckdb.Error as exc:
            result.fail(rule.name, rule.name, None, None, None, None, f"the rule could not run: {exc}")
            continue
        if len(rows) > MAX_ROWS:
            del rows[MAX_ROWS:]
            result.fail(rule.name, rule.name, None, None, None, None,
                        f"the rule found more than {MAX_ROWS:,} rows; the first {MAX_ROWS:,} are listed")
        for values in rows:
            rec = dict(zip(names, values, strict=True))
            row = rec.get("row")
            result.fail(
                rule.name, rule.name, rec.get("table"), int(row) if row is not None else None,
                rec.get("column"), rec.get("value"), str(rec.get("detail") or rule.description),
            )


def _python_rules(inputs: Inputs, result: LayerResult, *, skip: frozenset[str], fast: bool) -> None:
    rules = catalogue.python_rules()
    for at, rule in enumerate(rules):
        _free_memo(inputs, rules[at:])
        if rule.name in skip:
            result.skipped.append((rule.name, "skipped on request (--skip)"))
            continue
        if fast and rule.slow:
            result.skipped.append((rule.name, "slow: left out by --fast"))
            continue
        result.check(rule.name)
        try:
            module = importlib.import_module(f"qantar.validate.rules.{rule.module}")
            with budget(RULE_SECONDS):
                findings: list[Any] = list(module.check(inputs))
        except OutOfTime:
            result.fail(rule.name, rule.name, None, None, None, None, _stopped())
            continue
        except Exception as exc:  # e.g. a column the rule needs is missing: the schema layers say which
            result.fail(rule.name, rule.name, None, None, None, None, f"the rule could not run: {type(exc).__name__}: {exc}")
            continue
        for f in findings:
            result.fail(rule.name, rule.name, f.table, f.row, f.column, f.value, f.message)
    _free_memo(inputs, ())


def _free_memo(inputs: Inputs, left: tuple[catalogue.PyRule, ...]) -> None:
    """Drop the parts of ``inputs.memo`` no rule in ``left`` shares (python.toml's ``shares``): the
    coverage index and the articles' tokens are about 90 MiB at a million rows, held for nothing once
    the rules that read them are done. A rule that reads an undeclared part only rebuilds it."""
    kept = {part for rule in left for part in rule.shares}
    for key in [k for k in inputs.memo if k.split(".", 1)[0] not in kept]:
        del inputs.memo[key]


def _stopped() -> str:
    return (f"the rule was stopped after {RULE_SECONDS:g} s: the package makes it too costly (for example, many "
            "rows sharing a key the rule joins on, or many quotes searched for in one large article); fix what "
            "the other layers report and run it again")
